"""Pronouns and pointing words a question cannot lean on: the check every question and
statement passes before it is shown on its own ("What did he make?" names no one)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

PRONOUNS = {
    "it",
    "its",
    "they",
    "them",
    "their",
    "theirs",
    "this",
    "these",
    "those",
    "that",
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "we",
    "us",
    "our",
    "i",
    "me",
    "my",
    "you",
    "your",
    "itself",
    "themselves",
    "himself",
    "herself",
    "there",
}
# Pronouns a question may keep: they refer to something inside the question itself
# ("Who said he had no pressing schedule?") or to nothing ("there is").
SELF_REFERRING = {"he", "him", "his", "she", "her", "himself", "herself", "its", "their", "it"}


POINTED_TIMES = {"day", "week", "month", "year", "night", "morning", "evening", "season", "time"}
# People a report brings in without a name: "A blind student has developed software so
# that he can ...", "A 20-year-old man is selling space on his forehead".
PERSON_NOUNS = set(
    "man woman boy girl teenager mother father son daughter husband wife pensioner student "
    "pupil schoolboy schoolgirl grandmother grandfather widow mum dad".split()
)
# "this year", "this month's awards": the writer's own time, which a reader of the day shares,
# not a time the sentence points back to. Fourteen openings of 390 stories, the item
# reviews keep most, were never asked for their "this week" (round 101).
THIS_TIMES = {"year", "month", "week", "weekend", "season", "summer", "autumn", "winter"}
THIS_TIMES |= {"spring", "morning", "afternoon", "evening", "century", "decade", "term"}
POINTING_PREPS = {
    "in",
    "of",
    "on",
    "at",
    "for",
    "from",
    "with",
    "since",
    "after",
    "before",
    "during",
    "by",
    "about",
    "under",
    "over",
    "into",
    "through",
}
EXPLETIVE_NEXT = {
    "is",
    "was",
    "has",
    "had",
    "would",
    "will",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "emerged",
    "may",
    "might",
    "could",
    "can",
    "remains",
    "s",
    "takes",
    "took",
}
# Auxiliaries and modals are no referent either: "why could it be scuppered?".
AUXILIARIES = {
    "could",
    "would",
    "should",
    "might",
    "may",
    "must",
    "can",
    "will",
    "shall",
    "has",
    "have",
    "had",
    "are",
    "were",
    "be",
    "been",
    "being",
}
FUNCTION = AUXILIARIES | {
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "as",
    "that",
    "which",
    "who",
    "what",
    "when",
    "where",
    "why",
    "how",
    "according",
    "is",
    "was",
    "did",
    "does",
    "do",
    "said",
    "says",
    # "many of its ships": a share of something, not a thing "its" can stand for
    "many",
    "much",
    "some",
    "most",
    "few",
    "several",
    "all",
    "each",
    "both",
}


# Words that say when, never what: "said last year its prices were too high" gives "its"
# nothing to stand for (round 94).
WHEN_WORDS = {"year", "years", "week", "weeks", "month", "months", "day", "days", "today"}
WHEN_WORDS |= {"yesterday", "tomorrow", "last", "next", "ago", "now", "then", "earlier"}
WHEN_WORDS |= {"later", "recently", "previously", "weekend", "season", "summer", "winter"}


# Words after a verb's object: "that" before one is the object, a pronoun.
PARTICLES = {"aside", "away", "off", "out", "down", "up", "back", "over", "forward"}


# "According to the article, why may others use an abacus?": others than whom? (round 140)
BARE_OTHERS = re.compile(
    r"(?:According to [^,]*,\s*)?(?:why|how|what|when|where|who)\s+(?:\w+\s+)?others\b", re.I
)


FRAME = re.compile(r"^According to the (?:article|author|writer|report), ", re.I)


def has_dangling_pronoun(text: str, allowed: Iterable[str] = ()) -> bool:
    """True if ``text`` leans on a pronoun or demonstrative it does not explain.

    A pronoun is explained when something it can refer to stands before it in the same text
    ("Banks say they ..."), or when it refers to nothing ("It has emerged that ...").
    """
    return _dangling(text, frozenset(a.lower() for a in allowed))


# Kept for the process (bounded): one text in two is asked again (an option checked for each
# question it could serve, a question by the extractor that made it and again by selection).
@lru_cache(maxsize=1 << 14)
def _dangling(text: str, allow: frozenset[str]) -> bool:
    if BARE_OTHERS.match(text):
        return True
    # "According to the article, why are many of its ships inoperable?": the frame a
    # template puts first is nothing "its" can stand for (round 144).
    text = FRAME.sub("", text)
    # A word joined by hyphens is one word: "pay-as-you-go" has no "you" in it.
    words = re.findall(r"[A-Za-z][A-Za-z']*", re.sub(r"(?<=\w)-(?=\w)", "", text))
    # What the words before the current one hold, kept up word by word (not recounted for
    # every word): content words, whether one is plural or a name, and whether a name is.
    content = plural_or_name = named = someone = False
    for k, w in enumerate(words):
        if k:
            b = words[k - 1]
            lb = b.lower()
            if lb not in FUNCTION and lb not in PRONOUNS and lb not in WHEN_WORDS:
                content = True
                plural_or_name = plural_or_name or lb.endswith("s") or b[0].isupper()
            # Not an acronym: "The CIA decided to subject him to torture" names no "him"
            # (round 158); bodies go by their initials, people seldom do.
            named = named or (
                b[0].isupper()
                and not (len(b) > 1 and b.isupper())
                and (k > 1 or lb not in FUNCTION)
            )
            # "a blind student ... he": someone brought in, whom a "he" can be
            someone = someone or (
                lb in PERSON_NOUNS
                and any(x.lower() in ("a", "an") for x in words[max(0, k - 5) : k - 1])
            )
        # "We're", "they've", "it'll": the pronoun before its contracted verb.
        low = re.sub(r"'(?:s|re|ve|ll|d|m)$", "", w.lower())
        if low in allow:
            continue
        if low == "that":
            # "in that election", "That coalition ...": "that" pointing back, not a
            # conjunction or a relative pronoun.
            prev = words[k - 1].lower() if k else ""
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if (
                (k == 0 and w.startswith("That"))
                or (k == 1 and prev in ("but", "and", "yet", "so", "or"))  # "But that 1 URV"
                or prev in POINTING_PREPS
                or nxt.endswith(("'s", "’s"))
            ):
                return True
            if nxt.lower() in POINTED_TIMES:
                return True  # "won that day", "later that year": which day?
            after = words[k + 2].lower() if k + 2 < len(words) else ""
            if nxt.lower() in ("close", "far", "near") and after in ("to", "from"):
                return True  # "Conditions that close to the Sun": as close as what? (round 159)
            if k and (not nxt or nxt.lower() in PARTICLES):
                return True  # "Why does Gordon Brown slap that aside?": slap what aside?
            continue
        if low in ("this", "these", "those"):
            nxt = words[k + 1].lower() if k + 1 < len(words) else ""
            if low == "this" and re.sub(r"'s$", "", nxt) in THIS_TIMES:
                continue
            if nxt in ("statements", "options", "events", "words", "items", "sentences"):
                continue  # "Which of these statements": the options that follow
            return True
        if low == "it":
            nxt = words[k + 1].lower() if k + 1 < len(words) else ""
            # "It has emerged that", "It remains too soon to": the "that" or "to" comes within
            # a few words, with no noun phrase ("the", "a") in between.
            window = [x.lower() for x in words[k + 2 : k + 6]]
            cut = next(
                (j for j, x in enumerate(window) if x in ("that", "to", "whether", "if")), None
            )
            # "it seems to be Japanese Prime Minister Shinzo Abe": no clause comes after "to
            # be", so "it" is a thing named before (round 142).
            rest = [x.lower().strip(".,;") for x in words[k + 2 + (cut or 0) + 1 :]]
            named_after = (
                cut is not None
                and window[cut] == "to"
                and rest[:1] == ["be"]
                and not set(rest[1:]) & {"that", "to", "whether", "if", "when", "how", "why"}
            )
            if (
                nxt in EXPLETIVE_NEXT
                and cut is not None
                and not {"the", "a", "an"} & set(window[:cut])
                and not named_after
            ):
                continue
            if not content:
                return True
        elif low == "its":
            if not content:
                return True
        elif low in ("he", "she", "him", "his", "her", "himself", "herself"):
            if not named and not someone:
                return True
        elif low in ("they", "them", "their", "themselves"):
            if not plural_or_name:
                return True
        elif low in ("we", "our", "us", "i", "me", "my", "you", "your", "ours"):
            if low == "us" and w == "US" or low == "i" and w != "I":
                continue
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if (k and w in ("Me", "My")) or (low == "i" and nxt[:1].isupper()):
                continue  # a title's words: "Please Please Me", "I'm A Celebrity"
            return True
    return False
