window.YTD.protected_history.part0 = [
  {
    "protectedHistory" : {
      "protectedAt" : "2026-10-14T21:30:00.000Z",
      "action" : "Unprotect"
    }
  },
  {
    "protectedHistory" : {
      "action" : "Protect"
    }
  }
]