"""The article's named things, with their aliases, kinds and roles.

Every extractor asks this index what a mention refers to, so "Trump", "Donald Trump" and
"United States President Donald Trump" are one person, "DPRK" is the Democratic People's
Republic of Korea, and "Pyongyang" (when it believes or demands something) is the same party.
Distractors are drawn from it, and an answer's aliases are kept out of its options.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from ..kinds import THE_PLACES, is_nation, norm, surname
from ..language import doc_text, render, tidy

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..nlp import Analysis

NAMED = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW")
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor"}
# A list's title that the model takes into its first name: "Representatives Blaine
# Luetkemeyer, Bill Huizenga, and Sean Duffy" (round 144).
TITLES |= {"representatives", "senators", "reps", "sens", "congressmen", "governors"}
SMALL = {"of", "the", "and", "for", "de", "la", "&"}
# A name straight after one of these is a work's title: "the film Ray", "his album Thriller".
WORK_NOUNS = {
    "film",
    "movie",
    "biopic",
    "album",
    "book",
    "novel",
    "song",
    "single",
    "show",
    "sitcom",
    "drama",
    "play",
    "musical",
    "opera",
    "documentary",
    "magazine",
    "newspaper",
}
# How a club's name may open: "FC Porto", "AC Milan", "Real Madrid", "Inter Milan".
CLUB_OPENERS = {"fc", "ac", "afc", "as", "sc", "cf", "sv", "real", "inter", "sporting"}
CLUB_OPENERS |= {"atletico", "borussia", "dynamo", "dinamo", "olympique", "racing"}
# Last words that make a name the model took for a person's a body's ("Leeds United").
ORG_WORDS = {
    "united",
    "city",
    "fc",
    "rovers",
    "wanderers",
    "athletic",
    "bank",
    "council",
    "committee",
    "group",
    "ltd",
    "inc",
    "plc",
    "party",
    "club",
    "markets",
    "research",
    "service",
    "services",
    "agency",
    "ministry",
    "department",
    "office",
    "institute",
    "university",
    "college",
    "school",
    "times",
    "news",
    "post",
    "association",
    "commission",
    "corporation",
    "company",
    "board",
    "authority",
    "trust",
    "foundation",
    "society",
    "union",
    "federation",
    "league",
}
# And a craft's or an instrument's, which the model also takes for a person's ("Spitzer Space
# Telescope", put in for an astrophysicist, round 185).
ORG_WORDS |= {"telescope", "observatory", "spacecraft", "satellite", "rover", "probe", "lander"}
ORG_WORDS |= {"orbiter", "laboratory", "program", "programme", "mission", "museum", "hospital"}
# And a state's ("Deutsches Reich", put in for Hitler as "sole Führer", round 192).
ORG_WORDS |= {"reich", "empire", "republic", "kingdom", "dynasty", "caliphate", "sultanate"}
# And a club's ("Tottenham Hotspur", "Queens Park Rangers").
ORG_WORDS |= {"hotspur", "albion", "rangers", "palace", "argyle", "orient", "county"}
# Words the small model tags as entities that are not things a quiz should ask about.
NOT_NAMES = {"covid", "internet", "web", "online", "tv"}


def _last_word(name: str) -> str:
    """The last word of a name, normalised ("broncos" of "Denver Broncos"), or ''."""
    words = norm(name).split()
    return words[-1] if words else ""


def _plural_name(root, prev: str) -> bool:
    """Whether a name is written as a plural: "the Redskins", "Broncos were": a team or a
    band, which the model reads as a person (a team put in for its quarterback, round 184)."""
    if root.tag_ != "NNPS":
        return False
    if prev == "the":
        return True
    verbs = [root.head, *(c for c in root.head.children if c.dep_ in ("aux", "auxpass"))]
    return root.dep_ in ("nsubj", "nsubjpass") and any(
        v.lower_ in ("are", "were", "have") or v.tag_ == "VBP" for v in verbs
    )


@dataclass
class Entity:
    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    first: int = 10**9
    roles: list[tuple[str, int, int]] = field(default_factory=list)  # (role, start, end)
    the: bool = False  # the article writes "the BMA", so a sentence must too
    _with_the: int = 0

    def all_names(self) -> set[str]:
        return {self.name, *self.aliases}


def _named_group(ent: Span, before: Token | None) -> bool:
    """Whether a name the model calls a person is a group's, by the plural noun it stands
    beside: "the Islamist militants Boko Haram" (round 151 swapped a president in for
    them). Not one of a list ("the brothers Liam and Noel"), nor a name that only follows
    the noun ("the questions Jimmy Connors was asked")."""
    if ent.label_ != "PERSON" or before is None or before.tag_ != "NNS":
        return False
    root = ent.root
    if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        return False
    # One phrase to the parser: the noun hangs on the name or the name on the noun, or (as
    # the small model reads "militants Boko Haram have slain") both are one verb's subjects.
    return (
        before.head == root
        or (root.head == before and root.dep_ == "appos")
        or (before.head == root.head and before.dep_ == root.dep_ == "nsubj")
    )


@cache
def capitals() -> dict[str, list[str]]:
    text = resources.files("quizgen").joinpath("data/capitals.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@cache
def capital_keys() -> frozenset[str]:
    """The capitals' names, normalised: asked for every name of every article."""
    return frozenset(norm(c) for c in capitals())


@cache
def _capital_groups() -> dict[str, frozenset[int]]:
    """Normalised name -> the capital-and-states groups it belongs to (one per capital), so
    that "a capital and its state" is a set intersection, not a walk over every capital."""
    groups: dict[str, set[int]] = defaultdict(set)
    for k, (cap, states) in enumerate(capitals().items()):
        for name in (cap, *states):
            groups[norm(name)].add(k)
    return {name: frozenset(ks) for name, ks in groups.items()}


# Job titles the model takes into a person's name ("Superintendent Jennifer McCormick",
# "Farmer Chad Smith"): shown as an option or swapped whole, the title goes with the name
# ("Republican state schools Brian Bosma", round 36). Not royal or church titles, which are
# part of how the person is named ("Prince Harry").
JOB_TITLES = {
    "superintendent",
    "farmer",
    "president",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "judge",
    "coach",
    "detective",
    "sergeant",
    "sgt",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "colonel",
    "col",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "director",
    "commissioner",
    "inspector",
    "ambassador",
    "chancellor",
    "councillor",
    "councilman",
    "councilwoman",
    "congressman",
    "congresswoman",
    "assemblyman",
    "assemblywoman",
    "manager",
    "spokesman",
    "spokeswoman",
    # a trade or a position on the field ("Composer Andrew Lloyd Webber", "Striker Alan
    # Shearer"), which news copy puts before a name as a title
    "composer",
    "singer",
    "actor",
    "actress",
    "author",
    "writer",
    "analyst",
    "economist",
    "scientist",
    "researcher",
    "designer",
    "chef",
    "architect",
    "pastor",
    "rabbi",
    "imam",
    "trainer",
    "striker",
    "goalkeeper",
    "midfielder",
    "defender",
    "winger",
    "quarterback",
    "pitcher",
    "sprinter",
    "hurdler",
    "runner",
    "athlete",
    "cyclist",
    "swimmer",
    "boxer",
    "golfer",
    "jockey",
    "rapper",
    "conductor",
    "presenter",
    "producer",
    "skipper",
    "prop",
    "keeper",
    "forward",
    "batsman",
    "bowler",
    "artist",
    "musician",
    "drummer",
    "guitarist",
    "comedian",
    "model",
    # round 77: "Novelist Andrea Levy", "Lawyer Sarah Jones"
    "novelist",
    "poet",
    "journalist",
    "lawyer",
    "historian",
    "pianist",
    # round 79: "MEP Nigel Farage" among plain names; "Comic Joe Pasquale" (round 75)
    "mep",
    "comic",
    "broadcaster",
    "campaigner",
    "businessman",
    "businesswoman",
    "tycoon",
    "entrepreneur",
    "playwright",
    "photographer",
    "filmmaker",
    "film-maker",
    "columnist",
    "dancer",
    "choreographer",
}


def strip_title(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and parts[0].lower().rstrip(".") in TITLES:
        parts = parts[1:]
    return " ".join(parts)


def _post_country(name: str, ent) -> bool:
    """Whether a name of three words or more opens on a country after "to", "of", "for" or
    "the", as in "ambassador to Ukraine Marie Yovanovitch" (but "to England Rugby Football
    Union" too: the caller keeps the cut only where the surname is used alone)."""
    parts = name.split()
    before = ent.doc[ent.start - 1].lower_ if ent.start else ""
    return len(parts) > 2 and before in ("to", "the", "of", "for") and is_nation(parts[0])


def strip_job(name: str) -> str:
    """A person's name without the job title the model took into it, where a full name
    (two words or more) is left."""
    parts = name.split()
    while len(parts) > 2 and parts[0].lower().rstrip(".") in JOB_TITLES:
        parts = parts[1:]
    return " ".join(parts)


@lru_cache(maxsize=1 << 16)  # _linked asks for every pair of names an article has
def initials(name: str, with_small: bool) -> str:
    words = re.findall(r"[A-Za-z][\w']*", name)
    return "".join(w[0].upper() for w in words if with_small or w.lower() not in SMALL)


@lru_cache(maxsize=1 << 16)
def alias_key(text: str) -> str:
    """What a mention is looked up by: cleaned, without a title, normalised."""
    return norm(strip_title(clean_mention(text)))


class EntityIndex:
    """Canonical entities of one article. Build with ``EntityIndex.of(analysis)``."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_alias: dict[str, Entity] = {}

    @classmethod
    def of(cls, analysis: Analysis) -> EntityIndex:
        if "entities" not in analysis.cache:
            analysis.cache["entities"] = cls._build(analysis)
        return analysis.cache["entities"]

    def lookup(self, text: str) -> Entity | None:
        return self._by_alias.get(alias_key(text))

    def same(self, a: str, b: str) -> bool:
        """Whether two names refer to one thing (alias, acronym, capital or surname)."""
        ea, eb = self.lookup(a), self.lookup(b)
        if ea is not None and ea is eb:
            return True
        na, nb = norm(a), norm(b)
        if not na or not nb:
            return False
        if na == nb or na in nb.split() or nb in na.split():
            return True
        return _linked(a, b)

    def of_label(self, *labels: str) -> list[Entity]:
        return [e for e in self.entities if e.label in labels]

    @classmethod
    def _build(cls, analysis: Analysis) -> EntityIndex:
        index = cls()
        mentions: list[tuple[str, str, int]] = []
        posted: dict[int, str] = {}  # mentions that may open on a post's country
        with_the: list[tuple[str, bool]] = []
        acting: set[str] = set()
        works: set[str] = set()
        groups: set[str] = set()
        plurals: set[str] = set()  # "Broncos": a team's name, and so is "Denver Broncos"
        for doc, off in zip(analysis.docs, analysis.offsets, strict=True):
            # Each name's text cut from the doc's: ``ent.text`` makes a Token of each word.
            text_of_doc = doc_text(doc)
            for ent in doc.ents:
                if _cut_place(ent) or _eponym(ent, text_of_doc):
                    continue
                written = text_of_doc[ent.start_char : ent.end_char]
                if ent.label_ in NAMED and norm(written) and norm(written) not in NOT_NAMES:
                    text = clean_mention(written)
                    if ent.label_ == "PERSON":
                        text = strip_job(text)
                    if _post_country(text, ent):
                        posted[len(mentions)] = text.split(" ", 1)[1]
                    mentions.append((text, ent.label_, off + ent.start_char))
                    # "the central Philippines" writes the name with "the" too.
                    k = ent.start - 1
                    while k > 0 and doc[k].pos_ == "ADJ" and doc[k].ent_type_ == "":
                        k -= 1
                    prev = doc[k].lower_ if k >= 0 else ""
                    root = ent.root
                    # "DPRK official", "US-DPRK relations": a name before a noun as its
                    # modifier has no "the" of its own, whether or not it takes one.
                    if not (root.dep_ in ("compound", "amod", "nmod") and root.head.i >= ent.end):
                        with_the.append((text, prev == "the"))
                    before = doc[ent.start - 1] if ent.start > 0 else None
                    if before is not None and before.pos_ == "NOUN" and before.lower_ in WORK_NOUNS:
                        works.add(norm(strip_title(text)))
                    if _named_group(ent, before):
                        groups.add(norm(strip_title(text)))
                    if _plural_name(ent.root, prev) and _last_word(text):
                        plurals.add(_last_word(text))
                    # Something only a person does in a sentence: acts, speaks, is given a
                    # title or a role, or owns something.
                    root = ent.root
                    if (
                        root.dep_ in ("nsubj", "nsubjpass", "poss", "appos", "agent")
                        or any(c.dep_ == "appos" for c in root.children)
                        or (prev.rstrip(".") in TITLES)
                    ):
                        acting.add(alias_key(written))
        # "ambassador to Ukraine Marie Yovanovitch": the model took the post's country into
        # the name (and may call it an organisation). The name without it, where the article
        # also names the person by the surname alone.
        alone = {norm(t) for t, _, _ in mentions if " " not in t}
        for k, name in posted.items():
            if norm(name.split()[-1]) in alone:
                mentions[k] = (name, "PERSON", mentions[k][2])
        # A group's name is a body's wherever the model took it for a person's.
        mentions = [
            (
                t,
                "ORG"
                if label == "PERSON"
                and (norm(strip_title(t)) in groups or _last_word(t) in plurals)
                else label,
                at,
            )
            for t, label, at in mentions
        ]
        # Longest names first, so a surname or short form joins the full name's entity.
        labels: dict[str, Counter] = defaultdict(Counter)
        for text, label, _ in mentions:
            labels[norm(strip_title(text))][label] += 1
        order = sorted({strip_title(t) for t, _, _ in mentions}, key=lambda t: (-len(t), t))
        for text in order:
            key = norm(text)
            if key in index._by_alias:
                continue
            # "the film biopic Ray": a work named after a person is not the person, though
            # it shares his first name (round 54 had "Ray has been nominated" as Ray Charles).
            owner = None if key in works else index._owner_for(text, analysis.article.title)
            if owner is None:
                label = "WORK_OF_ART" if key in works else labels[key].most_common(1)[0][0]
                owner = Entity(name=text, label=label)
                index.entities.append(owner)
            else:
                owner.aliases.add(text)
            index._by_alias[key] = owner
        # News names a person in full first: a surname met before the only full name that
        # shares it ("Jackson exposed ..." long before "Michael Jackson") is someone else.
        first_at: dict[str, int] = {}
        for text, _, start in mentions:
            first_at.setdefault(norm(strip_title(text)), start)
        for ent in list(index.entities):
            full = first_at.get(norm(ent.name))
            if ent.label != "PERSON" or full is None or len(ent.name.split()) < 2:
                continue
            for alias in sorted(ent.aliases):
                key = norm(alias)
                if alias == ent.name.split()[0]:
                    continue  # "Galileo" for "Galileo Galilei": a given name, not a namesake
                if len(alias.split()) == 1 and first_at.get(key, full) < full:
                    ent.aliases.discard(alias)
                    other = Entity(name=alias, label=labels[key].most_common(1)[0][0])
                    index.entities.append(other)
                    index._by_alias[key] = other
        for text, label, start in mentions:
            ent = index.lookup(text)
            if ent is not None:
                ent.mentions += 1
                ent.first = min(ent.first, start)
                # A surname the model called an organisation is still the person.
                if ent.label != "PERSON" and label == "PERSON" and len(ent.name.split()) > 1:
                    ent.label = "PERSON"
        caps = capital_keys()
        for ent in index.entities:
            # Name a state by its own name, not by its capital ("DPRK", not "Pyongyang"),
            # before counting how the article writes that name ("the DPRK").
            if norm(ent.name) in caps:
                better = [a for a in ent.aliases if norm(a) not in caps]
                if better:
                    # The longest, ties by spelling: a set's order changes with the process's
                    # hash seed, and so did the name and which alias was dropped.
                    best = max(sorted(better), key=len)
                    ent.aliases = (ent.aliases - {best}) | {ent.name}
                    ent.name = best
        for text, the in with_the:
            ent = index.lookup(text)
            if ent is not None and norm(strip_title(text)) == norm(ent.name):
                ent._with_the += 1 if the else -1
        titled = {norm(strip_title(t)) for t, _, _ in mentions if strip_title(t) != t}
        for ent in index.entities:
            ent.the = (ent._with_the > 0 and ent.label != "PERSON") or (
                ent.label == "GPE" and norm(ent.name) in THE_PLACES
            )
            # The small model calls clubs, adjectives and products people: a person is
            # named in full somewhere, or with a title ("Mr Thiemann").
            if ent.label == "PERSON":
                words = ent.name.split()
                if words[-1].lower() in ORG_WORDS or words[0].lower() in CLUB_OPENERS:
                    ent.label = "ORG"
                elif len(words) < 2 and not ({norm(a) for a in ent.all_names()} & titled):
                    ent.label = "NAME"
                elif not {norm(a) for a in ent.all_names()} & acting:
                    ent.label = (
                        "NAME"  # named only as an object: a song or a product as often as a person
                    )
        index.entities.sort(key=lambda e: e.first)
        return index

    def _owner_for(self, text: str, title: str = "") -> Entity | None:
        words = text.split()
        people = [
            ent
            for ent in self.entities
            if ent.label == "PERSON"
            and len(words) == 1
            and any(
                surname(n) == text or n.split()[0] == text
                for n in ent.all_names()
                if len(n.split()) > 1
            )
        ]
        ends = {(p.name.split()[0], surname(p.name)) for p in people}
        if len(people) > 1 and len(ends) > 1:
            # "Galileo" beside Galileo Galilei and his ancestor Galileo Bonaiuti: the one the
            # title names, or no one. ("Edward Lorenz" and "Edward Norton Lorenz" are one.)
            named = [p for p in people if norm(p.name) in norm(title)]
            return named[0] if len(named) == 1 else None
        for ent in self.entities:
            names = ent.all_names()
            if people and ent is people[0]:
                return ent
            # A capital stands for its state, not for a club named after it ("Spain" is no
            # short form of "Real Madrid" by way of "Madrid").
            if any(_linked(text, n, states=ent.label in ("GPE", "LOC")) for n in names):
                return ent
            # "the society" after "the Royal Society": the head word of an organisation's name.
            # Not after a comma: "Church, Shrewsbury" ends on the town it is in (round 43).
            if ent.label == "ORG" and len(words) == 1 and len(ent.name.split()) > 1:
                if "," in ent.name or POSSESSIVE_INSIDE.search(ent.name):
                    continue  # "MacBook" is what "Apple's MacBook" owns, not the owner
                if ent.name.split()[-1].lower() == text.lower():
                    return ent
        return None


# Words that may follow a place's name without being part of a longer name: "Zimbabwe
# President Robert Mugabe", "US Attorney", "EU Trade Commissioner".
PLACE_TITLES = TITLES | set(
    "president prime minister chancellor secretary commissioner attorney governor senator "
    "sen rep representative ambassador mayor judge general foreign trade home health "
    "defence defense finance interior justice".split()
)


POSSESSIVE_INSIDE = re.compile(r"\w['’]s? ")


# "Lou Gehrig's disease", "Halley's comet": a name inside the name of a thing, no one in the
# story (round 139 offered "Lou Gehrig" as an early bitcoin user).
EPONYM = re.compile(
    r"['’]s? (?:disease|syndrome|law|theorem|principle|paradox|comet|constant|rule|razor)\b"
)


def _eponym(ent, text: str) -> bool:
    return ent.label_ == "PERSON" and EPONYM.match(text, ent.end_char) is not None


def _cut_place(ent) -> bool:
    """A one-word place the model cut from a longer name: "Finding" of "Finding Neverland",
    "Cambridge" of "Cambridge Analytica", "Georgia" of "Georgia Sea Grant"."""
    if ent.label_ not in ("GPE", "LOC") or len(ent) != 1 or ent.end >= len(ent.doc):
        return False
    nxt = ent.doc[ent.end]
    return (
        nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and not nxt.ent_type_
        and nxt.lower_.rstrip(".") not in PLACE_TITLES
    )


def _linked(a: str, b: str, states: bool = True) -> bool:
    """Acronym and long form, or (``states``) a capital and its state."""
    for short, long in ((a, b), (b, a)):
        s = short.replace(".", "")
        # The length first: asked for every pair of an article's names, most are no acronym.
        if not (2 <= len(s) <= 6 and len(long.split()) > 1):
            continue
        # "BoE" for "Bank of England": an acronym that keeps a small word small.
        mixed = s.isalpha() and sum(c.isupper() for c in s) >= 2
        if s.isupper() or mixed:
            if s.upper() in (initials(long, True), initials(long, False)):
                return True
    for short, long in ((a, b), (b, a)):
        # "Fed" for "Federal Reserve", "Stats" for "Statistics Wales".
        if " " not in short and len(short) >= 3 and len(long.split()) > 1:
            first = long.split()[0].lower()
            if (
                first.startswith(short.lower())
                and short.lower() != first
                # "Apple" is the owner in "Apple's MacBook", not its short form
                and first[len(short) :] not in ("'s", "’s", "'", "’")
            ):
                return True
    if not states:
        return False
    groups = _capital_groups()
    return not groups.get(norm(a), frozenset()).isdisjoint(groups.get(norm(b), ()))


@lru_cache(maxsize=1 << 16)  # every look-up of a name cleans it; the same few hundred a text
def clean_mention(text: str) -> str:
    text = tidy(text)
    # "Sberbank (Savings Bank": a bracket the entity span cut in half.
    if text.count("(") != text.count(")"):
        text = re.split(r"\s*[()]", text)[0]
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    text = re.sub(r"['’]s?$", "", text)
    text = text.strip(" ,;:\"'“”")
    # "U.S.", "Co.", "Jr.": an abbreviation keeps its point, which a sentence's end is not.
    if re.search(r"(\b[A-Z]\.[A-Z]|\b(Co|Inc|Corp|Ltd|Jr|Sr|St))\.$", text):
        return text
    return text.strip(" .")


def role_of(ent: Span) -> str | None:
    """A role given in the text beside a name: a title before it ("Chinese Foreign Ministry
    spokesman Geng Shuang") or an appositive after it ("Dominic Hirsch, managing director of
    Retail Banking Research")."""
    head = ent.root
    # Appositive after the name.
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i:
            role = render(t for t in child.subtree if not (t.is_punct and t.text in ",()"))
            if (
                1 <= len(role.split()) <= 14
                and re.search(r"[A-Za-z]{3}", role)  # "Robert Napier, 25,": an age, not a role
                and not any(t.ent_type_ == "PERSON" for t in child.subtree)
            ):
                return tidy(role)
    # The name as appositive of a role noun: "the spokesman, Geng Shuang".
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i:
        role = render(t for t in head.head.subtree if t.i < ent.start and not t.is_punct)
        if 1 <= len(role.split()) <= 10:
            return tidy(role)
    # Title words before the name inside the same noun phrase, as one unbroken run of
    # the text ("Chinese Foreign Ministry spokesman"), never across "and" or another name.
    pre = [
        t
        for t in head.subtree
        if t.i < ent.start
        and t.dep_ in ("compound", "amod", "nmod", "poss", "det", "case", "nummod")
    ]
    pre = [t for t in pre if t.lower_ not in ("the", "a", "an")]
    # "Earlier Foreign Secretary Jack Straw said": the sentence's adverb, read as part of the
    # title, made "Who is the Earlier Foreign Secretary?" (round 120).
    pre = [t for t in pre if not (t.is_sent_start and t.lower_ in OPENING_ADVERBS)]
    if pre and max(t.i for t in pre) == ent.start - 1:
        doc = ent.doc
        run = doc[min(t.i for t in pre) : ent.start]
        bad = any(t.ent_type_ == "PERSON" or t.dep_ == "cc" or t.is_punct for t in run)
        if not bad and doc_has_title_noun(run) and run[-1].lower_ in TITLE_NOUNS:
            role = run.text
            if (
                run[0].is_sent_start
                and run[0].lower_ in ("new", "current")
                and run[0].is_title
                and run[0].ent_type_ not in ("GPE", "LOC", "FAC", "NORP")
            ):
                # "New Home Secretary Charles Clarke ...": the capital is the sentence's
                # ("Who is the New Home Secretary?", round 78); "New Zealand" is a name.
                role = role[:1].lower() + role[1:]
            if 1 <= len(role.split()) <= 10:
                return role
    return None


OPENING_ADVERBS = {"earlier", "later", "meanwhile", "separately", "also", "now", "then"}
OPENING_ADVERBS |= {"yesterday", "today", "instead", "however", "elsewhere", "finally", "still"}

TITLE_NOUNS = {
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chancellor",
    "secretary",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "executive",
    "head",
    "manager",
    "coach",
    "captain",
    "mp",
    "senator",
    "governor",
    "mayor",
    "analyst",
    "economist",
    "professor",
    "researcher",
    "official",
    "ambassador",
    "king",
    "queen",
    "prince",
    "general",
    "commissioner",
    "editor",
    "founder",
    "boss",
    "striker",
    "defender",
    "midfielder",
    "goalkeeper",
    "premier",
    "judge",
    "lawyer",
    "author",
    "singer",
    "actor",
    "actress",
    "director-general",
    "envoy",
    "adviser",
    "advisor",
    "correspondent",
    "scientist",
    "officer",
    "commander",
    "deputy",
    "vice",
    "prime",
    "foreign",
    "representative",
    "member",
    # Sport and business words a story puts before a name ("owner Al Davis", "offensive
    # coordinator Hue Jackson"): the kind of person, so options can be of the key's kind.
    "owner",
    "coordinator",
    "quarterback",
    "receiver",
    "player",
    "winger",
    "forward",
    "keeper",
    "batsman",
    "bowler",
    "pitcher",
    "linebacker",
    "rapper",
    "presenter",
    "reporter",
    "journalist",
    "columnist",
    "producer",
    "prosecutor",
    "attorney",
    "lawmaker",
    "congressman",
    "congresswoman",
}


def doc_has_title_noun(tokens) -> bool:
    return any(t.lower_ in TITLE_NOUNS for t in tokens)
