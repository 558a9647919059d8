"""A Kahoot quiz spreadsheet, laid out as Kahoot's own import template.

Kahoot reads the first sheet from row 9: question number in A, the question in B (at most 120
characters), up to four answers in C-F (at most 75 each), the time limit in G (one of 5, 10,
20, 30, 60, 90, 120 or 240 seconds) and the number(s) of the right answer(s) in H. Only
multiple-choice and true/false questions go in. A question that does not fit those limits is
left out rather than cut (a cut question can change its meaning) and listed in ``skipped``.
Cells are typed as text, so a question starting with ``=`` stays text.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from ..model import Question
from .bankutil import BankExporter, choices_ok, repack_zip, truth
from .textsafe import one_line, starts_formula

MAX_QUESTION = 120
MAX_ANSWER = 75
MAX_ANSWERS = 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
FIRST_ROW = 9
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) \u2013 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
FIXED_TIME = datetime(2000, 1, 1)
INSTRUCTIONS = (
    "Add questions, at least two answer alternatives, time limit and choose correct answers "
    "(at least one)."
)


def time_limit(prompt: str, answers: list[str]) -> int:
    """About the time to read the question and answers, rounded up to Kahoot's next step."""
    words = len(prompt.split()) + sum(len(a.split()) for a in answers)
    need = 5 + words // 3
    return next((t for t in TIME_LIMITS if t >= max(need, 20)), TIME_LIMITS[-1])


def row(q: Question) -> tuple[list[str], str] | str:
    """The question's cells, or why it cannot go in."""
    if q.type == "true_false":
        key = truth(q)
        if key is None:
            return "its key is neither true nor false"
        answers, right = ["True", "False"], "1" if key else "2"
    else:
        why = choices_ok(q)
        if why:
            return why
        if len(q.correct) != 1:
            return "Kahoot quizzes take one right answer"
        answers, right = [one_line(c) for c in q.choices], str(q.correct[0] + 1)
    prompt = one_line(q.prompt)
    if not prompt:
        return "its question is empty"
    if len(prompt) > MAX_QUESTION:
        return f"its question is {len(prompt)} characters (Kahoot allows {MAX_QUESTION})"
    if len(answers) > MAX_ANSWERS:
        return f"it has {len(answers)} answers (Kahoot allows {MAX_ANSWERS})"
    longest = max(len(a) for a in answers)
    if longest > MAX_ANSWER:
        return f"an answer is {longest} characters (Kahoot allows {MAX_ANSWER})"
    return [prompt, *answers], right


class KahootExporter(BankExporter):
    name = "kahoot"
    description = "Kahoot quiz spreadsheet (.xlsx), multiple choice and true/false"
    types = ("mcq", "true_false")
    suffix = ".kahoot.xlsx"

    def write(self, qset, questions, options):
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.writer.excel import ExcelWriter

        rows = []
        for q in questions:
            got = row(q)
            if isinstance(got, str):
                self.skip(q, got)
            else:
                rows.append(got)
        if not rows:
            return None
        wb = Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        ws["B2"] = "Quiz template"
        ws["B2"].font = Font(bold=True, size=14)
        ws["B3"] = INSTRUCTIONS
        ws["B4"] = one_line(qset.display_title)
        ws["B4"].data_type = "s"
        for col, head in enumerate(HEADERS, start=2):
            ws.cell(row=FIRST_ROW - 1, column=col, value=head).font = Font(bold=True)
        for n, ((prompt, *answers), right) in enumerate(rows):
            r = FIRST_ROW + n
            ws.cell(row=r, column=1, value=n + 1)
            for col, text in enumerate([prompt, *answers], start=2):
                c = ws.cell(row=r, column=col)
                # Assigned this way, a leading "=" is text, never a formula.
                c.value, c.data_type = text, "s"
                if starts_formula(text):
                    c.quotePrefix = True
            ws.cell(row=r, column=7, value=time_limit(prompt, answers))
            ws.cell(row=r, column=8, value=int(right))
        for col, width in zip("ABCDEFGH", (4, 60, 30, 30, 30, 30, 16, 16), strict=True):
            ws.column_dimensions[col].width = width
        wb.properties.creator = "quizgen"
        wb.properties.created = wb.properties.modified = FIXED_TIME
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(wb, archive).save()
        return repack_zip(buf.getvalue())
