window.YTD.connected_application.part0 = [
  {
    "connectedApplication" : {
      "organization" : {
        "name" : "Quiet Reader Ltd",
        "url" : "https://quietreader.example",
        "privacyPolicyUrl" : "",
        "termsAndConditionsUrl" : ""
      },
      "name" : "Quiet Reader",
      "description" : "Read your timeline later",
      "permissions" : [
        "read"
      ],
      "approvedAt" : "2025-06-01T19:00:00.000Z",
      "id" : "24681357"
    }
  }
]