window.YTD.tweets.part0 = [
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
      "id_str" : "2123748187960246272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2123748187960246272",
      "created_at" : "Fri Nov 20 12:00:00 +0000 2026",
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
      "id_str" : "2102729691755446272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2102729691755446272",
      "created_at" : "Wed Sep 23 12:00:00 +0000 2026",
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
      "id_str" : "2081711195550646272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2081711195550646272",
      "created_at" : "Mon Jul 27 12:00:00 +0000 2026",
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
      "id_str" : "2060692699345846272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2060692699345846272",
      "created_at" : "Sat May 30 12:00:00 +0000 2026",
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
      "id_str" : "2039674203141046272",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2039674203141046272",
      "created_at" : "Thu Apr 02 12:00:00 +0000 2026",
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