"""Reading an article: find its format, decode it, and hand it to the rules that mark its parts.

Every later stage quotes its evidence by character offset into ``Article.text``, so for text and
Markdown the text is the decoded file itself, unchanged (page furniture is marked, not cut out:
see furniture.py); for HTML it is the text htmltext.py extracts. Problems a user can fix (a
missing, empty, binary or oversized file, a page with no article in it) are QuizgenErrors.
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from pathlib import Path
from typing import BinaryIO

from .errors import QuizgenError
from .furniture import classify, iso_date, line_runs
from .model import Article, Block

EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".mkd": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
}
NOT_ENGLISH = "the article does not look like English (quizgen analyses English text only)"


# ---------------------------------------------------------------- public API


def read_source(
    source: str | Path, *, max_bytes: int = 5_000_000, stdin: BinaryIO | None = None
) -> Article:
    """Read a .txt, .md or .html file (other names are sniffed) or ``-`` for standard input."""
    if str(source) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data, name, label, suffix, stem = stream.read(max_bytes + 1), "standard input", "-", "", ""
    else:
        path = Path(source)
        name = label = str(source)
        suffix, stem = path.suffix.lower(), path.stem
        if path.is_dir():
            raise QuizgenError(f"{name} is a directory, not an article file")
        try:
            with path.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise QuizgenError(f"file not found: {name}") from None
        except PermissionError:
            raise QuizgenError(f"cannot read {name}: permission denied") from None
        except OSError as exc:
            raise QuizgenError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise QuizgenError(
            f"{name} is larger than the {_size(max_bytes)} limit; raise it with --max-size"
        )
    if not data.strip():
        raise QuizgenError(f"{name} is empty")
    fmt = EXTENSIONS.get(suffix)
    text = _decode(data, name, _declared_charset(data) if fmt in (None, "html") else None)
    return _build(text, fmt or _sniff(text), label, stem, name)


def read_text(text: str, *, fmt: str | None = "txt", source: str = "-") -> Article:
    """Ingest a string; ``fmt`` is "txt", "md", "html" or None to sniff it."""
    fmt = {"text": "txt", "markdown": "md", "htm": "html"}.get(fmt or "", fmt)
    if fmt not in (None, "txt", "md", "html"):
        raise ValueError(f"unknown input format {fmt!r}")
    name = "standard input" if source == "-" else source
    text = text.removeprefix("\ufeff")
    _check_text(text, name)
    stem = "" if source == "-" else Path(source).stem
    return _build(text, fmt or _sniff(text), source, stem, name)


def detect_language_problem(text: str) -> str | None:
    """A message when ``text`` is clearly not English, else None (too short to tell is fine).

    English prose is about 40% common function words (the, of, and...); French, German, Spanish,
    Italian and Dutch score 0-3%, and other scripts are caught by their letters.
    """
    sample = text[:200_000]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 60:
        return None
    if sum(c < "\u0250" for c in letters) / len(letters) < 0.5:
        return NOT_ENGLISH
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if len(words) < 15:
        return None
    share = sum(w in ENGLISH for w in words) / len(words)
    return NOT_ENGLISH if share < 0.08 else None


ENGLISH = frozenset(
    "the of and to a in is that for it was on with as he be by at are this his from have has not "
    "but or an they which had were their been will would can said its who more there we you i she "
    "her them than all about if into after also one over up out so what when no new may some could "
    "other only these our being do does did because how should between before just most any those "
    "very then while where must such both each well even him my me your us".split()
)


# ---------------------------------------------------------------- decoding


def _size(n: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            return f"{n / scale:g} {unit}"
    return f"{n} bytes"


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w:.-]+)""", data[:4096], re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    # Browsers read a page labelled Latin-1 as windows-1252, and so do we.
    return "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else name


def _decode(data: bytes, name: str, declared: str | None) -> str:
    tries = []
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            tries.append(codec)
            break
    tries += [c for c in (_utf16_without_bom(data), "utf-8", declared) if c]
    text = None
    for codec in tries:
        try:
            text = data.decode(codec)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        text = _detect(data)
    if text is None:
        raise QuizgenError(f"{name} looks like a binary file, not text")
    text = text.removeprefix("\ufeff")
    _check_text(text, name)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: zero bytes fill one half of every pair of Latin text."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0) / (len(data) / 2), data[1::2].count(0) / (len(data) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str | None:
    import charset_normalizer

    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        if charset_normalizer.is_binary(data):
            return None
        try:  # cp1252 is Latin-1 with printable quotes and dashes where Latin-1 has controls
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    # On short text the Western code pages score alike; for an English article cp1252 is far
    # likelier than cp1250 or cp1257, whose guesses turn "û" into "ű".
    for match in results:
        close = match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.05
        if close and match.encoding in ("cp1252", "latin_1", "iso8859_15"):
            return str(match)
    return str(best)


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise QuizgenError(f"{name} is empty")
    sample = text[:100_000]
    bad = sum(
        1
        for c in sample
        if (c < " " and c not in "\t\n\r\f\v") or "\x7f" <= c <= "\x9f" or c == "\ufffd"
    )
    if "\x00" in text or bad > max(3, len(sample) * 0.02):
        raise QuizgenError(f"{name} looks like a binary file, not text")


def _sniff(text: str) -> str:
    head = text[:20_000]
    start = head.lstrip()[:20].lower()
    tags = re.findall(
        r"</?(?:p|div|span|a|br|h[1-6]|li|ul|ol|table|article|section|body)\b", head, re.I
    )
    if start.startswith(("<!doctype", "<html", "<?xml", "<head", "<body")) or len(tags) >= 5:
        return "html"
    if re.search(r"(?m)^#{1,6} \S|^```|\[[^\]\n]+\]\((?:https?://|/)", head):
        return "md"
    return "txt"


# ---------------------------------------------------------------- building the article


def _build(text: str, fmt: str, source: str, stem: str, name: str) -> Article:
    if fmt == "html":
        from .htmltext import extract

        text, runs, given = extract(text)
    else:
        runs, given = line_runs(text, fmt)
    kinds, meta = classify(runs, given, fmt)
    blocks = [Block(r.start, r.end, k) for r, k in zip(runs, kinds, strict=True)]
    if not any(k == "body" for k in kinds):
        raise QuizgenError(
            f"{name} has no article text left after removing page furniture "
            "(menus, bylines, share links)"
        )
    return Article(
        text=text,
        source=source,
        title=meta["title"],
        author=meta["author"],
        date=iso_date(meta["date"]),
        outlet=meta["outlet"],
        slug=_slug(meta["title"], stem),
        blocks=blocks,
        format=fmt,
    )


def _slug(title: str, stem: str) -> str:
    for src in (title, stem):
        s = unicodedata.normalize("NFKD", src).encode("ascii", "ignore").decode().lower()
        s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
        if len(s) > 60:
            s = s[:60].rsplit("-", 1)[0] if s[60] != "-" and "-" in s[:60] else s[:60]
        if s.strip("-"):
            return s.strip("-")
    return "article"
