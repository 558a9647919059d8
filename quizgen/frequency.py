"""How common an English word is: wordfreq's Zipf frequency, without importing wordfreq.

Importing wordfreq costs about a third of a second (it pulls in ftfy and langcodes for its
tokenizer), a large share of a build once the parse is cached. For a plain lowercase word,
which is all quizgen asks about, no tokenizer is needed: the value is read from wordfreq's
own English list (the same file, the same arithmetic), so ``zipf(w)`` equals
``wordfreq.zipf_frequency(w, "en")`` exactly. Anything else goes to wordfreq itself.
"""

from __future__ import annotations

import math
import re
from functools import cache

PLAIN = re.compile(r"[a-z]+")


@cache
def _english() -> dict[str, int] | None:
    """Each word of wordfreq's large English list with its rank in centibels (0, 1, ...)."""
    import gzip
    import importlib.util
    from pathlib import Path

    try:
        import msgpack

        spec = importlib.util.find_spec("wordfreq")
        folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
        with gzip.open(folder / "data" / "large_en.msgpack.gz", "rb") as f:
            data = msgpack.load(f, raw=False)
    except (ImportError, OSError, ValueError, StopIteration, TypeError, AttributeError):
        return None
    if not data or data[0] != {"format": "cB", "version": 1}:
        return None
    return {word: i for i, bucket in enumerate(data[1:]) for word in bucket}


def zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``."""
    table = _english() if PLAIN.fullmatch(word) else None
    if table is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    minimum = 10**0 / 1e9  # wordfreq's default minimum: Zipf 0
    index = table.get(word)
    if index is None:
        freq = minimum
    else:
        # wordfreq's own rounding, step by step, so the result is bit for bit the same.
        one_over = 0.0 + 1.0 / 10 ** (-index / 100)
        unrounded = max(1.0 / one_over, minimum)
        freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)
