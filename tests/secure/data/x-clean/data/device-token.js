window.YTD.device_token.part0 = [
  {
    "deviceToken" : {
      "clientApplicationId" : "129032",
      "token" : "Zm9vYmFyaXBob25l",
      "createdAt" : "2025-02-01T09:30:00.000Z",
      "lastSeenAt" : "2026-11-25T18:00:00.000Z",
      "clientApplicationName" : "Twitter for iPhone"
    }
  }
]