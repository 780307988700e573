"""Training examples that break the "mentions a group, so it is hateful" shortcut.

What: ``generate(seed)`` returns three sections of labelled posts:

* ``identity_neutral``: neutral or positive sentences that mention identity groups (women, disabled
  people, Muslims, refugees, Travellers, trans people ...) in many registers: news, NHS and clinical
  information, charity and advocacy posts, everyday personal posts, history, statistics, good-faith
  questions, celebrations, workplace, sport, culture and food. All hate 0.
* ``identity_counterfactual``: pairs that differ only in the identity term (the label follows the
  meaning, so both halves share it) and negation pairs ("I hate X" vs "I don't hate X, I hate how the
  media portrays them") where the group stays and the label flips.
* ``emoji_neutral``: harmless posts using emoji that hate sets lean on (🐒 🍌 🐍 🏳️‍🌈 🕌 🔪 🪦 ...) and a
  smaller set of hateful posts where the emoji stands for a group or a threat.

Why: the fine-tuned classifier learnt that identity words (and some emoji) predict hate. These
examples show the same words and emoji in benign contexts, and hateful ones whose label comes from
what is said about the group rather than which group it is.

Provenance: every frame, sentence and filler here was written from scratch for training, independently
of any benchmark, test or evaluation file in this repository. Hateful sentences are generic and
non-graphic; no slurs are spelt out.

Determinism: sentence frames are hand-written and fitted to the groups they suit (frames choose their
groups by kind, so "pregnant men" style nonsense cannot appear); ``random.Random(seed)`` is used only
to pick fillers, sample and shuffle.

Run as a script for counts per section and label and ten random samples.
"""

from __future__ import annotations

import random
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict


class IdentityExample(TypedDict):
    text: str
    hate: int
    section: str
    targets: list[str] | None


NEUTRAL = "identity_neutral"
COUNTERFACTUAL = "identity_counterfactual"
EMOJI = "emoji_neutral"

# ---------------------------------------------------------------------------------------------
# Groups
# ---------------------------------------------------------------------------------------------

_RACE = ("race",)
_NAT = ("nationality",)
_REL = ("religion",)
_SEX = ("sex_gender",)
_GI = ("gender_identity",)
_SO = ("sexual_orientation",)
_DIS = ("disability",)
_AGE = ("age",)


@dataclass(frozen=True)
class Group:
    """One way of naming an identity group, with what frames may say about it.

    ``tags`` is the group's kind (frames pick groups by kind or by key); the other fields are optional
    facts a frame can use, so a frame needing a place of worship only ever meets faith groups.
    """

    key: str
    plural: str
    person: str
    adj: str | None
    tags: frozenset[str]
    targets: tuple[str, ...]
    comm: str | None = None
    fest: tuple[str, ...] = ()
    aw: tuple[str, ...] = ()
    food: tuple[str, ...] = ()
    worship: str | None = None
    lang: tuple[str, ...] = ()
    garment: str | None = None


def _g(
    key: str,
    plural: str,
    person: str,
    adj: str | None,
    tags: str,
    targets: tuple[str, ...],
    *,
    comm: str | None = None,
    fest: tuple[str, ...] = (),
    aw: tuple[str, ...] = (),
    food: tuple[str, ...] = (),
    worship: str | None = None,
    lang: tuple[str, ...] = (),
    garment: str | None = None,
) -> Group:
    return Group(
        key,
        plural,
        person,
        adj,
        frozenset(tags.split()),
        targets,
        comm,
        fest,
        aw,
        food,
        worship,
        lang,
        garment,
    )


_GRT_MONTH = ("Gypsy, Roma and Traveller History Month",)

GROUPS: tuple[Group, ...] = (
    # sex and gender, age
    _g("women", "women", "woman", None, "gender", _SEX, aw=("International Women's Day",)),
    _g("men", "men", "man", None, "gender", _SEX, aw=("International Men's Day",)),
    _g("girls", "girls", "girl", None, "kid", _SEX, aw=("International Day of the Girl",)),
    _g("boys", "boys", "boy", None, "kid", _SEX),
    _g("children", "children", "child", None, "kid", _AGE, aw=("Children's Mental Health Week",)),
    _g("teenagers", "teenagers", "teenager", None, "teen", _AGE),
    _g("older", "older people", "older person", "older", "old", _AGE, aw=("Older People's Day",)),
    _g("pensioners", "pensioners", "pensioner", None, "old", _AGE),
    # disability
    _g("disabled", "disabled people", "disabled person", "disabled", "dis", _DIS,
       comm="the disabled community", aw=("Disability Pride Month", "Disability History Month")),
    _g("wheelchair", "wheelchair users", "wheelchair user", None, "dis", _DIS),
    _g("autistic", "autistic people", "autistic person", "autistic", "dis", _DIS,
       comm="the autistic community", aw=("Autism Acceptance Week",)),
    _g("deaf", "deaf people", "deaf person", "deaf", "dis", _DIS, comm="the Deaf community",
       aw=("Deaf Awareness Week",)),
    _g("blind", "blind people", "blind person", "blind", "dis", _DIS, aw=("World Braille Day",)),
    _g("ld", "people with learning disabilities", "person with a learning disability", None, "dis", _DIS,
       aw=("Learning Disability Week",)),
    _g("mental", "people with mental illness", "person with a mental illness", None, "dis", _DIS,
       aw=("World Mental Health Day",)),
    # sexual orientation and gender identity
    _g("gay", "gay men", "gay man", "gay", "lgbt", _SO, comm="the gay community", fest=("Pride",)),
    _g("lesbian", "lesbians", "lesbian", "lesbian", "lgbt", _SO, fest=("Pride",),
       aw=("Lesbian Visibility Week",)),
    _g("bi", "bisexual people", "bisexual person", "bisexual", "lgbt", _SO, fest=("Pride",),
       aw=("Bi Visibility Day",)),
    _g("trans", "trans people", "trans person", "trans", "lgbt", _GI, comm="the trans community",
       fest=("Pride",), aw=("Trans Day of Visibility", "Trans Awareness Week")),
    _g("nonbinary", "non-binary people", "non-binary person", "non-binary", "lgbt", _GI,
       aw=("International Non-Binary People's Day",)),
    _g("lgbtq", "LGBTQ+ people", "LGBTQ+ person", "LGBTQ+", "lgbt", ("sexual_orientation", "gender_identity"),
       comm="the LGBTQ+ community", fest=("Pride",), aw=("LGBT+ History Month",)),
    # race and ethnicity
    _g("black", "Black people", "Black person", "Black", "race", _RACE, comm="the Black community",
       aw=("Black History Month",)),
    _g("asian", "Asian people", "Asian person", "Asian", "race", _RACE, comm="the Asian community"),
    _g("southasian", "South Asian people", "South Asian person", "South Asian", "race", _RACE,
       comm="the South Asian community", aw=("South Asian Heritage Month",), food=("samosas", "chaat")),
    _g("chinese", "Chinese people", "Chinese person", "Chinese", "race", _RACE, comm="the Chinese community",
       fest=("Lunar New Year", "Mid-Autumn Festival"), food=("dumplings", "char siu bao"),
       lang=("Mandarin", "Cantonese")),
    _g("arab", "Arabs", "Arab", "Arab", "race", _RACE, comm="the Arab community", food=("maqluba", "kibbeh"),
       lang=("Arabic",)),
    _g("travellers", "Travellers", "Traveller", "Traveller", "race", _RACE, comm="the Traveller community",
       aw=_GRT_MONTH),
    _g("gypsies", "Gypsies and Travellers", "Gypsy", "Gypsy", "race", _RACE,
       comm="the Gypsy and Traveller community", aw=_GRT_MONTH),
    _g("roma", "Roma people", "Roma person", "Roma", "race", _RACE, comm="the Roma community",
       aw=_GRT_MONTH, lang=("Romani",)),
    _g("indigenous", "Indigenous peoples", "Indigenous person", "Indigenous", "indig", _RACE,
       aw=("International Day of the World's Indigenous Peoples",)),
    # religion and belief
    _g("jewish", "Jewish people", "Jewish person", "Jewish", "faith", _REL, comm="the Jewish community",
       fest=("Hanukkah", "Passover", "Rosh Hashanah"), food=("challah", "latkes"), worship="synagogue",
       garment="a kippah"),
    _g("muslim", "Muslims", "Muslim", "Muslim", "faith", _REL, comm="the Muslim community", fest=("Eid",),
       food=("biryani", "sheer khurma"), worship="mosque", garment="a headscarf"),
    _g("sikh", "Sikhs", "Sikh", "Sikh", "faith", _REL, comm="the Sikh community",
       fest=("Vaisakhi", "Bandi Chhor Divas"), food=("kheer", "pinni"), worship="gurdwara", garment="a turban"),
    _g("hindu", "Hindus", "Hindu", "Hindu", "faith", _REL, comm="the Hindu community",
       fest=("Diwali", "Holi", "Navratri"), food=("ladoos", "barfi"), worship="mandir"),
    _g("christian", "Christians", "Christian", "Christian", "faith", _REL, comm="the Christian community",
       fest=("Christmas", "Easter"), food=("hot cross buns",), worship="church"),
    _g("catholic", "Catholics", "Catholic", "Catholic", "faith", _REL, comm="the Catholic community",
       fest=("Easter", "Christmas"), worship="parish church"),
    _g("atheists", "atheists", "atheist", "atheist", "nonrel", _REL),
    # migration
    _g("immigrants", "immigrants", "immigrant", "immigrant", "mig", _NAT),
    _g("migrants", "migrants", "migrant", "migrant", "mig", _NAT),
    _g("refugees", "refugees", "refugee", "refugee", "mig", _NAT, comm="the refugee community",
       aw=("Refugee Week",)),
    _g("asylum", "asylum seekers", "asylum seeker", None, "mig", _NAT),
    # nationality and national origin
    _g("polish", "Polish people", "Polish person", "Polish", "nat", _NAT, comm="the Polish community",
       food=("pierogi", "bigos"), lang=("Polish",)),
    _g("romanian", "Romanian people", "Romanian person", "Romanian", "nat", _NAT,
       comm="the Romanian community", food=("sarmale", "cozonac"), lang=("Romanian",)),
    _g("irish", "Irish people", "Irish person", "Irish", "nat", _NAT, comm="the Irish community",
       fest=("St Patrick's Day",), food=("soda bread", "colcannon")),
    _g("nigerian", "Nigerians", "Nigerian", "Nigerian", "nat", _NAT, comm="the Nigerian community",
       food=("jollof rice", "puff-puff"), lang=("Yoruba", "Igbo")),
    _g("pakistani", "Pakistanis", "Pakistani", "Pakistani", "nat", _NAT, comm="the Pakistani community",
       food=("nihari", "chicken karahi"), lang=("Urdu",)),
    _g("indian", "Indians", "Indian", "Indian", "nat", _NAT, comm="the Indian community",
       food=("masala dosa", "dal makhani"), lang=("Hindi", "Tamil", "Gujarati")),
    _g("mexican", "Mexicans", "Mexican", "Mexican", "nat", _NAT, comm="the Mexican community",
       fest=("Día de los Muertos",), food=("tamales", "mole"), lang=("Spanish",)),
    _g("syrian", "Syrians", "Syrian", "Syrian", "nat", _NAT, comm="the Syrian community",
       food=("fattoush", "shish barak"), lang=("Arabic",)),
    _g("afghan", "Afghans", "Afghan", "Afghan", "nat", _NAT, comm="the Afghan community",
       food=("bolani", "kabuli pulao"), lang=("Dari", "Pashto")),
    _g("ukrainian", "Ukrainians", "Ukrainian", "Ukrainian", "nat", _NAT, comm="the Ukrainian community",
       food=("borscht", "varenyky"), lang=("Ukrainian",)),
    _g("somali", "Somalis", "Somali", "Somali", "nat", _NAT, comm="the Somali community",
       food=("sambusa", "canjeero"), lang=("Somali",)),
    _g("bangladeshi", "Bangladeshis", "Bangladeshi", "Bangladeshi", "nat", _NAT,
       comm="the Bangladeshi community", food=("shingara", "bhuna khichuri"), lang=("Bengali",)),
)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Fillers for places, numbers and names
# ---------------------------------------------------------------------------------------------

CITIES: tuple[str, ...] = (
    "Leeds", "Manchester", "Bristol", "Glasgow", "Edinburgh", "Cardiff", "Belfast", "Sheffield",
    "Nottingham", "Leicester", "Norwich", "Plymouth", "York", "Newcastle", "Liverpool", "Birmingham",
    "Coventry", "Brighton", "Southampton", "Oxford", "Aberdeen", "Swansea", "Bradford", "Luton",
    "Derby", "Hull", "Preston", "Wolverhampton", "Peterborough", "Slough", "Reading", "Middlesbrough",
)  # fmt: skip
DAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FEMALE_NAMES: tuple[str, ...] = (
    "Amira", "Priya", "Chloe", "Niamh", "Ellie", "Mei", "Fatima", "Ruby", "Freya", "Sian", "Zofia", "Aisha",
)  # fmt: skip
MALE_NAMES: tuple[str, ...] = (
    "Jack", "Tomasz", "Kwame", "Yusuf", "Oliver", "Dylan", "Ade", "Luca", "Omar", "Rhys", "Arjun", "Callum",
)  # fmt: skip
NAMES = FEMALE_NAMES + MALE_NAMES
ZOOS: tuple[str, ...] = (
    "Chester Zoo", "Twycross Zoo", "Edinburgh Zoo", "London Zoo", "Colchester Zoo", "Whipsnade Zoo",
    "Longleat", "Blair Drummond Safari Park", "Marwell Zoo", "Yorkshire Wildlife Park",
)  # fmt: skip
GAMES: tuple[str, ...] = (
    "Minecraft", "Mario Kart", "Fortnite", "Animal Crossing", "Zelda", "Rocket League", "FIFA", "Roblox",
)  # fmt: skip
FERRIES: tuple[str, ...] = ("the Isle of Wight", "Belfast", "Dublin", "Orkney", "Calais", "Arran")
PARKS: tuple[str, ...] = ("Alton Towers", "Thorpe Park", "Blackpool Pleasure Beach", "Flamingo Land")
SPORTS: tuple[str, ...] = ("cricket", "rugby", "football", "netball", "hockey", "basketball", "tennis")


def _numbers(rng: random.Random) -> dict[str, str]:
    return {
        "city": rng.choice(CITIES),
        "day": rng.choice(DAYS),
        "name": rng.choice(NAMES),
        "fname": rng.choice(FEMALE_NAMES),
        "mname": rng.choice(MALE_NAMES),
        "zoo": rng.choice(ZOOS),
        "game": rng.choice(GAMES),
        "ferry": rng.choice(FERRIES),
        "park": rng.choice(PARKS),
        "sport": rng.choice(SPORTS),
        "n": str(rng.choice((120, 150, 200, 240, 300, 350, 400, 500, 650, 800, 1200))),
        "small": str(rng.randint(3, 9)),
        "pct": str(rng.randint(12, 88)),
        "pts": str(rng.randint(2, 9)),
        "weeks": str(rng.randint(14, 30)),
        "weeks2": str(rng.randint(4, 12)),
        "year": str(rng.choice((1890, 1905, 1920, 1936, 1948, 1955, 1962, 1971, 1978, 1985))),
        "money": f"{rng.choice((2, 3, 5, 8, 12, 15, 20, 25))},000",
        "age": str(rng.choice((7, 8, 9, 10, 11))),
    }


# ---------------------------------------------------------------------------------------------
# Frames: hand-written sentences with a slot for the group, each fitted to the groups it suits.
#
# A frame's spec lists tags (kinds of group) and/or group keys it may take, and "-key" exclusions.
# "adult" means every kind but children and teenagers; "*" every kind. Indigenous peoples only appear
# where a frame names them (key "indigenous"): most frames are about life in UK towns.
# Slots: {P} plural, {person}, {a_person}, {adj}, {comm}, {fest}, {aw}, {food}, {worship}, {lang},
# {garment}; plus fillers {city}, {day}, {n}, {pct} ... (see _numbers).
# ---------------------------------------------------------------------------------------------

_KINDS = {
    "*": ("gender", "kid", "teen", "old", "dis", "lgbt", "race", "faith", "nonrel", "mig", "nat"),
    "adult": ("gender", "old", "dis", "lgbt", "race", "faith", "nonrel", "mig", "nat"),
    "ethnic": ("race", "nat", "faith", "mig"),
}


@dataclass(frozen=True)
class Frame:
    text: str
    include: frozenset[str]
    exclude: frozenset[str]


def _f(text: str, spec: str) -> Frame:
    include: set[str] = set()
    exclude: set[str] = set()
    for token in spec.split():
        if token.startswith("-"):
            exclude.update(_KINDS.get(token[1:], (token[1:],)))
        else:
            include.update(_KINDS.get(token, (token,)))
    return Frame(text, frozenset(include), frozenset(exclude))


NEUTRAL_FRAMES: tuple[Frame, ...] = (
    # --- news headlines and reports ---
    _f("Council opens new community hub for {P} in {city}", "dis old mig lgbt teen"),
    _f("{city} library launches a reading group run by and for {P}", "dis lgbt old mig gender teen"),
    _f("New report finds {P} in {city} wait longer for GP appointments", "adult -atheists -faith kid"),
    _f("Survey: {pct}% of {P} in {city} say they feel safe in their neighbourhood", "*"),
    _f("{city} festival celebrates the contribution of {P} to the city", "race nat mig faith lgbt dis"),
    _f("Local MP meets {P} to hear their concerns about bus cuts", "dis old gender teen mig"),
    _f("Charity reports a record number of {P} volunteering in {city} this year", "adult teen"),
    _f("Police appeal for witnesses after {a_adj} family's car was vandalised in {city}", "race nat faith mig"),
    _f("Record turnout as {P} gather for {fest} celebrations in {city}", "faith nat race lgbt"),
    _f("{city} school praised for its support for {adj} pupils", "dis mig lgbt faith nat race -older"),
    _f("Study finds {P} are underrepresented in senior NHS roles", "women race dis lgbt"),
    _f("{P} make up a growing share of small-business owners in {city}, figures show",
       "women mig nat race dis older"),
    _f("Museum unveils an exhibition on the history of {P} in Britain",
       "race nat mig faith lgbt dis women -syrian -afghan -ukrainian"),
    _f("Hospital trust in {city} appoints a new {adj} chaplain", "faith"),
    _f("Football club launches walking football sessions for {P}", "old dis gender"),
    _f("{n} people, many of them {P}, were welcomed as British citizens at a {city} ceremony",
       "immigrants migrants refugees nat -irish"),
    _f("Bus operator in {city} trains its drivers to better support {P}", "dis old"),
    _f("Documentary follows three {adj} families through a year in {city}", "race nat faith mig"),
    _f("{city} charity wins national award for its work with {P}", "dis old mig kid teen lgbt"),
    _f("New figures show more {P} than ever are starting university", "women dis race mig travellers"),
    _f("Councillors in {city} vote to create a new advisory panel of {P}", "dis old teen lgbt mig"),
    # --- clinical and NHS service information ---
    _f("The NHS offers free flu vaccinations to {P} every autumn.", "older pensioners children"),
    _f("If you are {a_person} and need help booking an appointment, ask reception about reasonable "
       "adjustments.", "dis"),
    _f("Health visitors can signpost {P} to local support services.", "mig dis old gender teen"),
    _f("Screening rates among {P} in {city} have risen since the outreach programme began.",
       "adult -atheists -faith"),
    _f("The surgery has leaflets in {lang} for {P} who prefer to read in their first language.", "nat race"),
    _f("Mental health services should be accessible to {P}, and our team is working to make that happen.",
       "*"),
    _f("Staff on our ward have completed training on caring for {P} with dignity.", "dis old lgbt"),
    _f("Annual health checks are available through your GP for {P} aged 14 and over.", "ld"),
    _f("Our maternity unit has midwives who speak {lang} to support {adj} mothers.", "nat race -chinese"),
    _f("Clinicians should ask {P} how they prefer to communicate rather than guessing.",
       "deaf blind autistic ld"),
    _f("The pharmacy can print large-print labels for {P} and anyone with low vision.", "blind old"),
    _f("Our sexual health clinic welcomes {P} and all appointments are confidential.",
       "lgbt gender teen"),
    _f("Dementia support workers visit {P} at home across {city}.", "old"),
    _f("Interpreters are free for {P} at every NHS appointment; just ask when you book.", "mig nat -irish"),
    _f("Health inequalities affecting {P} were the focus of today's public health seminar.",
       "race mig dis lgbt gender old nat -atheists"),
    _f("Ramadan and diabetes: advice for {P} who plan to fast this year.", "muslim"),
    _f("Our physiotherapy team runs a falls-prevention class for {P} every {day}.", "old"),
    _f("Perinatal mental health support is available to {P} in {city}; speak to your midwife.",
       "women mig"),
    _f("The eating disorder service has a dedicated pathway for {P}.", "teen men boys girls"),
    # --- advocacy and charity ---
    _f("Donate today to help {P} in {city} get the support they deserve.", "dis old mig kid"),
    _f("We're proud to stand with {P} this {aw}.", "*"),
    _f("Our helpline is open to {P} who need someone to talk to, any time of day.",
       "lgbt old dis mig teen gender"),
    _f("Volunteers needed to welcome {P} arriving at {city} station this weekend.", "refugees asylum"),
    _f("{P} deserve safe, affordable housing in the places they call home.",
       "dis mig old lgbt travellers gypsies roma"),
    _f("Thank you to everyone who donated to our winter appeal for {P}.", "old mig kid dis"),
    _f("Sign our petition calling for proper funding of services that support {P}.",
       "dis old mig lgbt kid"),
    _f("Today we launched a mentoring scheme pairing {P} with local employers.",
       "mig dis teen women race"),
    _f("Our charity shop in {city} is run entirely by {P} who give up their time.", "old dis teen mig"),
    _f("Come along to our free coffee morning for {P} and their families on {day}.", "dis old mig"),
    _f("Every {person} has the right to live free from discrimination.", "*"),
    _f("Our new campaign shares the stories of {P} in their own words.", "adult teen indigenous"),
    _f("We're recruiting {adj} trustees so our board reflects the people we serve.",
       "dis lgbt race nat mig faith -immigrant"),
    _f("Proud to announce a grant that will expand our advice service for {P}.", "dis old mig lgbt"),
    # --- everyday personal posts ---
    _f("My {adj} neighbour brought round {food} and it was incredible.", "nat race faith"),
    _f("Lovely chat with the {adj} couple who just moved in next door.",
       "race nat faith gay lesbian deaf blind older"),
    _f("My daughter's best friend is {adj} and the two of them are inseparable.",
       "faith nat race deaf blind autistic"),
    _f("Spent the afternoon at my nan's care home; the {P} there have the best stories.", "old"),
    _f("Just finished a shift volunteering with {P}, honestly the highlight of my week.",
       "old dis mig kid teen"),
    _f("Our new colleague is {adj} and has already taught the whole office some {lang}.", "nat race"),
    _f("Went to the {fest} celebrations at the {worship} with my {adj} mates and the food was amazing.",
       "faith"),
    _f("My grandad was one of the {P} who came to Britain in the 1950s, and I'm so proud of him.",
       "irish polish indian pakistani nigerian immigrants"),
    _f("Shout out to the {adj} lads at the barbers who always fit me in last minute.",
       "nat race -indigenous -travellers"),
    _f("Took my {adj} friend to her first football match and now she's hooked.",
       "nat race faith deaf blind autistic disabled lesbian trans"),
    _f("Our street's WhatsApp group put together a welcome hamper for the {adj} family who moved in.",
       "mig nat race faith -immigrant"),
    _f("My son's {adj} teacher is the best thing that's happened to his confidence.",
       "faith race nat deaf blind disabled gay lesbian trans"),
    _f("Finally learnt to make proper {food} thanks to my {adj} mother-in-law.", "nat race faith"),
    _f("My wife and I are both {adj} and we've just celebrated ten years of marriage.",
       "faith nat race deaf blind"),
    _f("Grateful to the {P} at my local {worship} who run a food bank every Saturday.", "faith"),
    _f("Had a brilliant time at my first {fest} dinner with my partner's family.", "faith chinese"),
    _f("Our {adj} neighbours have just had twins and the whole street is knitting.",
       "race nat faith gay lesbian"),
    _f("Bumped into my old {adj} teacher in {city} today and she still remembered my name.",
       "faith race nat"),
    _f("Our lodger is {a_person} studying nursing and she's the tidiest person I've ever lived with.",
       "nat faith -muslim -atheists"),
    # --- history facts and heritage ---
    _f("{P} have lived in Britain for generations, and local archives are full of their stories.",
       "black chinese arab travellers gypsies roma jewish muslim sikh hindu irish polish indian "
       "pakistani nigerian bangladeshi somali"),
    _f("{P} have always been part of history, even when the history books left them out.",
       "lgbt dis women race indigenous"),
    _f("This {aw}, our school is learning about {P} who changed British history.", "adult -nonrel"),
    _f("Local history society talk tonight: the story of {P} in {city} since {year}.",
       "race nat faith mig -syrian -afghan -ukrainian"),
    _f("Join us for a talk on the role of {P} in the two World Wars.",
       "black indian sikh jewish muslim hindu polish irish women chinese nigerian"),
    _f("The oral history project in {city} is recording the memories of {P} who arrived before {year}.",
       "irish polish indian pakistani nigerian bangladeshi somali immigrants refugees"),
    # --- statistics ---
    _f("In our survey of {n} {P}, {pct}% said they had used the new online booking system.", "adult teen"),
    _f("Employment rates among {P} in the region rose by {pts} percentage points over five years.",
       "dis mig race women nat"),
    _f("{pct}% of {P} who responded said they would recommend the service to a friend.", "adult teen"),
    _f("The census shows the number of {P} living in {city} has grown since 2011.",
       "race nat faith nonrel old"),
    _f("Around {pct}% of the {city} workforce are {P}, according to council figures.", "women men"),
    _f("Average waits for {P} seeking support fell from {weeks} weeks to {weeks2} this year.",
       "dis mig lgbt kid teen"),
    _f("Our annual report shows {n} {P} used the advice service last year, up on the year before.",
       "dis old mig lgbt gender"),
    # --- questions asked in good faith ---
    _f("Any tips for supporting a newly arrived {adj} family at school?", "mig nat -immigrant -irish"),
    _f("What's the respectful way to greet {P} during {fest}?", "faith nat chinese"),
    _f("Is it OK to wish my {adj} colleagues a happy {fest}, or is that awkward?", "faith nat chinese"),
    _f("How can our team make meetings more accessible for {P}?", "dis"),
    _f("Does anyone know a club in {city} that's welcoming to {P}?", "lgbt dis old teen gender mig"),
    _f("What should I read to understand the history of {P} in Britain better?",
       "race nat faith mig lgbt dis"),
    _f("Teachers: how do you make PE lessons inclusive for {adj} pupils?",
       "disabled deaf blind autistic trans nonbinary muslim sikh jewish"),
    _f("Which charities do the best work supporting {P} in {city}?", "dis old mig lgbt kid"),
    _f("Genuine question: what terms do {P} prefer to be described with?",
       "dis lgbt race indigenous"),
    _f("Planning a {fest} event at work: any advice from {P} on what would actually be welcome?",
       "faith nat chinese"),
    _f("My kid asked why some {P} wear {garment}; can anyone recommend a good children's book about it?",
       "faith"),
    _f("Are there any {lang}-speaking GPs in {city}? Asking for my mum.", "nat race"),
    _f("What's the best way to learn a little {lang} so I can chat with the {adj} parents at school?",
       "nat race"),
    _f("Honest question from a new manager: what adjustments have made the biggest difference for {P}?",
       "dis"),
    # --- celebrations ---
    _f("Happy {fest} to all the {P} celebrating in {city} today!", "faith nat race lgbt"),
    _f("Wishing all our {adj} customers a joyful {fest}.", "faith nat race"),
    _f("{comm} in {city} is hosting a free {fest} event and everyone is invited.", "faith nat race"),
    _f("Congratulations to the {P} graduating from our apprenticeship scheme today.",
       "mig dis gender teen race nat"),
    _f("Huge turnout at {city} Pride this year, with {P} and allies marching side by side.", "lgbt"),
    _f("The whole of {city} seemed to turn out for {comm}'s {fest} parade.", "sikh hindu irish chinese mexican"),
    _f("Our school hall was packed for the {fest} assembly led by {adj} pupils.", "faith nat race"),
    # --- workplace diversity ---
    _f("Our {adj} staff network is hosting a lunch-and-learn on {day}; all colleagues welcome.",
       "lgbt disabled black faith deaf autistic -gay -lesbian -bi -nonbinary"),
    _f("We've reviewed our recruitment process so it's fairer to {P}.", "dis race women old mig"),
    _f("Proud that {pct}% of our graduate intake this year are {P}.", "women race"),
    _f("Reasonable adjustments for {P} are part of how we work, not an afterthought.", "dis"),
    _f("Great panel today on the experiences of {P} in engineering.", "women race dis lgbt"),
    _f("We're a Disability Confident employer and we welcome applications from {P}.", "dis"),
    _f("Our quiet room is available to {P} and colleagues of any faith throughout the day.", "faith"),
    _f("Flexible working has helped us keep talented {P} in the team.", "women dis older"),
    _f("Celebrating the {P} in our workforce this {aw}.", "adult"),
    _f("Leadership mentoring for {P} starts next month; sign up on the intranet.", "women race dis lgbt"),
    # --- sport ---
    _f("Amazing to see so many {P} taking up cricket in {city}.",
       "women girls dis southasian refugees teen"),
    _f("Our running club in {city} has set up a beginners' group for {P}.", "women old dis mig"),
    _f("{P} are more than welcome at our Saturday parkrun; walkers and runners alike.", "*"),
    _f("Brilliant to see the number of {P} playing {sport} grow every season.", "women girls dis"),
    _f("Swimming sessions for {P} start at the {city} leisure centre next month.",
       "women old dis kid"),
    _f("Our boxing gym runs a free Tuesday session for {P}.", "teen women dis mig"),
    _f("The {city} league has its first team made up entirely of {P}, and they're top of the table.",
       "women refugees deaf dis"),
    # --- culture and food ---
    _f("The {city} {adj} film festival opens this weekend with a packed programme.",
       "lgbtq deaf black jewish polish irish mexican"),
    _f("Best {food} I've ever had was at a little {adj} cafe in {city}.", "nat race"),
    _f("New cookbook celebrates the home cooking of {P} in Britain.", "nat race mig jewish -gypsies"),
    _f("Tonight's radio play was written and performed entirely by {P}.", "dis lgbt race old mig teen"),
    _f("An art exhibition by {P} opens at the {city} gallery on {day}.", "*"),
    _f("Just read a brilliant novel narrated by {a_person} growing up in {city}.", "* -old -pensioners"),
    _f("The choir is made up of {P} from all over {city}, and they sound incredible.",
       "old dis mig lgbt gender kid teen"),
    _f("Our market now has a stall selling {food}, run by two {adj} sisters.", "nat race"),
    _f("Podcast recommendation: three {P} talk honestly about work, family and football.", "adult -gypsies"),
    _f("{P} in {city} have set up a community garden that now feeds dozens of families.",
       "mig old dis faith nat race"),
    _f("Our library now stocks children's books in {lang} for {adj} families in {city}.", "nat race"),
    _f("Cooking class this {day}: learn to make {food} with {a_adj} home cook.", "nat race faith"),
    # --- community, schools and services ---
    _f("Trainee teachers in {city} are learning how to support {adj} pupils in mainstream classrooms.",
       "autistic deaf blind disabled refugee"),
    _f("A new app helps {P} find accessible toilets and step-free routes.", "wheelchair disabled old"),
    _f("Our youth club has a new evening for {P} who want a quiet space to hang out.",
       "teen autistic lgbtq"),
    _f("Neighbourhood police team joins {fest} celebrations to meet {P} in {city}.", "faith nat race"),
    _f("Shared a table with {P} at the interfaith iftar last night and left with new friends.",
       "faith nonrel"),
    _f("The {worship} on my road opens its doors every {day} for tea and a tour, run by local {P}.",
       "faith"),
    _f("Respect to the {P} who run the night shelter in {city} every winter.",
       "faith nonrel old mig nat gender"),
    _f("{P} were among the first to volunteer when the floods hit {city}.",
       "faith nonrel nat mig race teen old gender"),
    _f("Our book club's pick this month is a memoir by {a_person} who became a headteacher.",
       "faith nat race dis lgbt mig gender nonrel"),
    _f("The county council has agreed improved facilities on its sites for {P}.",
       "travellers gypsies roma"),
    _f("Free English classes for {P} start on {day} at the community centre.", "mig nat -irish"),
    _f("Audio description is now available for {P} at every performance of the panto.", "blind"),
    _f("Captioned and BSL-interpreted screenings for {P} run every {day} at our cinema.", "deaf"),
    _f("Quiet hour for {P} every {day} morning at our {city} store: lights down, music off.",
       "autistic ld"),
    _f("A respite service for carers of {P} opens in {city} next month.", "dis old"),
    _f("{city} council has published its first plan to tackle loneliness among {P}.",
       "old dis mig lgbt teen"),
    _f("Apprenticeship open day on {day} for {P} interested in construction.", "women teen mig dis"),
    _f("{comm} raised more than £{money} for the local hospice this year.", "faith nat race lgbt dis"),
    _f("Shout out to {comm} in {city} for organising the best street party of the summer.",
       "faith nat race lgbt"),
    _f("Members of {comm} joined the canal clean-up in {city} this morning.", "faith nat race lgbt dis"),
    _f("Leaders from {comm} met the mayor of {city} to talk about youth services.", "faith nat race"),
    _f("Nursery staff in {city} are learning a few {lang} phrases to welcome children from {adj} families.",
       "nat race"),
    _f("Thanks to the {P} who showed our Year {age} class round their {worship} today.", "faith"),
    _f("{P} across {city} are opening their homes to students for {fest} this year.", "faith"),
    _f("Our GP practice has a patient group for {P}, and it has changed how we run clinics.",
       "dis old lgbt mig"),
    _f("Lovely to see {P} and their grandchildren at the {city} library storytime.", "old"),
    _f("Digital skills classes for {P} are back at the community centre on {day}s.", "old mig"),
    _f("The new playground in {city} was designed with {P} in mind, and it's brilliant.",
       "wheelchair disabled autistic blind"),
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Standalone hand-written sentences (no slots): facts, specific personal posts, service notices.
# ---------------------------------------------------------------------------------------------

NEUTRAL_STANDALONE: tuple[str, ...] = (
    # history
    "In 1918 some women over 30 won the right to vote in the UK; equal voting rights with men followed in 1928.",
    "Homosexuality was partially decriminalised in England and Wales in 1967.",
    "Same-sex couples in England and Wales have been able to marry since 2014.",
    "The Gender Recognition Act 2004 gave trans people a route to legal recognition of their gender.",
    "The Disability Discrimination Act 1995 was a landmark for disabled people's rights in Britain.",
    "British Sign Language was recognised as a language of Great Britain by the BSL Act 2022.",
    "The Kindertransport brought around 10,000 mostly Jewish children to safety in Britain in 1938 and 1939.",
    "Hundreds of thousands of Sikh soldiers served in the British Indian Army during the two World Wars.",
    "The Race Relations Act 1965 was the first UK law to tackle racial discrimination.",
    "The Empire Windrush docked at Tilbury in June 1948, and Windrush Day is now marked every 22 June.",
    "Irish labourers dug and built much of Britain's canal and railway network in the 19th century.",
    "Polish pilots of 303 Squadron were among the most successful in the Battle of Britain.",
    "Louis Braille, who was blind from childhood, developed his reading system in the 1820s.",
    "Noor Inayat Khan, a Muslim woman of Indian descent, was awarded the George Cross for her wartime work.",
    "Mary Seacole, a Jamaican-born nurse, cared for soldiers during the Crimean War.",
    "Walter Tull was one of the first Black officers in the British Army and a professional footballer.",
    "Gypsy, Roma and Traveller History Month is celebrated in the UK every June.",
    "Black History Month is marked in the UK every October.",
    "LGBT+ History Month takes place in the UK every February.",
    "UK Disability History Month runs from mid-November to mid-December each year.",
    "International Women's Day falls on 8 March every year.",
    "The Paralympic movement grew out of the Stoke Mandeville Games, first held in 1948.",
    "Refugee Week is held every June around World Refugee Day on 20 June.",
    "Dadabhai Naoroji became one of the first Asian MPs in Britain when he was elected in 1892.",
    "The Bristol Bus Boycott of 1963 challenged a ban on employing Black and Asian bus crews.",
    "The International Day of the World's Indigenous Peoples is observed every year on 9 August.",
    "Vaisakhi commemorates the founding of the Khalsa by Guru Gobind Singh in 1699.",
    "Diwali, the festival of lights, is celebrated by Hindus, Sikhs and Jains around the world.",
    "Hanukkah is celebrated over eight nights, with one more candle lit on the menorah each evening.",
    "Eid al-Fitr marks the end of Ramadan, the month in which many Muslims fast from dawn to sunset.",
    "Mexico's Día de los Muertos, held at the start of November, is a celebration of family members who have died.",
    "Leicester's Diwali celebrations are among the largest held anywhere outside India.",
    "Emmeline Pankhurst founded the Women's Social and Political Union in Manchester in 1903.",
    "Helen Keller, who was deafblind from early childhood, became an author and campaigner.",
    "The first UK Pride march took place in London in 1972.",
    "Section 28 was repealed in Scotland in 2000 and in England and Wales in 2003.",
    "Alan Turing, the wartime codebreaker who was gay, received a posthumous royal pardon in 2013.",
    "The 1951 Refugee Convention sets out who counts as a refugee and the rights they are owed.",
    "Nigeria became independent on 1 October 1960, and many Nigerians in Britain celebrate the date.",
    "India and Pakistan both became independent in August 1947.",
    "The Sex Discrimination Act 1975 made it unlawful to discriminate against women at work in Britain.",
    "Chinese sailors settled in Liverpool in the 19th century, and the city has one of Europe's oldest Chinese communities.",
    "Yemeni sailors settled in South Shields more than a century ago, making it home to one of Britain's oldest Arab communities.",
    "The Equality Act 2010 protects people from discrimination because of age, disability, race, religion, sex, sexual orientation and more.",
    "Bi Visibility Day is marked every year on 23 September.",
    "Trans Day of Visibility is marked every year on 31 March.",
    "Many of the older people in our town remember the first mosque opening here in the 1970s.",
    "My great-grandmother was one of the first women in our family to go to university.",
    # NHS, clinical, services
    "Our clinic offers BSL interpreters for deaf patients; just let us know when you book.",
    "Every patient can ask for a chaperone at an intimate examination, whatever their gender or faith.",
    "If you're fasting during Ramadan and take regular medicines, talk to your pharmacist about timings.",
    "Trans and non-binary patients can ask us to update their name and title on their GP record.",
    "Our hospital offers halal, kosher and vegetarian meals on request.",
    "Easy-read appointment letters are available for patients with learning disabilities.",
    "You can register with a GP in England without proof of address or immigration status.",
    "Refugees and asylum seekers can register with an NHS GP just like anyone else.",
    "Gypsy and Traveller families can register with a GP using a temporary or no fixed address.",
    "Our memory clinic now runs an evening session for carers who work during the day.",
    "Reminder for older patients: the shingles vaccine is free on the NHS if you are eligible.",
    "Autistic patients can ask for the first or last appointment of the day if a quieter waiting room helps.",
    "We now offer a video relay service so deaf patients can phone the surgery in BSL.",
    "The practice has a hearing loop at reception; ask a member of staff if you need help using it.",
    "If English isn't your first language, we can book a telephone interpreter for your appointment.",
    "Our midwives can talk to you about cultural or religious preferences for your birth plan.",
    "Wheelchair users can request an accessible examination couch when booking.",
    "Please tell us if you'd like your letters in braille, large print or audio.",
    "Health checks for people over 40 are free on the NHS; ask at reception.",
    "Chaplains of many faiths, and non-religious pastoral carers, are available on our wards.",
    "Our perinatal team supports mothers from every background, including those who are new to the UK.",
    "Children's Mental Health Week is a good moment to check in with the young people in your life.",
    # advocacy and charity
    "This winter we delivered warm coats to 300 refugee families across the region. Thank you, donors.",
    "Our befriending service matches isolated pensioners with volunteers for a weekly phone call.",
    "We're hiring two peer support workers with lived experience of mental illness.",
    "Our advice line for disabled people and their carers is now open on Saturdays too.",
    "Proud to partner with the local mosque and church to run the holiday hunger scheme.",
    "Three years ago the gurdwara started a free hot meal service; it now feeds hundreds each week.",
    "The synagogue's winter night shelter is looking for volunteers for the Tuesday shift.",
    "Thank you to the Polish Saturday school for hosting our fundraising bake sale.",
    "Our LGBTQ+ youth group has moved to a bigger venue because so many young people are coming.",
    "Our wheelchair rugby club is fundraising for new chairs; every pound helps.",
    "The Traveller Movement and local councils met today to discuss access to education.",
    "Our charity's trustees include two women who came to the UK as refugees.",
    # personal everyday
    "My Muslim neighbour brought round biryani for Eid and my kids are now obsessed.",
    "Our Sikh neighbours invited us to the gurdwara for Vaisakhi and the langar was amazing.",
    "My Jewish colleague taught me how to play dreidel and I lost every single round.",
    "The Hindu family across the road lit up the whole street for Diwali; it looked beautiful.",
    "Two dads at the school gate have organised the best summer fair we've ever had.",
    "My deaf cousin has been teaching the whole family BSL over Zoom.",
    "My nan is 91 and still beats all of us at Scrabble.",
    "My autistic son told me everything there is to know about trains today and I loved every minute.",
    "My girlfriend and I just adopted a rescue greyhound. Lesbian dog mums at last.",
    "Our Romanian builder finished the extension early and under budget. Highly recommend him.",
    "The Nigerian aunties at church brought jollof rice and puff-puff to the harvest festival.",
    "My Chinese flatmate's mum sent us homemade dumplings for Lunar New Year.",
    "The older gentleman at the bus stop gave me a full history of the street I live on.",
    "Our new neighbours are a refugee family from Sudan and their little boy already loves our cat.",
    "My blind friend beat me at a pub quiz again; I'm not sure I'll ever live it down.",
    "My wife is in a wheelchair and we've just done our first proper hiking trail together.",
    "My Irish grandad's soda bread recipe is the best thing in my recipe book.",
    "Our Pakistani neighbours sent over a plate of chicken karahi, and it was the best thing I've eaten all year.",
    "My Catholic mum and my atheist dad have been happily married for forty years.",
    "My non-binary sibling is getting married next spring and I've been asked to give a speech.",
    "Spent Christmas with my boyfriend's family for the first time; his two mums made the best roast.",
    "Our Polish neighbour lent us her lawnmower and then stayed to help with the hedge.",
    "My teenage daughter started a homework club for the younger girls in our building.",
    "My Mexican friend made tamales for the whole office and now everyone wants the recipe.",
    "Just got back from my first Holi festival in Leicester and I'm still finding pink powder everywhere.",
    "My son's best mate is a Traveller lad and they spent the whole weekend building a go-kart.",
    "The Roma family on our estate run the best car wash in town.",
    "My bisexual best friend got engaged last night and I cried more than she did.",
    "I'm an atheist but I love singing carols at my friend's church every December.",
    "My Hindu friend's wedding lasted three days and I have never danced so much.",
    "The Bangladeshi cafe on the corner does the best breakfast in the whole city.",
    "My Arab colleague brought in maamoul for the team and they disappeared in minutes.",
    "Our Somali neighbours invited the whole street for food after their daughter's graduation.",
    "My Ukrainian host family taught me to make varenyky and I've been making them every week since.",
    # questions in good faith
    "Any tips for supporting a newly arrived Syrian family at school?",
    "What's a good gift for my Jewish neighbours for Hanukkah?",
    "How do I make my wedding accessible for guests who use wheelchairs?",
    "My new colleague is deaf; what's a good way to start learning some BSL?",
    "What should I know before visiting a gurdwara for the first time?",
    "Is it rude to eat in front of Muslim colleagues during Ramadan, or do most people not mind?",
    "How do I explain to my five-year-old that some families have two mums?",
    "What are some good books for teenagers about growing up as a refugee?",
    "How can our sports club make trans and non-binary members feel welcome?",
    "Which picture books have disabled characters who are just having adventures?",
    "We're hosting a Polish exchange student next month; what home comforts should we get in?",
    "My dad has dementia and gets anxious at the GP. Any tips from other carers?",
    "How can our church best welcome asylum seekers in our area?",
    "What's the etiquette for visiting a mosque as a non-Muslim?",
    "Can anyone recommend a good Irish dancing school in Manchester for my daughter?",
    # workplace
    "Our women in tech network hit 500 members this month.",
    "This Ramadan we're moving the team social to after sunset so everyone can join.",
    "We've added Diwali, Eid and Vaisakhi to the office calendar alongside Christmas.",
    "Our disability network helped us redesign the office to be step-free.",
    "Proud that our company has signed up to the Race at Work Charter.",
    "Thanks to our Jewish colleagues for the Rosh Hashanah apples and honey in the kitchen today.",
    "Our menopause support group has been one of the most valued things we've started for women at work.",
    "We now offer paid leave for the religious festival of your choice.",
    "Our apprentices this year include two young men who arrived in the UK as refugees.",
    "The office now has a multi-faith prayer room and a quiet room for anyone who needs a break.",
    "Pronouns are now optional on staff badges for anyone who wants them.",
    # sport
    "The Lionesses have inspired a whole generation of girls to play football.",
    "Wheelchair basketball at the Paralympics was the best thing I watched all summer.",
    "Our deaf football team made it to the national cup final.",
    "Blind cricket is brilliant to watch; the ball has bearings inside so players can hear it.",
    "The first Sikh turban-wearing referee in our league did a brilliant job on Saturday.",
    "Refugee football tournament in the park today. The final went to penalties.",
    "My 79-year-old dad has just completed his 100th parkrun.",
    "Our walking netball team is made up entirely of women over 60 and they are fierce.",
    "Pride cup tournament at the rugby club this weekend; everyone welcome.",
    "The Irish dancing championships in Glasgow were incredible to watch.",
    # culture and food
    "The Notting Hill Carnival is one of the biggest street festivals in Europe.",
    "Leeds West Indian Carnival is one of the longest-running Caribbean carnivals in Europe.",
    "Our local Chinese New Year lion dance was brilliant this year.",
    "Just watched a brilliant documentary about Indigenous peoples' knowledge of land management in Australia.",
    "Indigenous artists from across Canada are exhibiting in London this spring.",
    "Jollof rice versus biryani debate at work today; it got heated, but only about the food.",
    "The Gypsy and Traveller heritage exhibition at the museum is well worth a visit.",
    "Tried pierogi for the first time at the Polish deli on the high street. Instant convert.",
    "Deaf theatre company's new show is fully accessible in BSL and English.",
    "The Jewish food festival is back this weekend: bagels, latkes and rugelach galore.",
    "New exhibition of portraits by older people from the local care homes opens tomorrow.",
    "Our local Pride has a quiet zone this year for autistic attendees and anyone who needs a break.",
    "Loved the Bollywood night at the community centre; the aunties out-danced everyone.",
    "The Mexican Day of the Dead parade in London was colourful and moving.",
    "Our town's first Vaisakhi procession drew thousands of people.",
    "The Muslim women's book club I joined last year is now the highlight of my month.",
    "Diwali lights switch-on tonight on Belgrave Road in Leicester.",
    "Learning Disability Week: our drama group, whose members all have learning disabilities, is performing on Friday.",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Counterfactual pairs. Hateful frames stay hateful whichever group fills them; neutral frames stay
# neutral. Hateful sentences are generic and non-graphic; no slurs.
# ---------------------------------------------------------------------------------------------

_HATE_KINDS = "race nat mig faith lgbt dis old gender nonrel indigenous"  # children and teenagers left out

HATE_SWAP_FRAMES: tuple[Frame, ...] = (
    _f("{P} are vermin and should be deported.", "race nat mig faith -indigenous"),
    _f("{P} are a plague on this country.", "race nat mig faith lgbt"),
    _f("{P} are subhuman and deserve nothing.", _HATE_KINDS),
    _f("Get {P} out of our neighbourhood, they ruin everything.", "race nat mig faith lgbt dis"),
    _f("{P} shouldn't be allowed to vote, ever.", "women mig nat race faith dis lgbt old"),
    _f("{P} are too stupid to be trusted with any real job.", "gender race dis nat mig old"),
    _f("{P} are a drain on society and should be left to rot.", "dis old mig"),
    _f("Never trust {P}, lying is in their blood.", "race nat faith"),
    _f("{P} are animals, every last one of them.", "race nat mig faith"),
    _f("{P} are sick freaks who need to be fixed.", "lgbt"),
    _f("{P} are a disease spreading through our schools.", "lgbt mig faith"),
    _f("The world would be better off without {P}.", _HATE_KINDS),
    _f("{P} are parasites living off our taxes.", "mig dis old travellers gypsies roma nat"),
    _f("{P} should all go back to where they came from.", "race nat mig faith -indigenous"),
    _f("Ban {P} from every school and workplace in the country.", "lgbt faith race"),
    _f("{P} are filthy and spread disease wherever they go.", "race nat mig"),
    _f("{P} aren't real people and never will be.", "lgbt dis race mig"),
    _f("Lock {P} away from normal people.", "dis lgbt"),
    _f("{P} are all predators and should be kept away from children.", "lgbt mig faith"),
    _f("Every {person} is a terrorist waiting to happen.",
       "faith mig arab asian southasian pakistani afghan syrian somali"),
    _f("{P} are born thieves, every one of them.", "race nat mig"),
    _f("{P} are ruining this country and must be stopped by any means.", "race nat mig faith lgbt"),
    _f("Don't rent to {P}, they're filth.", "race nat mig lgbt faith dis"),
    _f("{P} are genetically inferior, it's just science.", "race gender dis"),
    _f("{P} are a waste of oxygen.", "dis old lgbt race mig"),
    _f("I'd never let {P} near my kids, they're degenerates.", "lgbt mig race faith"),
    _f("{P} breed like rats and are taking over.", "race nat mig faith"),
    _f("{P} should be sterilised so there are fewer of them.", "dis race mig"),
    _f("Nobody should ever hire {P}, they're useless.", "gender dis old race nat mig lgbt"),
    _f("{P} are less than human.", _HATE_KINDS),
    _f("{P} are a cancer on our society.", "race nat mig faith lgbt dis"),
    _f("We need to purge {P} from this town.", "race nat mig faith lgbt"),
    _f("{P} are mentally ill perverts and shouldn't be allowed in public.", "lgbt"),
    _f("{P} are too emotional and stupid to lead anything.", "women gay trans lgbtq"),
    _f("{P} are worthless scroungers.", "dis mig old travellers gypsies roma"),
    _f("Stop letting {P} into this country, they're a disease.", "mig nat faith"),
    _f("{P} are a burden we should stop paying for.", "dis old mig"),
    _f("Honestly {P} make me sick, they shouldn't exist.", _HATE_KINDS),
)  # fmt: skip

NEUTRAL_SWAP_FRAMES: tuple[Frame, ...] = (
    _f("{P} are welcome in this town.", "*"),
    _f("{P} deserve to be treated with respect.", "*"),
    _f("{P} are our neighbours, colleagues and friends.", "adult"),
    _f("{P} have every right to feel safe at work.", "adult"),
    _f("{P} contribute so much to this city.", "adult teen"),
    _f("{P} are just trying to get on with their lives.", "adult teen"),
    _f("Keep {P} safe online: report abuse when you see it.", "*"),
    _f("Hire {P}; they bring skills and experience to any team.", "adult -pensioners"),
    _f("I'm proud to have {P} in my family.", "lgbt dis faith nonrel race nat mig"),
    _f("{P} should be listened to when services are designed for them.", "dis old mig lgbt teen kid"),
    _f("My {adj} neighbours are the kindest people on our street.", "race nat faith lgbt deaf blind older"),
    _f("Our club is better for having {P} as members.", "adult teen"),
    _f("{P} are people first, full stop.", "*"),
    _f("Support {P} in your community this winter.", "old dis mig"),
    _f("Stand up for {P} when you hear them being mocked.", "*"),
    _f("Good luck to all the {P} starting new jobs this week.", "adult -pensioners"),
    _f("The {P} I work with are brilliant at what they do.", "adult -pensioners"),
    _f("{P} make this country better.", "adult teen"),
    _f("Ask {P} what they need rather than assuming.", "*"),
    _f("Thank you to the {P} who volunteer at our food bank.", "adult teen"),
    _f("Our school celebrates {P} and their achievements.", "*"),
    _f("{P} are as varied as any other group of people.", "*"),
    _f("Welcome, {P}: you're safe here.", "*"),
    _f("{P} have shaped the history of this town.", "race nat mig faith women"),
)

# (hateful, not hateful) for the same group: negation, condemnation and counter-speech.
NEGATION_TEMPLATES: tuple[tuple[str, str, str], ...] = (
    ("I hate {P}.", "I don't hate {P}, I hate how the media portrays them.", _HATE_KINDS),
    ("{P} are disgusting.", "Calling {P} disgusting is disgusting.", _HATE_KINDS),
    ("{P} deserve all the abuse they get.", "No {person} deserves that abuse.", _HATE_KINDS),
    ("{P} are all criminals.", "Not all {P} are criminals, none of them are, stop saying it.",
     "race nat mig faith lgbt"),
    ("{P} are vermin.", "Anyone who calls {P} vermin should be ashamed of themselves.", _HATE_KINDS),
    ("{P} don't belong here.", "Of course {P} belong here, this is their home too.", _HATE_KINDS),
    ("{P} are a burden on society.", "{P} are not a burden on society, whatever that column claims.",
     "dis old mig"),
    ("All {P} are dangerous.", "It's simply false that {P} are dangerous.", _HATE_KINDS),
    ("I can't stand {P}.", "I can't stand people who are cruel to {P}.", _HATE_KINDS),
    ("{P} are subhuman.", "Saying {P} are subhuman is the oldest lie in the book.", _HATE_KINDS),
    ("Get rid of {P}.", "Get rid of the people who harass {P}.", _HATE_KINDS),
    ("{P} ruin everything.", "{P} don't ruin anything; bigotry does.", _HATE_KINDS),
    ("{P} are a disease.", "The hatred aimed at {P} is the disease, not {P}.", _HATE_KINDS),
    ("I would never hire {P}.", "I would never turn down {a_person} for a job because of who they are.",
     "adult -pensioners"),
    ("{P} are all liars.", "It's unfair to say {P} are liars; people are individuals.", _HATE_KINDS),
    ("Keep {P} out of our schools.", "Keep hate out of our schools, not {P}.", "race nat mig faith lgbt dis"),
    ("{P} are animals.", "{P} are not animals, they're human beings like the rest of us.", _HATE_KINDS),
    ("{P} should be ashamed to exist.", "{P} should never be made to feel ashamed to exist.", _HATE_KINDS),
    ("Nobody wants {P} here.", "Plenty of us want {P} here, and we're saying so loudly.", _HATE_KINDS),
    ("{P} are a threat to our way of life.", "{P} are not a threat to our way of life; they're part of it.",
     _HATE_KINDS),
    ("Deport all {P}.", "Stop telling people to deport all {P}; it's hateful and it's wrong.",
     "race nat mig faith -indigenous"),
    ("{P} are worthless.", "{P} are not worthless, and anyone who says so is wrong.", _HATE_KINDS),
    ("I'm sick of {P}.", "I'm sick of people attacking {P}.", _HATE_KINDS),
    ("{P} are freaks.", "{P} are not freaks; they're our friends, family and neighbours.", _HATE_KINDS),
    ("{P} should be banned from our town.", "Nobody is banning {P} from our town, and nobody should.",
     _HATE_KINDS),
    ("{P} are scum.", "The people who call {P} scum are the problem here.", _HATE_KINDS),
    ("{P} can't be trusted.", "The idea that {P} can't be trusted is a prejudice, not a fact.", _HATE_KINDS),
    ("{P} have no place in Britain.", "{P} have every place in Britain, and always will.",
     "race nat mig faith lgbt dis -indigenous"),
    ("{P} should be wiped out.", "Anyone saying {P} should be wiped out needs reporting to the police.",
     _HATE_KINDS),
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Emoji. Benign posts with emoji that hateful posts often lean on, and hateful posts where the emoji
# stands for a group or carries the threat. Slots are the filler names from _numbers.
# ---------------------------------------------------------------------------------------------

EMOJI_BENIGN: tuple[str, ...] = (
    # 🐒 🐵 🦍 🍌 zoos, bananas, games
    "Took the kids to {zoo} today and the monkeys stole the show 🐒🐒",
    "The gorillas at {zoo} were just chilling in the sun like it was a Sunday 🦍☀️",
    "Baby gorilla born at {zoo}! Absolutely tiny 🦍💕",
    "{name} made it all the way across the monkey bars for the first time 🐵🎉",
    "Sock monkey has been through the wash and returned to his rightful owner, crisis averted 🐵",
    "A cheeky 🐒 on the Rock of Gibraltar nicked my crisps",
    "Trying to get the kids out of soft play like 🐒🐒🐒",
    "Banana bread attempt number {small} 🍌🍞 and it's finally not raw in the middle",
    "Overripe bananas = banana bread weekend 🍌",
    "Smoothie of the day: banana, oats and peanut butter 🍌🥜",
    "Donkey Kong marathon with {name} tonight 🦍🍌",
    "Got hit by a 🍌 on the last lap of {game} AGAIN",
    "The orangutan keeper talk at {zoo} was brilliant, they're so clever 🐒🧡",
    "Monkey World in Dorset does amazing rescue work 🐒💚",
    "Banana for scale 🍌 (the courgette from my allotment is ridiculous)",
    "My toddler's first word after mama was nana 🍌😂",
    "Year {age} trip to {zoo}: lemurs, 🐒 and a lot of packed lunches",
    "Went ape 🦍 on the treetop course near {city}, my legs are jelly",
    "🦍 mode at the gym today, new deadlift PB",
    "The silverback at {zoo} sat and stared at me for ten minutes 🦍 felt very judged",
    "Ten little monkeys jumping on the bed 🐵🐵 bedtime is chaos",
    "Gorilla trekking in Uganda was the trip of a lifetime 🦍🌿",
    "Fancy dress fun run in {city}: I went as a 🍌 and regret nothing",
    "Curious George is still {name}'s favourite book 🐵📚",
    "Banana pancakes for breakfast, the kids are happy 🍌🥞",
    "🐵 emoji is how I feel reading my own emails from last year",
    # 🐷
    "Peppa Pig on repeat in our house again 🐷",
    "Farm park visit: {name} held a piglet and hasn't stopped talking about it 🐷💕",
    "Ate like a 🐷 at the Christmas buffet, no regrets",
    "Pig racing at the county show was the funniest thing I've seen all year 🐷🏁",
    "Pulled pork in the slow cooker since 7am 🐷🔥",
    "Piggy bank finally full, {name} is buying a bike 🐷💰",
    "{name} was the brick house in the school's Three Little Pigs play 🐷🧱",
    "Micro pig cafe in {city}? Take my money 🐷",
    "Kunekune pigs at the city farm are the friendliest animals I've ever met 🐷",
    "Pigs in blankets are the best part of Christmas dinner, don't @ me 🐷🎄",
    # 🐍
    "The reptile house at {zoo} has a new python and she's gorgeous 🐍",
    "Finally got my Python script working 🐍💻",
    "Sorted into Slytherin again 🐍💚 I'm at peace with it",
    "Snakes and ladders with my nan and she absolutely cheats 🐍🪜",
    "Happy Lunar New Year! Welcoming the Year of the Snake with dumplings 🐍🥟",
    "Corn snake shed her skin in one piece, proud snake mum 🐍",
    "Adder spotted on the heath near {city} this morning 🐍 gave it plenty of space",
    "Snake handling at {name}'s birthday party, the kids were fearless 🐍",
    "Learning Python at evening class in {city} 🐍 week {small} and I'm hooked",
    # 🐀
    "Our pet rats have learnt to come when they're called 🐀❤️",
    "Ratatouille rewatch tonight 🐀👨‍🍳",
    "Gym rat era 🐀💪",
    "Year of the Rat baby turning {small} today! 🐀🎂",
    "Rat adoption day at the {city} rescue, they're so sweet 🐀",
    "Splinter is the best Ninja Turtles character, fight me 🐀🐢",
    "{name}'s school project on the Pied Piper of Hamelin 🐀🎶",
    "Fancy rats are honestly the best first pet, so clever 🐀",
    # 🔥
    "This new album is 🔥🔥",
    "Bonfire night in {city} was 🔥🎆",
    "BBQ's lit 🔥 sausages on in ten",
    "{small}00-day Duolingo streak 🔥",
    "The curry my Pakistani neighbour made last night was 🔥🔥",
    "That goal from {name} last night 🔥⚽",
    "Hottest day of the year, {city} is 🔥🥵",
    "Fire safety day at school, {name} wants to be a firefighter now 🔥🚒",
    "Diwali fireworks with our Hindu neighbours tonight 🔥🪔",
    "Chilli eating contest at the {city} food festival 🔥🌶️ never again",
    "Log burner lit, blanket on, film on 🔥🛋️",
    "Campfire songs at {name}'s Scout camp 🔥🏕️",
    # 🏳️‍🌈
    "Happy Pride {city}! 🏳️‍🌈 What a day",
    "Proud ally, proud mum, proud of my son 🏳️‍🌈",
    "Our office is flying the 🏳️‍🌈 for Pride month",
    "New rainbow crossing outside the {city} library 🏳️‍🌈😍",
    "Two dads, one very spoilt dog 🏳️‍🌈🐶",
    "Volunteering at {city} Pride this weekend, come say hi 🏳️‍🌈",
    "Just got engaged to my girlfriend!! 🏳️‍🌈💍",
    "Pride football tournament was brilliant fun 🏳️‍🌈⚽",
    "Rainbow laces weekend, love to see it 🏳️‍🌈👟",
    "Gay choir Christmas concert tickets are on sale now 🏳️‍🌈🎄",
    "My grandma came to her first Pride with me and danced all day 🏳️‍🌈👵",
    "{name} came out to us tonight and we couldn't be prouder 🏳️‍🌈❤️",
    # 🏳️‍⚧️
    "Happy Trans Day of Visibility to my wonderful sister 🏳️‍⚧️💙",
    "My name change came through today! 🏳️‍⚧️🥳",
    "Trans joy: {fname} ran her first 10k in {city} today 🏳️‍⚧️🏃‍♀️",
    "Our youth group made 🏳️‍⚧️ bunting for {city} Pride",
    "Proud of my trans son for starting uni 🏳️‍⚧️🎓",
    "Trans Awareness Week talk at work was really informative 🏳️‍⚧️",
    "Knitted a 🏳️‍⚧️ scarf for my best friend's birthday",
    # 🕌 ☪️ 🧕
    "Eid Mubarak to everyone celebrating ☪️🌙",
    "Visit My Mosque day in {city}: tea, samosas and a tour 🕌",
    "The Blue Mosque in Istanbul at sunset 🕌✨ bucket list done",
    "Ramadan Mubarak to all my Muslim colleagues ☪️🌙",
    "Iftar at my friend's place in {city}, her mum's cooking is unreal 🕌🍲",
    "My sister just qualified as a surgeon, the first hijabi doctor in our family 🧕👩‍⚕️",
    "World Hijab Day assembly at school was lovely 🧕",
    "Modest fashion show in {city} was stunning 🧕✨",
    "Eid outfits sorted, the kids are buzzing ☪️🎉",
    "The mosque on our road fed {n} people at its community iftar 🕌❤️",
    "Sketching the mosque domes in {city} today for my art project 🕌✏️",
    "Eid Mubarak to all our Muslim neighbours ☪️🕌 the kids loved the sweets",
    "My mum's new hijab collection is giving main character energy 🧕💅",
    # ✡️
    "Chag sameach! Happy Hanukkah everyone ✡️🕎",
    "Shabbat shalom ✡️🕯️",
    "{mname}'s bar mitzvah party was brilliant ✡️🎉",
    "Baking challah for the first time ✡️🍞",
    "Latkes for dinner, the whole house smells of oil ✡️🥔",
    "Hanukkah lights in {city} city centre look beautiful ✡️🕎",
    "Passover seder with my in-laws, first time I've been asked the four questions ✡️🍷",
    # 👳
    "Vaisakhi parade in {city} was so colourful 👳🧡",
    "Langar at the gurdwara was the best meal of my week 👳🙏",
    "My grandad's turban-tying tutorial has {small}k views 👳",
    "So proud of my son tying his first dastaar 👳💛",
    "The Sikh community kitchen in {city} fed everyone at the festival 👳🍛",
    # 🍉
    "Nothing beats cold 🍉 on a hot day",
    "Watermelon and feta salad, summer on a plate 🍉🧀",
    "Kids' picnic in the park: 🍉🍓🥪",
    "My allotment watermelon actually grew 🍉🌱",
    "Watermelon slushies on the beach, perfect day 🍉🏖️",
    "{fname} ate half a watermelon by herself 🍉😂",
    "Watermelon Sugar on the radio again and the whole car singing 🍉🎶",
    # 🤮
    "Monday mornings 🤮",
    "Tried Marmite on a dare 🤮",
    "Ferry to {ferry} was so rough 🤮🌊",
    "Pineapple on pizza? 🤮 (fight me)",
    "Went on the big rollercoaster at {park} 🎢🤮 never again",
    "Norovirus has gone through the whole house 🤮",
    "The smell from the fridge this morning 🤮 who left the prawns in there",
    "{city} traffic this morning 🤮",
    "Sprouts. Every Christmas. 🤮",
    # 🔪
    "Knife skills class at the {city} cookery school 🔪🥕",
    "New chef's knife for my birthday 🔪😍",
    "Chopping onions 🔪😭",
    "Pumpkin carving tonight 🎃🔪",
    "Sharpening the kitchen knives before the Sunday roast 🔪🍖",
    "Sushi night at home, practising my knife work 🔪🍣",
    "Impostor again in Among Us 🔪😂",
    "Sourdough scoring attempt number {small} 🔪🍞",
    # 💀
    "I'm deceased 💀💀 this meme",
    "{name}'s face when the cat knocked the cake off the table 💀",
    "Halloween costume sorted 💀🎃",
    "Day of the Dead sugar skulls at the school fair 💀🌸",
    "Me at 6am trying to find my keys 💀",
    "Just realised I've had my jumper on inside out all day 💀",
    "The dinosaur skeletons at the museum in {city} blew {name}'s mind 💀🦖",
    # ☠️
    "Pirate party for {name}'s birthday ☠️🏴‍☠️",
    "Sea of Thieves with the lads tonight ☠️⚓",
    "Found deadly nightshade in the garden ☠️ kids kept well away",
    "Bleach is on the top shelf now ☠️ toddler-proofing complete",
    "Treasure hunt with skull and crossbones maps for the kids ☠️🗺️",
    # 🪦
    "Spooky graveyard decorations sorted for Halloween 🪦🎃",
    "Genealogy trip: found my great-great-grandad's headstone 🪦",
    "RIP my phone 🪦 dropped it down the toilet",
    "My diet 🪦 the bakery opened next door",
    "Ghost tour in {city}'s old cemetery 🪦👻",
    "My sourdough starter 🪦 gone but not forgotten",
    # 🔫
    "Water fight in the garden 🔫💦",
    "Laser tag for {name}'s birthday 🔫😂",
    "Nerf war in the office 🔫",
    "Paintball stag do near {city} 🔫🎨",
    "Splatoon night 🔫🦑",
    "Water pistols at the ready for the school fun day 🔫☀️",
    # mixed
    "Zoo trip then banana milkshakes 🐒🍌",
    "Halloween at ours: 💀🪦🎃 and far too many sweets",
    "Gaming night in {game}: ☠️ every round but still laughing",
    "Eid Mubarak from our family to yours 🕌☪️🎉",
    "Pride brunch then the parade 🏳️‍🌈🏳️‍⚧️ best weekend",
    "Fruit salad for the school picnic: 🍉🍌🍓",
    "Farm trip today: 🐷🐑🐄 and one very muddy child",
    # more: animals and days out
    "Feeding time at {zoo} and the spider monkeys put on a full show 🐒🍌",
    "{fname} wants a pet monkey for her birthday. She's getting a toy one 🐵🎁",
    "Gibbons singing in the morning at {zoo} is the best sound 🐒🎶",
    "Our little one in her monkey onesie is the cutest thing ever 🐵",
    "Silverback statue at {zoo} is the best photo spot 🦍📸",
    "Sponsored a gorilla at {zoo} for {mname}'s birthday 🦍💚",
    "The otters and monkeys were the stars at {zoo} today 🦦🐒",
    "Bananas went from green to brown in one day, how 🍌😩",
    "Banana split for pudding, {fname} approved 🍌🍨",
    "Frozen banana 'ice cream' hack actually works 🍌🍦",
    "Running the {city} half in a banana costume for charity 🍌🏃",
    "Pig sanctuary near {city} is the most peaceful place I've been all year 🐷🌾",
    "Guinea pig, not a pig, but she's called Peppa 🐷🐹",
    "Snake exhibit at the {city} museum, {mname} didn't want to leave 🐍",
    "Grass snake swimming across the pond at the allotment 🐍🌿",
    "Rats are so underrated as pets, ours fall asleep in my hoodie 🐀💤",
    "Hamster or rat? Kids have voted rat 🐀🗳️",
    # food and cooking
    "Sunday roast with all the trimmings 🐷🥔🔥",
    "Chopped a whole watermelon for the team barbecue 🔪🍉",
    "Fruit bowl restock: 🍌🍉🍎",
    "Smoothie bowls for breakfast 🍌🍉🥝",
    "Spicy wings challenge at the pub in {city} 🔥🔥🌶️",
    "Sourdough fresh out of the oven 🔥🍞",
    "First time making jollof rice for my Nigerian in-laws 🔥🍚 they said it passed",
    "Hot cross buns straight from the oven 🔥✝️",
    "Iftar spread tonight: dates, samosas and watermelon ☪️🍉",
    "Eid biryani for twelve, the kitchen is chaos ☪️🔥",
    "Diwali sweets from our neighbours, the ladoos are incredible 🪔😍",
    "Challah and honey cake for Rosh Hashanah ✡️🍯",
    "Langar volunteers at the {city} gurdwara served thousands today 👳🙏",
    # gaming
    "Finally beat the final boss in {game} ☠️🎮",
    "Died {small} times on the same level in {game} 💀💀",
    "Squad wipe in {game} again 💀 we're terrible",
    "New {game} update dropped and it's 🔥",
    "Laser blaster unlocked in {game} 🔫✨",
    "Water gun level in {game} is so fun 🔫💦",
    "{mname} built a working rollercoaster in {game} 🔥🎢",
    "Pirate skin in {game} ☠️ worth every coin",
    "Knife-throwing minigame in {game} is way too addictive 🔪😂",
    "Snake game on the old Nokia, still undefeated 🐍📱",
    # Halloween and spooky
    "Pumpkin patch near {city} today 🎃🔪 carving tonight",
    "Skeleton costumes for the whole family 💀💀💀",
    "Haunted house at {park} 🪦👻 I screamed the whole way round",
    "Halloween party playlist is 🔥🎃",
    "The kids' graveyard cake for Halloween 🪦🍫",
    "Trick or treating in {city}, the skeleton house on our road went all out 💀🏚️",
    "Spooky season decorations are up ☠️🕸️🎃",
    # Pride and LGBTQ+
    "Painted {fname}'s face for {city} Pride 🏳️‍🌈🎨",
    "Pride flag is up in the classroom and the kids love it 🏳️‍🌈",
    "Our dog's rainbow bandana for Pride 🏳️‍🌈🐕",
    "Pride month reading list for our library's teen section 🏳️‍🌈📚",
    "The Pride float from our hospital won best in show 🏳️‍🌈🏥",
    "Rainbow cupcakes for the Pride bake sale 🏳️‍🌈🧁",
    "Trans flag colours on the town hall tonight 🏳️‍⚧️💙💗",
    "Trans and proud at my first {city} Pride 🏳️‍⚧️",
    "Pride picnic in the park: 🏳️‍🌈🍉🍓",
    # faith and festivals
    "Ramadan lanterns up in the kitchen ☪️🏮",
    "Counting down to Eid with the kids ☪️📅",
    "Open iftar at the {city} mosque tonight, everyone welcome 🕌🌙",
    "Mosque open day: {mname} loved the calligraphy workshop 🕌✍️",
    "My hijab matches my running kit today 🧕🏃‍♀️",
    "Hijabi football team just won the league 🧕⚽",
    "Lighting the menorah with the grandchildren tonight ✡️🕎",
    "Jewish deli in {city} does the best salt beef bagel ✡️🥯",
    "Happy Vaisakhi to all our Sikh neighbours 👳🧡",
    "Grandad's turban matched my wedding outfit 👳💍",
    "Eid party for the whole street ☪️🎈",
    "Passover cleaning has taken over the house ✡️🧹",
    # everyday reactions
    "Tuesday 🤮 just Tuesday",
    "Airport queue this morning 🤮",
    "Cold coffee 🤮",
    "Tried my brother's protein shake 🤮",
    "Boat trip round the bay 🤮🌊 should have taken the tablets",
    "This heat 🔥🔥🔥 {city} is melting",
    "My inbox after a week off 💀",
    "When the teacher says 'this will be on the test' 💀",
    "Group chat at 2am 💀💀",
    "Dad jokes at dinner 💀",
    "My plants after one week of me looking after them 🪦🌱",
    "My bank balance after Christmas 🪦",
    "Dinosaur skull at the natural history museum 💀🦕",
    # outdoor and sport
    "Nerf battle at {mname}'s party, 12 kids and one exhausted dad 🔫",
    "Water balloon and squirt gun fight at the summer fete 🔫🎈",
    "Biathlon on the telly, how do they shoot that calmly after skiing 🔫⛷️",
    "Clay pigeon shooting for my dad's 60th 🔫",
    "Pirate ship playground at the park in {city} ☠️⚓",
    "Bonfire at Scouts, marshmallows sorted 🔥",
    "Our firepit is the best thing we bought all year 🔥",
)


# Stand-ins for a group: the emoji, the characteristic it targets.
EMOJI_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("🏳️‍🌈", _SO), ("🏳️‍⚧️", _GI), ("🕌", _REL), ("☪️", _REL), ("🧕", _REL), ("✡️", _REL), ("👳", _REL),
    ("🐒", _RACE), ("🦍", _RACE), ("🐵", _RACE),
)  # fmt: skip

# Hateful posts where {E} is the emoji standing for a group.
EMOJI_HATE_STANDIN: tuple[str, ...] = (
    "send all the {E} back where they came from",
    "{E} out of our country, none of them belong here",
    "no {E} on my street, not now not ever 🤮",
    "every {E} is a threat to our kids",
    "the {E} are taking over, time to fight back 🔪",
    "{E}{E}{E} disgusting, get them out 🤮",
    "keep the {E} out of our schools 🤮",
    "{E} = 🐀 breeding everywhere",
    "only good {E} is one under a 🪦",
    "{E} deserve 🔥 and nothing else",
    "would never employ a {E}, filthy lot",
    "{E} should be wiped off the map 💀",
    "the {E} round here need a visit 🔫",
    "can't walk through town without seeing {E} everywhere, sickening 🤮",
    "{E} aren't people, they're a plague 🐀",
    "ban every {E} from this country",
    "another {E} moved in next door, vermin 🐀",
    "council keeps letting {E} in, they're ruining everything 🤮",
    "{E} lot should be run out of town 🔥🔥",
    "we don't want your kind here {E} 🤮",
)
EMOJI_HATE_LGBT: tuple[str, ...] = (
    "send all the {E} back in the closet",
    "{E} are grooming our kids 🤮",
    "{E} month again, makes me sick 🤮🤮",
    "{E} freaks need locking up",
)

# Hateful posts naming the group in words, with the emoji as insult or threat.
EMOJI_HATE_WORDS: tuple[tuple[str, str], ...] = (
    ("{P} 🐀🐀🐀 infesting our towns", "race nat mig faith"),
    ("{P} are 🐍 every one of them, never trust them", "race nat mig faith"),
    ("{P} 🤮🤮 get them out", "race nat mig faith lgbt dis"),
    ("{P} 🔪🔪 you know what to do", "race nat mig faith lgbt"),
    ("{P} deserve a 🪦 each", "race nat mig faith lgbt dis"),
    ("🔥 every {worship} in this country", "faith"),
    ("{P} 💀☠️ the sooner the better", "race nat mig faith lgbt dis old"),
    ("{P} 🔫 line them up", "race nat mig faith lgbt"),
    ("{P} are 🐷🐷 filthy pigs the lot of them", "race nat mig faith"),
    ("{P} 🐒🐒 back to the jungle", "black nigerian somali"),
    ("{P} breeding like 🐀 and we pay for it", "race nat mig faith"),
    ("{P} belong in a 🪦 not in Britain", "race nat mig faith"),
    ("hope every last one of the {P} ends up ☠️", "race nat mig faith lgbt"),
    ("{P} are 🦍 not people", "black nigerian somali"),
)  # fmt: skip

EMOJI_HATE_FIXED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("throw 🍌 at him next match, he's a 🐒", _RACE),
    ("🍌🍌 for the 🦍s in the away end", _RACE),
    ("🍉🍌 for the 🐒s, they'll love it", _RACE),
    ("🐷 head on the doorstep of every 🕌, that'll teach them", _REL),
    ("🐷🐷 outside the 🕌 tomorrow lads", _REL),
    ("✡️ = 🐀 always have been", _REL),
    ("🏳️‍🌈 = 🤮 simple as", _SO),
    ("🏳️‍⚧️ = 🤡 mentally ill the lot of them", _GI),
)


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

_GROUP_SLOTS = frozenset(
    {"P", "person", "a_person", "adj", "a_adj", "comm", "fest", "aw", "food", "worship", "lang", "garment"}
)


def _slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _article(word: str) -> str:
    vowel = word[0].lower() in "aeiou" or word.startswith("LGBT")
    return ("an " if vowel else "a ") + word


def _has(group: Group, slot: str) -> bool:
    if slot in ("P", "person", "a_person"):
        return True
    if slot == "a_adj":
        return group.adj is not None
    value = getattr(group, slot)
    return bool(value)


def _fits(frame: Frame, group: Group) -> bool:
    if group.key in frame.exclude or group.tags & frame.exclude:
        return False
    if group.key not in frame.include and not group.tags & frame.include:
        return False
    return all(_has(group, slot) for slot in _slots(frame.text) & _GROUP_SLOTS)


def _pick(value: str | tuple[str, ...] | None, rng: random.Random) -> str:
    if isinstance(value, tuple):
        return rng.choice(value) if value else ""
    return value or ""


def _cap(text: str) -> str:
    return text[0].upper() + text[1:] if text and text[0].islower() else text


def _render(text: str, group: Group | None, rng: random.Random) -> str:
    fields = _numbers(rng)
    if group is not None:
        fields.update(
            P=group.plural,
            person=group.person,
            a_person=_article(group.person),
            adj=group.adj or "",
            a_adj=_article(group.adj) if group.adj else "",
            comm=group.comm or "",
            fest=_pick(group.fest, rng),
            aw=_pick(group.aw, rng),
            food=_pick(group.food, rng),
            worship=group.worship or "",
            lang=_pick(group.lang, rng),
            garment=group.garment or "",
        )
    return _cap(text.format(**fields))


def _fitting(frame: Frame) -> list[Group]:
    return [g for g in GROUPS if _fits(frame, g)]


def _least_used(groups: Sequence[Group], usage: Counter[str], rng: random.Random) -> list[Group]:
    """The groups shuffled, then ordered by how often they have been used so far (stable)."""
    shuffled = list(groups)
    rng.shuffle(shuffled)
    return sorted(shuffled, key=lambda g: usage[g.key])


def _example(text: str, hate: int, section: str, targets: Sequence[str] = ()) -> IdentityExample:
    return IdentityExample(text=text, hate=hate, section=section, targets=list(targets) if hate else None)


# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------

NEUTRAL_TARGET = 1900
HATE_PAIRS_PER_FRAME = 6
NEUTRAL_PAIRS_PER_FRAME = 7
NEGATION_PAIRS_PER_TEMPLATE = 12
EMOJI_BENIGN_TARGET = 440
EMOJI_HATE_TARGET = 200


def _identity_neutral(rng: random.Random) -> list[IdentityExample]:
    seen: set[str] = set(NEUTRAL_STANDALONE)
    texts = list(NEUTRAL_STANDALONE)
    usage: Counter[str] = Counter()
    queues = {frame: _fitting(frame) for frame in NEUTRAL_FRAMES}
    frames = list(NEUTRAL_FRAMES)
    while len(texts) < NEUTRAL_TARGET and any(queues.values()):
        rng.shuffle(frames)
        for frame in frames:
            if not queues[frame] or len(texts) >= NEUTRAL_TARGET:
                continue
            group = _least_used(queues[frame], usage, rng)[0]
            queues[frame].remove(group)
            text = _render(frame.text, group, rng)
            if text not in seen:
                seen.add(text)
                texts.append(text)
                usage[group.key] += 1
    rng.shuffle(texts)
    return [_example(t, 0, NEUTRAL) for t in texts]


Pair = tuple[IdentityExample, IdentityExample]


def _swap_pairs(
    frames: Sequence[Frame], per_frame: int, hate: int, rng: random.Random, seen: set[str]
) -> list[Pair]:
    pairs: list[Pair] = []
    usage: Counter[str] = Counter()
    for frame in frames:
        groups = _least_used(_fitting(frame), usage, rng)
        made = 0
        for a, b in zip(groups[0::2], groups[1::2], strict=False):
            if made == per_frame:
                break
            ta, tb = _render(frame.text, a, rng), _render(frame.text, b, rng)
            if ta in seen or tb in seen:
                continue
            seen.update((ta, tb))
            pairs.append(
                (_example(ta, hate, COUNTERFACTUAL, a.targets), _example(tb, hate, COUNTERFACTUAL, b.targets))
            )
            usage.update((a.key, b.key))
            made += 1
    return pairs


def _negation_pairs(rng: random.Random, seen: set[str]) -> list[Pair]:
    pairs: list[Pair] = []
    usage: Counter[str] = Counter()
    for hateful, benign, spec in NEGATION_TEMPLATES:
        frame = _f(hateful + " " + benign, spec)
        made = 0
        for group in _least_used(_fitting(frame), usage, rng):
            if made == NEGATION_PAIRS_PER_TEMPLATE:
                break
            th, tb = _render(hateful, group, rng), _render(benign, group, rng)
            if th in seen or tb in seen:
                continue
            seen.update((th, tb))
            pairs.append((_example(th, 1, COUNTERFACTUAL, group.targets), _example(tb, 0, COUNTERFACTUAL)))
            usage[group.key] += 1
            made += 1
    return pairs


def _identity_counterfactual(rng: random.Random) -> list[IdentityExample]:
    """Pairs stay adjacent (first hateful or swapped-from, then its partner); pair order is shuffled."""
    seen: set[str] = set()
    pairs = [
        *_swap_pairs(HATE_SWAP_FRAMES, HATE_PAIRS_PER_FRAME, 1, rng, seen),
        *_swap_pairs(NEUTRAL_SWAP_FRAMES, NEUTRAL_PAIRS_PER_FRAME, 0, rng, seen),
        *_negation_pairs(rng, seen),
    ]
    rng.shuffle(pairs)
    return [ex for pair in pairs for ex in pair]


def _variants(templates: Sequence[str], target: int, rng: random.Random) -> list[str]:
    """Up to ``target`` distinct renderings, cycling through the templates so each gets its turn."""
    seen: set[str] = set()
    out: list[str] = []
    for _ in range(4):
        order = list(templates)
        rng.shuffle(order)
        for template in order:
            text = _render(template, None, rng)
            if text not in seen and len(out) < target:
                seen.add(text)
                out.append(text)
    return out


def _emoji_hate(rng: random.Random) -> list[IdentityExample]:
    pool: list[tuple[str, tuple[str, ...]]] = list(EMOJI_HATE_FIXED)
    for template in EMOJI_HATE_LGBT:
        pool += [(template.format(E=e), t) for e, t in EMOJI_GROUPS[:2]]
    standin = [(template.format(E=e), t) for template in EMOJI_HATE_STANDIN for e, t in EMOJI_GROUPS]
    words: list[tuple[str, tuple[str, ...]]] = []
    for template, spec in EMOJI_HATE_WORDS:
        frame = _f(template, spec)
        for group in _fitting(frame):
            words.append((_render(template, group, rng), group.targets))
    rng.shuffle(standin)
    rng.shuffle(words)
    rest = EMOJI_HATE_TARGET - len(pool)
    # Alternate the two kinds so both are well represented.
    for a, b in zip(standin, words, strict=False):
        pool += [a, b]
    pool = pool[: len(EMOJI_HATE_FIXED) + len(EMOJI_HATE_LGBT) * 2 + rest]
    out: list[IdentityExample] = []
    seen: set[str] = set()
    for text, targets in pool:
        if text not in seen:
            seen.add(text)
            out.append(_example(text, 1, EMOJI, targets))
    return out


def _emoji_neutral(rng: random.Random) -> list[IdentityExample]:
    benign = [_example(t, 0, EMOJI) for t in _variants(EMOJI_BENIGN, EMOJI_BENIGN_TARGET, rng)]
    examples = benign + _emoji_hate(rng)
    rng.shuffle(examples)
    return examples


def generate(seed: int) -> list[IdentityExample]:
    """All three sections: identity_neutral, identity_counterfactual (pairs adjacent), emoji_neutral."""
    rng = random.Random(seed)
    return [*_identity_neutral(rng), *_identity_counterfactual(rng), *_emoji_neutral(rng)]


def unused_frames() -> list[str]:
    """Frames no group fits, and swap frames fewer than two fit (a spec typo): should be empty."""
    bad = [f.text for f in NEUTRAL_FRAMES if not _fitting(f)]
    frames = [*HATE_SWAP_FRAMES, *NEUTRAL_SWAP_FRAMES]
    frames += [_f(h + " " + b, spec) for h, b, spec in NEGATION_TEMPLATES]
    frames += [_f(t, spec) for t, spec in EMOJI_HATE_WORDS]
    return bad + [f.text for f in frames if len(_fitting(f)) < 2]


if __name__ == "__main__":
    examples = generate(13)
    counts = Counter((ex["section"], ex["hate"]) for ex in examples)
    for (section, hate), count in sorted(counts.items()):
        print(f"{section:26} hate={hate}  {count}")
    for section in (NEUTRAL, COUNTERFACTUAL, EMOJI):
        texts = [ex["text"] for ex in examples if ex["section"] == section]
        print(f"{section}: {len(texts)} texts, {len(set(texts))} distinct")
    print(f"neutral frames: {len(NEUTRAL_FRAMES)}, standalone sentences: {len(NEUTRAL_STANDALONE)}")
    if unused := unused_frames():
        print("frames without enough groups:", *unused, sep="\n  ")
    for ex in random.Random(0).sample(examples, 10):
        print(ex)
