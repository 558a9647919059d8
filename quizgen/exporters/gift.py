"""Moodle's GIFT text format, escaped exactly as Moodle's importer
(question/format/gift/format.php) reads it.

How that importer reads a question decides the escaping here:

- It first turns ``\\\\``, ``\\:``, ``\\#``, ``\\=``, ``\\{``, ``\\}``, ``\\~`` and ``\\n`` into
  placeholders, so those are the only escapes, and a newline inside text must be written ``\\n``
  (a real blank line would end the question).
- Question text, options, matching stems and feedback are marked ``[html]`` and HTML-escaped,
  so ``<script>`` is shown, not run. That also turns ``&`` into ``&amp;``, which keeps article
  text from ever spelling one of the importer's ``&&058;`` placeholders, and lets a text that
  starts with ``[`` or ``%`` (a format name or a grade to the importer) start with an entity.
- Short-answer answers and matching answers are plain strings to Moodle (compared with what the
  student types, or shown in a menu), so they get only GIFT escaping, plus ``\\*`` for a literal
  ``*``, which short answers otherwise take as a wildcard. What GIFT cannot say in a plain
  string (``->`` in a short answer, which makes the importer read a matching question) is
  reported in ``skipped``.
"""

from __future__ import annotations

import re

from ..model import Question
from .bankutil import (
    BLANK,
    BankExporter,
    Blank,
    choices_ok,
    cloze_parts,
    essay_guide,
    feedback,
    multi_fractions,
    truth,
)
from .textsafe import clean, html_text, one_line

# The importer's own placeholders; a plain string holding one would be changed on import.
_PLACEHOLDER = re.compile(r"&&(?:058;|035;|061;|123;|125;|126;|010|092;)")
_FORMAT_PREFIX = re.compile(r"\[(?:moodle|html|plain|markdown)\]")


def escape(text: str) -> str:
    """GIFT escaping, the same as Moodle's own GIFT writer (``repchar``)."""
    text = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", "\\n")


def html_field(text: str, strip: bool = True) -> str:
    """Text for an ``[html]`` field: shown literally by Moodle."""
    h = html_text(text, strip)
    if h[:1] in ("[", "%"):
        h = f"&#{ord(h[0])};{h[1:]}"
    return escape(h)


class Unwritable(ValueError):
    """A plain string that GIFT cannot carry unchanged."""


def plain_answer(text: str, *, wildcard: bool) -> str:
    text = one_line(text)
    if not text:
        raise Unwritable("an answer is empty")
    if _PLACEHOLDER.search(text):
        raise Unwritable("an answer contains a sequence Moodle's GIFT importer rewrites")
    if wildcard:
        if "->" in text:
            raise Unwritable("GIFT cannot hold '->' in a short answer")
        if _FORMAT_PREFIX.match(text):
            raise Unwritable("a short answer starts with a GIFT format name")
        text = text.replace("*", "\\*")
    return escape(text)


def category(title: str) -> str:
    """``$CATEGORY:`` path; in a category the importer only undoes ``\\\\`` and Moodle takes
    ``//`` as a literal slash in a category name."""
    name = one_line(title).replace("\\", "\\\\").replace("/", "//")
    if name.startswith("/"):
        name = " " + name
    if name.endswith("/"):
        name += " "
    return f"$CATEGORY: quizgen/{name}"


def general(text: str) -> str:
    return f"\t####{html_field(text)}\n" if text.strip() else ""


def question(q: Question) -> str:
    head = f"::{escape(one_line(q.id))}::[html]"
    fb = general(feedback(q))
    if q.type in ("mcq", "multi_select"):
        why = choices_ok(q)
        if why:
            raise Unwritable(why)
        if q.type == "mcq" and len(q.correct) == 1:
            marks = ["=" if i in q.correct else "~" for i in range(len(q.choices))]
        else:
            marks = [f"~%{f}%" for f in multi_fractions(q)]
        lines = "".join(f"\t{m}{html_field(c)}\n" for m, c in zip(marks, q.choices, strict=True))
        return f"{head}{html_field(q.prompt)}{{\n{lines}{fb}}}\n"
    if q.type == "true_false":
        key = truth(q)
        if key is None:
            raise Unwritable("its key is neither true nor false")
        return f"{head}{html_field(q.prompt)}{{{'TRUE' if key else 'FALSE'}\n{fb}}}\n"
    if q.type == "short_answer":
        answer = plain_answer(q.answer, wildcard=True)
        return f"{head}{html_field(q.prompt)}{{\n\t=%100%{answer}\n{fb}}}\n"
    if q.type == "essay":
        return f"{head}{html_field(q.prompt)}{{\n{general(essay_guide(q))}}}\n"
    if q.type == "matching":
        if len(q.pairs) < 2:
            raise Unwritable("a matching question needs at least two pairs")
        lines = "".join(
            f"\t={html_field(left)} -> {plain_answer(right, wildcard=False)}\n"
            for left, right in q.pairs
        )
        return f"{head}{html_field(q.prompt)}{{\n{lines}{fb}}}\n"
    if q.type == "cloze":
        return head + missing_word(q, fb)
    raise Unwritable(f"GIFT does not carry {q.type} questions")


def missing_word(q: Question, fb: str) -> str:
    """GIFT's missing-word form: the answer block stands where the blank is."""
    parts = cloze_parts(clean(q.prompt).strip())
    gaps = [p for p in parts if isinstance(p, Blank)]
    if len(gaps) != 1:
        raise Unwritable("GIFT's missing-word format holds exactly one blank")
    i = parts.index(gaps[0])
    before = "".join(p for p in parts[:i] if isinstance(p, str))
    after = "".join(p for p in parts[i + 1 :] if isinstance(p, str))
    block = f"{{=%100%{plain_answer(gaps[0].answer, wildcard=True)}\n{fb}}}"
    if after.strip():
        # Text follows the block, so the importer itself puts "_____" in its place.
        return f"{html_field(before, strip=False)}{block}{html_field(after, strip=False)}\n"
    # A block at the very end reads as a plain question; write the blank ourselves.
    return f"{html_field(before.rstrip() + ' ' + BLANK)} {block}\n"


class GiftExporter(BankExporter):
    name = "gift"
    description = "Moodle GIFT text (also read by other LMSs' GIFT importers)"
    types = ("mcq", "true_false", "short_answer", "cloze", "matching", "multi_select", "essay")
    suffix = ".gift.txt"

    def write(self, qset, questions, options):
        blocks = [
            f"// quizgen question bank: {qset.article.slug}\n{category(qset.display_title)}\n"
        ]
        for q in questions:
            try:
                blocks.append(f"// {one_line(q.id)} ({q.type})\n{question(q)}")
            except Unwritable as why:
                self.skip(q, str(why))
        if len(blocks) == 1:
            return None
        return "\n".join(blocks)
