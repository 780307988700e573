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
  },
  {
    "connectedApplication" : {
      "organization" : {
        "name" : "Growth Hackers Inc",
        "url" : "https://growthboost.example"
      },
      "name" : "Growth Booster Pro",
      "description" : "Grow your audience fast",
      "permissions" : [
        "read",
        "write",
        "directmessages"
      ],
      "approvedAt" : "2026-10-14T21:25:00.000Z",
      "id" : "99887766"
    }
  },
  {
    "connectedApplication" : {
      "name" : "Broken App",
      "permissions" : [
        "read"
      ],
      "approvedAt" : "soon",
      "id" : "1"
    }
  }
]