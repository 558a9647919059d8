"""False statements that give themselves away or that the article does not settle.

A true/false item's false form changes one detail of its sentence. These checks find the
changes a student can answer without the article (shares that no longer make a whole, a
figure that moved the wrong way), or that test nothing the article says (only a year of
the story's background, a country it never names). Selection refuses the item with the
reason each check's caller gives.
"""

from __future__ import annotations

import difflib
import re

from .kinds import YEAR, continents, demonym_country, is_country, norm, same_place
from .model import Question

WORD = re.compile(r"[\w'’%£$€-]+(?:\.\d+)?")  # "2.6bn" one word, "2003." not


PERCENT = re.compile(r"(\d+(?:\.\d+)?) ?(?:%|per ?cent\b)")


def breaks_a_whole(q: Question) -> bool:
    """Whether a false statement changes one of shares its sentence gives of one whole: "3.8%
    ..., with foreign films taking the remaining 62.5%" no longer adds up to 100, so sums
    answer it without the article (round 126)."""
    if q.type != "true_false" or q.answer != "False":
        return False
    was = sorted(float(x) for x in PERCENT.findall(q.evidence.text))
    now = sorted(float(x) for x in PERCENT.findall(q.prompt))
    return len(was) >= 2 and was != now and abs(sum(was) - 100) < 0.6


# "slip below 13% ..., down from 20%", "rose to 7.1% from 6.8%": a figure beside the one it
# moved from, and which way it moved.
MOVED_FROM = re.compile(
    r"(\d+(?:\.\d+)?)%?[^.;]{0,60}?\b(down|up|fell|rose|falling|rising|dropped|climbed)"
    r"(?: \w+)? from (\d+(?:\.\d+)?)%?"
)


# "rose from £180,126 to £178,906": the move first, then the figures it went between.
MOVED_BETWEEN = re.compile(
    r"\b(fell|rose|dropped|climbed|increased|decreased|grew|slipped|jumped)"
    r" (?:\w+ )?from [£$€]?(\d[\d,]*(?:\.\d+)?)\w*%? to [£$€]?(\d[\d,]*(?:\.\d+)?)"
)
UPWARD = {"rose", "climbed", "increased", "grew", "jumped", "up", "rising"}


def moves_the_wrong_way(q: Question) -> bool:
    """Whether a false statement's changed figure no longer moved the way the sentence says:
    "set to slip below 26% ..., down from 20%" contradicts itself (round 127)."""
    if q.type != "true_false" or q.answer != "False":
        return False
    for m in MOVED_BETWEEN.finditer(q.prompt):
        if m.group() in q.evidence.text:
            continue
        way, old, new = m.group(1), *(float(x.replace(",", "")) for x in m.group(2, 3))
        if (way in UPWARD) != (new > old) and new != old:
            return True
    for m in MOVED_FROM.finditer(q.prompt):
        if m.group() in q.evidence.text:
            continue  # the figures of this move are the sentence's own
        new, way, old = float(m.group(1)), m.group(2), float(m.group(3))
        if (way in ("down", "fell", "falling", "dropped") and new >= old) or (
            way in ("up", "rose", "rising", "climbed") and new <= old
        ):
            return True
    return False


def year_only(q: Question, latest: int, years: set[str] | None = None) -> str | None:
    """Why a false statement that differs from its sentence only in a year is refused, or
    None. Either that year is at least two before the latest the article names (``latest``):
    the date of the story's background ("In 2003 Xstrata acquired ...", "a life peer in
    1997"), which reviews kept 2 times in 11 (rounds 70-98), against a year of the story
    itself ("Revenue dipped 1.4% ... in 2004", kept). Or the year put in is none of the
    article's (``years``): "The finalists for 2007 include ..." in a story on 2005's tests
    nothing a reader learnt, while a year the article gives to something else is a fair trap
    (rounds 54-113: 2 kept of 11 against 4 of 6). Generation changes a year only where no
    other detail can be changed."""
    if q.type != "true_false" or q.answer != "False":
        return None
    # Not a name given in full ("Martin Johnson" for the sentence's "Johnson"), nor a
    # capital the statement's new first word takes.
    new = set(WORD.findall(q.prompt)) - set(WORD.findall(q.evidence.text))
    # (a year's possessive is the year: "the author of 1779's Wealth of Nations")
    new = {re.sub(r"['’]s$", "", w) for w in new if not w[:1].isupper()}
    old = set(YEAR.findall(q.evidence.text)) - set(YEAR.findall(q.prompt))
    if not (new and all(YEAR.fullmatch(w) for w in new) and old):
        return None
    if max(int(y) for y in old) <= latest - 2:
        return "a false form that changes only the year of the story's background"
    if years is not None and not new <= years:
        return "a false form that changes only a year, to one the article never names"
    return None


def unsettled(q: Question, named: set[str]) -> bool:
    """Whether a false statement puts in a country the article never names (one of
    quizgen's packaged neighbours): the article does not settle it, rather than contradict
    it ("the only way in Ireland to get a divorce", "a region of Greece"), and reviews kept
    none of six (rounds 54-106). Its true form may still be asked. ``named``: the article's
    names, normalised; one inside another counts ("Republic of Korea" in the DPRK's)."""
    if q.type != "true_false" or q.answer != "False":
        return False
    for op, put, _ in _changes(q):
        if op not in ("replace", "insert"):
            continue
        put = re.sub(r"^the ", "", norm(put))
        if is_country(put) and not any(f" {put} " in f" {n} " for n in named):
            return True
    return False


def _changes(q: Question) -> list[tuple[str, str, str]]:
    """What a false statement changed in its sentence, word by word, as (how, the words put
    in, the words they replace): "replace", "insert" or "delete"."""
    shown, source = q.prompt.split(), q.evidence.text.split()
    matcher = difflib.SequenceMatcher(None, shown, source, autojunk=False)
    return [
        (op, " ".join(shown[a:b]), " ".join(source[c:d]))
        for op, a, b, c, d in matcher.get_opcodes()
        if op != "equal"
    ]


# A part of the world as a sentence names it ("In Europe, ...", "Asian markets"); not the
# countries named after one ("South Africa", "Central African Republic").
PART_OF_WORLD = {
    "europe": re.compile(r"\bEurop(?:e|ean)\b"),
    "asia": re.compile(r"(?<!Central )\bAsian?\b"),
    "middle east": re.compile(r"\bMiddle East(?:ern)?\b"),
    "africa": re.compile(r"(?<!South )(?<!Central )\bAfrican?\b(?! Republic)"),
    "americas": re.compile(r"\b(?:Latin|South|Central) American?\b|\bCaribbean\b"),
    "oceania": re.compile(r"\bOceania\b"),
}


def out_of_its_part(q: Question) -> bool:
    """Whether a false statement moves a country in or out of the part of the world its
    sentence names: "In Europe, ... some countries like Saudi Arabia are pursuing nuclear
    energy" gives itself away to anyone who knows a map (round 147). Not where the sentence's
    own country lies outside that part too, and the one put in does as well."""
    if q.type != "true_false" or q.answer != "False":
        return False
    for op, put_in, replaced in _changes(q):
        if op != "replace":
            continue
        # (continents reads a place without its "the")
        put, was = continents(put_in.strip(".,;:")), continents(replaced.strip(".,;:"))
        if not put:
            continue
        for part, named in PART_OF_WORLD.items():
            if not named.search(q.prompt):
                continue
            # Out of the part the sentence names, or into it from outside: "asylum seekers
            # fleeing into Europe from war-torn countries like Italy" (round 151).
            if part not in put and (not was or part in was):
                return True
            if part in put and was and part not in was:
                return True
    return False


def names_itself(q: Question) -> bool:
    """Whether a false statement puts in a place that the rest of it already names, as
    itself, its people or the state it belongs to: "Iranian influence outflanked Tehran",
    "a new strategy for the war in Islamabad, chastising Pakistan" read as false to anyone
    who knows a map, without the article (rounds 144 and 150). Only where the place it
    replaced was another state: a swap inside one state stays a fair test."""
    if q.type != "true_false" or q.answer != "False":
        return False
    for op, put_in, replaced in _changes(q):
        if op != "replace":
            continue
        put, was = put_in.strip(".,;:"), replaced.strip(".,;:")
        # A city the lists do not know may lie in the same state ("Lahore" for "Islamabad").
        if not is_country(put) or not is_country(was):
            continue
        rest = q.prompt.replace(put, " ", 1)
        for place in _places(rest):
            if same_place(put, place) and not same_place(was, place):
                return True
    return False


def _places(text: str) -> set[str]:
    """The states and capitals ``text`` names, by name or by their people ("Iranian")."""
    found = set()
    for run in re.findall(r"[A-Z][\w.'-]*(?: (?:of )?[A-Z][\w.'-]*)*", text):
        words = run.split()
        for i in range(len(words)):
            for j in range(i + 1, min(i + 4, len(words)) + 1):
                name = " ".join(words[i:j]).rstrip(".'")
                if is_country(name):
                    found.add(name)
        found.update(c for w in words if (c := demonym_country(w.rstrip(".'"))))
    return found


def latest_year(questions: list[Question]) -> int:
    """The latest year the sentences of the questions name: about the story's own."""
    return max((int(y) for q in questions for y in YEAR.findall(q.evidence.text)), default=0)
