"""Blackboard Learn's tab-delimited question upload ("Upload Questions" in a test or pool).

One question a line: a type code, the question text, then the answers, separated by tabs.
Blackboard shows question and answer text as HTML, so the text is HTML-escaped (and a line
break becomes ``<br>``); a field that starts like a spreadsheet formula starts with the
character's HTML reference instead, which Blackboard shows unchanged. Fill-in-the-blank
answers are matched against what students type, so they are plain text and take the usual
apostrophe guard.
"""

from __future__ import annotations

from ..model import QUESTION_TYPES, Question
from .bankutil import BankExporter, Blank, choices_ok, cloze_parts, essay_guide, truth
from .textsafe import cell, clean, html_text, one_line, starts_formula


class Unwritable(ValueError):
    pass


def rich(text: str, strip: bool = True) -> str:
    """A field Blackboard renders as HTML: literal text, one line, no formula start."""
    h = html_text(text, strip).replace("<br>\n", "<br>").replace("\t", " ")
    if starts_formula(h):
        h = f"&#{ord(h[0])};{h[1:]}"
    return h


def plain(text: str) -> str:
    text = one_line(text)
    if not text:
        raise Unwritable("an answer is empty")
    return cell(text)


def line(q: Question) -> list[str]:
    if q.type in ("mcq", "multi_select"):
        why = choices_ok(q)
        if why:
            raise Unwritable(why)
        code = "MC" if q.type == "mcq" and len(q.correct) == 1 else "MA"
        fields = [code, rich(q.prompt)]
        for i, choice in enumerate(q.choices):
            fields += [rich(choice), "correct" if i in q.correct else "incorrect"]
        return fields
    if q.type == "true_false":
        key = truth(q)
        if key is None:
            raise Unwritable("its key is neither true nor false")
        return ["TF", rich(q.prompt), "true" if key else "false"]
    if q.type == "short_answer":
        return ["SR", rich(q.prompt), rich(q.answer)]
    if q.type == "essay":
        return ["ESS", rich(q.prompt), rich(essay_guide(q))]
    if q.type == "matching":
        if len(q.pairs) < 2:
            raise Unwritable("a matching question needs at least two pairs")
        fields = ["MAT", rich(q.prompt)]
        for left, right in q.pairs:
            fields += [rich(left), rich(right)]
        return fields
    if q.type == "ordering":
        if len(q.choices) < 2 or sorted(q.correct) != list(range(len(q.choices))):
            raise Unwritable("its order does not name every item once")
        return ["ORD", rich(q.prompt)] + [rich(q.choices[i]) for i in q.correct]
    if q.type == "cloze":
        return fill_in(q)
    raise Unwritable(f"Blackboard upload does not carry {q.type} questions")


def fill_in(q: Question) -> list[str]:
    """FIB for one blank (the text shows ``_____``); FIB_PLUS with ``[blank1]`` for several.
    The article's own square brackets become references so Blackboard never takes them for a
    blank's name."""
    parts = cloze_parts(clean(q.prompt).strip())
    gaps = [p for p in parts if isinstance(p, Blank)]
    if not gaps:
        raise Unwritable("its prompt has no {{c1::...}} blank")
    if len(gaps) == 1:
        text = "".join(p if isinstance(p, str) else "_____" for p in parts)
        return ["FIB", rich(text), plain(gaps[0].answer)]
    html, k = [], 0
    for part in parts:
        if isinstance(part, Blank):
            k += 1
            html.append(f"[blank{k}]")
        else:
            html.append(rich(part, strip=False).replace("[", "&#91;").replace("]", "&#93;"))
    fields = ["FIB_PLUS", "".join(html)]
    for k, gap in enumerate(gaps, 1):
        fields += [f"blank{k}", plain(gap.answer), ""]
    return fields[:-1]


class BlackboardExporter(BankExporter):
    name = "blackboard"
    description = "Blackboard Learn tab-delimited question upload (tests and pools)"
    types = QUESTION_TYPES
    suffix = ".blackboard.txt"

    def write(self, qset, questions, options):
        lines = []
        for q in questions:
            try:
                lines.append("\t".join(line(q)))
            except Unwritable as why:
                self.skip(q, str(why))
        return "".join(f"{x}\r\n" for x in lines) if lines else None
