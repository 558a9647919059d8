"""Moodle XML: the richest format Moodle imports, with one category per article.

Built with the standard library's ElementTree, which escapes every text node, so article text
is XML data and never markup. Rich-text fields are ``format="html"`` and hold the text
HTML-escaped (``&lt;script&gt;`` shows as ``<script>``); fields Moodle treats as plain strings
(short answers, matching answers, names) hold the text as it is. Cloze questions become
Moodle's "Embedded answers (Cloze)" type, whose own syntax ``{1:SHORTANSWER:=answer}`` lives
inside the HTML question text: there every character of an answer that the cloze parser could
take as syntax is written as a numeric character reference, which Moodle decodes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..model import Question
from .bankutil import (
    BankExporter,
    Blank,
    Unwritable,
    attribution,
    choices_ok,
    cloze_parts,
    feedback,
    multi_fractions,
    sub,
    truth,
)
from .textsafe import clean, html_text, one_line

# In the text around a cloze field, "{" could start a field of Moodle's own, and in an
# answer "~ # }" end it: numeric references keep them plain characters.
_CLOZE_SAFE = re.compile(r"[^\w ]", re.UNICODE)


def rich(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """An HTML-format field showing ``text`` literally."""
    el = sub(parent, tag, format="html", **attrs)
    sub(el, "text", html_text(text))
    return el


def plain(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    el = sub(parent, tag, **attrs)
    sub(el, "text", clean(text))
    return el


def short_answer_text(text: str) -> str:
    """A short answer matched literally: ``*`` is Moodle's wildcard unless escaped."""
    text = one_line(text)
    if not text:
        raise Unwritable("an answer is empty")
    return text.replace("*", "\\*")


def cloze_html(prompt: str) -> str:
    """A cloze prompt as the HTML of a Moodle multianswer question."""
    out = []
    n = 0
    for part in cloze_parts(clean(prompt).strip()):
        if isinstance(part, Blank):
            n += 1
            answer = short_answer_text(part.answer)
            ref = _CLOZE_SAFE.sub(lambda m: f"&#{ord(m.group())};", answer)
            out.append(f"{{1:SHORTANSWER:={ref}}}")
        else:
            h = html_text(part, strip=False)
            out.append(h.replace("{", "&#123;").replace("}", "&#125;"))
    if not n:
        raise Unwritable("its prompt has no {{c1::...}} blank")
    return "".join(out)


def header(quiz: ET.Element, q: Question, qtype: str) -> ET.Element:
    el = sub(quiz, "question", type=qtype)
    plain(el, "name", one_line(q.id))
    if qtype == "cloze":
        el_text = sub(el, "questiontext", format="html")
        sub(el_text, "text", cloze_html(q.prompt))
    else:
        rich(el, "questiontext", q.prompt)
    rich(el, "generalfeedback", feedback(q))
    if qtype != "cloze":
        sub(el, "defaultgrade", "1")
    sub(el, "penalty", "0.3333333")
    sub(el, "hidden", "0")
    sub(el, "idnumber", one_line(q.id)[:100])
    return el


def answer(parent: ET.Element, frac: str, text: str, *, html: bool = True) -> None:
    el = sub(parent, "answer", fraction=frac, format="html" if html else "moodle_auto_format")
    sub(el, "text", html_text(text) if html else text)
    fb = sub(el, "feedback", format="html")
    sub(fb, "text", "")


def question(quiz: ET.Element, q: Question) -> None:
    if q.type in ("mcq", "multi_select"):
        why = choices_ok(q)
        if why:
            raise Unwritable(why)
        single = q.type == "mcq" and len(q.correct) == 1
        el = header(quiz, q, "multichoice")
        sub(el, "single", "true" if single else "false")
        sub(el, "shuffleanswers", "true")
        sub(el, "answernumbering", "abc")
        fracs = (
            ["100" if i in q.correct else "0" for i in range(len(q.choices))]
            if single
            else multi_fractions(q)
        )
        for frac, choice in zip(fracs, q.choices, strict=True):
            answer(el, frac, choice)
    elif q.type == "true_false":
        key = truth(q)
        if key is None:
            raise Unwritable("its key is neither true nor false")
        el = header(quiz, q, "truefalse")
        answer(el, "100" if key else "0", "true", html=False)
        answer(el, "0" if key else "100", "false", html=False)
    elif q.type == "short_answer":
        text = short_answer_text(q.answer)
        el = header(quiz, q, "shortanswer")
        sub(el, "usecase", "0")
        answer(el, "100", text, html=False)
    elif q.type == "matching":
        if len(q.pairs) < 2:
            raise Unwritable("a matching question needs at least two pairs")
        el = header(quiz, q, "matching")
        sub(el, "shuffleanswers", "true")
        for left, right in q.pairs:
            s = rich(el, "subquestion", left)
            plain(s, "answer", one_line(right))
    elif q.type == "essay":
        el = header(quiz, q, "essay")
        for tag, value in (
            ("responseformat", "editor"),
            ("responserequired", "1"),
            ("responsefieldlines", "10"),
            ("attachments", "0"),
            ("attachmentsrequired", "0"),
        ):
            sub(el, tag, value)
        rich(el, "graderinfo", q.answer)
        rich(el, "responsetemplate", "")
    elif q.type == "cloze":
        header(quiz, q, "cloze")
    else:
        raise Unwritable(f"Moodle XML export does not carry {q.type} questions")


def category_path(title: str) -> str:
    """Moodle's category path: ``/`` separates levels, ``//`` is a slash in a name. It is
    relative, as in the GIFT export, so it lands under the category chosen on import."""
    name = one_line(title).replace("/", "//")
    if name.startswith("/"):
        name = " " + name
    if name.endswith("/"):
        name += " "
    return f"quizgen/{name}"


class MoodleExporter(BankExporter):
    name = "moodle"
    description = "Moodle XML question bank, a category per article"
    types = ("mcq", "true_false", "short_answer", "cloze", "matching", "multi_select", "essay")
    suffix = ".moodle.xml"

    def write(self, qset, questions, options):
        quiz = ET.Element("quiz")
        cat = sub(quiz, "question", type="category")
        plain(cat, "category", category_path(qset.display_title))
        info = sub(cat, "info", format="html")
        sub(info, "text", html_text(attribution(qset)))
        written = 0
        for q in questions:
            mark = len(quiz)
            try:
                question(quiz, q)
                written += 1
            except Unwritable as why:
                del quiz[mark:]
                self.skip(q, str(why))
        if not written:
            return None
        ET.indent(quiz, space="  ")
        body = ET.tostring(quiz, encoding="unicode")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
