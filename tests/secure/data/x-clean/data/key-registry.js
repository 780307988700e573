window.YTD.key_registry.part0 = [
  {
    "registeredDevices" : {
      "deviceMetadataList" : [
        {
          "userAgent" : "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
          "registrationToken" : "a1b2c3",
          "identityKey" : "k1",
          "createdAt" : "2025-02-01T09:31:00.000Z",
          "deviceId" : "d-iphone"
        }
      ]
    }
  }
]