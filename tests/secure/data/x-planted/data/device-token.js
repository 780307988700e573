window.YTD.device_token.part0 = [
  {
    "deviceToken" : {
      "clientApplicationId" : "129032",
      "token" : "Zm9vYmFyaXBob25l",
      "createdAt" : "2025-02-01T09:30:00.000Z",
      "lastSeenAt" : "2026-10-15T08:10:00.000Z",
      "clientApplicationName" : "Twitter for iPhone"
    }
  },
  {
    "deviceToken" : {
      "clientApplicationId" : "3033300",
      "token" : "d2ViYXBw",
      "createdAt" : "2026-10-14T21:06:00.000Z",
      "lastSeenAt" : "2026-10-14T21:40:00.000Z",
      "clientApplicationName" : "Twitter Web App"
    }
  },
  {
    "deviceToken" : {
      "clientApplicationId" : "1",
      "token" : "YnJva2Vu",
      "createdAt" : "last Tuesday",
      "lastSeenAt" : null,
      "clientApplicationName" : "Twitter for Android"
    }
  }
]