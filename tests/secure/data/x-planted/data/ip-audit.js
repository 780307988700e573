window.YTD.ip_audit.part0 = [
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-10-15T08:10:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-10-14T21:05:00.000Z",
      "loginIp" : "177.37.120.5"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-10-14T20:40:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-13-45T25:61:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-10-08T13:05:00.000Z",
      "loginIp" : "82.132.200.17"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-09-01T09:00:00.000Z"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-09-27T08:48:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-09-16T15:31:00.000Z",
      "loginIp" : "81.2.69.142"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-09-05T10:14:00.000Z",
      "loginIp" : "82.132.200.17"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-08-25T17:57:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-08-14T12:40:00.000Z",
      "loginIp" : "81.2.69.142"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-08-03T19:23:00.000Z",
      "loginIp" : "82.132.200.17"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-07-23T14:06:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-07-12T09:49:00.000Z",
      "loginIp" : "81.2.69.142"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-07-01T16:32:00.000Z",
      "loginIp" : "82.132.200.17"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-06-20T11:15:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-06-09T18:58:00.000Z",
      "loginIp" : "81.2.69.142"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-05-29T13:41:00.000Z",
      "loginIp" : "82.132.200.17"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-05-18T08:24:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-05-07T15:07:00.000Z",
      "loginIp" : "81.2.69.142"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-04-26T10:50:00.000Z",
      "loginIp" : "82.132.200.17"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-04-15T17:33:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-04-04T12:16:00.000Z",
      "loginIp" : "81.2.69.142"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-03-24T19:59:00.000Z",
      "loginIp" : "82.132.200.17"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-03-13T14:42:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-03-02T09:25:00.000Z",
      "loginIp" : "81.2.69.142"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-02-19T16:08:00.000Z",
      "loginIp" : "82.132.200.17"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-02-08T11:51:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-01-28T18:34:00.000Z",
      "loginIp" : "81.2.69.142"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-01-17T13:17:00.000Z",
      "loginIp" : "82.132.200.17"
    }
  },
  {
    "ipAudit" : {
      "accountId" : "1113506994058273459",
      "createdAt" : "2026-01-06T08:00:00.000Z",
      "loginIp" : "86.150.12.34"
    }
  }
]