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
        },
        {
          "userAgent" : "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
          "registrationToken" : "d4e5f6",
          "identityKey" : "k2",
          "createdAt" : "2026-10-14T21:06:00.000Z",
          "deviceId" : "d-windows"
        },
        {
          "userAgent" : "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
          "registrationToken" : "g7h8i9",
          "identityKey" : "k3",
          "createdAt" : "0000-00-00",
          "deviceId" : "d-broken"
        }
      ]
    }
  }
]