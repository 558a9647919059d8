"""Quizlet's import text: one card a line, term TAB definition.

The term is what the student sees (the question, with a cloze's blanks) and the definition
its answer. Quizlet takes tabs and newlines as separators, so every run of whitespace inside a
field becomes one space; a field that could start a spreadsheet formula gets the apostrophe
guard, since these files are also opened in spreadsheets.
"""

from __future__ import annotations

from ..model import Question
from .bankutil import BankExporter, cloze_answer, cloze_text, truth
from .textsafe import cell, one_line


def card(q: Question) -> tuple[str, str] | None:
    if q.type == "cloze":
        term, definition = cloze_text(q.prompt), cloze_answer(q)
    elif q.type == "true_false":
        key = truth(q)
        term, definition = q.prompt, q.answer if key is None else ("True" if key else "False")
    elif q.type in ("mcq", "multi_select") and q.correct:
        picked = [q.choices[i] for i in q.correct if 0 <= i < len(q.choices)]
        term, definition = q.prompt, "; ".join(picked) or q.answer
    else:
        term, definition = q.prompt, q.answer
    term, definition = one_line(term), one_line(definition)
    if not term or not definition:
        return None
    return cell(term), cell(definition)


class QuizletExporter(BankExporter):
    name = "quizlet"
    description = "Quizlet flashcard import: term TAB definition, a card a line"
    types = ("mcq", "true_false", "short_answer", "cloze", "matching", "ordering", "multi_select")
    suffix = ".quizlet.txt"

    def write(self, qset, questions, options):
        lines = []
        for q in questions:
            pair = card(q)
            if pair is None:
                self.skip(q, "its question or answer is empty")
            else:
                lines.append("\t".join(pair) + "\n")
        return "".join(lines) or None
