"""Turning a statement round: "has lost her case" -> "has won her case".

A false true/false statement must change one checkable detail. Where a sentence has no
figure or name with a stand-in of the same kind, its main verb often has an opposite that
makes it plainly false by the article and plausible on its face: risen for fallen, rejected
for accepted. Only the verb that carries the sentence (or, in reported speech, what was
reported) is turned, and only where no other word of direction could make the result read
as nonsense ("has risen to a new record low").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .base import SPEECH, hypothetical, in_quotes

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PAIRS = [
    ("rise", "fall"),
    ("rises", "falls"),
    ("rose", "fell"),
    ("risen", "fallen"),
    ("rising", "falling"),
    ("increase", "reduce"),
    ("increases", "reduces"),
    ("increased", "reduced"),
    ("increasing", "reducing"),
    ("win", "lose"),
    ("wins", "loses"),
    ("won", "lost"),
    ("winning", "losing"),
    ("accept", "reject"),
    ("accepts", "rejects"),
    ("accepted", "rejected"),
    ("accepting", "rejecting"),
    ("support", "oppose"),
    ("supports", "opposes"),
    ("supported", "opposed"),
    ("supporting", "opposing"),
    ("allow", "ban"),
    ("allows", "bans"),
    ("allowed", "banned"),
    ("allowing", "banning"),
    ("strengthen", "weaken"),
    ("strengthens", "weakens"),
    ("strengthened", "weakened"),
    ("improve", "worsen"),
    ("improves", "worsens"),
    ("improved", "worsened"),
    ("admitted", "denied"),
    ("admits", "denies"),
    ("welcomed", "criticised"),
    ("welcomes", "criticises"),
    ("higher", "lower"),
    ("up", "down"),
    ("above", "below"),
]
# One way only: the way back would be ambiguous ("cut" is present and past).
ONE_WAY = {
    "backed": "opposed",
    "backs": "opposes",
    "gained": "lost",
    "boosted": "cut",
    "raised": "cut",
    "praised": "criticised",
    "criticized": "praised",
    "confirmed": "denied",
    "expanded": "shrank",
}
FLIPS = {**dict(PAIRS), **{b: a for a, b in PAIRS}, **ONE_WAY}
# Words of direction or size that a turned verb could contradict.
DIRECTION = set(FLIPS) | {
    "low",
    "high",
    "record",
    "lowest",
    "highest",
    "more",
    "less",
    "fewer",
    "biggest",
    "worst",
    "best",
    "despite",
    "but",
    "although",
    "though",
}
PARTICLES = {"up", "down", "higher", "lower", "above", "below"}
# What "fell" or "rose" means with the word after it, which the other verb does not: "fell
# behind", "fell short", "fell ill", "rose to fame" is no "fell to fame".
IDIOMS = {"behind", "short", "ill", "apart", "foul", "victim", "silent", "asleep", "through"}
IDIOMS |= {"out", "prey", "flat"}
# Verbs a share of people ("forty per cent", "half") does with a group: "fall in" is "belong".
SHARE_VERBS = {"fall", "falls", "fell", "fallen", "falling", "rise", "rises", "rose", "risen"}
SHARES = {"cent", "percent", "%", "half", "third", "quarter", "majority", "most", "fifth"}
WIN_LOSE = {"lose", "win", "loses", "wins", "lost", "won", "losing", "winning"}
CONTESTS = {
    "case",
    "claim",
    "appeal",
    "vote",
    "election",
    "battle",
    "bid",
    "match",
    "game",
    "seat",
    "contract",
    "fight",
    "race",
    "tie",
    "final",
}
# What "raised" may be said of for "cut" to be its opposite: amounts, not concerns or money.
AMOUNTS = set(
    "price prices rate rates tax taxes duty fee fees forecast target estimate stake offer "
    "bid spending pay wage wages salary limit cost costs charge charges dividend outlook "
    "growth production output capacity interest allowance budget".split()
)
# Turned round, these need what they were said of: "welcomed the plan", not "was welcomed
# over its costs"; "allowed people to copy" would read "banned people to copy".
ACTIVE_ONLY = {"welcomed", "welcomes", "criticised", "criticises", "criticized", "praised"}


def _plain_verb(verb: Token) -> bool:
    """A verb that states what happened: not a would/could (a hypothesis), not a passive of a
    verb that needs its object, not one that governs a "to" clause."""
    if hypothetical(verb):
        return False
    if verb.lower_ in ACTIVE_ONLY and not any(c.dep_ == "dobj" for c in verb.children):
        return False
    # "allowed people to copy" would read "banned people to copy", and "banned from using"
    # would read "allowed from using".
    return verb.lemma_ not in ("allow", "ban") or not any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "from")
        for c in verb.children
    )


def _candidates(sent: Span) -> list[Token]:
    root = sent.root
    verbs = [root]
    if root.lemma_ in SPEECH:
        # "Mr Ali said profits had risen": what was reported is the fact.
        verbs = [c for c in root.children if c.dep_ == "ccomp"]
    found = []
    for verb in verbs:
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # "did not win" turned round is a puzzle, not a fact to check
        found.append(verb)
        found += [c for c in verb.children if c.dep_ in ("prt", "advmod", "acomp")]
    return found


def flip_for(sent: Span, shown: str) -> tuple[str, str] | None:
    """The word of ``shown`` (the sentence as the question shows it) to turn round, and its
    opposite; None where there is no safe one."""
    for tok in _candidates(sent):
        low = tok.lower_
        if low not in FLIPS or in_quotes(tok):
            continue
        if low in PARTICLES and (tok.dep_ not in ("advmod", "acomp") or tok.head.lemma_ != "be"):
            continue  # "shares were up 4%"; never "stepped up", "grew up", "set up"
        if tok.pos_ in ("VERB", "AUX") and not _plain_verb(tok):
            continue
        if low in WIN_LOSE and (
            not any(c.dep_ == "dobj" and c.lemma_.lower() in CONTESTS for c in tok.children)
            or any(t.lemma_.lower() in ("majority", "margin") for t in sent)
        ):
            # "won her claim" turns round; "won Sound of 2004", "losing $1m" do not, nor "won
            # the seat with a majority of 5,907", which "lost" contradicts (round 115)
            continue
        if low in SHARE_VERBS and any(_a_share(c) for c in tok.children if c.dep_ == "nsubj"):
            continue  # "Forty per cent fall in the 16-35 group": they belong to it (round 115)
        if low in ("raised", "boosted", "raises", "boosts") and not any(
            c.dep_ == "dobj" and (c.lemma_.lower() in AMOUNTS or c.like_num) for c in tok.children
        ):
            continue  # "raised prices" turns round; "raised her concerns" does not
        if low in ("confirmed", "denied") and any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "are now confirmed to have died" has no "denied to have died" (round 128)
        if low in SHARE_VERBS and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ in IDIOMS:
            continue  # "fell behind to an early try" has no "rose behind" (round 133)
        if _between_figures(tok):
            continue  # "fell from £180,126 in November to £178,906": its figures say which way
        others = [t for t in sent if t.lower_ in DIRECTION and t.i != tok.i]
        if others:
            continue
        words = shown.split()
        if sum(1 for w in words if w.strip(".,;:").lower() == low) != 1:
            continue  # the word must be found once in what is shown
        new = FLIPS[low]
        return tok.text, new[:1].upper() + new[1:] if tok.text[:1].isupper() else new
    return None


# "from £180,126 in November to £178,906", "to 7.1% from 6.8%": where a move started and ended.
FROM_TO = re.compile(
    r"^\W*(?:\S+\s+){0,3}?(?:from\b[^;]*?\d[^;]*?\bto|to\b[^;]*?\d[^;]*?\bfrom)\s+\S*\d"
)


def _between_figures(word: Token) -> bool:
    """Whether a word of movement gives the figures it moved between, which settle which way
    it went: turned round, it contradicts them on its face (round 128)."""
    return bool(FROM_TO.match(word.doc[word.i + 1 : word.right_edge.i + 1].text))


def _a_share(subject: Token) -> bool:
    """Whether a subject is a share of a whole ("Forty per cent", "half of them")."""
    return any(t.lower_ in SHARES for t in subject.subtree)
