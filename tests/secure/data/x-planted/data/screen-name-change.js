window.YTD.screen_name_change.part0 = [
  {
    "screenNameChange" : {
      "accountId" : "1113506994058273459",
      "screenNameChange" : {
        "changedAt" : "2025-01-10T12:00:00.000Z",
        "changedFrom" : "samtaylor_cbt",
        "changedTo" : "samtaylorcbt"
      }
    }
  },
  {
    "screenNameChange" : {
      "accountId" : "1113506994058273459",
      "screenNameChange" : {
        "changedAt" : "2025-02-30T10:00:00.000Z",
        "changedFrom" : "samtaylorcbt",
        "changedTo" : "samtaylorcbt2"
      }
    }
  }
]