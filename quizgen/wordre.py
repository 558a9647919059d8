"""Finding a name or a phrase as whole words, without building a pattern for it.

Questions are checked against the article's names over and over. A pattern built around
each name costs a compile (Python keeps 512 and a batch makes thousands, pushing out the
fixed patterns too): about a tenth of quizgen's own time went to compiling patterns it
used once. ``spans`` does what ``(?<!\\w)NAME(?!\\w)`` does with ``str.find``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def _word(ch: str, also: str) -> bool:
    # What ``\w`` matches in a str pattern: a letter or digit of any script, or "_".
    return ch.isalnum() or ch == "_" or ch in also


def spans(
    text: str,
    phrase: str,
    *,
    ignore_case: bool = False,
    also: str = "",
    before: str = "",
    b: bool = False,
) -> Iterator[tuple[int, int]]:
    """Each place ``phrase`` stands in ``text`` with no word character (nor one of
    ``also``) right before or after it, left to right and not overlapping, as ``finditer``
    gives them; ``before`` adds characters that may not stand right before it only. With
    ``b``, each end is a ``\\b`` instead: the characters on either side of it differ in
    being word characters."""
    if not phrase:
        return
    hay, needle = (text.casefold(), phrase.casefold()) if ignore_case else (text, phrase)
    if len(hay) != len(text) or len(needle) != len(phrase):
        # A letter that folds to two ("ß" to "ss"): offsets would not match the text.
        flags = re.I if ignore_case else 0
        if b:
            pattern = rf"\b{re.escape(phrase)}\b"
        else:
            pattern = (
                rf"(?<![\w{re.escape(also + before)}]){re.escape(phrase)}(?![\w{re.escape(also)}])"
            )
        yield from (m.span() for m in re.finditer(pattern, text, flags))
        return
    first, last = _word(needle[0], ""), _word(needle[-1], "")
    k = hay.find(needle)
    while k != -1:
        end = k + len(needle)
        left = k > 0 and _word(hay[k - 1], "" if b else also + before)
        right = end < len(hay) and _word(hay[end], "" if b else also)
        if (left != first and right != last) if b else not (left or right):
            yield k, end
            k = hay.find(needle, end)
        else:
            k = hay.find(needle, k + 1)


def found(text: str, phrase: str, **kw) -> tuple[int, int] | None:
    """The first of ``spans``, or None."""
    return next(spans(text, phrase, **kw), None)
