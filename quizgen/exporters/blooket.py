"""Blooket's CSV import template: two header rows, then one question a row.

Columns: Question #, Question Text, Answer 1-4, Time Limit (sec, at most 300), Correct
Answer(s) as answer numbers ("1,3" for several). Blooket questions have two to four answers,
so a question with more is left out and listed in ``skipped``. No cell can start a formula.
"""

from __future__ import annotations

import csv
import io

from ..model import Question
from .bankutil import BankExporter, choices_ok, truth
from .textsafe import cell, one_line

TITLE_ROW = ["Blooket\nImport Template"] + [""] * 7
HEADER_ROW = [
    "Question #",
    "Question Text",
    "Answer 1",
    "Answer 2",
    "Answer 3\n(Optional)",
    "Answer 4\n(Optional)",
    "Time Limit (sec)\n(Max: 300 seconds)",
    "Correct Answer(s)\n(Only include Answer #)",
]
TIME_LIMIT = 20


def row(n: int, q: Question) -> list[str] | str:
    if q.type == "true_false":
        key = truth(q)
        if key is None:
            return "its key is neither true nor false"
        answers, right = ["True", "False"], ["1" if key else "2"]
    else:
        why = choices_ok(q)
        if why:
            return why
        if len(q.choices) > 4:
            return f"it has {len(q.choices)} answers (Blooket allows 4)"
        answers = [one_line(c) for c in q.choices]
        right = [str(i + 1) for i in sorted(q.correct)]
    prompt = one_line(q.prompt)
    if not prompt:
        return "its question is empty"
    cells = [prompt, *answers] + [""] * (4 - len(answers))
    return [str(n), *(cell(c) for c in cells), str(TIME_LIMIT), ",".join(right)]


class BlooketExporter(BankExporter):
    name = "blooket"
    description = "Blooket question set import (CSV template)"
    types = ("mcq", "true_false", "multi_select")
    suffix = ".blooket.csv"

    def write(self, qset, questions, options):
        rows = []
        for q in questions:
            got = row(len(rows) + 1, q)
            if isinstance(got, str):
                self.skip(q, got)
            else:
                rows.append(got)
        if not rows:
            return None
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerows([TITLE_ROW, HEADER_ROW, *rows])
        return buf.getvalue()
