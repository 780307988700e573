window.YTD.email_address_change.part0 = [
  {
    "emailAddressChange" : {
      "accountId" : "1113506994058273459",
      "emailChange" : {
        "changedAt" : "2026-10-14T21:20:00.000Z",
        "changedTo" : "samtaylor.support@quickmail.example"
      }
    }
  },
  {
    "emailAddressChange" : {
      "accountId" : "1113506994058273459",
      "changedAt" : "2025-03-02T10:15:00.000Z",
      "changedFrom" : "sam.taylor@oldmail.example",
      "changedTo" : "sam@samtaylorcbt.example"
    }
  },
  {
    "emailAddressChange" : {
      "accountId" : "1113506994058273459",
      "emailChange" : {
        "changedTo" : "someone@else.example"
      }
    }
  }
]