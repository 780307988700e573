window.YTD.ni_devices.part0 = [
  {
    "niDeviceResponse" : {
      "messagingDevice" : {
        "phoneNumber" : "+447700900123",
        "carrier" : "EE",
        "deviceType" : "Auth",
        "createdDate" : "2024.03.05",
        "updatedDate" : "2024.03.05"
      }
    }
  }
]