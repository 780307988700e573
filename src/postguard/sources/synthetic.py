"""Write realistic synthetic X archives for the benchmark and tests (no real data anywhere).

An account of a fictional CBT therapist: mostly harmless professional posts, threads, replies,
retweets, quotes and photos from a few client apps at plausible hours, plus a small share of
planted problems (the rule each should fire is recorded) and one account-takeover incident: a
burst of abusive posts at night from a client app never used before. Deterministic for a seed;
50,000 posts take a few seconds.

    python -m postguard.sources.synthetic x-50k.zip --posts 50000 --seed 1
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import random
import struct
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TWITTER_EPOCH_MS = 1288834974657
USERNAME = "samtaylorcbt"
ACCOUNT_ID = "1113506994058273459"
DISPLAY_NAME = "Sam Taylor 🌿"

CLIENTS = (
    ("http://twitter.com/download/iphone", "Twitter for iPhone", 0.55),
    ("https://mobile.twitter.com", "Twitter Web App", 0.35),
    ("https://about.twitter.com/products/tweetdeck", "TweetDeck", 0.07),
    ("https://buffer.com", "Buffer", 0.03),
)
TAKEOVER_CLIENT = ("http://twitter.com/download/android", "Twitter for Andr0id")
TAKEOVER_POSTS = 12

# A 16x12 baseline JPEG (made once with Pillow), for attached photos.
_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZG"
    "NywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09P"
    "T09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAA"
    "AAb/xAAaEAABBQEAAAAAAAAAAAAAAAAAAgQVU6LR/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwT/xAAYEQACAwAAAAAA"
    "AAAAAAAAAAAAAQISE//aAAwDAQACEQMRAD8Ao5dhfhXBLsL8K4SwB3kT3Z//2Q=="
)

TIPS = (
    "a thought is a hypothesis, not a fact. Test it gently today.",
    "worry time works best at the same time every day. Fifteen minutes, then park it.",
    "avoidance shrinks your world a little at a time. Small steps back out count.",
    "sleep hygiene won't fix insomnia on its own, but a regular wake time helps a lot.",
    "behavioural activation in one line: do the thing first, motivation turns up later.",
    "safety behaviours quietly undo exposure work. Name them, then drop them one at a time.",
    "a panic attack peaks and passes. Your body can't sustain it; that's physiology, not luck.",
    "compassion isn't letting yourself off the hook, it's staying on your own side.",
    "reassurance feels good for a minute and feeds the doubt for a week.",
    "'should' statements are rules in disguise. Try 'I'd prefer' and notice the difference.",
)
TOPICS = (
    "low-intensity CBT",
    "panic disorder",
    "health anxiety",
    "OCD",
    "insomnia",
    "perfectionism",
    "social anxiety",
    "GAD",
    "behavioural activation",
    "exposure and response prevention",
    "compassion-focused work",
    "trauma-focused CBT",
    "supervision",
    "formulation",
)
EVENTS = ("workshop", "conference day", "CPD session", "webinar", "journal club", "training day")
REFLECTIONS = (
    "Lots to take back to the clinic.",
    "Brilliant speakers and even better questions.",
    "My notes are a mess but my head is full.",
    "Reminded how much I still have to learn.",
    "Now for a very long cup of tea.",
)
BLOG = (
    "five small behavioural experiments for anxious predictions",
    "why 'just think positive' misses the point",
    "what to expect from your first CBT session",
    "waiting lists: what you can do in the meantime",
    "a plain-English guide to exposure therapy",
    "how I use thought records (and when I don't)",
)
CAPTIONS = (
    "Therapy room refresh: new plant, same box of tissues.",
    "Today's reading pile.",
    "Autumn walk between sessions.",
    "New whiteboard, new formulations.",
    "Conference lanyard collection is getting out of hand.",
    "The clinic garden is finally blooming.",
)
COLLEAGUES = ("jordanlee_psych", "drpriya_k", "cbt_alex", "mindworksleeds", "northgatecbt")
REPLIES = (
    "Completely agree. Formulation first, techniques second.",
    "Thanks, that's really kind!",
    "Happy to share my template if it helps.",
    "Great point, I'll bring this to supervision.",
    "See you there!",
    "Such a useful summary, thank you.",
)
ORGS = (
    ("BABCP", "Registration for the annual conference is now open."),
    ("MindWorksLeeds", "Free lunchtime webinar for clinicians on sleep & low mood."),
    ("CBTjournalclub", "This month's paper: internet-delivered CBT for health anxiety."),
    ("NHSEngland", "Talking therapies are available without a GP referral."),
)
DECOYS = (
    "If you're struggling tonight, you don't have to wait for your next session. "
    "Samaritans are there 24/7 on 116 123.",
    "Killing two birds with one stone today: CPD hours done and that OCD chapter read.",
    "Asking someone directly about suicide does not put the idea in their head. Ask, listen, "
    "help them get support. #WSPD",
)
PLACES = ("Headingley", "Roundhay", "Chapel Allerton", "Beeston", "Horsforth", "Armley")
JOBS = ("primary school teacher", "nurse", "bus driver", "solicitor", "shop manager", "student")


@dataclass
class SyntheticArchive:
    """What was written: counts and the ids of planted posts (id -> expected rule code)."""

    path: Path
    posts: int = 0
    deleted: int = 0
    replies: int = 0
    reposts: int = 0
    media_posts: int = 0
    media_files: int = 0
    planted: dict[str, str] = field(default_factory=dict)
    takeover_ids: list[str] = field(default_factory=list)
    gps_photo_ids: list[str] = field(default_factory=list)


def jpeg_with_gps(lat: float, lon: float, make: str = "Apple", model: str = "iPhone 13") -> bytes:
    """The small JPEG with an EXIF block holding camera make/model and a GPS position."""

    def rationals(value: float) -> bytes:
        value = abs(value)
        degrees = int(value)
        minutes = int((value - degrees) * 60)
        seconds = round(((value - degrees) * 60 - minutes) * 60 * 100)
        return struct.pack(">6I", degrees, 1, minutes, 1, seconds, 100)

    def ascii_z(text: str) -> bytes:
        return text.encode("ascii") + b"\x00"

    make_b, model_b = ascii_z(make), ascii_z(model)
    ifd0_entries = 3
    ifd0_size = 2 + ifd0_entries * 12 + 4
    data_start = 8 + ifd0_size
    make_off, model_off = data_start, data_start + len(make_b)
    gps_off = model_off + len(model_b)
    gps_entries = 4
    gps_data = gps_off + 2 + gps_entries * 12 + 4
    lat_off, lon_off = gps_data, gps_data + 24
    tiff = b"MM\x00*" + struct.pack(">I", 8)
    tiff += struct.pack(">H", ifd0_entries)
    tiff += struct.pack(">HHII", 0x010F, 2, len(make_b), make_off)
    tiff += struct.pack(">HHII", 0x0110, 2, len(model_b), model_off)
    tiff += struct.pack(">HHII", 0x8825, 4, 1, gps_off)
    tiff += struct.pack(">I", 0) + make_b + model_b
    tiff += struct.pack(">H", gps_entries)
    tiff += struct.pack(">HHI", 0x0001, 2, 2) + (b"N" if lat >= 0 else b"S") + b"\x00\x00\x00"
    tiff += struct.pack(">HHII", 0x0002, 5, 3, lat_off)
    tiff += struct.pack(">HHI", 0x0003, 2, 2) + (b"E" if lon >= 0 else b"W") + b"\x00\x00\x00"
    tiff += struct.pack(">HHII", 0x0004, 5, 3, lon_off)
    tiff += struct.pack(">I", 0) + rationals(lat) + rationals(lon)
    app1 = b"Exif\x00\x00" + tiff
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    return _JPEG[:2] + segment + _JPEG[2:]


class _Writer:
    """Builds tweets in time order (newest first) from a seeded random generator."""

    def __init__(self, rng: random.Random, posts: int, start: dt.datetime, end: dt.datetime):
        self.rng = rng
        self.total = posts
        span = (end - start).total_seconds()
        # Posting times: uniform days, hours weighted to a UK working day and evening.
        hours = [
            0.2,
            0.1,
            0.05,
            0.05,
            0.1,
            0.3,
            1,
            2.5,
            3,
            2.5,
            2,
            2,
            2.5,
            2,
            1.8,
            1.8,
            2,
            2,
            2.2,
            2.4,
            2.4,
            2,
            1.2,
            0.6,
        ]
        stamps = []
        for _ in range(posts):
            day = start + dt.timedelta(seconds=rng.random() * span)
            hour = rng.choices(range(24), weights=hours)[0]
            stamps.append(day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60)))
        stamps.sort(reverse=True)
        self.stamps = stamps
        self.used_ids: set[int] = set()

    def snowflake(self, when: dt.datetime) -> str:
        ms = int(when.timestamp() * 1000)
        while True:
            value = ((ms - TWITTER_EPOCH_MS) << 22) | self.rng.randrange(1 << 22)
            if value not in self.used_ids:
                self.used_ids.add(value)
                return str(value)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tco(rng: random.Random) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "https://t.co/" + "".join(rng.choice(alphabet) for _ in range(10))


def _tweet(
    tweet_id: str,
    when: dt.datetime,
    text: str,
    client: tuple[str, str],
    *,
    urls: Sequence[tuple[str, str]] = (),
    reply_to: tuple[str, str, str] | None = None,
    media: list[dict[str, Any]] | None = None,
    mentions: Sequence[str] = (),
    hashtags: Sequence[str] = (),
    deleted_at: dt.datetime | None = None,
) -> dict[str, Any]:
    full = _escape(text)
    entities: dict[str, Any] = {
        "hashtags": [
            {
                "text": h,
                "indices": [
                    str(max(full.find("#" + h), 0)),
                    str(max(full.find("#" + h), 0) + len(h) + 1),
                ],
            }
            for h in hashtags
        ],
        "symbols": [],
        "user_mentions": [
            {
                "name": m,
                "screen_name": m,
                "indices": ["0", str(len(m) + 1)],
                "id_str": "3100000002",
                "id": "3100000002",
            }
            for m in mentions
        ],
        "urls": [
            {
                "url": short,
                "expanded_url": long,
                "display_url": long.split("//", 1)[-1][:26],
                "indices": [str(full.find(short)), str(full.find(short) + len(short))],
            }
            for short, long in urls
        ],
    }
    tweet: dict[str, Any] = {
        "edit_info": {
            "initial": {
                "editTweetIds": [tweet_id],
                "editableUntil": (when + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "editsRemaining": "5",
                "isEditEligible": True,
            }
        },
        "retweeted": False,
        "source": f'<a href="{client[0]}" rel="nofollow">{client[1]}</a>',
        "entities": entities,
        "display_text_range": ["0", str(len(full))],
        "favorite_count": str(int(tweet_id) % 60),
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": str(int(tweet_id) % 7),
        "id": tweet_id,
        "created_at": when.strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "favorited": False,
        "full_text": full,
        "lang": "en",
    }
    if urls:
        tweet["possibly_sensitive"] = False
    if reply_to:
        status, user_id, screen = reply_to
        tweet.update(
            {
                "in_reply_to_status_id_str": status,
                "in_reply_to_status_id": status,
                "in_reply_to_user_id": user_id,
                "in_reply_to_user_id_str": user_id,
                "in_reply_to_screen_name": screen,
            }
        )
    if media:
        entities["media"] = media
        tweet["extended_entities"] = {"media": media}
    if deleted_at:
        tweet["deleted_at"] = deleted_at.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return tweet


def _media(rng: random.Random, tweet_id: str, short: str) -> tuple[dict[str, Any], str]:
    name = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") for _ in range(15))
    media_id = str(int(tweet_id) - rng.randrange(1, 1 << 20))
    item = {
        "expanded_url": f"https://twitter.com/{USERNAME}/status/{tweet_id}/photo/1",
        "indices": ["0", "23"],
        "url": short,
        "media_url": f"http://pbs.twimg.com/media/{name}.jpg",
        "id_str": media_id,
        "id": media_id,
        "media_url_https": f"https://pbs.twimg.com/media/{name}.jpg",
        "sizes": {"large": {"w": "2048", "h": "1536", "resize": "fit"}},
        "type": "photo",
        "display_url": f"pic.twitter.com/{name[:10]}",
    }
    return item, f"{name}.jpg"


def _generate(
    rng: random.Random, writer: _Writer, info: SyntheticArchive
) -> Iterator[tuple[dict[str, Any], str | None]]:
    """(tweet, planted media bytes name) newest first; media name set when a file is written."""
    stamps = writer.stamps
    burst_start = stamps[len(stamps) // 3].replace(hour=3, minute=0, second=0)
    burst_end = burst_start + dt.timedelta(minutes=4 * TAKEOVER_POSTS)
    burst_done = False
    i = 0
    thread_parent: str | None = None
    while i < len(stamps):
        when = stamps[i]
        i += 1
        if not burst_done and when < burst_end:
            burst_done = True
            yield from _takeover(rng, writer, info, burst_start)
        client = rng.choices([c[:2] for c in CLIENTS], weights=[c[2] for c in CLIENTS])[0]
        tweet_id = writer.snowflake(when)
        roll = rng.random()
        media_name: str | None = None
        if roll < 0.012:
            tweet = _planted(rng, tweet_id, when, client, info)
        elif roll < 0.02:
            tweet = _tweet(tweet_id, when, rng.choice(DECOYS), client)
        elif roll < 0.16:
            user = rng.choice(COLLEAGUES)
            text = f"@{user} {rng.choice(REPLIES)}"
            parent = str(int(tweet_id) - rng.randrange(1 << 30, 1 << 36))
            tweet = _tweet(
                tweet_id, when, text, client, reply_to=(parent, "3100000002", user), mentions=[user]
            )
            info.replies += 1
        elif roll < 0.22:
            org, news = rng.choice(ORGS)
            tweet = _tweet(tweet_id, when, f"RT @{org}: {news}", client, mentions=[org])
            info.reposts += 1
        elif roll < 0.26:
            user = rng.choice(COLLEAGUES)
            short = _tco(rng)
            quoted = f"https://twitter.com/{user}/status/{int(tweet_id) - (1 << 32)}"
            text = f"Worth reading for anyone in training {short}"
            tweet = _tweet(tweet_id, when, text, client, urls=[(short, quoted)])
        elif roll < 0.34:
            short = _tco(rng)
            media_item, media_name = _media(rng, tweet_id, short)
            tweet = _tweet(tweet_id, when, f"{rng.choice(CAPTIONS)} {short}", client, media=[media_item])
            info.media_posts += 1
        elif roll < 0.40:
            short = _tco(rng)
            slug = rng.choice(BLOG)
            link = f"https://samtaylorcbt.example/blog/{slug.replace(' ', '-')[:40]}"
            tweet = _tweet(tweet_id, when, f"New on the blog: {slug} {short}", client, urls=[(short, link)])
        elif roll < 0.45 and thread_parent is None:
            thread_parent = tweet_id
            tweet = _tweet(
                tweet_id, when, f"Thread on {rng.choice(TOPICS)} 🧵 1/2: {rng.choice(TIPS)}", client
            )
        elif thread_parent is not None and roll < 0.5:
            tweet = _tweet(
                tweet_id,
                when,
                f"2/2: {rng.choice(TIPS)}",
                client,
                reply_to=(thread_parent, ACCOUNT_ID, USERNAME),
            )
            thread_parent = None
            info.replies += 1
        elif roll < 0.7:
            tweet = _tweet(tweet_id, when, f"Reminder: {rng.choice(TIPS)} #CBT", client, hashtags=["CBT"])
        else:
            text = f"Great {rng.choice(EVENTS)} on {rng.choice(TOPICS)}. {rng.choice(REFLECTIONS)}"
            tweet = _tweet(tweet_id, when, text, client)
        yield tweet, media_name


def _planted(
    rng: random.Random,
    tweet_id: str,
    when: dt.datetime,
    client: tuple[str, str],
    info: SyntheticArchive,
) -> dict[str, Any]:
    kind = rng.randrange(6)
    if kind == 0:
        text = (
            f"So proud of my client today! {rng.choice('JKMRS')}, a {rng.randrange(19, 70)} "
            f"year old {rng.choice(JOBS)} from {rng.choice(PLACES)}, finally took the bus "
            "into town on her own."
        )
        info.planted[tweet_id] = "SM101"
        return _tweet(tweet_id, when, text, client)
    if kind == 1:
        text = "@cbt_sceptic You are a clueless idiot. STOP posting this garbage about CBT."
        info.planted[tweet_id] = "SM601"
        parent = str(int(tweet_id) - (1 << 33))
        return _tweet(
            tweet_id,
            when,
            text,
            client,
            reply_to=(parent, "13", "cbt_sceptic"),
            mentions=["cbt_sceptic"],
        )
    if kind == 2:
        text = (
            "Friday fun! Your therapist name is your first pet's name + the street you grew "
            f"up on. Mine is {rng.choice(['Biscuit', 'Pepper', 'Toffee'])} Elmwood. Yours?"
        )
        info.planted[tweet_id] = "SM501"
        return _tweet(tweet_id, when, text, client)
    if kind == 3:
        short = _tco(rng)
        text = f"BABCP members: your accreditation must be re-verified by Friday. Form: {short}"
        info.planted[tweet_id] = "SM503"
        return _tweet(
            tweet_id,
            when,
            text,
            client,
            urls=[(short, "http://www.bacbp-accreditation.com/member/login.php")],
        )
    if kind == 4:
        text = (
            "Third no-show today. Honestly some clients just want somewhere to moan for an "
            "hour, not to actually change anything."
        )
        info.planted[tweet_id] = "SM103"
        return _tweet(tweet_id, when, text, client)
    text = "98% of my clients are completely anxiety-free after 6 sessions. I guarantee it."
    info.planted[tweet_id] = "SM401"
    return _tweet(tweet_id, when, text, client)


def _takeover(
    rng: random.Random, writer: _Writer, info: SyntheticArchive, near: dt.datetime
) -> Iterator[tuple[dict[str, Any], str | None]]:
    """A burst of abusive posts at 3am from a lookalike client never used before."""
    start = near
    lines = (
        "All you snowflakes need to toughen up, therapy is a scam.",
        "Free crypto giveaway for my followers, claim now before it ends!",
        "People like you are disgusting and should be ashamed.",
        "Click here to verify your account or it will be suspended.",
    )
    for n in range(TAKEOVER_POSTS, 0, -1):
        when = start + dt.timedelta(minutes=4 * n)
        tweet_id = writer.snowflake(when)
        info.takeover_ids.append(tweet_id)
        yield _tweet(tweet_id, when, rng.choice(lines), TAKEOVER_CLIENT), None


def _entry(name: str) -> zipfile.ZipInfo:
    """A member with a fixed date, so the same seed gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(2024, 12, 1, 10, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _js(global_name: str, records: list[dict[str, Any]]) -> bytes:
    body = json.dumps(records, indent=2, ensure_ascii=False, separators=(",", " : "))
    return f"window.YTD.{global_name} = {body}".encode()


def write_x_archive(
    path: str | Path,
    posts: int = 50_000,
    *,
    seed: int = 0,
    deleted: int = 25,
    media_every: int = 4,
    gps_every: int = 10,
    compresslevel: int = 1,
) -> SyntheticArchive:
    """Write an X archive zip of about `posts` tweets (plus `deleted` deleted ones).

    One media post in `media_every` gets its photo file in `data/tweets_media/`; one photo
    in `gps_every` of those carries EXIF GPS (the owner's home).
    """
    rng = random.Random(seed)
    out = Path(path)
    info = SyntheticArchive(path=out)
    start = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(2024, 11, 30, tzinfo=dt.UTC)
    writer = _Writer(rng, max(posts - TAKEOVER_POSTS, 1), start, end)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        media_files: list[tuple[str, bytes]] = []
        with zf.open(_entry("data/tweets.js"), "w") as stream:
            stream.write(b"window.YTD.tweets.part0 = [ ")
            first = True
            for tweet, media_name in _generate(rng, writer, info):
                if not first:
                    stream.write(b", ")
                first = False
                stream.write(json.dumps({"tweet": tweet}, ensure_ascii=False).encode())
                stream.write(b"\n")
                info.posts += 1
                if media_name and info.media_posts % media_every == 0:
                    data = _JPEG
                    if len(media_files) % gps_every == 0:
                        data = jpeg_with_gps(53.82213, -1.57902)
                        info.gps_photo_ids.append(tweet["id_str"])
                    media_files.append((f"data/tweets_media/{tweet['id_str']}-{media_name}", data))
            stream.write(b"]")
        for name, data in media_files:
            zf.writestr(_entry(name), data)
        info.media_files = len(media_files)
        deleted_records = []
        for _ in range(deleted):
            when = start + dt.timedelta(seconds=rng.random() * (end - start).total_seconds())
            tweet_id = writer.snowflake(when)
            text = "@cbt_sceptic and another thing, go and get some actual training first"
            deleted_records.append(
                {
                    "tweet": _tweet(
                        tweet_id,
                        when,
                        text,
                        CLIENTS[0][:2],
                        mentions=["cbt_sceptic"],
                        reply_to=(str(int(tweet_id) - (1 << 30)), "13", "cbt_sceptic"),
                        deleted_at=when + dt.timedelta(hours=2),
                    )
                }
            )
        info.deleted = deleted
        zf.writestr(_entry("data/deleted-tweets.js"), _js("deleted_tweets.part0", deleted_records))
        account = {
            "account": {
                "email": "sam@samtaylorcbt.example",
                "createdVia": "web",
                "username": USERNAME,
                "accountId": ACCOUNT_ID,
                "createdAt": "2014-11-03T18:22:10.000Z",
                "accountDisplayName": DISPLAY_NAME,
            }
        }
        zf.writestr(_entry("data/account.js"), _js("account.part0", [account]))
        profile = {
            "profile": {
                "description": {
                    "bio": "CBT therapist in Leeds 🌿 anxiety, panic & OCD. BABCP accredited.",
                    "website": "https://t.co/D0JPfnORDx",
                    "location": "Leeds, England",
                },
                "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1/Qm3vX8kL_400x400.jpg",
            }
        }
        zf.writestr(_entry("data/profile.js"), _js("profile.part0", [profile]))
        zf.writestr(_entry("data/like.js"), _js("like.part0", []))
        manifest = {
            "userInfo": {
                "accountId": ACCOUNT_ID,
                "userName": USERNAME,
                "displayName": DISPLAY_NAME,
            },
            "dataTypes": {
                "tweets": {
                    "files": [
                        {
                            "fileName": "data/tweets.js",
                            "globalName": "YTD.tweets.part0",
                            "count": str(info.posts),
                        }
                    ]
                }
            },
        }
        zf.writestr(_entry("data/manifest.js"), "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2))
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic X archive zip.")
    parser.add_argument("out", help="zip file to write")
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    info = write_x_archive(args.out, args.posts, seed=args.seed)
    print(
        f"{info.path}: {info.posts} posts ({info.replies} replies, {info.reposts} retweets, "
        f"{info.media_posts} with photos, {info.media_files} photo files), {info.deleted} "
        f"deleted, {len(info.planted)} planted, {len(info.takeover_ids)} takeover posts"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
