"""How common an English word is: wordfreq's Zipf frequency, without importing wordfreq.

Importing wordfreq costs about a third of a second (it pulls in ftfy and langcodes for its
tokenizer), a large share of a build once the parse is cached. For a plain lowercase word
no tokenizer is needed: the value is read from wordfreq's own English list (the same file,
the same arithmetic), so ``zipf(w)`` equals ``wordfreq.zipf_frequency(w, "en")`` exactly.
Figures as articles write them ("70%", "$1.7bn", "23,500", "1990s", "2005/06") are read the
same way: wordfreq's tokens and its estimate for digits are copied here, because most
articles have figures and the first would otherwise pay for wordfreq's import. Anything else
goes to wordfreq itself.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

PLAIN = re.compile(r"[a-z]+")
# A currency sign and a percent sign are not part of a token for wordfreq, and Unicode word
# segmentation keeps digits joined by "." or "," and the letters after them in one token.
FIGURE = re.compile(r"[$£€]?([0-9]+(?:[.,][0-9]+)*[a-z]*)%?")
# wordfreq's numbers.py, for ASCII digits: runs of two or more digits (with their "." and ",")
# are looked up as zeros, and their own frequency is estimated from their digits.
MULTI_DIGIT = re.compile(r"[0-9][0-9.,]+")
PURE_DIGIT = re.compile(r"[0-9]+")
DIGIT_FREQS = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]
YEAR_LOG_PEAK = -1.9185
NOT_YEAR_PROB = 0.1
REFERENCE_YEAR = 2019
PLATEAU_WIDTH = 20


@cache
def _listed() -> dict[bytes, int] | None:
    """Each word of wordfreq's large English list, as UTF-8 bytes, with its rank in centibels
    (0, 1, ...): the list as wordfreq reads it, last rank kept for a word listed twice.

    Bytes rather than text, because decoding the 321,000 words into str objects was a third
    of the time of reading the list (which every process that extracts pays, 0.1-0.15 s).
    The words quizgen looks up are ASCII (see ``_tokens``), and a text's UTF-8 bytes find
    exactly the entry that the text would find in wordfreq's own reading (``_english``).
    """
    import gzip
    import importlib.util
    from pathlib import Path

    try:
        import msgpack

        spec = importlib.util.find_spec("wordfreq")
        folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
        with gzip.open(folder / "data" / "large_en.msgpack.gz", "rb") as f:
            data = msgpack.load(f, raw=True)
    except (ImportError, OSError, ValueError, StopIteration, TypeError, AttributeError):
        return None
    if not data or data[0] != {b"format": b"cB", b"version": 1}:
        return None
    return {word: i for i, bucket in enumerate(data[1:]) for word in bucket}


@cache
def _english() -> dict[str, int] | None:
    """The same list with each word as text, as wordfreq reads it (for checks and tests)."""
    table = _listed()
    try:
        return None if table is None else {w.decode("utf-8"): i for w, i in table.items()}
    except (UnicodeDecodeError, AttributeError):
        return None


# Kept for the process: the same words come back in every article (a lemma and its form in
# the term extractor, each candidate option in generation): three calls in five.
@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``."""
    tokens = _tokens(word)
    table = _listed() if tokens else None
    if table is None:
        return _by_wordfreq(word)
    return _combined(tokens, table, _smashed, _digit_freq)


# Word beginnings that make new words of listed ones: "rebanding" is "re" + "banding".
PREFIXES = ("re", "un", "pre", "non", "co", "de", "mis", "over", "under", "out", "sub")
PREFIXES += ("anti", "inter", "multi", "post", "self", "super", "cyber", "micro", "mega")
SUFFIXES = ("s", "es", "ed", "er", "ers", "ing", "ly")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=4096)
def correction(word: str) -> str | None:
    """The common word a lower-case word is a slip for ("minimsed" -> "minimised"), "" where
    it could be a slip for several, or None where it is no slip: no English list has the
    word, and one letter dropped, added, changed or swapped gives a word in common use. A
    coinage with no such neighbour ("rockscape"), a listed word with a prefix or an ending
    ("rebanding", "bribers") and a British spelling ("centralises") are no slips."""
    if len(word) < 5 or not word.isalpha() or not word.islower() or zipf(word) > 0:
        return None
    if any(word.startswith(p) and zipf(word[len(p) :]) >= 2 for p in PREFIXES):
        return None
    stems = [word[: -len(x)] for x in SUFFIXES if word.endswith(x)]
    if any(zipf(stem) >= 2 or zipf(stem + "e") >= 2 for stem in stems):
        return None
    if "is" in word and zipf(word.replace("is", "iz")) > 0:
        return None
    cut = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    near = {a + b[1:] for a, b in cut if b}
    near |= {a + b[1] + b[0] + b[2:] for a, b in cut if len(b) > 1}
    near |= {a + c + b for a, b in cut for c in LETTERS}
    near |= {a + c + b[1:] for a, b in cut if b for c in LETTERS}
    near.discard(word)
    common = sorted(w for w in near if zipf(w) >= 2)
    if not common:
        return None
    return common[0] if len(common) == 1 else ""


# A small word typed twice ("the the"), or an auxiliary typed again after an adverb ("will
# have now have", round 98). Not "had had" or "that that", which are English.
DOUBLED = re.compile(
    r"(?<![\w'’-])(?:(the|a|an|to|of|in|on|for|and|is|are|was|were|be|has|have|will|would)"
    r" \1|(has|have|had|is|was|will|would) (now|just|also|still|already|then) \2)(?![\w'’-])"
)


# A participle written for the simple past right after its subject ("Mirza, ranked 134 in the
# world, sunk to her knees", round 111): "had sunk" and "the sunk cost" are English; after a
# name or a pronoun it is a slip.
PAST = {"sunk": "sank", "shrunk": "shrank", "sprung": "sprang", "swum": "swam", "begun": "began"}
NOT_SUBJECTS = {"has", "had", "have", "having", "be", "been", "being", "is", "was", "were", "are"}
NOT_SUBJECTS |= {"get", "gets", "got", "just", "already", "newly", "freshly", "recently"}
NOT_SUBJECTS |= {"the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my"}
PAST_SLIP = re.compile(
    r"(?<![\w'’-])((he|she|it|they|we|I|who|[A-Z][a-z]+)(?:, [^,]{1,40},)? )("
    + "|".join(PAST)
    + r")( [\w'’-]+)"
)


def typos(text: str) -> dict[str, str]:
    """The misspelt words of a text, in order, each with its correction (see ``correction``),
    its words typed twice, each with the words it should have been, and a participle used
    for the simple past, with the past."""
    words = re.findall(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])", text)
    found = {w: fix for w in words if (fix := correction(w)) is not None}
    for m in DOUBLED.finditer(text):
        found[m.group()] = m.group(1) or f"{m.group(3)} {m.group(2)}"
    for m in PAST_SLIP.finditer(text):
        if m.group(2).lower() not in NOT_SUBJECTS:
            # Keyed with the next word, since a question may change the subject.
            found[m.group(3) + m.group(4)] = PAST[m.group(3)] + m.group(4)
    return found


def modal_slips(tokens) -> dict[str, str]:
    """A modal with a participle and no "be" or "have" between ("must not \"swept under the
    carpet\"", round 114), parsed tokens of one sentence in order: the words from the modal's
    next to the participle, with "be" put in where the participle has no object (a passive),
    or with nothing (no one mending) where it has one."""
    found = {}
    for k, tok in enumerate(tokens):
        if tok.tag_ != "MD":
            continue
        j = k + 1
        while j < len(tokens) and (tokens[j].tag_ == "RB" or tokens[j].is_quote):
            j += 1
        if j >= len(tokens) or tokens[j].tag_ != "VBN":
            continue
        verb = tokens[j]
        words = tokens[k + 1 : j + 1]
        key = "".join(t.text_with_ws for t in words).strip()
        if any(c.dep_ == "dobj" for c in verb.children):
            found[key] = ""
            continue
        at = next(i for i, t in enumerate(words) if t.is_quote or t is verb)
        head = "".join(t.text_with_ws for t in words[:at])
        found[key] = head + "be " + "".join(t.text_with_ws for t in words[at:]).strip()
    return found


def _by_wordfreq(word: str) -> float:
    """The value for a word that needs wordfreq's tokenizer ("u.s.", "façade", "n’t"): its
    tokens, looked up in the table above. ``zipf_frequency`` would read the same list again,
    into a dict of floats (0.4 s, for the one or two such words of an article)."""
    table = _listed()
    try:
        from wordfreq import lossy_tokenize
        from wordfreq.numbers import digit_freq, smash_numbers

        if table is not None:
            return _combined(lossy_tokenize(word, "en"), table, smash_numbers, digit_freq)
    except (ImportError, UnicodeError):
        pass
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _combined(tokens: list[str], table: dict[bytes, int], smash, digit_freq) -> float:
    """wordfreq's own arithmetic and rounding (``_word_frequency``), step by step, so that
    the result is bit for bit the same: the frequencies of several tokens combine as
    1/f = 1/f1 + 1/f2 + ..., and any unlisted token gives the minimum."""
    minimum = 10**0 / 1e9  # wordfreq's default minimum: Zipf 0
    if not tokens:
        return round(math.log(minimum, 10) + 9, 2)
    one_over = 0.0
    for token in tokens:
        smashed = smash(token)
        index = table.get(smashed.encode("utf-8"))
        if index is None:
            return round(math.log(minimum, 10) + 9, 2)
        listed = 10 ** (-index / 100)
        if smashed != token:
            listed *= digit_freq(token)
        one_over += 1.0 / listed
    unrounded = max(1.0 / one_over, minimum)
    freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def _smashed(token: str) -> str:
    return MULTI_DIGIT.sub(lambda m: re.sub("[0-9]", "0", m.group(0)), token)


def _tokens(word: str) -> list[str]:
    """wordfreq's tokens for a plain word, a figure, or such parts joined by "/" or "-"
    ("2005/06", "well-known"), where Unicode word segmentation breaks; [] for anything else."""
    if PLAIN.fullmatch(word):
        return [word]
    tokens = []
    for part in re.split(r"[/-]", word):
        figure = None if PLAIN.fullmatch(part) else FIGURE.fullmatch(part)
        if figure is None and not PLAIN.fullmatch(part):
            return []
        tokens.append(figure.group(1) if figure else part)
    return tokens


def _digit_freq(text: str) -> float:
    freq = 1.0
    for run in MULTI_DIGIT.findall(text):
        for digits in PURE_DIGIT.findall(run):
            freq *= _year_freq(digits) if len(digits) == 4 else _benford_freq(digits)
    return freq


def _benford_freq(text: str) -> float:
    return DIGIT_FREQS[int(text[0])] / 10 ** (len(text) - 1)


def _year_freq(text: str) -> float:
    year = int(text)
    if year <= REFERENCE_YEAR:
        year_log_freq = YEAR_LOG_PEAK - 0.0083 * (REFERENCE_YEAR - year)
    elif REFERENCE_YEAR < year <= REFERENCE_YEAR + PLATEAU_WIDTH:
        year_log_freq = YEAR_LOG_PEAK
    else:
        year_log_freq = YEAR_LOG_PEAK - 0.2 * (year - (REFERENCE_YEAR + PLATEAU_WIDTH))
    year_prob = 10.0**year_log_freq
    not_year_prob = NOT_YEAR_PROB * _benford_freq(text)
    return year_prob + not_year_prob
