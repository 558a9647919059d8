"""Linguistic filters available to every template."""

from __future__ import annotations

import re

from ..wordre import found

# A word that starts with a vowel sound: not "one", "union" or "euro" ("a one-off"), but
# a letter said alone ("an x-ray", "an F-16"). Words in capitals are read letter by letter
# (``a_an``); a pattern that ignores case cannot tell "MP" from "Microsoft".
VOWEL_SOUND = re.compile(
    r"^(?:[ai]|e(?!u)|o(?!ne\b|nce\b|ne-)|u(?!ni|s[eu]|tili)|hour|honest|honou?r|heir"
    r"|[fhlmnrsx](?=-|$))",
    re.I,
)


def a_an(phrase: str) -> str:
    """'a' or 'an' before a phrase, by its sound (an hour, a union, an MP)."""
    phrase = str(phrase).strip()
    word = phrase.split(" ", 1)[0]
    if word.isupper() and len(word) > 1:
        return ("an " if word[0] in "AEFHILMNORSX" else "a ") + phrase
    return ("an " if VOWEL_SOUND.match(word) else "a ") + phrase


def plural(noun: str) -> str:
    noun = str(noun)
    if re.search(r"(s|sh|ch|x|z)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def base_form(verb: str) -> str:
    """A rough base form of a verb word, for templates that need do-support."""
    irregular = {
        "is": "be",
        "are": "be",
        "was": "be",
        "were": "be",
        "has": "have",
        "had": "have",
        "did": "do",
        "does": "do",
        "said": "say",
        "went": "go",
        "made": "make",
    }
    low = str(verb).lower()
    if low in irregular:
        return irregular[low]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("es", ""),
        ("ed", ""),
        ("s", ""),
    ):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            return low[: -len(suffix)] + repl
    return low


def possessive(name: str) -> str:
    name = str(name)
    return name + ("'" if name.endswith("s") else "'s")


def wh_word(label: str) -> str:
    return {
        "PERSON": "Who",
        "ORG": "Which organisation",
        "GPE": "Which place",
        "LOC": "Where",
        "DATE": "When",
        "NORP": "Which group",
    }.get(str(label), "What")


# Words that start a sentence only because they come first: they go lower-case mid-sentence.
STARTERS = set(
    "the a an it its this that these those there here some many most all both each every no "
    "our their his her my your we they he she why what who whom whose when where how which "
    "under in on at for with after before while although though if unless because as only not "
    "more less such one two three several few other another any and but or so yet also still "
    "according once since until despite during given owing "
    "four five six seven eight nine ten eleven twelve dozens hundreds thousands millions "
    # Plural nouns that open a sentence as often as any: "People, it turns out, ...".
    "people officials experts analysts critics researchers scientists police ministers "
    "students children parents users consumers investors shares prices sales profits "
    "voters workers fans players doctors teachers".split()
)


def lcfirst(text: str, small: bool = False) -> str:
    """Lower-case a sentence's first word for use mid-sentence, unless it is a name: a word
    that only opens sentences ("The", "When"), or any word the extractor found was no name
    (``small``, from the parse: "Worried about backlash, ...")."""
    text = str(text)
    first = text.split(" ", 1)[0]
    if first.lower().strip(",") not in STARTERS and not (small is True and first != "I"):
        return text
    return text[:1].lower() + text[1:]


def ucfirst(text: str) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]


def cloze(sentence: str, answer: str, n: int = 1) -> str:
    """The sentence with the first whole-word occurrence of ``answer`` as an Anki deletion."""
    sentence, answer = str(sentence), str(answer)
    if "{{" in sentence or "}}" in sentence:
        return ""  # the article's own braces would become Anki deletions: no blank here
    hit = found(sentence, answer)
    if hit is None:
        return ""
    return f"{sentence[: hit[0]]}{{{{c{n}::{answer}}}}}{sentence[hit[1] :]}"


def sentence(text: str) -> str:
    """Capitalised, with one final full stop."""
    text = ucfirst(str(text).strip())
    return text if re.search(r"[.!?\"”]$", text) else text + "."


def unstop(text: str) -> str:
    return str(text).strip().rstrip(".")


FILTERS = {
    "a_an": a_an,
    "plural": plural,
    "base_form": base_form,
    "possessive": possessive,
    "wh_word": wh_word,
    "lcfirst": lcfirst,
    "ucfirst": ucfirst,
    "cloze": cloze,
    "sentence": sentence,
    "unstop": unstop,
}


def the(phrase: str) -> str:
    """A role as a definite noun phrase: 'spokesman for X' -> 'the spokesman for X'."""
    phrase = str(phrase).strip()
    if re.match(r"^[A-Z][\w.&-]*['’]s?\s", phrase):
        return phrase  # "UKIP's deputy leader", not "the UKIP's deputy leader" (round 79)
    if re.match(r"^(the|a|an|his|her|their|its)\s", phrase, re.I):
        return (
            phrase[:1].lower() + phrase[1:]
            if phrase.split()[0].lower() in ("the", "a", "an")
            else phrase
        )
    return "the " + phrase


FILTERS["the"] = the


def according(question: str, source: str = "") -> str:
    """A question about reported words names their source: "According to the book, who ...?"."""
    if not source or re.search(r"(?i)\baccording to\b", str(question)):
        return str(question)  # "... hold up, according to officials?" names its own source
    source = str(source)
    first = source.split(" ", 1)[0]
    # "Reports from Russia say ...": a common noun that only began its sentence.
    if first.lower() in STARTERS or (
        first[1:].islower() and first.lower().rstrip("s") in COMMON_SOURCES
    ):
        source = source[:1].lower() + source[1:]
    return f"According to {source}, {lcfirst(question)}"


COMMON_SOURCES = {
    "report",
    "analyst",
    "expert",
    "official",
    "source",
    "critic",
    "observer",
    "document",
    "study",
    "survey",
    "book",
    "paper",
    "newspaper",
    "figure",
}


FILTERS["according"] = according
