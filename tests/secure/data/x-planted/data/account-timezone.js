window.YTD.account_timezone.part0 = [
  {
    "accountTimezone" : {
      "accountId" : "1113506994058273459",
      "timeZone" : "London"
    }
  },
  {
    "accountTimezone" : {
      "accountId" : "1113506994058273459"
    }
  }
]