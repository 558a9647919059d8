"""``wordre.spans`` finds a phrase as whole words with ``str.find``; it must find exactly
what the regular expressions it replaced find, for any text, in any script."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizgen.wordre import found, spans

# Few letters, so that phrases recur in the text; word and non-word characters of several
# scripts, letters that fold to two ("ß", "İ", "ﬁ"), and letters that match another one's
# capital (final "ς", the Kelvin sign, the long "ſ").
ALPHABET = st.sampled_from(list("abAB _'.,-é1İßΣσς\u212aKkſsﬁ£\u00a0\n"))
TEXT = st.text(ALPHABET, max_size=40)
PHRASE = st.text(ALPHABET, min_size=1, max_size=4)


def regex_spans(text, phrase, ignore_case=False, also="", before="", b=False):
    if b:
        pattern = rf"\b{re.escape(phrase)}\b"
    else:
        left, right = re.escape(also + before), re.escape(also)
        pattern = rf"(?<![\w{left}]){re.escape(phrase)}(?![\w{right}])"
    return [m.span() for m in re.finditer(pattern, text, re.I if ignore_case else 0)]


@settings(max_examples=2000, database=None)
@given(TEXT, PHRASE, st.booleans(), st.sampled_from(["", "'"]), st.sampled_from(["", ".,"]))
@example("a aa a", "a", False, "", "")
@example("a a a", "a a", False, "", "")  # not overlapping, as finditer
@example("'a' a", "a", False, "'", "")
@example("x.a b", "a", False, "", ".,")
@example("ß σσ\u00a0Σ", "σΣ", True, "", "")  # lower() makes a final "Σ" a "ς"
def test_spans_match_the_lookaround_pattern(text, phrase, ignore_case, also, before):
    got = list(spans(text, phrase, ignore_case=ignore_case, also=also, before=before))
    assert got == regex_spans(text, phrase, ignore_case, also, before)


@settings(max_examples=2000, database=None)
@given(TEXT, PHRASE, st.booleans())
@example("U.S. said", "U.S.", False)
@example("a U.S.b", "U.S.", False)
def test_b_spans_match_word_boundaries(text, phrase, ignore_case):
    got = list(spans(text, phrase, ignore_case=ignore_case, b=True))
    assert got == regex_spans(text, phrase, ignore_case, b=True)


def test_found_is_the_first_whole_word_place():
    assert found("Brownlee and Brown met", "Brown") == (13, 18)
    assert found("Brownlee met", "Brown") is None
    assert found("x", "") is None
