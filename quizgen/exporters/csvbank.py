"""The question bank as one CSV table, for spreadsheets and for tools that take a table.

One row per question. Options, pairs and items to order go one per line inside their cell;
a cloze prompt shows its blanks, with the deletions in the answer column. The file starts
with a UTF-8 byte-order mark because Excel otherwise reads UTF-8 as a legacy code page, and
no cell can start a formula (see ``textsafe``).
"""

from __future__ import annotations

import csv
import io

from ..model import QUESTION_TYPES, Question
from .bankutil import BankExporter, cloze_answer, cloze_text
from .textsafe import cell, clean

COLUMNS = ("id", "type", "prompt", "choices", "answer", "explanation", "evidence", "bloom", "tags")


def row(q: Question) -> list[str]:
    if q.type == "cloze":
        prompt, answer = cloze_text(q.prompt), cloze_answer(q)
    else:
        prompt, answer = q.prompt, q.answer
    if q.type == "matching":
        options = [f"{left} \u2192 {right}" for left, right in q.pairs]
    else:
        options = list(q.choices)
    values = [
        q.id,
        q.type,
        prompt,
        "\n".join(" ".join(o.split()) for o in options),
        answer,
        q.explanation,
        q.evidence.text,
        q.bloom,
        "; ".join(q.tags),
    ]
    return [cell(clean(v)) for v in values]


class CsvExporter(BankExporter):
    name = "csv"
    description = "CSV table, one question a row, safe to open in a spreadsheet"
    types = QUESTION_TYPES
    suffix = ".csv"

    def write(self, qset, questions, options):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for q in questions:
            writer.writerow(row(q))
        return "\ufeff" + buf.getvalue()
