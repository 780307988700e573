window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "sam@samtaylorcbt.example",
      "createdVia" : "web",
      "username" : "samtaylorcbt",
      "accountId" : "1113506994058273459",
      "createdAt" : "2019-04-03T18:22:10.000Z",
      "accountDisplayName" : "Sam Taylor (CBT)"
    }
  }
]