"""Keeping article text inert in the programs that open quizgen's banks.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some run a
cell that starts with a tab or carriage return) as a formula, so every text cell of a CSV,
tab-separated or spreadsheet export goes through :func:`cell`. XML 1.0 forbids most control
characters, and a stray one makes a whole Moodle or QTI file unreadable, so XML text goes
through :func:`clean` first.
"""

from __future__ import annotations

import html
import re

# The characters a spreadsheet may take as the start of a formula (OWASP's list, plus the
# full-width forms some spreadsheet locales also accept).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# Characters XML 1.0 does not allow at all (tab, newline and carriage return are allowed).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


def drop_illegal(text: str) -> str:
    """Text without the characters XML forbids, for a consumer that draws text rather than
    stores it (a document or a PDF): there a stray control is noise, and a PDF's reader got a
    NUL back in the middle of the word drawn after it."""
    return _XML_ILLEGAL.sub("", text)


def starts_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def cell(text: str) -> str:
    """A cell value that no spreadsheet evaluates: a leading apostrophe when it could."""
    return "'" + text if starts_formula(text) else text


def clean(text: str) -> str:
    """One newline convention and no character that XML or a spreadsheet file rejects."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_ILLEGAL.sub("\ufffd", text)


def one_line(text: str) -> str:
    """Text for a format with one item per line: all runs of whitespace become one space."""
    return _SPACES.sub(" ", clean(text)).strip()


def html_text(text: str, strip: bool = True) -> str:
    """Plain text as HTML that shows it literally, keeping its line breaks."""
    text = clean(text)
    return html.escape(text.strip() if strip else text, quote=False).replace("\n", "<br>\n")


def html_plain(fragment: str) -> str:
    """The inverse of :func:`html_text` (used by tests and by readers of our own files)."""
    return html.unescape(fragment.replace("<br>\n", "\n"))
