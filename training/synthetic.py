"""Synthetic training examples for postguard's multi-label abuse classifier.

The public hate-speech and toxicity corpora we fine-tune on miss the phenomena that decide whether a
health professional's post breaks their body's social media policy (BABCP: "inciting hatred or
discrimination", "bullying, intimidating", "encouraging violence or self-harm", heated exchanges):

* hate that is negated, asked as a question, quoted to condemn it, or spelt to dodge filters;
* group words, slur homonyms and reclaimed terms in neutral, clinical or proud posts;
* profanity and insults that target nobody, or a group that is not protected;
* bullying of one person versus firm professional disagreement;
* encouragement of self-harm, eating disorders and violence versus signposting, recovery and clinical
  talk, and figurative violence ("this deadline is killing me").

`generate` builds such examples from sentence frames and slot fillers, in the voice of therapists,
nurses, doctors and their critics. Frames come in contrastive pairs where possible (the same frame with
the label flipped) so the model learns the distinction rather than the vocabulary. Every label is set
explicitly: the author of a template knows the truth of each sentence it makes. Output depends only on
the seed.

Run it as a script to print the number of examples per section and label, and optionally a sample:
``python training/synthetic.py [N]``.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict


class Example(TypedDict):
    """One training example in the schema `training.data` reads."""

    text: str
    hate: int | None
    bullying: int | None
    harm: int | None
    heated: int | None
    targets: list[str] | None
    section: str


LABELS = ("hate", "bullying", "harm", "heated")


@dataclass(frozen=True)
class Draft:
    """A sentence and its labels, before register styling."""

    text: str
    hate: int = 0
    bullying: int = 0
    harm: int = 0
    heated: int = 0
    targets: tuple[str, ...] = ()
    styled: bool = True


@dataclass(frozen=True)
class Group:
    """A protected group as written in a post, and the characteristics it maps to."""

    key: str
    plural: str
    sing: str
    adj: str | None
    targets: tuple[str, ...]


Maker = Callable[[random.Random], list[Draft]]

# --- groups -------------------------------------------------------------------------------------------

_RACE = ("race",)
_NAT = ("nationality",)
_REL = ("religion",)
_SEX = ("sex_gender",)
_GI = ("gender_identity",)
_SO = ("sexual_orientation",)
_DIS = ("disability",)
_AGE = ("age",)

GROUPS: tuple[Group, ...] = (
    Group("women", "women", "woman", "female", _SEX),
    Group("women", "female doctors", "female doctor", "female", _SEX),
    Group("women", "female nurses", "female nurse", "female", _SEX),
    Group("women", "women in medicine", "woman in medicine", "female", _SEX),
    Group("men", "men", "man", "male", _SEX),
    Group("men", "male nurses", "male nurse", "male", _SEX),
    Group("trans", "trans people", "trans person", "trans", _GI),
    Group("trans", "trans women", "trans woman", "trans", _GI),
    Group("trans", "trans men", "trans man", "trans", _GI),
    Group("trans", "transgender people", "transgender person", "transgender", _GI),
    Group("trans", "non-binary people", "non-binary person", "non-binary", _GI),
    Group("lgb", "gay men", "gay man", "gay", _SO),
    Group("lgb", "gay people", "gay person", "gay", _SO),
    Group("lgb", "lesbians", "lesbian", "lesbian", _SO),
    Group("lgb", "bi people", "bi person", "bi", _SO),
    Group("lgb", "bisexual people", "bisexual person", "bisexual", _SO),
    Group("lgb", "LGBT people", "LGBT person", "LGBT", ("sexual_orientation", "gender_identity")),
    Group("black", "Black people", "Black person", "Black", _RACE),
    Group("black", "Black women", "Black woman", "Black", ("race", "sex_gender")),
    Group("black", "Africans", "African", "African", _RACE),
    Group("asian", "Asian people", "Asian person", "Asian", _RACE),
    Group("asian", "South Asian people", "South Asian person", "South Asian", _RACE),
    Group("asian", "Chinese people", "Chinese person", "Chinese", _RACE),
    Group("jewish", "Jews", "Jew", "Jewish", _REL),
    Group("jewish", "Jewish people", "Jewish person", "Jewish", _REL),
    Group("muslim", "Muslims", "Muslim", "Muslim", _REL),
    Group("muslim", "Muslim women", "Muslim woman", "Muslim", ("religion", "sex_gender")),
    Group("christian", "Christians", "Christian", "Christian", _REL),
    Group("hindu", "Hindus", "Hindu", "Hindu", _REL),
    Group("sikh", "Sikhs", "Sikh", "Sikh", _REL),
    Group("migrant", "immigrants", "immigrant", "migrant", _NAT),
    Group("migrant", "migrants", "migrant", "migrant", _NAT),
    Group("migrant", "refugees", "refugee", "refugee", _NAT),
    Group("migrant", "asylum seekers", "asylum seeker", None, _NAT),
    Group("migrant", "foreigners", "foreigner", "foreign", _NAT),
    Group("eastern_european", "Polish people", "Polish person", "Polish", _NAT),
    Group("eastern_european", "Romanians", "Romanian", "Romanian", _NAT),
    Group("eastern_european", "Eastern Europeans", "Eastern European", "Eastern European", _NAT),
    Group("traveller", "Gypsies", "Gypsy", "Gypsy", _RACE),
    Group("traveller", "Travellers", "Traveller", "Traveller", _RACE),
    Group("traveller", "Roma people", "Roma person", "Roma", _RACE),
    Group("disabled", "disabled people", "disabled person", "disabled", _DIS),
    Group("disabled", "wheelchair users", "wheelchair user", None, _DIS),
    Group("disabled", "deaf people", "deaf person", "deaf", _DIS),
    Group("disabled", "blind people", "blind person", "blind", _DIS),
    Group("autistic", "autistic people", "autistic person", "autistic", _DIS),
    Group("autistic", "autistic adults", "autistic adult", "autistic", _DIS),
    Group("autistic", "people with ADHD", "person with ADHD", "ADHD", _DIS),
    Group("mental_illness", "people with mental illness", "person with a mental illness", None, _DIS),
    Group("mental_illness", "people with schizophrenia", "person with schizophrenia", None, _DIS),
    Group("mental_illness", "people with bipolar disorder", "person with bipolar disorder", None, _DIS),
    Group("ld", "people with learning disabilities", "person with a learning disability", None, _DIS),
    Group("ld", "people with Down syndrome", "person with Down syndrome", None, _DIS),
    Group("old", "old people", "old person", "older", _AGE),
    Group("old", "older people", "older person", "older", _AGE),
    Group("old", "pensioners", "pensioner", None, _AGE),
    Group("young", "young people", "young person", "young", _AGE),
    Group("young", "teenagers", "teenager", None, _AGE),
)

FAMILIES: dict[str, tuple[Group, ...]] = {}
for _g in GROUPS:
    FAMILIES[_g.key] = (*FAMILIES.get(_g.key, ()), _g)

# Groups that xenophobes tell to "go back": nationality, race and (as perceived) religion.
FOREIGN = frozenset({"migrant", "eastern_european", "black", "asian", "muslim", "traveller", "sikh", "hindu"})

BIGOTRY = {
    "women": "misogynistic",
    "men": "sexist",
    "trans": "transphobic",
    "lgb": "homophobic",
    "black": "racist",
    "asian": "racist",
    "jewish": "antisemitic",
    "muslim": "Islamophobic",
    "christian": "bigoted",
    "hindu": "bigoted",
    "sikh": "bigoted",
    "migrant": "xenophobic",
    "eastern_european": "xenophobic",
    "traveller": "racist",
    "disabled": "ableist",
    "autistic": "ableist",
    "mental_illness": "ableist",
    "ld": "ableist",
    "old": "ageist",
    "young": "ageist",
}

PLACES = {
    "muslim": "mosque",
    "jewish": "synagogue",
    "sikh": "gurdwara",
    "hindu": "temple",
    "christian": "church",
    "lgb": "gay bar",
    "trans": "community centre",
    "migrant": "asylum hotel",
    "traveller": "site",
    "disabled": "day centre",
    "ld": "day centre",
    "old": "care home",
}

STEREOTYPES = {
    "women": (
        "are too emotional to be consultants",
        "belong in the kitchen, not the operating theatre",
        "only went into medicine to find a husband",
        "can't handle real pressure",
        "are only good for one thing",
        "should stay at home and have babies",
    ),
    "men": ("are all predators", "are all abusers waiting to happen", "are all rapists"),
    "trans": (
        "are just perverts in dresses",
        "are mentally ill and need locking up",
        "are a danger to children",
        "are all groomers",
        "are delusional freaks",
    ),
    "lgb": (
        "are all paedos",
        "are a danger to children",
        "are disgusting sinners",
        "spread disease",
        "are just confused and need fixing",
    ),
    "black": ("are all criminals", "are naturally violent", "are less intelligent", "only know how to steal"),
    "asian": ("are all sneaky", "brought covid here on purpose", "eat dogs", "can't be trusted"),
    "jewish": ("control the banks", "run the media", "are behind every war", "only care about money"),
    "muslim": (
        "are all terrorists",
        "are all groomers",
        "want to take over Britain",
        "are incompatible with civilised society",
    ),
    "christian": ("are all brainwashed bigots", "are too stupid to think for themselves"),
    "hindu": ("are dirty and backward", "are primitive idol worshippers"),
    "sikh": ("are all extremists", "are dirty and backward"),
    "migrant": (
        "only come here for benefits",
        "are stealing our jobs and our GP appointments",
        "are all criminals",
        "are bleeding the NHS dry",
        "are invading our country",
    ),
    "eastern_european": ("are all thieves and drunks", "are only here to scrounge", "are all beggars"),
    "traveller": ("are all thieves", "leave filth wherever they go", "are a plague on every town"),
    "disabled": (
        "are scroungers faking it for benefits",
        "are a burden on society",
        "shouldn't be allowed to have kids",
    ),
    "autistic": (
        "have no empathy and shouldn't be therapists",
        "are basically broken",
        "are a burden on their families",
    ),
    "mental_illness": ("are all dangerous and should be locked up", "are just weak", "are attention-seeking"),
    "ld": ("are a waste of resources", "shouldn't be allowed to breed"),
    "old": ("are a waste of NHS beds", "are a drain on the rest of us", "shouldn't be allowed to vote"),
    "young": ("are all lazy entitled snowflakes", "are too thick to hold down a job", "are useless"),
}

FACTS = {
    "women": (
        "are more likely to be diagnosed with anxiety",
        "often have their pain dismissed in A&E",
        "make up most of the NHS nursing workforce",
    ),
    "men": (
        "are less likely to seek help for depression",
        "account for around three quarters of suicides in the UK",
    ),
    "trans": (
        "face waits of several years for gender clinics",
        "report high rates of discrimination in healthcare",
    ),
    "lgb": (
        "are at higher risk of mental health problems because of minority stress",
        "are sometimes reluctant to come out to their GP",
    ),
    "black": (
        "are more likely to be detained under the Mental Health Act",
        "are underrepresented in talking therapies",
        "are underrepresented in the psychology workforce",
    ),
    "asian": ("are underrepresented in talking therapies", "have faced a rise in racist abuse since 2020"),
    "jewish": (
        "have faced a sharp rise in antisemitic incidents",
        "may want their faith respected in therapy",
    ),
    "muslim": (
        "have faced a rise in Islamophobic attacks",
        "may fast during Ramadan, which matters for medication timing",
    ),
    "christian": ("may want their faith included in therapy",),
    "hindu": ("may want their faith included in therapy", "have been targeted in hate crimes"),
    "sikh": ("have been targeted in hate crimes", "may want their faith respected in therapy"),
    "migrant": (
        "often struggle to register with a GP",
        "may be afraid to use NHS care because of charging rules",
        "often carry trauma from their journey",
    ),
    "eastern_european": ("make up a big part of our care workforce", "often work long shifts in social care"),
    "traveller": ("have some of the worst health outcomes in the UK", "have a much lower life expectancy"),
    "disabled": ("face longer waits for adapted services", "are more likely to live in poverty"),
    "autistic": ("are more likely to experience anxiety", "often wait years for an assessment"),
    "mental_illness": (
        "are more likely to be victims of violence than perpetrators",
        "die on average 15 to 20 years earlier",
    ),
    "ld": ("die much younger than the general population", "are often left out of health research"),
    "old": ("are less likely to be referred to talking therapies", "often do well in CBT when offered it"),
    "young": ("are waiting months for CAMHS", "are reporting record levels of anxiety"),
}

SLURS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("black", _RACE, "niggers", "nigger"),
    ("black", _RACE, "coons", "coon"),
    ("asian", _RACE, "chinks", "chink"),
    ("asian", _RACE, "pakis", "paki"),
    ("asian", _RACE, "gooks", "gook"),
    ("traveller", _RACE, "gyppos", "gyppo"),
    ("traveller", _RACE, "pikeys", "pikey"),
    ("jewish", _REL, "kikes", "kike"),
    ("jewish", _REL, "yids", "yid"),
    ("muslim", _REL, "towelheads", "towelhead"),
    ("muslim", _REL, "ragheads", "raghead"),
    ("muslim", _REL, "muzzies", "muzzie"),
    ("lgb", _SO, "faggots", "faggot"),
    ("lgb", _SO, "fags", "fag"),
    ("lgb", _SO, "dykes", "dyke"),
    ("lgb", _SO, "poofs", "poof"),
    ("lgb", _SO, "homos", "homo"),
    ("lgb", _SO, "queers", "queer"),
    ("lgb", _SO, "batty boys", "batty boy"),
    ("trans", _GI, "trannies", "tranny"),
    ("trans", _GI, "troons", "troon"),
    ("trans", _GI, "shemales", "shemale"),
    ("disabled", _DIS, "retards", "retard"),
    ("disabled", _DIS, "spastics", "spastic"),
    ("disabled", _DIS, "spazzes", "spaz"),
    ("disabled", _DIS, "mongs", "mong"),
    ("disabled", _DIS, "cripples", "cripple"),
    ("women", _SEX, "bitches", "bitch"),
    ("women", _SEX, "whores", "whore"),
    ("women", _SEX, "sluts", "slut"),
    ("old", _AGE, "coffin dodgers", "coffin dodger"),
)

# --- shared vocabulary ---------------------------------------------------------------------------------

INSULT_ADJ = (
    "disgusting",
    "filthy",
    "vile",
    "revolting",
    "stupid",
    "thick as mince",
    "pathetic",
    "worthless",
    "repulsive",
    "sick in the head",
    "nasty",
    "evil",
    "scummy",
    "braindead",
    "useless",
    "gross",
    "foul",
    "degenerate",
)
CALM_DEROG = (
    "lazy",
    "untrustworthy",
    "dishonest",
    "backward",
    "inferior",
    "dangerous",
    "unfit to work in healthcare",
    "a burden",
    "incapable of empathy",
    "born liars",
    "not as clever as the rest of us",
    "unhygienic",
)
DEHUM = (
    "vermin",
    "parasites",
    "animals",
    "rats",
    "cockroaches",
    "a plague",
    "a disease",
    "a cancer on society",
    "filth",
    "scum",
    "savages",
    "subhuman",
    "leeches",
    "an infestation",
    "a virus",
    "not even human",
    "locusts",
    "maggots",
    "a swarm",
    "apes",
)
HATE_VERBS = (
    "hate",
    "despise",
    "loathe",
    "detest",
    "can't stand",
    "am sick of",
    "have had enough of",
    "can't bear",
    "am disgusted by",
    "have no time for",
)
THREATS = (
    "should be shot",
    "should all be gassed",
    "should be lined up and shot",
    "should be wiped out",
    "deserve to be beaten",
    "should be hanged",
    "need to be exterminated",
    "should be put down like dogs",
    "should be burned alive",
    "deserve a bullet",
    "should be drowned in the Channel",
    "need a good kicking",
)
VIOLENT_ACTS = ("punch", "kick", "run over", "beat up", "shoot", "stab", "glass", "spit on")
EXCLUSIONS = (
    "should be banned from the NHS",
    "shouldn't be allowed to work with children",
    "shouldn't be allowed to train as therapists",
    "should be barred from our clinics",
    "should have the vote taken off them",
    "don't belong in healthcare",
    "should be kept out of our schools",
    "should be kept away from normal people",
    "should be struck off, every one of them",
    "shouldn't be allowed to adopt",
)
FOREIGN_EXCLUSIONS = (
    "should be deported, all of them",
    "should be sent back where they came from",
    "should not be allowed in this country",
    "should be put on the next boat home",
)
POS_PRED = (
    "are valued members of our team",
    "are welcome in our service",
    "are part of our community",
    "are brilliant colleagues",
    "are as entitled to good care as anyone",
    "deserve better from the NHS",
    "deserve to feel safe at work",
    "have every right to be here",
    "bring so much to the NHS",
    "are the experts on their own lives",
)
SUPPORT_PRED = (
    "should be listened to",
    "should be supported, not judged",
    "should be involved in designing services",
    "should be able to get therapy without barriers",
    "should be protected from abuse",
    "should be paid fairly",
    "should be represented on the board",
    "should be safe from violence",
)
INSULT_NOUNS = (
    "idiot",
    "moron",
    "clown",
    "muppet",
    "fool",
    "numpty",
    "plonker",
    "halfwit",
    "buffoon",
    "dimwit",
    "prat",
    "pillock",
    "imbecile",
    "tosser",
    "bellend",
    "cretin",
)
PROFS: tuple[tuple[str, str], ...] = (
    ("therapist", "therapists"),
    ("nurse", "nurses"),
    ("doctor", "doctors"),
    ("GP", "GPs"),
    ("psychologist", "psychologists"),
    ("CBT therapist", "CBT therapists"),
    ("mental health nurse", "mental health nurses"),
    ("psychiatrist", "psychiatrists"),
    ("counsellor", "counsellors"),
    ("midwife", "midwives"),
    ("OT", "OTs"),
    ("paramedic", "paramedics"),
    ("health visitor", "health visitors"),
)
# (name, handle, object pronoun)
PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("Dr Jones", "@drjones", "her"),
    ("Kate", "@nurse_kate", "her"),
    ("Mike", "@cbt_mike", "him"),
    ("Dr Sarah Lee", "@DrSarahL", "her"),
    ("Tom", "@therapy_tom", "him"),
    ("Jo", "@mh_nurse_jo", "them"),
    ("Priya", "@psych_priya", "her"),
    ("Dr Owen", "@DrAOwen", "him"),
    ("Ben", "@counsellor_ben", "him"),
    ("Rachel", "@GP_rachel", "her"),
    ("Dr Morgan", "@dr_k_morgan", "her"),
    ("Sam", "@sam_ot", "them"),
    ("Dr Hughes", "@hughes_psych", "him"),
    ("Aisha", "@aisha_rmn", "her"),
    ("Dr Evans", "@evans_gp", "him"),
    ("Lucy", "@lucy_midwife", "her"),
)
ORGS = ("@NHSEngland", "@BABCP", "@theNMC", "@gmcuk", "@DHSCgovuk", "@NHSuk", "our trust board", "@HCPC_UK")
WORKPLACES = ("clinic", "surgery", "ward", "practice", "hospital", "CMHT", "unit", "service")
EMOJI = ("🙄", "👀", "🤷", "😬", "🙃", "👇", "💯", "🤔", "😅", "☕", "🫠", "😂")
HASHTAGS = (
    "#NHS",
    "#mentalhealth",
    "#CBT",
    "#nursing",
    "#therapy",
    "#MedTwitter",
    "#NurseTwitter",
    "#PsychTwitter",
    "#GPs",
    "#JuniorDoctors",
    "#counselling",
    "#NHSTalkingTherapies",
)
NO_TYPO = frozenset(
    {"never", "don't", "nobody", "won't", "isn't", "aren't", "can't", "shouldn't", "wouldn't"}
)

# --- small helpers -------------------------------------------------------------------------------------


def _cap(text: str) -> str:
    """Upper-case the first character only."""
    return text[:1].upper() + text[1:]


def _a(phrase: str) -> str:
    """Prefix the right indefinite article."""
    vowel = phrase[:1].lower() in "aeiou" or phrase.startswith(("LGBT", "MP", "OT", "ADHD"))
    return ("an " if vowel else "a ") + phrase


def _pick(rng: random.Random, *options: str) -> str:
    """Choose one of the given strings."""
    return rng.choice(options)


def _group(rng: random.Random, *, hate: bool = False, need: str = "") -> Group:
    """Pick a family of groups uniformly (men rarer as hate targets), then one way of naming it."""
    keys = [k for k, gs in FAMILIES.items() if any(_fits(g, need) for g in gs)]
    weights = [0.25 if hate and k == "men" else 1.0 for k in keys]
    key = rng.choices(keys, weights)[0]
    return rng.choice([g for g in FAMILIES[key] if _fits(g, need)])


def _fits(group: Group, need: str) -> bool:
    """Whether a group can fill a frame that needs an adjective, a place or a 'go back' reading."""
    if need == "adj":
        return group.adj is not None
    if need == "place":
        return group.key in PLACES
    if need == "foreign":
        return group.key in FOREIGN
    return True


def _person(rng: random.Random) -> tuple[str, str, str]:
    """A named professional: (name, handle, object pronoun)."""
    return rng.choice(PEOPLE)


def _typo(rng: random.Random, text: str) -> str:
    """Swap two inner letters of one longer word, as a quick typist would."""
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w.lower() not in NO_TYPO]
    if not idx:
        return text
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _style(rng: random.Random, text: str, heated: bool) -> str:
    """Vary the register: lower case, shouting (only when already heated), typos, emoji, hashtags."""
    roll = rng.random()
    if roll < 0.22:
        text = text.lower()
    elif heated and roll < 0.32:
        text = text.upper()
    if text.endswith(".") and rng.random() < 0.25:
        text = text[:-1]
    if rng.random() < 0.08:
        text = _typo(rng, text)
    if rng.random() < 0.1:
        text = f"{text} {rng.choice(EMOJI)}"
    if rng.random() < 0.08:
        text = f"{text} {rng.choice(HASHTAGS)}"
    return text


LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$z", "t": "7", "g": "9", "l": "1"}


def _obfuscate(rng: random.Random, word: str) -> str:
    """Disguise a word the way filter-dodgers do: leetspeak, masking, dropped/swapped/repeated letters,
    letters spaced or dotted apart."""
    mode = _pick(rng, "leet", "leet", "star", "star", "drop", "swap", "spaced", "dotted", "repeat")
    chars = list(word)
    inner = [i for i in range(1, len(chars) - 1) if chars[i].isalpha()]
    if mode == "leet":
        out = [rng.choice(LEET[c.lower()]) if c.lower() in LEET and rng.random() < 0.6 else c for c in chars]
        result = "".join(out)
    elif mode == "star" and inner:
        vowels = [i for i in inner if chars[i].lower() in "aeiou"] or inner
        for i in rng.sample(vowels, min(len(vowels), rng.choice((1, 1, 2)))):
            chars[i] = rng.choice("**!#")
        result = "".join(chars)
    elif mode == "drop" and len(inner) >= 3:
        i = rng.choice(inner)
        result = word[:i] + word[i + 1 :]
    elif mode == "swap" and len(inner) >= 3:
        i = rng.choice(inner[:-1])
        result = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif mode == "spaced":
        result = " ".join(c for c in word if c != " ")
    elif mode == "dotted":
        result = ".".join(c for c in word if c != " ")
    elif mode == "repeat" and inner:
        i = rng.choice(inner)
        result = word[: i + 1] + word[i] * rng.choice((1, 2)) + word[i + 1 :]
    else:
        i = rng.randrange(1, max(2, len(word) - 1))
        result = word[:i] + "*" + word[i + 1 :]
    return result if result != word else word[:1] + "*" + word[2:]


def _hate(
    text: str, group: Group | tuple[str, ...], *, harm: int = 0, heated: int = 0, bullying: int = 0
) -> Draft:
    """A hateful draft aimed at a group."""
    targets = group.targets if isinstance(group, Group) else group
    return Draft(text, hate=1, bullying=bullying, harm=harm, heated=heated, targets=targets)


def _ok(text: str, *, heated: int = 0, bullying: int = 0, harm: int = 0, styled: bool = True) -> Draft:
    """A draft with no hate."""
    return Draft(text, hate=0, bullying=bullying, harm=harm, heated=heated, styled=styled)


# --- hate statements shared by several sections -----------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """A bare hateful claim about a group (no final punctuation), for quoting or endorsing."""

    text: str
    group: Group
    harm: int
    heated: int


def _statement(rng: random.Random) -> Statement:
    """One hateful claim of a random kind: insult, dehumanisation, stereotype, exclusion or threat."""
    g = _group(rng, hate=True)
    kind = rng.random()
    if kind < 0.2:
        return Statement(f"{g.plural} are {rng.choice(INSULT_ADJ)}", g, 0, 1)
    if kind < 0.45:
        return Statement(f"{g.plural} are {rng.choice(DEHUM)}", g, 0, 1)
    if kind < 0.7:
        return Statement(f"{g.plural} {rng.choice(STEREOTYPES[g.key])}", g, 0, 0)
    if kind < 0.85:
        pool = EXCLUSIONS + (FOREIGN_EXCLUSIONS if g.key in FOREIGN else ())
        return Statement(f"{g.plural} {rng.choice(pool)}", g, 0, 0)
    return Statement(f"{g.plural} {rng.choice(THREATS)}", g, 1, 1)


# --- sections ------------------------------------------------------------------------------------------


def _explicit_hate(rng: random.Random) -> list[Draft]:
    """Derogation, dehumanisation, threats, exclusion and stereotypes, each with a benign twin."""
    g = _group(rng, hate=True)
    p, cp = g.plural, _cap(g.plural)
    kind = rng.randrange(7)
    if kind == 0:
        adj = rng.choice(INSULT_ADJ)
        bad = _hate(
            _pick(
                rng,
                f"{cp} are {adj}.",
                f"{cp} are so {adj}, every single one of them.",
                f"Honestly {p} are {adj}.",
                f"All {p} are {adj} and everyone knows it.",
                f"Another shift dealing with {p}. They're all {adj}.",
                f"the more {p} i meet the more i realise they're {adj}",
                f"Sorry but {p} are just {adj}.",
            ),
            g,
            heated=1,
        )
        good = _ok(_pick(rng, f"{cp} {rng.choice(POS_PRED)}.", f"Honestly {p} {rng.choice(POS_PRED)}."))
    elif kind == 1:
        verb = rng.choice(HATE_VERBS)
        sweary = rng.random() < 0.3
        said = f"fucking {verb}" if sweary and verb.isalpha() else verb
        bad = _hate(
            _pick(
                rng,
                f"I {said} {p}.",
                f"I {said} {p}, always have.",
                f"Not gonna lie, I {said} {p}.",
                f"I genuinely {said} {p}.",
                f"Is it bad that I {said} {p}? Because I do.",
                f"I {said} {p} and I don't care who knows it.",
            ),
            g,
            heated=int(sweary and verb.isalpha()),
        )
        love = _pick(rng, "love", "really enjoy", "value", "have learnt so much from")
        good = _ok(
            _pick(rng, f"I {love} working with {p}.", f"I {love} working with {p}, always have.")
            if love != "value"
            else f"I value the {p} on our team."
        )
    elif kind == 2:
        noun = rng.choice(DEHUM)
        bad = _hate(
            _pick(
                rng,
                f"{cp} are {noun}.",
                f"{cp} are nothing but {noun}.",
                f"{cp} are {noun}, plain and simple.",
                f"{cp}? {_cap(noun)}, the lot of them.",
                f"Let's call it what it is: {p} are {noun}.",
                f"{cp} breed like rats.",
            ),
            g,
            heated=1,
        )
        good = _ok(
            _pick(rng, f"{cp} are people, plain and simple.", f"Let's call it what it is: {p} are people.")
        )
    elif kind == 3:
        bad, good = _threat_pair(rng, g)
    elif kind == 4:
        pool = EXCLUSIONS + (FOREIGN_EXCLUSIONS if g.key in FOREIGN else ())
        where = _pick(rng, "our hospitals", "the profession", "our neighbourhood", "our clinics", "the NHS")
        bad = _hate(
            _pick(rng, f"{cp} {rng.choice(pool)}.", f"Keep {p} out of {where}.", f"Ban {p} from {where}."),
            g,
        )
        bad_thing = _pick(rng, "bigotry", "hate", "discrimination", "abuse", "racism", "harassment")
        good = _ok(
            _pick(
                rng,
                f"{cp} {rng.choice(SUPPORT_PRED)}.",
                f"Keep {bad_thing} out of {where}.",
                f"Ban {bad_thing} from {where}.",
            )
        )
    else:
        stereo = rng.choice(STEREOTYPES[g.key])
        bad = _hate(
            _pick(
                rng,
                f"{cp} {stereo}.",
                f"Let's be honest, {p} {stereo}.",
                f"Everyone knows {p} {stereo}.",
                f"Facts: {p} {stereo}.",
                f"It's not hate to say {p} {stereo}, it's just the truth.",
                f"Twenty years in the NHS has taught me that {p} {stereo}.",
            ),
            g,
        )
        fact = rng.choice(FACTS[g.key])
        good = _ok(
            _pick(
                rng,
                f"{cp} {fact}.",
                f"Worth knowing: {p} {fact}.",
                f"New data: {p} {fact}.",
                f"Reminder for clinicians: {p} {fact}.",
                f"Twenty years in the NHS has taught me that {p} {fact}.",
                f"Let's be honest, {p} {fact}, and services need to catch up.",
            )
        )
    return [bad, good]


def _threat_pair(rng: random.Random, g: Group) -> tuple[Draft, Draft]:
    """A violent threat against a group, and a sentence about violence against it that is not one."""
    p, cp = g.plural, _cap(g.plural)
    options = [
        f"{cp} {rng.choice(THREATS)}.",
        f"Round up every {g.sing} and {rng.choice(VIOLENT_ACTS)} them.",
        f"I'd happily {rng.choice(VIOLENT_ACTS)} every {g.sing} I see.",
        f"Time to start hunting {p}.",
        f"Kill all {p}.",
        f"Every {g.sing} deserves a beating.",
        f"The only good {g.sing} is a dead one.",
    ]
    if g.key in PLACES:
        place = PLACES[g.key]
        options.append(f"Someone should burn down the {place} where those {p} meet.")
        options.append(f"{cp} again. Someone should torch their {place} with them inside.")
    bad = _hate(rng.choice(options), g, harm=1, heated=1)
    good_opts = [
        f"{cp} should be safe from violence.",
        f"Attacks on {p} must be taken seriously by the police.",
        f"Every {g.sing} deserves safety and respect.",
        f"Violence against {p} is rising and our services need to respond.",
    ]
    if g.key in PLACES:
        good_opts.append(
            f"Someone tried to burn down a {PLACES[g.key]} last night. Thinking of everyone affected."
        )
    return bad, _ok(rng.choice(good_opts))


def _negated_hate(rng: random.Random) -> list[Draft]:
    """Negation that cancels hate ("X are not vermin") next to negation that carries it ("X are not welcome")."""
    g = _group(rng, hate=True)
    p, cp, one = g.plural, _cap(g.plural), _a(g.sing)
    harm_v = _pick(rng, "hurt", "attack", "threaten", "abuse", "harass", "spit at", "beat up", "mock")
    good_opts = [
        f"I don't {_pick(rng, 'hate', 'despise', 'dislike', 'have a problem with', 'look down on')} {p}."
        + _pick(rng, "", " Never have.", " Why would I?", " I work alongside them every day."),
        f"{cp} are not {rng.choice(DEHUM)}.",
        f"{cp} are not {rng.choice(INSULT_ADJ)}.",
        f"{cp} aren't {rng.choice(DEHUM)}, they're people.",
        f"Nobody should {harm_v} {p}.",
        f"No one should ever {harm_v} {one}.",
        f"I would never say {p} are {rng.choice(INSULT_ADJ + CALM_DEROG)}.",
        f"I'd never call {p} {rng.choice(DEHUM)}.",
        f"{cp} don't deserve the abuse they get online.",
        f"{cp} are not a threat to anyone.",
        f"{cp} aren't the reason waiting lists are long; underfunding is.",
        f"I'd never refuse to treat {one}.",
        f"I'd never turn {one} away from my clinic.",
        f"{cp} don't need to prove they belong here.",
        f"Never judge {one} by what you read in the tabloids.",
        f"No {g.sing} should have to hide who they are at work.",
        f"It's not true that {p} {rng.choice(STEREOTYPES[g.key])}.",
    ]
    if g.adj:
        good_opts.append(f"It's never OK to {harm_v} someone for being {g.adj}.")
    if g.key in ("lgb", "trans", "autistic"):
        good_opts.append(f"{cp} don't need fixing.")
    where = _pick(rng, "here", "in this country", "in my clinic", "in our profession", "in the NHS")
    bad_opts = [
        f"{cp} are not welcome {where}.",
        f"{cp} will never be {_pick(rng, 'normal', 'equal to us', 'one of us', 'proper professionals')}.",
        f"I'd never hire {one}.",
        f"I would never let {one} treat my kids.",
        f"I'd never rent a room to {one}.",
        f"{cp} don't deserve {_pick(rng, 'rights', 'respect', 'NHS care', 'a seat at the table', 'to be treated')}.",
        f"No {g.sing} should ever be allowed to {_pick(rng, 'practise as a therapist', 'adopt', 'work with children', 'vote', 'become a nurse')}.",
        f"Never trust {one}.",
        f"I don't want {p} anywhere near my kids.",
        f"{cp} don't belong {where}.",
        f"Nobody wants {p} {where}.",
        f"I don't care if {p} get hurt.",
        f"I don't see {p} as equals and never will.",
        f"{cp} can't be trusted with patients.",
        f"I won't sit in a staff room with {p}.",
    ]
    if g.plural == "trans women":
        bad_opts.append(
            _pick(
                rng, "Trans women will never be real women.", "Trans women are not women and never will be."
            )
        )
    elif g.plural == "trans men":
        bad_opts.append("Trans men will never be real men.")
    elif g.plural == "non-binary people":
        bad_opts.append("Non-binary isn't real and I won't pretend it is.")
    if g.key in FOREIGN:
        bad_opts.append(f"{cp} will never be British, no matter what their passport says.")
    bad = _hate(rng.choice(bad_opts), g, heated=0)
    return [_ok(rng.choice(good_opts)), bad]


def _question_hate(rng: random.Random) -> list[Draft]:
    """Hate asked as a question, and genuine questions about the same groups."""
    g = _group(rng, hate=True)
    p, one = g.plural, _a(g.sing)
    act = _pick(rng, "work in the NHS", "near our children", "vote", "train as therapists", "adopt")
    heated_opts = [
        f"Why are {p} so {rng.choice(INSULT_ADJ)}?",
        f"Isn't it obvious {p} are {rng.choice(DEHUM)}?",
        f"Am I the only one who thinks {p} are {rng.choice(DEHUM + INSULT_ADJ)}?",
        f"Do {p} ever stop whining?",
        f"Why are {p} such {_pick(rng, 'parasites', 'animals', 'scum', 'leeches', 'vermin')}?",
    ]
    calm_opts = [
        f"Why are {p} always so {rng.choice(CALM_DEROG)}?",
        f"Who else thinks {p} should be {_pick(rng, 'banned', 'kicked out of the NHS', 'barred from adopting', 'kept away from kids')}?",
        f"Why do we let {p} {act}?",
        f"How much longer do we have to put up with {p}?",
        f"When are we finally going to get rid of {p}?",
        f"Can we stop pretending {p} are normal?",
        f"Why would anyone hire {one}?",
        f"Is it just me or do {p} ruin everything?",
        f"Wouldn't the world be better without {p}?",
        f"Should {p} even be allowed to {act}?",
        f"Isn't it time we admitted {p} {rng.choice(STEREOTYPES[g.key])}?",
        f"Why do {p} get away with being so {rng.choice(CALM_DEROG)}?",
    ]
    if g.key in FOREIGN:
        calm_opts.append(f"Why can't {p} just go back where they came from?")
    bad = (
        _hate(rng.choice(heated_opts), g, heated=1)
        if rng.random() < 0.4
        else _hate(rng.choice(calm_opts), g, heated=0)
    )
    where = _pick(
        rng,
        "therapy services",
        "clinical psychology training",
        "research trials",
        "NHS Talking Therapies",
        "senior NHS roles",
        "our workforce",
    )
    service = _pick(rng, "mental health services", "maternity care", "A&E", "primary care", "CAMHS")
    good_opts = [
        f"Why are {p} underrepresented in {where}?",
        f"Why are {p} so underrepresented in {where}?",
        f"Why are {p} so often let down by {service}?",
        f"How can I better support {p} on my caseload?",
        f"Does anyone have good resources on working with {p}?",
        f"What barriers do {p} face when accessing talking therapies?",
        f"Why do {p} have worse outcomes in {service}?",
        f"How do we make our waiting room more welcoming for {p}?",
        f"What training have people found useful for supporting {p}?",
        f"Why are so many {p} being turned away from {service}?",
        f"Has anyone read the new guidance on supporting {p} in primary care?",
        f"Is standard CBT adapted enough for {p}?",
        f"Who else thinks {p} {rng.choice(SUPPORT_PRED)}?",
        f"Am I the only one who thinks {p} deserve better from {service}?",
        f"Why is it so hard for {p} to get seen in {service}?",
        f"Isn't it obvious {p} need better access to {service}?",
    ]
    if g.adj:
        good_opts.append(f"How can I better support my {g.adj} clients?")
        good_opts.append(f"Any {g.adj} {rng.choice(PROFS)[1]} out there happy to chat about their training?")
    return [bad, _ok(rng.choice(good_opts))]


IDENTITY_SLOGANS = (
    "Trans women are women.",
    "Trans rights are human rights.",
    "Black Lives Matter.",
    "Refugees welcome here.",
    "Love is love 🏳️‍🌈",
    "Disabled people are experts in their own lives.",
    "Eid Mubarak to all our Muslim colleagues!",
    "Happy Diwali to everyone celebrating!",
    "Chag Hanukkah sameach to our Jewish staff and patients!",
    "Happy Vaisakhi to all our Sikh colleagues!",
    "Merry Christmas to everyone working on the wards today.",
    "Happy Pride from the whole team 🏳️‍🌈",
    "Autistic and proud.",
    "Happy International Women's Day to all the incredible women in our service.",
    "Happy International Men's Day: look after your mates and talk to someone.",
    "Shana tova to everyone celebrating Rosh Hashanah.",
    "Ramadan Mubarak to everyone fasting on nights this month, look after yourselves.",
    "Bi Visibility Day: here's to all my bi colleagues.",
    "Trans Day of Visibility: we see you and we're proud of you.",
    "Deaf Awareness Week: learning some BSL with the team.",
    "Gypsy, Roma and Traveller History Month starts today.",
    "Windrush Day: thank you to the generation who built our NHS.",
)


def _identity_positive(rng: random.Random) -> list[Draft]:
    """Pride, celebration and praise involving protected groups."""
    g = _group(rng, need="adj" if rng.random() < 0.5 else "")
    p, cp = g.plural, _cap(g.plural)
    prof, profs = rng.choice(PROFS)
    opts = [
        f"{cp} {rng.choice(POS_PRED)}.",
        f"{cp} belong here.",
        f"{cp} are welcome here, always.",
        f"{cp} deserve the best care we can give.",
        f"So grateful to the {p} who shared their stories at our training day.",
        f"Love working with {p}, I learn something every week.",
        f"Our service is better because of the {p} on our team.",
        rng.choice(IDENTITY_SLOGANS),
    ]
    if g.adj:
        adj = g.adj
        opts += [
            f"I'm a proud {adj} {prof}.",
            f"As {_a(f'{adj} {prof}')}, I know how much representation matters.",
            f"So proud of our {adj} staff network!",
            f"Shout out to all the {adj} {profs} holding the NHS together.",
            f"Representation matters: we need more {adj} {profs}.",
            f"Proud to be {_a(adj)} {prof} and proud of this profession.",
        ]
    return [_ok(rng.choice(opts))]


CPD_TOPICS = (
    "trans-affirming care",
    "culturally adapted CBT for South Asian communities",
    "working with Deaf clients and BSL interpreters",
    "religion and spirituality in therapy",
    "neurodiversity-affirming practice",
    "gay and lesbian couples counselling",
    "adapting CBT for older adults with hearing loss",
    "trauma-focused work with refugees",
    "perinatal mental health for Muslim mums during Ramadan",
    "anti-racist practice in supervision",
    "reasonable adjustments for people with learning disabilities",
    "menopause and mood for women in the workforce",
)


def _identity_neutral(rng: random.Random) -> list[Draft]:
    """Neutral, clinical and professional mentions of protected groups."""
    g = _group(rng)
    p = g.plural
    pct = rng.choice((5, 8, 12, 15, 20, 25, 30, 40))
    opts = [
        f"Today's supervision focused on working with {p}.",
        f"Our service is starting a new group for {p} with anxiety.",
        f"Reading list on {p} and mental health for therapists 👇",
        f"{_cap(p)} make up about {pct}% of our caseload.",
        f"New paper on CBT outcomes for {p}.",
        f"Webinar tonight: adapting therapy for {p}.",
        f"We're recruiting {p} to our lived experience panel.",
        f"Audit shows waiting times for {p} have improved this year.",
        f"Notes from today's CPD on working with {p}.",
        f"Anyone know of peer support groups for {p} in Leeds?",
        f"Our trust is consulting {p} on the new referral pathway.",
        f"Just finished a CPD course on {rng.choice(CPD_TOPICS)}.",
        f"Great session on {rng.choice(CPD_TOPICS)} at the conference today.",
        "Black History Month reading list for therapists 👇",
        f"Supervision tip: ask {p} what they want from therapy, not what you assume.",
        f"Our {_pick(rng, 'leaflets', 'letters', 'forms')} are now available in formats that work for {p}.",
    ]
    if g.adj:
        opts += [
            f"Working with {g.adj} clients: what I've learnt in {rng.choice((3, 5, 10, 15))} years.",
            f"I'm {_a(g.adj)} {rng.choice(PROFS)[0]} and this week's rota is brutal.",
            f"Our {g.adj} staff network meets on Thursday at 1pm.",
        ]
    return [_ok(rng.choice(opts))]


def _counter_speech(rng: random.Random) -> list[Draft]:
    """Hate quoted to condemn it, and the same claim endorsed."""
    st = _statement(rng)
    s, cs, g = st.text, _cap(st.text), st.group
    bigotry = BIGOTRY[g.key]
    handle = _person(rng)[1]
    condemn = [
        f"Someone DMed me '{cs}'. This is disgusting and I've reported it.",
        f'Got this in my replies today: "{cs}." Blocked and reported.',
        f"Saying {s} is {bigotry}. Full stop.",
        f"Stop saying {s}. It's {bigotry} and it's false.",
        f"If your reaction to the news is '{s}', please unfollow me.",
        f"A patient's relative shouted '{s}' at one of our nurses today. Zero tolerance. Proud of how the team handled it.",
        f"Reminder: '{cs}' is hate speech, not free speech.",
        f"The idea that {s} is a {bigotry} myth and it harms people.",
        f"Screenshotting this for the report: '{cs}.' Vile.",
        f"Hearing a colleague say '{s}' in the staff room is exactly why we need proper EDI training.",
        f"Anyone who thinks {s} needs to read some actual research.",
        f"'{cs}' - no. Just no. We don't tolerate {bigotry} abuse here.",
        f"It is not okay to say {s}. Please challenge it when you hear it.",
        f"Imagine being {_a(rng.choice(PROFS)[0])} and believing {s}. Our patients deserve better.",
        f"Our {g.adj or 'local'} patients keep hearing '{s}'. No wonder they don't trust services.",
    ]
    slurs = [(pl, si) for key, _t, pl, si in SLURS if key == g.key]
    if slurs:
        condemn.append(
            f"Stop calling {g.plural} '{rng.choice(slurs)[0]}'. It's {bigotry} and it's not banter."
        )
    if rng.random() < 0.15:
        good = _ok(f"{handle} '{cs}'? That's {bigotry}, and so are you. Blocked.", heated=1)
    else:
        good = _ok(rng.choice(condemn))
    endorse = [
        f"{cs}, and I'm tired of pretending otherwise.",
        f"Said it before, I'll say it again: {s}.",
        f"{cs}. There, I said it.",
        f"Someone has to say it: {s}.",
        f"Unpopular opinion but {s}.",
        f"{cs}. Not sorry.",
        f"My colleague said '{s}' and honestly she's right.",
        f"Everyone's upset because I said '{s}'. I stand by every word.",
        f"Sharing because it's true: '{cs}.'",
        f"Calling it {bigotry} won't change the facts: {s}.",
        f"People call me {bigotry} for saying {s}. Fine by me.",
        f"I don't care if it's 'offensive', {s}.",
        f"Reminder: {s}. Don't let anyone shame you for saying it.",
    ]
    return [good, _hate(rng.choice(endorse), g, harm=st.harm, heated=st.heated)]


def _quoted_hate(rng: random.Random) -> list[Draft]:
    """Hate reported or studied in quotation marks, versus quoted with approval."""
    st = _statement(rng)
    s, cs, g = st.text, _cap(st.text), st.group
    who = _pick(rng, "MP", "councillor", "TV presenter", "surgeon", "footballer", "school governor", "GP")
    report = [
        f"{_cap(_a(who))} is under fire after saying '{s}'.",
        f"The inquiry heard staff had been told '{s}'.",
        f"A survey found many {g.plural} have been told '{s}' online.",
        f"The tribunal ruled that telling a colleague '{s}' amounted to harassment.",
        f"Content warning: the thread quotes abuse such as '{s}'. Reading it for the report.",
        f"Our moderation guide lists '{s}' as an example of hate speech.",
        f"Police are investigating a leaflet that said '{s}'.",
        f"Report: '{cs}' was among the most common abusive phrases aimed at {g.plural} online.",
        f"In training we practised how to respond if a patient says '{s}'.",
        f"The {who} who posted '{s}' has been suspended pending investigation.",
        f"BBC: graffiti reading '{cs}' found near the {rng.choice(WORKPLACES)}.",
    ]
    endorse = [
        f"{_cap(_a(who))} is under fire after saying '{s}'. He's right though.",
        f"The leaflet said '{s}'. Whoever wrote it deserves a medal.",
        f"'{cs}' - the most honest thing I've read all week.",
        f"Just read the quote '{s}' and couldn't agree more.",
        f"They sacked her for saying '{s}'. She was only telling the truth.",
        f"Print '{cs}' on every NHS poster.",
        f"The {who} who posted '{s}' should get a knighthood, not a suspension.",
        f"Graffiti near the {rng.choice(WORKPLACES)} says '{cs}'. Whoever did it is a legend.",
    ]
    return [_ok(rng.choice(report)), _hate(rng.choice(endorse), g, harm=st.harm, heated=st.heated)]


BENIGN_WORDS = (
    "therapy",
    "supervision",
    "clinic",
    "coffee",
    "weekend",
    "audit",
    "training",
    "handover",
    "rota",
    "session",
    "referral",
    "paperwork",
    "holiday",
    "patients",
)
PHONETIC = {
    "Muslims": ("muzlims", "mozlems", "m0zlems", "muslimz", "mooslims", "mussies"),
    "Jews": ("joos", "jooz", "j3ws", "jewz", "(((jews)))", "juice"),
    "Black people": ("bl4ck people", "blaque people", "b1acks"),
    "immigrants": ("immigr4nts", "imigrants", "1mmigrants"),
    "gay men": ("gey men", "ghey men", "g4y men"),
    "trans women": ("tr4ns women", "trans wimmin", "troon women"),
}


def _spelling_variants(rng: random.Random) -> list[Draft]:
    """Obfuscated slurs and group words in hate, and the same tricks on harmless words."""
    _key, targets, plural, sing = rng.choice(SLURS)
    handle = _person(rng)[1]
    kind = rng.randrange(5)
    if kind == 0:
        w = _obfuscate(rng, plural)
        frame = rng.randrange(9)
        text = (
            f"{w} are {rng.choice(INSULT_ADJ)}",
            f"I hate {w}",
            f"get these {w} out of our hospitals",
            f"bunch of {w}",
            f"{w} should be {_pick(rng, 'banned', 'locked up', 'kicked out', 'struck off')}",
            f"no {w} in my clinic thanks",
            f"another ward full of {w} ffs",
            f"cant stand {w}",
            f"{w} {rng.choice(THREATS)}",
        )[frame]
        bad = _hate(text, targets, harm=int(frame == 8), heated=1)
    elif kind == 1:
        g = _group(rng, hate=True)
        obf = rng.choice(PHONETIC[g.plural]) if g.plural in PHONETIC else _obfuscate(rng, g.plural)
        if rng.random() < 0.25:
            bad = _hate(f"{obf} {rng.choice(THREATS)}", g, harm=1, heated=1)
        else:
            bad = _hate(
                _pick(
                    rng,
                    f"{obf} are {rng.choice(DEHUM)}",
                    f"{obf} {rng.choice(STEREOTYPES[g.key])}",
                    f"i h4te {obf}",
                ),
                g,
                heated=1,
            )
    elif kind == 2:
        g = _group(rng, hate=True)
        pred = _pick(
            rng, f"are{rng.choice(DEHUM)}", "shouldbebanned", "ruineverything", "aredisgusting", "outnow"
        )
        text = f"{g.plural}{pred}" if rng.random() < 0.7 else f"#ban{g.plural}"
        text = text.replace(" ", "").lower()
        bad = Draft(text, hate=1, heated=1, targets=g.targets, styled=False)
    elif kind == 3:
        w = _obfuscate(rng, sing)
        bad = _hate(
            _pick(
                rng,
                f"{handle} shut up you {w}",
                f"{handle} nobody asked you, {w}",
                f"{handle} go cry about it, {w}",
                f"{handle} typical {w}, can't take criticism",
            ),
            targets,
            heated=1,
            bullying=1,
        )
    else:
        spaced = " ".join(plural.replace(" ", ""))
        bad = _hate(
            _pick(rng, f"{spaced} should be banned", f"i hate {spaced}", f"{spaced} are {rng.choice(DEHUM)}"),
            targets,
            heated=1,
        )
    return [bad, _benign_obfuscated(rng)]


def _benign_obfuscated(rng: random.Random) -> Draft:
    """Harmless posts written with the same disguises (algospeak, leetspeak, squashed hashtags)."""
    kind = rng.randrange(5)
    if kind == 0:
        w = _obfuscate(rng, rng.choice(BENIGN_WORDS))
        return _ok(
            _pick(
                rng,
                f"finally finished my {w} notes",
                f"{w} was intense today",
                f"back to back {w} all afternoon",
                f"best {w} ever, thank you team",
                f"who else is drowning in {w} this week",
            )
        )
    if kind == 1:
        g = _group(rng, need="adj")
        adj = g.adj or ""
        w = _obfuscate(rng, adj)
        return _ok(
            _pick(
                rng,
                f"proud to support our {w} clients",
                f"our {w} staff network meets thursday",
                f"{w} patients deserve better waiting times",
                f"great training on working with {w} clients",
            )
        )
    if kind == 2:
        swear = _obfuscate(rng, _pick(rng, "fucking", "shit", "bloody", "bollocks"))
        return _ok(
            _pick(
                rng,
                f"{swear} printer has jammed again",
                f"{swear} day at the {rng.choice(WORKPLACES)}",
                f"this {rng.choice(BENIGN_WORDS)} is {swear} endless",
                "life's a b1tch sometimes, off to bed",
            )
        )
    if kind == 3:
        return _ok(
            _pick(
                rng,
                "happyfridayeveryone",
                "thankyouallsomuch",
                "#refugeeswelcome",
                "#transrightsarehumanrights",
                "#blacklivesmatter",
                "#autismacceptance",
                "#prideinthenhs",
                "cbtworksforme",
                "#timetotalk",
                "#eidmubarak",
                f"#{rng.choice(BENIGN_WORDS)}goals",
            ),
            styled=False,
        )
    return _ok(" ".join(rng.choice(BENIGN_WORDS)) + _pick(rng, " day", " done", " time", " again lol"))


HOMONYMS = (
    "Nipped out for a fag on my break, don't tell my GP.",
    "Faggots and peas for tea tonight, proper northern comfort food.",
    "Walked a stretch of Offa's Dyke at the weekend.",
    "Our practice dog is a bitch and she's just had six puppies!",
    "Fire-retardant curtains fitted in the new clinic rooms.",
    "And poof, the referral disappeared from the system again.",
    "A chink of light at the end of the audit tunnel.",
    "Homo sapiens evolved in Africa - great evolution lecture today.",
    "Scope used to be called The Spastics Society; it changed its name in 1994.",
    "Bloody hell, I need a fag after that handover.",
    "The fag end of a very long week.",
    "Reading about slut-shaming in sexual health clinics for my dissertation.",
    "Queer Eye is my comfort show after nights.",
    "The dyke along the river flooded again, clinic car park closed.",
    "Found a chink in the argument: the trial never measured relapse.",
    "Flame retardant in the old sofas is a real fire-safety issue on the ward.",
    "Our greyhound rescue bitch is the calmest therapy dog we've had.",
    "Is 'queer' okay in clinical letters? I ask my LGBT clients what they prefer.",
    "The word 'retarded' appears all over the 1970s case notes; we'd never write that now.",
    "Faggots in gravy from the butcher, a proper Black Country tea.",
)
RECLAIMED_EVENTS = (
    "reading group",
    "film night",
    "book club",
    "peer support group",
    "history walk",
    "poetry night",
    "choir",
    "youth group",
    "staff network",
    "mental health group",
    "clinicians' meet-up",
)
WHEN = ("tonight", "this Saturday", "next week", "on Thursday", "after clinic", "this month")


def _reclaimed(rng: random.Random) -> str:
    """A reclaimed use of 'queer', 'dyke' or 'crip', or an innocent homonym of a slur."""
    kind = rng.randrange(4)
    prof = rng.choice(PROFS)
    if kind == 0:
        return rng.choice(HOMONYMS)
    if kind == 1:
        term = _pick(rng, "Queer", "Queer and trans", "Queer Muslim", "Queer disabled", "Crip", "Black queer")
        return f"{term} {rng.choice(RECLAIMED_EVENTS)} {rng.choice(WHEN)}, all welcome."
    if kind == 2:
        return _pick(
            rng,
            f"I'm a proud queer {prof[0]} and my practice is queer-affirming.",
            f"Our queer clients deserve {prof[1]} who get it.",
            f"Leading a workshop on queer-affirming {_pick(rng, 'CBT', 'supervision', 'couples work')} {rng.choice(WHEN)}.",
            f"As a disabled {prof[0]} I love how crip theory reframes independence.",
            f"Crip time is real: my {_pick(rng, 'clinic', 'caseload', 'training')} runs better when I plan for it.",
            f"Queer joy is resistance {_pick(rng, '🏳️‍🌈', '💜', '✨')}",
            f"Disabled and proud; crip culture taught me that as {_a(prof[0])}.",
            f"Reading {_pick(rng, 'queer theory', 'crip theory', 'queer history')} for my {_pick(rng, 'dissertation', 'CPD', 'book club')}.",
        )
    city = _pick(rng, "London", "Manchester", "Glasgow", "Brighton", "Bristol", "Leeds", "Cardiff")
    return _pick(
        rng,
        f"Dyke March {city} is {rng.choice(WHEN)}, see you there!",
        f"Marching with the {city} Dyke March contingent from our trust {rng.choice(WHEN)}.",
        f"{city} Queer Film Festival {rng.choice(WHEN)} - who's going?",
    )


def _slurs_reclaimed_homonyms(rng: random.Random) -> list[Draft]:
    """Reclaimed slurs and innocent homonyms, versus the same words used as slurs."""
    _key, targets, plural, sing = rng.choice(SLURS)
    handle = _person(rng)[1]
    if rng.random() < 0.6:
        pred = rng.choice(
            (*EXCLUSIONS, "make me sick", "ruin everything they touch", "are a disease", "are everywhere now")
        )
        bad = _hate(
            _pick(
                rng,
                f"{_cap(plural)} {pred}.",
                f"Bloody {plural}. They {pred}.",
                f"No {plural} in my {rng.choice(WORKPLACES)}.",
            ),
            targets,
            heated=1,
        )
    else:
        bad = _hate(
            _pick(
                rng,
                f"{handle} shut up you {sing}.",
                f"{handle} nobody cares what a {sing} thinks.",
                f"{handle} typical {sing}, always whining.",
                f"{handle} sit down, {sing}.",
                f"{handle} you absolute {sing}.",
                f"{handle} go back to your ward, {sing}.",
            ),
            targets,
            heated=1,
            bullying=1,
        )
    return [_ok(_reclaimed(rng)), bad]


OBJECTS = (
    "rota",
    "EPR",
    "printer",
    "IT system",
    "NHS app",
    "car park",
    "coffee machine",
    "night shift",
    "referral form",
    "on-call phone",
    "Teams call",
    "mandatory training module",
    "pager",
    "audit",
)
SWEAR_ADJ = ("fucking", "bloody", "shitty", "sodding", "damn", "effing", "f***ing", "goddamn")
EXCLAIM = (
    "Fuck's sake",
    "Oh shit",
    "FFS",
    "Bloody hell",
    "For fuck's sake",
    "Holy shit",
    "Jesus Christ",
    "Bollocks",
)


def _profanity_not_hate(rng: random.Random) -> list[Draft]:
    """Swearing that targets nobody, versus swearing at a person or organisation."""
    obj, place = rng.choice(OBJECTS), rng.choice(WORKPLACES)
    good = _ok(
        _pick(
            rng,
            f"This {rng.choice(SWEAR_ADJ)} {obj} is killing me.",
            f"{rng.choice(EXCLAIM)}, the {_pick(rng, 'EPR', 'IT system', 'NHS app', 'printer', 'booking system')} has crashed again.",
            f"Shit day at the {place}.",
            f"Fuck me, {rng.choice((12, 13, 14))}-hour shift done.",
            f"The {obj} is a total shitshow today.",
            f"Pissing down on my walk to the {place}.",
            f"Holy shit, the waiting list is {rng.choice((9, 12, 18, 24))} months.",
            "Well that was a fucking brilliant supervision session!",
            f"Fucking proud of my team at the {place} today.",
            f"{rng.choice(EXCLAIM)}, forgot my lanyard again.",
            f"Who the hell designed this {obj}?",
            f"Absolutely knackered, bloody long day at the {place}.",
            "Shit, just realised I'm on call this weekend.",
            f"{rng.choice(EXCLAIM)}, {_pick(rng, 'I left my badge at home', 'the coffee machine is broken again', 'it is snowing and I am on the community round', 'clinic overran by an hour', 'the lift is out again')}.",
            f"{_pick(rng, 'Bloody', 'Fucking', 'Sodding')} {_pick(rng, 'Monday', 'traffic', 'weather', 'parking', 'winter')}. {_pick(rng, 'Late again.', 'Send coffee.', 'Rant over.', 'Back to it.')}",
        )
    )
    name, handle, _ = _person(rng)
    org = rng.choice(ORGS)
    insult = rng.choice(INSULT_NOUNS)
    roll = rng.random()
    if roll < 0.4:
        bad = _ok(
            _pick(
                rng,
                f"{handle} you're talking shit.",
                f"{handle} what a load of bollocks.",
                f"{handle} fuck off with this nonsense.",
                f"{handle} are you fucking kidding me? Read the guideline.",
                f"{handle} this take is fucking idiotic.",
                f"{handle} oh piss off, nobody asked.",
                f"{handle} fuck off you absolute {insult}.",
            ),
            heated=1,
        )
    elif roll < 0.65:
        policy = _pick(rng, "pay offer", "policy", "rota system", "consultation", "guidance")
        bad = _ok(
            _pick(
                rng,
                f"{org} your new {policy} is a fucking joke.",
                f"{org} what a f***ing joke this {policy} is.",
                f"{org} stop talking shit about staff wellbeing and pay us properly.",
                f"{org} this {policy} is bullshit and you know it.",
            ),
            heated=1,
        )
    else:
        bad = _ok(
            _pick(
                rng,
                f"{handle} you useless piece of shit, no wonder your patients hate you.",
                f"{handle} you're a fucking disgrace to the profession and everyone knows it.",
                f"{handle} shut your fucking mouth, you pathetic little {insult}.",
                f"{name} is a fucking embarrassment, everyone get in the replies.",
                f"{handle} fuck you and fuck your shitty little practice.",
            ),
            heated=1,
            bullying=1,
        )
    return [good, bad]


NON_PROTECTED = (
    "estate agents",
    "landlords",
    "Tories",
    "Labour MPs",
    "politicians",
    "NHS managers",
    "management consultants",
    "Chelsea fans",
    "Spurs fans",
    "Man United fans",
    "crypto bros",
    "anti-vaxxers",
    "traffic wardens",
    "journalists",
    "tabloid hacks",
    "cold callers",
    "influencers",
    "trust executives",
    "agency recruiters",
    "people who reply-all",
    "drivers who park in ambulance bays",
    "flat-earthers",
    "private equity firms",
    "lawyers",
    "parking firms",
    "homeopaths",
)
THINGS = (
    "Mondays",
    "night shifts",
    "the new EPR",
    "this printer",
    "paperwork",
    "admin",
    "the coffee in the staff room",
    "mandatory training modules",
    "Teams meetings",
    "hospital parking",
    "winter pressures",
)


def _non_protected_targets(rng: random.Random) -> list[Draft]:
    """The frames of group hate aimed at groups and things the law does not protect."""
    x = rng.choice(NON_PROTECTED)
    cx = _cap(x)
    roll = rng.random()
    if roll < 0.2:
        out = _ok(f"{cx} are {rng.choice(INSULT_ADJ)}.", heated=1)
    elif roll < 0.4:
        out = _ok(
            _pick(
                rng, f"{cx} are {rng.choice(DEHUM)}.", f"{cx}? {_cap(rng.choice(DEHUM))}, the lot of them."
            ),
            heated=1,
        )
    elif roll < 0.55:
        out = _ok(f"I {rng.choice(HATE_VERBS)} {x}.")
    elif roll < 0.7:
        out = _ok(
            _pick(
                rng,
                f"Why are {x} always so {_pick(rng, 'greedy', 'smug', 'dishonest', 'useless')}?",
                f"{cx} can't be trusted.",
                f"Never trust {x}.",
                f"{cx} should be banned from Twitter.",
            )
        )
    elif roll < 0.8:
        out = _ok(f"{cx} {rng.choice(THREATS)}.", heated=1, harm=1)
    else:
        t = rng.choice(THINGS)
        out = _ok(
            _pick(
                rng,
                f"I hate {t}.",
                f"I {rng.choice(HATE_VERBS)} {t}.",
                f"{_cap(t)} are the worst." if t.endswith("s") else f"{_cap(t)} is the worst.",
                f"Honestly {t} should be banned.",
                f"{_cap(t)} can go to hell.",
                f"Whoever invented {t} should be shot.",
            )
        )
    return [out]


def _bullying(rng: random.Random) -> list[Draft]:
    """Abuse, pile-ons and intimidation of one person, versus civil criticism of their ideas."""
    name, handle, pron = _person(rng)
    prof = rng.choice(PROFS)[0]
    feature = _pick(rng, "teeth", "haircut", "voice", "face", "weight", "accent", "glasses")
    heated_bad = [
        f"{handle} you're a pathetic excuse for {_a(prof)}.",
        f"{handle} nice {feature}, no wonder your clients leave.",
        f"Imagine being this thick and calling yourself {_a(prof)}. {handle}",
        f"{handle} nobody likes you. Everyone at the trust laughs at you behind your back.",
        f"{handle} you're fat, ugly and useless. Log off.",
        f"Day {rng.randrange(3, 40)} of reminding everyone that {handle} is a fraud.",
        f"{handle} lol look at this clown trying to sound clever 🤡 RT so everyone can laugh",
        f"Has anyone else noticed {name}'s {feature}? Absolute state of it 😂",
        f"{handle} you are a disgrace and I hope you get struck off.",
        f"{handle} your patients deserve better than a thick {prof} like you.",
    ]
    calm_bad = [
        f"Everyone report {name}'s account. Let's get {pron} banned.",
        f"Let's all tell {handle} what we think of {pron}. Go.",
        f"I know where you work, {name}.",
        f"Found {name}'s home address and where the kids go to school. Might share it 👀",
        f"{handle} I'll keep messaging you every day until you delete your account.",
        f"Everyone go and leave 1-star reviews on {name}'s practice page.",
        f"{handle} you'll never work in this town again, I'll make sure of it.",
        f"Screenshot {name}'s posts and send them to the trust, let's end this career.",
        f"Who wants to help me make {name}'s life hell this week?",
        f"I've made a new account since you blocked me, {handle}. I'm not going anywhere.",
        f"Everyone quote-tweet {handle} until the account is deleted.",
    ]
    if rng.random() < 0.5:
        bad = _ok(rng.choice(heated_bad), heated=1, bullying=1)
    else:
        bad = _ok(rng.choice(calm_bad), bullying=1)
    doc = _pick(
        rng,
        "the NICE guideline",
        "the new CBT protocol",
        "the trial results",
        "the audit",
        "the service review",
    )
    good = _ok(
        _pick(
            rng,
            f"I disagree with {name}'s reading of {doc}.",
            f"{handle} I think the sample size here is too small to support that conclusion.",
            "This paper's method is weak: no control group and a self-selected sample.",
            f"Respectfully, {handle}, that's not what {doc} says.",
            f"Great talk by {handle} today, lots to think about.",
            f"Congratulations to {name} on the new role!",
            "Everyone please report incidents via Datix so we have the data.",
            "Let's all tell our MPs what we think of mental health waiting lists.",
            f"{name}, I know how hard your {rng.choice(WORKPLACES)} has been this month. Here if you need a chat.",
            f"{handle} I've read your thread twice and still disagree, but thanks for engaging.",
            "Screenshot your CPD certificates and send them to your appraiser before revalidation.",
            "If we helped you, please leave a review for our clinic.",
            f"{handle} we clearly see this differently. Happy to continue by email.",
            f"I think {name}'s critique of {doc} misses the point about access, but it's worth reading.",
            f"{handle} your argument assumes the waiting list data is complete. It isn't.",
            f"Everyone go and read {name}'s thread on supervision, it's excellent.",
        )
    )
    return [bad, good]


ED_METHODS = (
    "Skip breakfast and lunch",
    "Stay under {n} calories",
    "Chew and spit",
    "Take laxatives after every meal",
    "Drink water whenever you feel hungry",
    "Fast until dinner every day",
    "Purge straight after eating",
    "Live on black coffee and diet coke",
)
ED_PROMISES = (
    "you'll look amazing",
    "you'll feel so in control",
    "the weight will fall off",
    "it's the only thing that works",
    "nobody will even notice",
    "push through the dizziness",
    "hunger is just weakness leaving",
)
HIDE_TIPS = (
    "wear long sleeves and say the cat did it",
    "cut where nobody will look",
    "tell your therapist you're fine and change the subject",
    "keep your blades in a makeup bag",
    "carry plasters and antiseptic in your bag",
    "say the burns were from cooking",
)


def _harm_encouragement(rng: random.Random) -> list[Draft]:
    """Encouraging suicide, self-harm, disordered eating or violence."""
    name, handle, pron = _person(rng)
    pre = _pick(rng, "", "honestly ", "seriously ", "tbh ", "lol ", "just saying, ")
    roll = rng.random()
    if roll < 0.35:
        insult = rng.choice(INSULT_NOUNS)
        if rng.random() < 0.5:
            text = _pick(
                rng,
                f"{handle} {pre}just kill yourself.",
                f"{handle} kys",
                f"{handle} {pre}kys you {insult}",
                f"{handle} {pre}jump off a bridge, you useless {insult}.",
                f"{handle} go hang yourself, {insult}.",
                f"{handle} {pre}do us all a favour and kill yourself, {insult}.",
                f"{handle} KILL YOURSELF",
            )
            return [_ok(text, harm=1, bullying=1, heated=1)]
        text = _pick(
            rng,
            f"{handle} {pre}nobody would miss you.",
            f"{handle} {pre}do everyone a favour and end it.",
            f"{handle} go on, do it. Nobody's stopping you.",
            f"{handle} {pre}the world would be better without you in it.",
            f"{handle} {pre}you should just end it.",
            f"{handle} maybe take the whole bottle this time.",
            f"{handle} if you really wanted to die you'd have done it by now.",
            f"{handle} {pre}your family would be better off without you.",
        )
        return [_ok(text, harm=1, bullying=1)]
    if roll < 0.7:
        n = rng.choice((300, 400, 500, 600, 800))
        method = rng.choice(ED_METHODS).format(n=n)
        text = _pick(
            rng,
            f"{method}, {rng.choice(ED_PROMISES)}.",
            f"{pre}{method.lower()} - {rng.choice(ED_PROMISES)} #thinspo",
            f"Pro-ana tip: {method.lower()}, {rng.choice(ED_PROMISES)}.",
            f"Tip for hiding {_pick(rng, 'cuts', 'scars', 'burns')} from {_pick(rng, 'your therapist', 'your parents', 'the nurses', 'your GP')}: {rng.choice(HIDE_TIPS)}.",
            f"{pre}if you really want to die, stop talking about it and do it.",
            "Don't tell your GP you're cutting, they'll just section you. Keep it to yourself.",
            "#thinspo goals for summer: thigh gap or nothing.",
            f"{pre}nobody gets better anyway, so why not end it?",
        )
        return [_ok(text, harm=1)]
    text = _pick(
        rng,
        f"Someone should smash {name}'s face in.",
        f"{handle} I'll find you and hurt you.",
        f"I hope someone stabs {name} on the way home.",
        f"If I see {name} in the car park I'm knocking {pron} out.",
        f"Someone needs to teach that {rng.choice(PROFS)[0]} a lesson with a baseball bat.",
        f"{handle} watch your back, you'll get what's coming to you.",
        f"{handle} I'm going to make you bleed.",
        f"Somebody go round to {name}'s house and sort {pron} out properly.",
        f"{handle} {pre}someone should put you in hospital, see how you like the waiting list.",
        f"Whoever sees {name} at the {rng.choice(WORKPLACES)} first, give {pron} a slap from me.",
    )
    return [_ok(text, harm=1, bullying=1, heated=1)]


SIGNPOST_OPENERS = (
    "If you're thinking of ending your life,",
    "If you're struggling tonight,",
    "If you're having thoughts of suicide,",
    "If you've hurt yourself or feel you might,",
    "Can't keep yourself safe right now?",
    "Struggling over the holidays?",
    "If food and eating feel out of control,",
)
SIGNPOSTS = (
    "please call Samaritans on 116 123",
    "text SHOUT to 85258",
    "call 999 or go to A&E",
    "call NHS 111 and choose the mental health option",
    "call Papyrus HOPELINE247",
    "contact your GP or local crisis team",
    "call CALM on 0800 58 58 58",
    "the Beat helpline is there for you",
)
SIGNPOST_CLOSERS = (
    "",
    " Any time, day or night.",
    " You don't have to go through this alone.",
    " 💚",
    " Please share.",
    " Free and confidential.",
)
PSYCHOED = (
    "Eating disorders are not a choice.",
    "Asking someone directly about suicide does not increase their risk.",
    "Self-harm is often a way of coping with overwhelming feelings, not attention-seeking.",
    "Thinspo content is really harmful; report it if you see it.",
    "Pro-ana sites are dangerous. Here's what parents should look out for.",
    "Skipping meals isn't a wellness hack. If food feels scary, talk to your GP or Beat.",
    "Calorie counting apps can be triggering for people in eating disorder recovery.",
    "New NICE guidance on self-harm: no more risk scores to decide who gets care.",
    "Supporting someone who self-harms? Stay calm, listen, and help them get medical care.",
    "Suicide is preventable. Check in on your colleagues this winter.",
    "Hiding self-harm from your therapist is really common; we try to make it safe to talk about.",
    "Men are less likely to ask for help when they feel suicidal. Ask twice.",
    "Laxative misuse is dangerous and doesn't cause real weight loss.",
    "Talking about suicide safely saves lives.",
    "Self-harm scars deserve the same respect as any other scar.",
    "Most people who self-harm are not trying to end their life, but every disclosure deserves care.",
)
RECOVERY_PAST = (
    "self-harmed",
    "struggled with bulimia",
    "lived with anorexia",
    "had suicidal thoughts",
    "hid my cuts from everyone",
    "binged and purged",
)
RECOVERY_HOPE = (
    "recovery is possible",
    "things do get better",
    "therapy saved my life",
    "I'm still here and glad I am",
    "asking for help was the bravest thing I did",
)
CLINICAL_TEAMS = ("Our team", "Our ward", "Our trust", "Our CAMHS team", "The liaison team", "Our ED service")
CLINICAL_GOALS = (
    "reducing self-harm on inpatient wards",
    "safety planning with young people",
    "supporting families bereaved by suicide",
    "earlier help for eating disorders",
    "follow-up within 72 hours of discharge",
    "better care after an overdose",
)
TRAINING_TOPICS = (
    "how to respond when a client discloses self-harm",
    "asking about suicide safely",
    "spotting eating disorders in primary care",
    "risk formulation without risk scores",
    "safety planning with suicidal clients",
    "supporting staff after a patient suicide",
)
FIGURATIVE = (
    "This {x} is killing me.",
    "The {x} is going to be the death of me.",
    "This {x} will be the end of me lol",
    "Honestly could strangle this {x}.",
    "Ready to throw this {x} out of the window.",
)
FIGURATIVE_X = ("deadline", "rota", "commute", "audit", "heatwave", "inbox", "on-call week", "printer", "EPR")
FIGURATIVE_OTHER = (
    "I could murder a {food}.",
    "{name} absolutely killed it at {event}!",
    "Knock 'em dead at {event}, {name}!",
    "My feet are dying after that shift.",
    "We smashed our targets this quarter!",
    "Dying of laughter at the staff panto.",
    "Shoot me a message if you want the slides.",
    "I'm going to smash this exam.",
    "{name} nailed {event}, so proud.",
)


def _harm_support(rng: random.Random) -> list[Draft]:
    """Signposting, recovery, psychoeducation, clinical talk and figurative violence: all harmless."""
    name, handle, _ = _person(rng)
    n = rng.choice((2, 3, 4, 5, 7, 10, 15))
    kind = rng.randrange(7)
    if kind == 0:
        opener = _pick(
            rng,
            *SIGNPOST_OPENERS,
            f"{handle} if things feel too much,",
            f"{handle} I'm so sorry you're struggling.",
        )
        signpost = rng.choice(SIGNPOSTS)
        text = f"{opener} {_cap(signpost) if opener[-1] in '?.' else signpost}.{rng.choice(SIGNPOST_CLOSERS)}"
    elif kind == 1:
        text = _pick(
            rng,
            f"I {rng.choice(RECOVERY_PAST)} for {n} years; {rng.choice(RECOVERY_HOPE)}.",
            f"{n} years since I last {rng.choice(RECOVERY_PAST)}. {_cap(rng.choice(RECOVERY_HOPE))}.",
            f"As {_a(rng.choice(PROFS)[0])} who once {rng.choice(RECOVERY_PAST)}: {rng.choice(RECOVERY_HOPE)}.",
        )
    elif kind == 2:
        text = _pick(
            rng, "", "Reminder: ", "Thread: ", "For #WorldMentalHealthDay: ", "Worth repeating: "
        ) + rng.choice(PSYCHOED)
    elif kind == 3:
        text = _pick(
            rng,
            f"{rng.choice(CLINICAL_TEAMS)} works on {rng.choice(CLINICAL_GOALS)}.",
            f"Today's training: {rng.choice(TRAINING_TOPICS)}.",
            f"Webinar {rng.choice(WHEN)}: {rng.choice(TRAINING_TOPICS)}.",
            f"{rng.choice(CLINICAL_TEAMS)} is auditing its work on {rng.choice(CLINICAL_GOALS)}.",
        )
    elif kind == 4:
        text = _pick(
            rng,
            f"{handle} please don't hurt yourself. You matter and people would miss you.",
            f"{handle} you don't have to go through this alone. {_cap(rng.choice(SIGNPOSTS))}.",
            f"{handle} the world is better with you in it. Please reach out tonight.",
            f"{handle} I'm glad you're still here. {_pick(rng, 'Things do get better.', 'Recovery is possible.')}",
        )
    elif kind == 5:
        text = rng.choice(FIGURATIVE).format(x=rng.choice(FIGURATIVE_X))
    else:
        event = _pick(
            rng,
            "the conference",
            "the viva",
            "the team quiz",
            "the interview",
            "the presentation",
            "grand round",
        )
        food = _pick(rng, "coffee", "bacon sandwich", "curry", "pint", "cup of tea", "biscuit")
        text = rng.choice(FIGURATIVE_OTHER).format(name=name, event=event, food=food)
    return [_ok(text)]


def _heated_vs_firm(rng: random.Random) -> list[Draft]:
    """Insults, caps and name-calling in an argument, versus firm, civil disagreement."""
    handle = _person(rng)[1]
    insult = rng.choice(INSULT_NOUNS)
    org = rng.choice(ORGS)
    doc = _pick(rng, "NICE guideline", "trial", "paper", "Cochrane review", "audit", "consultation")
    topic = _pick(
        rng,
        "CBT",
        "waiting lists",
        "antidepressants",
        "nurse staffing",
        "the pay offer",
        "social prescribing",
    )
    reason = _pick(
        rng,
        f"The {doc} says the exact opposite.",
        f"Read the {doc}.",
        "That's not what the evidence shows.",
        "",
    )
    bad = _ok(
        _pick(
            rng,
            f"{handle} are you THICK? {reason}",
            f"What an utter {insult}. {reason}",
            f"{handle} shut up you {insult}, you clearly haven't read the {doc}.",
            f"{handle} you absolute {insult}.",
            f"This is the STUPIDEST take on {topic} I've ever read.",
            f"{handle} are you actually this dense or just pretending?",
            f"{handle} get in the bin with this nonsense 🗑️",
            f"What a joke. {handle} hasn't a clue about {topic}.",
            f"READ THE {doc.upper()} YOU {insult.upper()}!!!",
            f"{handle} oh do grow up, you pompous {insult}.",
            f"{org} HOW MANY TIMES DO WE HAVE TO SAY IT?? STAFF ARE BURNING OUT AND YOU DO NOTHING!!!",
            f"{org} you spineless clowns. Sort out {topic} or resign.",
            f"Honestly {handle}, what a brainless take on {topic}.",
            f"{handle} wow, you really are clueless about {topic}, aren't you?",
        ).strip(),
        heated=1,
    )
    good = _ok(
        _pick(
            rng,
            f"{handle} I strongly disagree, and here's why: {_pick(rng, 'the effect sizes are small', 'the follow-up was only six weeks', 'the sample excluded older adults')}.",
            f"That claim is wrong; the {doc} says otherwise.",
            f"With respect, this misrepresents the {doc}.",
            "I'm frustrated by this decision and will be writing to my MP.",
            f"This is a poor policy on {topic} and it will hurt patients.",
            "No. That's not how informed consent works, and we need to be clear about it.",
            f"{handle} I think you've misread the {doc}; the key recommendation says the opposite.",
            _pick(
                rng,
                "REMINDER: clinic closed on Monday for the bank holiday.",
                "IMPORTANT: new referral form from 1 April.",
                "HUGE thanks to everyone who covered nights this week!!!",
                "NEW PAPER OUT TODAY on group CBT for insomnia 🎉",
            ),
            f"{org} we've raised this three times now. Staff are burning out and we need a response.",
            f"Disappointed by {org}'s response on {topic}. We deserve better, and we'll keep pushing.",
            f"{handle} this is factually wrong, and I'd ask you to correct it.",
            f"I couldn't disagree more with this take on {topic}, but I respect the work behind it.",
            f"{handle} you're entitled to your view, but the {doc} doesn't support it.",
            f"Strong words from me today: {topic} is being handled badly and patients are paying for it.",
            f"{handle} I see where you're coming from on {topic}, but "
            + _pick(
                rng,
                "the data don't back it up.",
                "the follow-up was far too short.",
                "the trial excluded the patients we actually see.",
                "I think you're overstating the effect.",
                "we've tried this locally and it didn't work.",
            ),
            f"Firmly disagree with {org} on {topic}. {_pick(rng, 'Patients will wait longer.', 'Staff were not consulted.', 'The evidence points the other way.')}",
        )
    )
    return [bad, good]


# --- assembly ------------------------------------------------------------------------------------------

SECTIONS: tuple[tuple[str, Maker, int], ...] = (
    ("explicit_hate", _explicit_hate, 1800),
    ("negated_hate", _negated_hate, 1500),
    ("question_hate", _question_hate, 1300),
    ("identity_positive", _identity_positive, 700),
    ("identity_neutral", _identity_neutral, 700),
    ("counter_speech", _counter_speech, 1300),
    ("quoted_hate", _quoted_hate, 1000),
    ("spelling_variants", _spelling_variants, 1400),
    ("slurs_reclaimed_homonyms", _slurs_reclaimed_homonyms, 800),
    ("profanity_not_hate", _profanity_not_hate, 900),
    ("non_protected_targets", _non_protected_targets, 800),
    ("bullying", _bullying, 1200),
    ("harm_encouragement", _harm_encouragement, 900),
    ("harm_support", _harm_support, 900),
    ("heated_vs_firm", _heated_vs_firm, 1000),
)


def _collect(rng: random.Random, section: str, maker: Maker, n: int, seen: set[str]) -> list[Example]:
    """Call a maker until it has yielded `n` new texts (or clearly run dry), styling each draft."""
    out: list[Example] = []
    attempts = 0
    while len(out) < n and attempts < n * 6:
        attempts += 1
        for d in maker(rng):
            key = " ".join(d.text.lower().split())
            if key in seen or len(out) >= n:
                continue
            seen.add(key)
            text = _style(rng, d.text, bool(d.heated)) if d.styled else d.text
            out.append(
                Example(
                    text=text,
                    hate=d.hate,
                    bullying=d.bullying,
                    harm=d.harm,
                    heated=d.heated,
                    targets=sorted(d.targets) if d.hate else [],
                    section=section,
                )
            )
    return out


def generate(seed: int = 13) -> list[Example]:
    """All synthetic examples, de-duplicated on text; identical output for the same seed."""
    rng = random.Random(seed)
    seen: set[str] = set()
    examples: list[Example] = []
    for section, maker, n in SECTIONS:
        examples += _collect(rng, section, maker, n, seen)
    return examples


def _labels(ex: Example) -> dict[str, int | None]:
    """The four binary labels of an example by name."""
    return {"hate": ex["hate"], "bullying": ex["bullying"], "harm": ex["harm"], "heated": ex["heated"]}


def _report(examples: list[Example]) -> None:
    """Print counts per section and label, as positives/total."""
    sections = Counter(ex["section"] for ex in examples)
    print(f"{'section':28} {'n':>6} " + " ".join(f"{label:>9}" for label in LABELS))
    for section, n in sections.items():
        rows = [ex for ex in examples if ex["section"] == section]
        cells = " ".join(f"{sum(_labels(ex)[label] == 1 for ex in rows):>9}" for label in LABELS)
        print(f"{section:28} {n:>6} {cells}")
    totals = " ".join(f"{sum(_labels(ex)[label] == 1 for ex in examples):>9}" for label in LABELS)
    print(f"{'total':28} {len(examples):>6} {totals}")
    targets = Counter(t for ex in examples for t in ex["targets"] or [])
    print("targets:", dict(targets.most_common()))


if __name__ == "__main__":
    data = generate()
    _report(data)
    if len(sys.argv) > 1:
        for ex in random.Random(0).sample(data, int(sys.argv[1])):
            labels = " ".join(f"{k[:4]}={v}" for k, v in _labels(ex).items())
            print(f"[{ex['section']}] {labels} {ex['targets']} | {ex['text']}")
