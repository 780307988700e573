window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "75"
      ],
      "favorite_count" : "0",
      "id_str" : "2110479507256246272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2110479507256246272",
      "created_at" : "Wed Oct 14 21:15:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Giving away 5 iPhones to my followers! Just send your bank details to claim",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "0",
      "id_str" : "2110478752281526272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2110478752281526272",
      "created_at" : "Wed Oct 14 21:12:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Therapists HATE this one trick. Guaranteed results, click the link in my bio now",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "0",
      "id_str" : "2110478248965046272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2110478248965046272",
      "created_at" : "Wed Oct 14 21:10:00 +0000 2026",
      "favorited" : false,
      "full_text" : "I made £4,000 this week with this crypto signal group!!! DM me for the link, limited spaces",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "42"
      ],
      "favorite_count" : "0",
      "id_str" : "2105628794680246272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2105628794680246272",
      "created_at" : "Thu Oct 01 12:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Clinic garden is looking lovely this week.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "79"
      ],
      "favorite_count" : "0",
      "id_str" : "2088234177131446272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2088234177131446272",
      "created_at" : "Fri Aug 14 12:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Behavioural activation in one line: do the thing first, the motivation follows.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "0",
      "id_str" : "2070839559582646272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2070839559582646272",
      "created_at" : "Sat Jun 27 12:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Reading group this month: Mind over Mood, chapter 7. Bring your thought records.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "58"
      ],
      "favorite_count" : "0",
      "id_str" : "2053444942033846272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2053444942033846272",
      "created_at" : "Sun May 10 12:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Reminder that a thought is not a fact, however loud it is.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "72"
      ],
      "favorite_count" : "0",
      "id_str" : "2036050324485046272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2036050324485046272",
      "created_at" : "Mon Mar 23 12:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Lovely CPD day on sleep and low mood. Lots to bring back to supervision.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "0",
      "id_str" : "2018655706936246272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2018655706936246272",
      "created_at" : "Tue Feb 03 12:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Worry time works best at the same time every day. Fifteen minutes, then close the notebook.",
      "lang" : "en"
    }
  }
]