"""A realistic mix of posts for benchmarks: mostly harmless professional and personal posts,
some about clients, a few problems, 120 to 280 characters, deterministic for a seed.
"""

from __future__ import annotations

import random

OPENERS = [
    "Really proud of the team today.",
    "Quick thought for anyone starting CBT:",
    "Long day in clinic.",
    "Lovely walk by the canal this morning.",
    "New blog post is up.",
    "Reminder for colleagues:",
    "Supervision was so useful this week.",
    "Reading the new NICE guidance on depression.",
    "Training day in Manchester.",
    "Had a great session with my 3pm today,",
]
MIDDLES = [
    "exposure is hard at first but the anxiety usually peaks and then falls.",
    "thought records work best when you catch the thought while the feeling is still hot.",
    "if you're struggling tonight, Samaritans are there on 116 123, any time.",
    "we talked about behavioural activation and small steps that add up.",
    "Jess, a 34 year old teacher from Otley, finally got on the bus alone.",
    "the waiting list is still far too long and commissioners need to hear it.",
    "I disagree with the paper's conclusions: the sample was small and unblinded.",
    "BABCP's accreditation fees feel high for newly qualified therapists, here's why.",
    "@sceptic_dan you are a clueless idiot, STOP posting this rubbish!!!",
    "your therapist name is your first pet + the street you grew up on, what's yours?",
    "renew your membership at http://babcp-renewals.com/login before Friday.",
    "I guarantee you'll be anxiety-free in 6 sessions or your money back.",
]
CLOSERS = [
    "#CBT #MentalHealth",
    "Be kind to yourselves this week.",
    "More soon.",
    "Thoughts welcome.",
    "",
    "Link in bio.",
    "Grateful for this work.",
    "☕",
]
# weights: most posts harmless, about one in seven with a problem
MIDDLE_WEIGHTS = [10, 10, 6, 8, 1, 5, 4, 3, 1, 1, 1, 1]


def realistic_posts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    posts = []
    for _ in range(n):
        post = " ".join(
            part
            for part in (
                rng.choice(OPENERS),
                rng.choices(MIDDLES, MIDDLE_WEIGHTS)[0],
                rng.choice(MIDDLES) if rng.random() < 0.3 else "",
                rng.choice(CLOSERS),
            )
            if part
        )
        posts.append(post[:280])
    return posts
