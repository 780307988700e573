"""Read the public datasets into one labelled, de-duplicated table for the classifier.

Every dataset labels only some of our outputs (DynaHate says nothing about bullying, ConvAbuse
nothing about group hate), so each example carries ``None`` for what its source does not know and
the loss ignores those. Each dataset's own test split is kept for evaluation only; where a
dataset has no dev split one is cut by a stable hash of the text, so reruns split the same way.
``ethos`` is GPL-3.0 and is left out of everything the shipped model learns from.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import html
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, TypedDict

import emoji

from postguard.classifier import CHARACTERISTICS
from postguard.normalize import for_model

Label = Literal["hate", "bullying", "harm", "heated"]
LABELS: tuple[Label, ...] = ("hate", "bullying", "harm", "heated")
TARGETS = tuple(CHARACTERISTICS)  # the order of the model's characteristic outputs
USED = (
    "dynahate",
    "hatemoji-build",
    "toxigen-seed",
    "davidson2017",
    "hatexplain",
    "convabuse",
    "reddit-cssrs-suicide",
    "tweeteval",
)

csv.field_size_limit(10_000_000)


class Example(TypedDict):
    text: str
    hate: int | None
    bullying: int | None
    harm: int | None
    heated: int | None
    targets: list[str] | None
    rules: dict[str, int] | None  # the policy heads (training/corpus.py); None: not a clinician's post
    source: str
    split: str  # train, dev, calib (real posts that choose thresholds, never trained on) or test


def example(
    text: str,
    source: str,
    split: str,
    *,
    hate: int | None = None,
    bullying: int | None = None,
    harm: int | None = None,
    heated: int | None = None,
    targets: list[str] | None = None,
    rules: dict[str, int] | None = None,
) -> Example:
    return Example(
        text=clean(text),
        hate=hate,
        bullying=bullying,
        harm=harm,
        heated=heated,
        targets=targets,
        rules=rules,
        source=source,
        split=split,
    )


def truth(ex: Example, output: str) -> int | None:
    """What an example says about a label or a policy head (None: nothing)."""
    labels: dict[str, int | None] = {label: ex[label] for label in LABELS}
    if output in labels:
        return labels[output]
    return ex["rules"][output] if ex["rules"] else None


def clean(text: str) -> str:
    """Tweets' HTML entities decoded, then exactly what the runtime classifier reads (for_model):
    handles and links as placeholders, hashtags as words, emoji by name."""
    return for_model(html.unescape(text).replace("<user>", "@user"))


def bucket(text: str, dev: float = 0.1, test: float = 0.0) -> str:
    """A stable split from the text's hash, for datasets without an official one."""
    h = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big") / 2**32
    return "test" if h < test else "dev" if h < test + dev else "train"


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


# Hatemoji's target codes (prefixes) and ToxiGen's groups, as our characteristics.
_HATEMOJI_TARGETS = {
    "bla": "race", "asi": "race", "arab": "race", "african": "race", "hisp": "race", "mix": "race",
    "ethmin": "race", "indig": "race", "abo": "race", "mex": "race", "trav": "race", "wc": None,
    "nat": "nationality", "immig": "nationality", "ref": "nationality", "asy": "nationality",
    "for": "nationality", "europe": "nationality", "ind": "race",
    "mus": "religion", "jew": "religion", "sikh": "religion", "hind": "religion",
    "wom": "sex_gender", "trans": "gender_identity", "gay": "sexual_orientation",
    "lgbtqa": "sexual_orientation", "bis": "sexual_orientation", "dis": "disability",
}  # fmt: skip
_TOXIGEN_TARGETS = {
    "asian": "race", "black": "race", "chinese": "race", "latino": "race", "mexican": "race",
    "middle_east": "race", "native_american": "race", "jewish": "religion", "muslim": "religion",
    "immigrant": "nationality", "bisexual": "sexual_orientation", "lgbtq": "sexual_orientation",
    "trans": "gender_identity", "women": "sex_gender", "mental_disability": "disability",
    "physical_disability": "disability",
}  # fmt: skip


def _hatemoji_targets(codes: list[str]) -> list[str]:
    found: set[str] = set()
    for code in codes:
        for prefix, target in _HATEMOJI_TARGETS.items():
            if code.startswith(prefix) and target:
                found.add(target)
        if code.endswith("wom") and code != "wom" and not code.startswith("gay"):
            found.add("sex_gender")  # intersectional: Black women, Muslim women
        if code in ("gaywom", "gayman"):
            found.add("sexual_orientation")
    return sorted(found)


def dynahate(root: Path) -> Iterator[Example]:
    for split in ("train", "dev", "test"):
        for row in _rows(root / "dynahate" / f"{split}.csv"):
            yield example(row["text"], "dynahate", split, hate=int(row["label"] == "hate"))


def hatemoji(root: Path) -> Iterator[Example]:
    for name, split in (("train", "train"), ("validation", "dev"), ("test", "test")):
        for row in _rows(root / "hatemoji-build" / f"{name}.csv"):
            hate = int(row["label_gold"])
            targets = _hatemoji_targets(ast.literal_eval(row["target"])) if hate else []
            threat = int(row["type"] == "threateninglanguage")
            yield example(
                row["text"], "hatemoji", split, hate=hate, targets=targets or None, harm=threat or None
            )


def toxigen(root: Path) -> Iterator[Example]:
    for row in _rows(root / "toxigen-seed" / "toxigen_seed_statements.csv"):
        hate = int(row["label"] == "hate")
        targets = [_TOXIGEN_TARGETS[row["target_group"]]] if hate else []
        yield example(row["text"], "toxigen", bucket(row["text"], 0.1, 0.2), hate=hate, targets=targets)


def davidson(root: Path) -> Iterator[Example]:
    """Hate vs merely offensive: offensive tweets teach heated-but-not-hate (SM601, not SM201)."""
    for row in _rows(root / "davidson2017" / "labeled_data.csv"):
        cls = int(row["class"])
        yield example(
            row["tweet"], "davidson", bucket(row["tweet"], 0.1, 0.15), hate=int(cls == 0), heated=int(cls < 2)
        )


def hatexplain(root: Path) -> Iterator[Example]:
    for name in ("train", "test"):
        for row in _rows(root / "hatexplain" / f"hatexplain_{name}.csv"):
            text = " ".join(ast.literal_eval(row["post_tokens"])).replace("<user>", "@user")
            label = row["post_label"]
            split = "test" if name == "test" else bucket(text)
            yield example(
                text, "hatexplain", split, hate=int(label == "hatespeech"), heated=int(label != "normal")
            )


def convabuse(root: Path) -> Iterator[Example]:
    """Abuse of a chatbot by its user: second-person insults and harassment, our SM202/SM601."""
    for name, split in (("train", "train"), ("valid", "dev"), ("test", "test")):
        for row in _rows(root / "convabuse" / f"ConvAbuseEMNLP{name}.csv"):
            abusive = ok = 0
            for n in range(1, 9):
                votes = [row.get(f"Annotator{n}_is_abuse.{v}") or "" for v in ("1", "0", "-1", "-2", "-3")]
                if not any(votes):
                    continue
                ok += votes[0] == "1"
                abusive += any(v == "1" for v in votes[2:])
            if abusive == ok:
                continue  # no majority: the annotators disagree, so it teaches nothing
            is_abuse = int(abusive > ok)
            yield example(row["user"], "convabuse", split, bullying=is_abuse, heated=is_abuse)


_POST_SPLIT = re.compile(r"['\"], ['\"]")


def reddit_suicide(root: Path, per_user: int = 6) -> Iterator[Example]:
    """Disclosure and supportive replies about suicide: talk about self-harm that must not fire."""
    for row in _rows(root / "reddit-cssrs-suicide" / "500_Reddit_users_posts_labels.csv"):
        split = bucket(row["User"], 0.1, 0.2)
        posts = _POST_SPLIT.split(row["Post"].strip("[]'\""))  # some rows are cut off mid-list
        for post in posts[:per_user]:
            text = " ".join(post.split()[:80])  # the opening of a long post is what the model sees
            if len(text) > 20:
                yield example(text, "reddit-cssrs", split, hate=0, bullying=0, harm=0)


_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def tweeteval_lines(path: Path) -> list[str]:
    """Lines of a TweetEval file; its sentiment tweets keep JSON escapes ("\\u2019") as text."""
    text = path.read_text(encoding="utf-8")
    return [_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), line).strip() for line in text.splitlines()]


def tweeteval_everyday(root: Path, seed: int, train_size: int = 20_000) -> Iterator[Example]:
    """Real everyday tweets (TweetEval's emoji and sentiment tasks), the posts an ordinary account
    is made of: what the model must leave alone. The emoji task removed each tweet's emoji, so it
    is put back (the label emoji, once to three times) on most of them: emoji belong to harmless
    posts too. Heated tone is masked (everyday tweets swear). Sentiment tweets labelled negative
    are left out: many are angry political tweets, some hateful, not everyday chatter. Emoji
    train → train/dev; emoji and sentiment validation → calib (thresholds, never trained on);
    their test sets → test."""
    base = root / "tweeteval"
    rng = random.Random(seed)
    symbols = [line.split("\t")[1] for line in tweeteval_lines(base / "emoji" / "mapping.txt") if line]

    def with_emoji(texts: list[str], labels: list[str]) -> Iterator[str]:
        for text, label in zip(texts, labels, strict=True):
            yield f"{text} {symbols[int(label)] * rng.randint(1, 3)}" if rng.random() < 0.8 else text

    def rows(task: str, split: str) -> tuple[list[str], list[str]]:
        return tweeteval_lines(base / task / f"{split}_text.txt"), tweeteval_lines(
            base / task / f"{split}_labels.txt"
        )

    train = list(with_emoji(*rows("emoji", "train")))
    chosen = rng.sample(train, min(train_size, len(train)))

    def not_negative(texts: list[str], labels: list[str]) -> list[str]:
        return [text for text, label in zip(texts, labels, strict=True) if label != "0"]

    calib = [*with_emoji(*rows("emoji", "val")), *not_negative(*rows("sentiment", "val"))]
    test = [*with_emoji(*rows("emoji", "test")), *not_negative(*rows("sentiment", "test"))]
    for texts, split in ((chosen, None), (calib, "calib"), (test, "test")):
        for text in texts:
            yield example(
                text, "tweeteval", split or bucket(text, 0.1), hate=0, bullying=0, harm=0, heated=None
            )


def emoji_only(seed: int, n: int = 1_500) -> Iterator[Example]:
    """Posts that are nothing but emoji (a reaction, a birthday, a new job): never abuse."""
    rng = random.Random(seed)
    pool = [
        symbol
        for symbol, data in emoji.EMOJI_DATA.items()
        if data["status"] == emoji.STATUS["fully_qualified"]
    ]
    for _ in range(n):
        text = "".join(rng.choice(pool) * rng.choice((1, 1, 2, 3)) for _ in range(rng.randint(1, 4)))
        yield example(text, "emoji-only", bucket(text, 0.1), hate=0, bullying=0, harm=0, heated=0)


def synthetic(seed: int) -> Iterator[Example]:
    """The team's own examples for what the public sets lack (see synthetic.py)."""
    from training.synthetic import generate

    for ex in generate(seed):
        yield example(
            ex["text"],
            f"synthetic/{ex['section']}",
            bucket(ex["text"], 0.1),
            hate=ex["hate"],
            bullying=ex["bullying"],
            harm=ex["harm"],
            heated=ex["heated"],
            targets=ex["targets"],
        )


def identity(seed: int) -> Iterator[Example]:
    """Groups named in neutral and positive posts, identity-swapped and negated pairs, and the
    emoji hate sets use in harmless posts (see identity_neutral.py): the label follows the
    meaning, not the group or the emoji."""
    from training.identity_neutral import generate

    for ex in generate(seed):
        harmless = 0 if ex["hate"] == 0 and ex["section"] != "identity_counterfactual" else None
        yield example(
            ex["text"],
            f"identity/{ex['section']}",
            bucket(ex["text"], 0.1),
            hate=ex["hate"],
            bullying=harmless,
            harm=harmless,
            heated=harmless,
            targets=ex["targets"],
        )


def technical(seed: int) -> Iterator[Example]:
    """Code, comments and docstrings, and violent-sounding verbs in everyday use (technical.py)."""
    from training.technical import code_snippets, everyday_actions

    for text in code_snippets(seed):
        yield example(text, "code", bucket(text, 0.1), hate=0, bullying=0, harm=0, heated=0)
    for text in everyday_actions(seed):
        yield example(text, "everyday-actions", bucket(text, 0.1), hate=0, bullying=0, harm=0, heated=0)


def everyday(seed: int) -> Iterator[Example]:
    """Ordinary posts (see everyday.py): what most of a clinician's account looks like."""
    from training.everyday import generate

    for text in generate(seed):
        yield example(text, "everyday", bucket(text, 0.1), hate=0, bullying=0, harm=0, heated=0)


def load(root: Path, seed: int = 13) -> list[Example]:
    """Every dataset, de-duplicated: a text seen in a test split is dropped from train and dev."""
    examples = [
        *dynahate(root),
        *hatemoji(root),
        *toxigen(root),
        *davidson(root),
        *hatexplain(root),
        *convabuse(root),
        *reddit_suicide(root),
        *tweeteval_everyday(root, seed),
        *emoji_only(seed),
        *synthetic(seed),
        *identity(seed),
        *technical(seed),
        *everyday(seed),
    ]
    held_out = {ex["text"].lower() for ex in examples if ex["split"] in ("test", "calib")}
    seen: set[tuple[str, str]] = set()
    kept = []
    for ex in examples:
        key = (ex["text"].lower(), ex["split"])
        if (
            not ex["text"]
            or key in seen
            or (ex["split"] in ("train", "dev") and ex["text"].lower() in held_out)
        ):
            continue
        seen.add(key)
        kept.append(ex)
    return kept


def file_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every data file read, so the model card pins exactly what the model learnt from."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for name in USED
        for path in sorted([*(root / name).glob("*.csv"), *(root / name).glob("*/*_text.txt")])
    }
