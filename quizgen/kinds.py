"""What can stand for what: the kinds of things a wrong option or a swapped detail must match.

A figure stands for a figure of the same currency and scale, a country for a country (never
for a place inside it), a name for a name; an acronym spelt with its letters in another order
is the same name. ``Aliases`` knows which of an article's names are one thing.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable

from .model import Fact
from .wordre import found


def norm(text: str) -> str:
    return _norm(str(text))


@functools.lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    # Asked for every option of every question: the same few hundred names, many times.
    # Accents go: "João Lourenço" and "Joao Lourenco" are one name, never two options
    # (round 141).
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def phrase_in(text: str, phrases: Iterable[str]) -> str | None:
    """The first of ``phrases`` (lower case, "the case") that ``text`` shows as whole words."""
    shown = " " + re.sub(r"\s+", " ", text.lower()) + " "
    for phrase in sorted(phrases):
        if found(shown, phrase, also="'"):
            return phrase
    return None


@functools.lru_cache(maxsize=1 << 16)
def _place_key(text: str) -> str:
    # Asked about every option of every question, like ``norm``: the same few names again.
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    if re.fullmatch(r"(?:[A-Z]\.){2,}", text):
        text = text.replace(".", "")  # "U.S." is the "US" of the lists
    return norm(text)


@functools.cache
def _capital_keys() -> frozenset[str]:
    from .extract.entities import capitals

    return frozenset(norm(c) for c in capitals())


@functools.cache
def _states_of_capital() -> dict[str, frozenset[str]]:
    from .extract.entities import capitals

    return {_place_key(c): frozenset(map(_place_key, states)) for c, states in capitals().items()}


# Words that hedge a figure ("about 300", "fewer than 400"): the figure is the value, and a
# hedged figure is true of others too.
HEDGE_WORDS = "only just about around nearly almost some roughly approximately".split() + [
    "more than",
    "less than",
    "fewer than",
    "over",
    "under",
    "up to",
    "at least",
    "at most",
]
NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
WORD_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.I)
NUMBER = re.compile(r"\d|" + WORD_NUMBER.pattern, re.I)
MAGNITUDE = re.compile(r"(bn|billion|m|million|k|thousand|trillion|tn|%)\b", re.I)


def figure_value(text: str) -> float | None:
    """The first figure in ``text``, in digits or in words ("two" to "twelve")."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if m:
        return float(m.group().replace(",", ""))
    w = WORD_NUMBER.search(text)
    return float(NUMBER_WORDS.index(w.group().lower()) + 2) if w else None


# "4.17 Australian dollars" is a sum as much as "A$4.17": a currency word counts as its sign.
CURRENCY = re.compile(
    r"[£$€¥]|\b(?:euros?|dollars?|pounds?|yen|yuan|rupees?|kroner|krona|francs?|pence|cents?"
    r"|roubles?|rubles?|rand|baht|pesos?|p)\b",
    re.I,
)


def _currency(text: str) -> list[str]:
    return [m.group().lower().rstrip("s") for m in CURRENCY.finditer(text)][:1]


def same_kind_number(a: str, b: str) -> bool:
    """Whether ``b`` can stand for ``a`` in a false statement: the same currency, the same
    scale word (bn, m, %), and a value of the same order, not a near one for a decimal."""
    cur = _currency
    mag = lambda t: [x.lower() for x in MAGNITUDE.findall(t)][:1]  # noqa: E731
    if cur(a) != cur(b) or mag(a) != mag(b):
        return False
    if len(re.findall(r"\d[\d,.]*", a)) != len(re.findall(r"\d[\d,.]*", b)):
        return False  # "30% to 29%" is no stand-in for "3.2%": a range for one figure
    ua, ub = _unit(a), _unit(b)
    if ua and ub and ua != ub:
        return False  # "99-acre" for "190 miles": "located 99-acre north of Athens"
    va, vb = figure_value(a), figure_value(b)
    if va is None or vb is None or va == vb or va <= 0 or vb <= 0:
        return False
    if re.search(r"\d\.\d", a) and max(va, vb) / min(va, vb) < 1.5:
        # "0.8%" made "0.7%", "$2.53" made "$2.52": a decimal to recall, with the story
        # unchanged. Reviews kept 1 of 7 (rounds 40-130), against 3 in 5 of other figures.
        return False
    return 0.1 <= vb / va <= 10


SCALE_WORDS = {"bn", "m", "k", "million", "billion", "trillion", "thousand", "per", "cent"}


def _unit(text: str) -> str:
    """What a figure counts ("miles", "acre", "children"), singular, or "" where it says
    nothing after the number."""
    found = re.search(r"\d[\d,.]*(.*)$", text)
    if found is None:
        return ""  # "four": a count in words
    words = [w for w in re.findall(r"[a-z]+", found.group(1).lower()) if w not in SCALE_WORDS]
    return words[0].removesuffix("s") if words else ""


BOUND = r"[A-Z]{0,2}[$£€¥]?\d[\d,]*(?:\.\d+)?"


def keeps_range(before: str, after: str, original: str, cand: str) -> bool:
    """Whether ``cand`` for ``original`` between ``before`` and ``after`` leaves a range
    running the way it ran: "from A$14.34 to A$8.24" for "from A$4.34 to A$8.24" is false
    on its face, not by the article."""
    v, o = figure_value(cand), figure_value(original)
    if v is None or o is None:
        return True
    low = re.search(rf"({BOUND})\s*(?:to|-|–)\s*[A-Z]{{0,2}}[$£€¥]?$", before)
    high = re.match(rf"\s*(?:to|-|–)\s*({BOUND})", after)
    for bound in (low, high):
        b = figure_value(bound.group(1)) if bound else None
        if b is not None and (v > b) != (o > b):
            return False
    # "eight times in the last six years" for a yearly title: more often than it can have
    # happened, false on its face (round 93).
    span = re.match(r"\s*times in (?:the )?(?:last|past|previous) (\w+) (?:years|seasons)", after)
    most = figure_value(span.group(1)) if span else None
    return most is None or v <= most


MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"  # "Sept. 11"
# A year, as articles write one ("in 2003", "1997's").
YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# A date that names its day: "On March 8", "12 February 1809".
EXACT_DAY = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? {MONTH_WORD}|{MONTH_WORD} \d{{1,2}}\b)")


def perturb(number: str, h: int) -> str:
    """A different value written the same way: same currency, scale word and decimals."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", number)
    if not m:
        return _perturb_word(number, h)
    raw = m.group()
    value = float(raw.replace(",", ""))
    if re.fullmatch(r"(1[5-9]|20)\d\d", raw):  # a year: a few years off
        new = value + (2 + h % 3) * (1 if h % 2 else -1)
    elif re.search(r"degree|°", number, re.I):
        # A temperature is no quantity to halve: "43 degrees" for a Miami record high of 86
        # was absurd on its face (round 38). Some degrees off, as a wrong reading would be.
        new = value + (6, 9, 12)[h % 3] * (1 if h % 2 else -1)
    else:
        factor = (2, 3, 0.5)[h % 3] if value >= 4 else (2, 3)[h % 2]
        new = value * factor
        if re.search(r"%|\bper ?cent\b", number, re.I) and new > 100:  # "180 percent" of people
            new = value / 2
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    text = f"{new:,.{decimals}f}" if "," in raw else f"{new:.{decimals}f}"
    if text == raw or new <= 0:
        return ""
    return number[: m.start()] + text + number[m.end() :]


def _perturb_word(number: str, h: int) -> str:
    """ "two companies" -> "four companies": a small number written as a word stays a word."""
    m = WORD_NUMBER.search(number)
    if not m:
        return ""
    value = NUMBER_WORDS.index(m.group().lower()) + 2
    # Far enough off to be plainly wrong to a reader of the article: double, half, or two more.
    if h % 2:
        new = value * 2 if value * 2 <= 12 else value // 2
    else:
        new = value + 2 if value + 2 <= 12 else value - 3
    word = NUMBER_WORDS[new - 2]
    word = word.capitalize() if m.group()[0].isupper() else word
    return number[: m.start()] + word + number[m.end() :]


@functools.cache
def countries() -> frozenset[str]:
    from importlib import resources

    text = resources.files("quizgen").joinpath("data/countries.txt").read_text("utf-8")
    return frozenset(norm(line) for line in text.splitlines() if line and not line.startswith("#"))


# Places whose name is always written with "the", however an article uses it beside a noun
# ("UK casinos", "US firms"): "In UK, ..." is a slip a stand-in must not make.
THE_PLACES = frozenset(
    {
        "uk",
        "us",
        "usa",
        "u s",
        "u k",
        "united kingdom",
        "united states",
        "united states of america",
        "netherlands",
        "philippines",
        "bahamas",
        "gambia",
        "czech republic",
        "united arab emirates",
        "uae",
        "maldives",
        "vatican",
        "central african republic",
        "dominican republic",
        "democratic republic of congo",
    }
)


def leading_place(entities: Iterable[tuple[str, str, int]]) -> str:
    """The place that clearly leads among (name, label, mentions), or ''. Where none leads by
    its name alone, a country's count may take in its people's adjective: a story on Russia
    says "Russian" more often than "Russia" (round 101 asked "Which country ...?" of a story
    on nothing else). Not first, since "Brazilian" twice in a story on Davos would put Brazil
    level with the place the story is set in."""
    entities = list(entities)
    places = [(n, name) for name, label, n in entities if label == "GPE"]
    adjectives = [(name.lower(), n) for name, label, n in entities if label == "NORP"]
    counted = []
    for n, name in places:
        stem = name.lower()
        stem = stem[:-1] if stem[-1:] in "aeiouy" else stem
        if len(stem) >= 4 and " " not in stem and is_country(name):
            n += sum(m for adj, m in adjectives if adj.startswith(stem) and adj != name.lower())
        counted.append((n, name))
    return leader(places) or leader(counted)


def place_of(facts: Iterable[Fact]) -> str:
    """The place an article's entity facts show it is about (``leading_place``), or ''."""
    return leading_place(
        (f.slots.get("name", ""), f.slots.get("label", ""), int(f.slots.get("mentions", 0)))
        for f in facts
        if f.kind == "entity"
    )


def leader(counts: Iterable[tuple[int, str]]) -> str:
    """The name that clearly leads a count of (mentions, name): named four times or more, and
    at least twice as often as the next; '' where none does."""
    ranked = sorted(counts)
    if not ranked:
        return ""
    top, name = ranked[-1]
    second = ranked[-2][0] if len(ranked) > 1 else 0
    return name if top >= 4 and top >= 2 * second else ""


@functools.cache
def _regions() -> dict[str, list[str]]:
    """regions.yaml: each region's heading with its countries, read once."""
    from importlib import resources

    import yaml

    text = resources.files("quizgen").joinpath("data/regions.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@functools.cache
def _neighbours() -> dict[str, tuple[str, ...]]:
    """Each country of regions.yaml, by its normalised name, with the others of its regions
    in the file's order."""
    found: dict[str, list[str]] = {}
    for members in _regions().values():
        for country in members:
            others = found.setdefault(norm(country), [])
            others += [m for m in members if norm(m) != norm(country) and m not in others]
    return {key: tuple(others) for key, others in found.items()}


# The parts of the world an article may name, by the words of regions.yaml's headings.
CONTINENTS = {
    "europe": ("Europe", "British Isles", "Nordic", "Balkans", "Caucasus"),
    "asia": ("Asia", "Middle East", "Caucasus"),
    "middle east": ("Middle East",),
    "africa": ("Africa",),
    "americas": ("America", "Caribbean"),
    "oceania": ("Oceania",),
}


@functools.cache
def _continents() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for region, members in _regions().items():
        parts = {c for c, words in CONTINENTS.items() if any(w in region for w in words)}
        for country in members:
            found.setdefault(norm(country), set()).update(parts)
    return {key: frozenset(parts) for key, parts in found.items()}


def continents(name: str) -> frozenset[str]:
    """The parts of the world ``name`` lies in ("Saudi Arabia" -> Asia and the Middle East);
    none for a country regions.yaml does not list by that spelling, or for any other name."""
    return _continents().get(_place_key(name), frozenset())


def neighbours(name: str) -> list[str]:
    """The other countries of ``name``'s region ("Albania" -> "Kosovo", "Serbia", ...), in
    the data file's order; none for a name that is not one of them by that spelling."""
    return list(_neighbours().get(_place_key(name), ()))


BODY_WORDS = set(
    "group council association agency ministry department office bank company corporation "
    "corp inc ltd plc llc party union commission committee center centre institute "
    "institution university college school court board authority service services foundation "
    "society trust federation league club fund organisation organization network studios "
    "records airlines airways motors partners holdings industries systems media press times "
    "post news channel television radio police army navy force forces government parliament "
    "assembly senate congress cabinet executive administration alliance coalition exchange "
    "reserve treasury labs laboratory laboratories securities capital investments "
    "technologies software communications telecom energy petroleum pharmaceuticals electric "
    "railway railways transit museum gallery hospital church team united city rovers athletic "
    "fc bureau review journal magazine watchdog regulator tribunal".split()
)


# A nationality or language written as a word ("Australian", "British", "Japanese",
# "Iraqi"): it describes a name or a sum, it is not one.
NATIONALITY = re.compile(r"[A-Z][a-z]+(?:an|ish|ese|i)")

# Kinds of body whose members cannot stand in for each other: "the war authorization Isis
# passed", "a hostile, conservative ISIS" (Congress's lines, round 153) read as false on
# sight. A name's kind is that of the first of its words found here.
BODY_KIND_WORDS = {
    "armed": "isis isil daesh qaeda qaida taliban haram hamas hezbollah hizbollah shabab "
    "shabaab aqap farc houthis houthi nusra pkk militants rebels militia",
    # "reporting in the Nusra Front" for the New York Times's (round 160)
    "media": "times post bbc cnn guardian telegraph journal herald tribune gazette newspaper "
    "magazine reuters",
    "legislature": "congress parliament senate assembly duma knesset legislature",
    "court": "court tribunal",
    "party": "party democrats republicans labour tories conservatives",
    "company": "inc corp corporation ltd plc llc company airlines motors holdings",
    "school": "university college school academy",
}
_BODY_KIND = {w: kind for kind, words in BODY_KIND_WORDS.items() for w in words.split()}


def body_kind(name: str) -> str:
    """The kind of body a name says it is ("Islamic State": armed; "Congress": legislature),
    or "" where its words do not say."""
    for w in re.findall(r"[a-z]+", name.lower()):
        if w in _BODY_KIND:
            return _BODY_KIND[w]
    return ""


def other_kind_of_body(a: str, b: str) -> bool:
    """Whether two bodies' names say they are of different kinds. An armed group beside any
    body not said to be one counts too: it cannot stand where a body that votes or trades
    stood, nor the other way round."""
    ka, kb = body_kind(a), body_kind(b)
    if "armed" in (ka, kb):
        return ka != kb
    return bool(ka and kb and ka != kb)


# Party words and the last words of law and body names that the model may take for people
# ("Lib Dem", "Data Retention Bill", "Press Council"); not "Bill Clinton" or "Margaret Court".
PARTY_WORDS = set(
    "dem dems labour tory tories democrat democrats republican republicans conservative "
    "conservatives liberal liberals".split()
)
BODY_ENDS = set(
    "bill act party council committee group association union commission office ministry "
    "department agency bank company corporation club league fund foundation institute "
    "university college board authority society federation network".split()
)


# An event's or a prize's last word: the model reads "Grammy Awards" as a person.
EVENT_ENDS = set(
    "awards award prize prizes festival championship championships cup games olympics "
    "open trophy tournament summit conference lecture lectures".split()
)
# Last words of places the small model takes for people ("Java Sea", "Sunda Strait").
PLACE_ENDS = set(
    "sea strait straits ocean river lake bay island islands mountain mountains plateau valley "
    "gulf channel desert peninsula coast canal street road avenue square bridge station "
    "airport stadium".split()
)
# Small words inside people's names ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = set("de da di del della der den van von la le du dos das bin ibn al el y".split())


def surname(name: str) -> str:
    """The family name: "Roosevelt" of "James Roosevelt Jr."."""
    words = name.split()
    while len(words) > 1 and re.fullmatch(r"(?i)(jr|sr|ii|iii|iv)\.?,?", words[-1]):
        words.pop()
    return words[-1].rstrip(",")


def not_a_person(name: str) -> bool:
    """A name labelled as a person that is a party, a body, a law or a place, or that has a
    word in small letters no person's name has ("Coffea arabica")."""
    raw = name.split()
    words = [w.lower().strip(".,'") for w in raw]
    if words and words[0] in VESSELS:
        return True  # "USS Higgins": a ship, offered among defence secretaries (round 32)
    if any(re.search(r"\w['’]s$", w) for w in raw[:-1]):
        return True  # "Guy's My Heart": an owner and a title, not a name (round 77)
    if any(
        w[:1].islower() and re.split(r"[-'’]", w.lower())[0] not in NAME_PARTICLES for w in raw[1:]
    ):
        return True
    return bool(words) and (
        words[-1] in BODY_ENDS
        or words[-1] in PLACE_ENDS
        or words[-1] in EVENT_ENDS
        or any(w in PARTY_WORDS for w in words)
    )


# Prefixes of ships' names: the model reads "USS Higgins" as a person.
VESSELS = {"uss", "hms", "hmas", "hmcs", "rms", "usns"}

# Last words of names for things a body makes or holds, not for the body.
NOT_BODIES = set(
    "index program programme act bill law rule report plan scheme treaty agreement accord "
    "award prize cup championship tournament game show album film book system storm "
    "hurricane depression survey study".split()
)


def looks_like_body(name: str, strict: bool = False) -> bool:
    """Whether a name the model calls an organisation reads as one: a word such as "Group"
    or "Council" in it, an acronym ("BBC"), or one plain word ("Gazprom", "Qantas"), which
    ``strict`` leaves out, since a product's name looks the same ("ArtGarden")."""
    words = name.split()
    if words and words[-1].lower().strip(".,'") in NOT_BODIES:
        return False  # "University of Michigan's Index": a measure a body publishes
    if any(w.lower().strip(".,'") in BODY_WORDS for w in words):
        return True
    if len(words) == 1 and strict:
        return bool(re.fullmatch(r"[A-Z]{2,6}", name))
    if len(words) == 1:
        # "Mammaliaformes", "Therapsida": a taxon, which the model takes for a body.
        if re.search(r"(formes|idae|inae|oidea|apsida|odontia)$", name):
            return False
        return bool(re.fullmatch(r"[A-Z][A-Za-z&.'-]+", name))
    return False


def is_capital(name: str) -> bool:
    """A capital that news writing may use for its state ("London", "Pyongyang")."""
    return _place_key(name) in _capital_keys()


def is_country(name: str) -> bool:
    """A state, or a capital, which news writing uses for its state ("Pyongyang believes")."""
    key = _place_key(name)
    return key in countries() or key in _capital_keys()


def is_demonym(word: str) -> bool:
    """ "Kenyan", "Italian", "Japanese", "Pakistani": a word for a country's people, found by
    taking the country back from the word's ending ("Brian" gives no country)."""
    return demonym_country(word) is not None


def demonym_country(word: str) -> str | None:
    """The country (as ``countries`` holds it) whose people ``word`` names, or None."""
    w = word.lower()
    if len(w) < 5 or not word[:1].isupper() or not w.isalpha():
        return None
    stems = (w[:-1], w[:-2] + "o", w[:-3], w[:-3] + "y", w[:-3] + "a", w[:-4] + "a", w + "y")
    return next((stem for stem in stems if stem in countries()), None)


# Names that read as a noun phrase only with "the": "the Republic of Korea believes", never
# "Republic of Korea believes" (a name the article wrote only as a modifier, "Republic of
# Korea President Moon Jae-in", kept no "the" of its own).
NEEDS_THE = re.compile(
    r"^(?:Republic|Kingdom|Democratic|Federal|Federated|People's|Islamic Republic|State of"
    r"|United (?:States|Kingdom|Nations|Arab)|European (?:Union|Commission|Parliament))\b"
    r"|\s(?:Republic|Kingdom|Emirates|States|Islands)$|^(?:Netherlands|Philippines|Bahamas)$"
)


def needs_the(name: str) -> bool:
    """Whether a name takes "the" wherever it stands as a noun phrase of its own."""
    return bool(NEEDS_THE.search(name.strip()))


def is_nation(name: str) -> bool:
    """A country itself, not the capital that may stand for it."""
    return _place_key(name) in countries()


def near_spelling(a: str, b: str) -> bool:
    """Two ways of writing one name: a misspelt acronym ("ABD" beside "ADB"), or an acronym
    and the long form it shortens with its letters in another order."""

    def letters(t: str) -> str:
        t = t.strip()
        if t.isupper() and " " not in t:
            return "".join(sorted(t))
        words = [w for w in re.findall(r"[A-Za-z]+", t) if w.lower() not in ("of", "the", "and")]
        return "".join(sorted(w[0].upper() for w in words)) if len(words) > 1 else ""

    la, lb = letters(a), letters(b)
    acronym = (a.strip().isupper() and " " not in a.strip()) or (
        b.strip().isupper() and " " not in b.strip()
    )
    return acronym and len(la) >= 2 and la == lb and norm(a) != norm(b)


def same_place(a: str, b: str) -> bool:
    """Whether two names are one place, or one holds the other (see ``within``)."""
    return bool(a.strip()) and (_place_key(a) == _place_key(b) or within(a, b))


def within(a: str, b: str) -> bool:
    """Whether one place holds the other: a capital and its state, or a state and the nation
    it belongs to ("London" and "England", "Scotland" and "the UK")."""
    ka, kb = _place_key(a), _place_key(b)
    states = _states_of_capital()
    if kb in states.get(ka, ()) or ka in states.get(kb, ()):
        return True
    return frozenset((ka, kb)) in NESTED_PLACES


NESTED_PLACES = {
    frozenset(p)
    for p in [
        ("london", "england"),
        ("london", "uk"),
        ("london", "britain"),
        ("england", "uk"),
        ("england", "britain"),
        ("scotland", "uk"),
        ("scotland", "britain"),
        ("wales", "uk"),
        ("wales", "britain"),
        ("edinburgh", "scotland"),
        ("cardiff", "wales"),
        ("belfast", "northern ireland"),
        ("northern ireland", "uk"),
    ]
}


def common_word(text: str) -> bool:
    """A single everyday word ("Council", "Welsh"): a description, not a name."""
    from .frequency import zipf  # wordfreq's value, without importing wordfreq

    return " " not in text.strip() and zipf(text.lower()) >= 4.0


GENERIC = {
    "central",
    "bank",
    "federal",
    "reserve",
    "committee",
    "market",
    "open",
    "government",
    "council",
    "court",
    "ministry",
    "department",
    "office",
    "agency",
    "commission",
    "board",
    "house",
    "national",
    "state",
    "the",
    "of",
    "and",
    "for",
    "union",
    "party",
    "group",
    "company",
    "authority",
    "service",
    "services",
    "fund",
    "institute",
    "association",
}


# The common noun that ends a body's or a building's name says what kind of thing it is: a
# church is never swapped for a party, nor a police force for a council (round 54 had a
# mosque "in the former British National Party").
KIND_HEADS = GENERIC - {"central", "federal", "reserve", "open", "national", "state"}
KIND_HEADS = (KIND_HEADS - {"the", "of", "and", "for"}) | {
    "police",
    "church",
    "mosque",
    "cathedral",
    "chapel",
    "temple",
    "hospital",
    "school",
    "university",
    "college",
    "stadium",
    "park",
    "hall",
    "centre",
    "center",
    "museum",
    "gallery",
    "theatre",
    "airport",
    "station",
    "prison",
    "club",
    "league",
    "federation",
    "society",
    "trust",
    "foundation",
    "corporation",
    "network",
    "army",
    "navy",
    "force",
    "forces",
    "bureau",
    "exchange",
    "festival",
    "awards",
    "cup",
}


def kind_head(name: str) -> str:
    """The kind noun a name ends in ("police" for "South Wales Police", "bank" for "Bank of
    England"), or "" for a name that does not say its kind ("Asahi", "Swansea")."""
    words = re.findall(r"[A-Za-z]+", re.split(r"\s+of\s+", str(name), maxsplit=1)[0].lower())
    return words[-1] if words and words[-1] in KIND_HEADS else ""


def generic(text: str) -> bool:
    """A description written with capitals ("the Central Bank", "the Open Market Committee"):
    it may be another name for a body the article names, so it is never a wrong option."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    return bool(words) and all(w in GENERIC for w in words)


def parallel(cand: str, answer: str) -> bool:
    """Whether a wrong option has the same form as the answer: a name for a name, not an
    everyday word ("Council"), so that form gives nothing away."""
    if common_word(cand) and not common_word(answer):
        return False
    if generic(cand) or generic(answer):
        return False
    if is_country(cand) != is_country(answer):
        return False  # countries with countries, towns and grounds with their own kind
    return True


class Aliases:
    """Which names are the same thing, from the entity facts' alias lists."""

    def __init__(self, facts: list[Fact]):
        self.group: dict[str, int] = {}
        for k, f in enumerate(facts):
            if f.kind == "entity":
                for name in [f.slots.get("name", ""), *f.slots.get("aliases", [])]:
                    self.group.setdefault(norm(name), k)
        # Generation asks about the same few pairs of names for every template.
        self._same: dict[tuple[str, str], bool] = {}

    def same(self, a: str, b: str) -> bool:
        key = (a, b)
        found = self._same.get(key)
        if found is None:
            found = self._same[key] = self._compare(a, b)
        return found

    def _compare(self, a: str, b: str) -> bool:
        na, nb = norm(a), norm(b)
        if not na or not nb:
            return False
        if na == nb:
            return True
        ga, gb = self.group.get(na), self.group.get(nb)
        if ga is not None and ga == gb:
            return True
        # A surname or a part of a longer name is the same thing.
        wa, wb = na.split(), nb.split()
        if len(wa) == 1 and wa[0] in wb or len(wb) == 1 and wb[0] in wa:
            return True
        # "Van Nistelrooy" and "Ruud van Nistelrooy": one name ends the other.
        short, long = sorted((wa, wb), key=len)
        if len(short) >= 2 and long[-len(short) :] == short:
            return True
        # Lengths bound ratio() from above (real_quick_ratio) before a matcher is built, and
        # quick_ratio() more tightly, each for a fraction of the cost of the next.
        if 2 * min(len(na), len(nb)) <= 0.85 * (len(na) + len(nb)):
            return False
        matcher = difflib.SequenceMatcher(None, na, nb)
        return matcher.quick_ratio() > 0.85 and matcher.ratio() > 0.85


# Nouns that stand in for a body the sentence does not name ("the firm", "the insurer's
# debut shares", round 122): its possessive points back as the noun does.
BODY_STAND_INS = {"company", "firm", "group", "club", "team", "party", "bank", "side", "body"}
BODY_STAND_INS |= {"organisation", "organization", "band", "airline", "carrier", "insurer"}
BODY_STAND_INS |= {"retailer", "carmaker", "lender", "broadcaster"}
BODY_STAND_INS |= {"operator", "brewer", "publisher", "manufacturer", "supermarket"}


# Kinds of people by what the article calls them: a striker is no wrong option for "who
# scored?" among managers, nor a correspondent for "who ruled?" among judges.
ROLE_KINDS = {
    "staff": {"manager", "boss", "coach", "coordinator"},
    "player": {
        "striker",
        "player",
        "defender",
        "midfielder",
        "goalkeeper",
        "keeper",
        "winger",
        "forward",
        "captain",
        "batsman",
        "bowler",
        "quarterback",
        "receiver",
        "pitcher",
        "linebacker",
    },
    "executive": {"chairman", "chairwoman", "executive", "director", "founder", "head", "owner"},
    "politician": {
        "minister",
        "secretary",
        "chancellor",
        "mp",
        "senator",
        "leader",
        "mayor",
        "president",
        "premier",
        "pm",
    },
    "press": {"correspondent", "editor", "reporter", "journalist", "commentator"},
    "expert": {"analyst", "economist", "expert", "professor", "researcher", "scientist"},
    "law": {"judge", "lawyer", "solicitor", "barrister", "prosecutor", "attorney"},
}


def role_kind(role: str) -> str:
    words = set(re.findall(r"[a-z]+", role.lower()))
    return next((kind for kind, names in ROLE_KINDS.items() if words & names), "")
