"""Anki's own text-import format: OUT/<slug>-anki.txt, for an import by hand.

A text import cannot bring note types with it, and Anki skips every row whose note type the
collection lacks. So the rows use the two note types every (English) collection has, Basic and
Cloze, with quizgen's extra fields folded into the back; the .apkg is the route that carries
quizgen's own note types and styling. The GUID column is the question id, as in the .apkg, so
importing a corrected file again updates the notes instead of adding duplicates. A note that a
student already has from the .apkg belongs to another note type: Anki reports it as a conflict
and leaves it alone, it never duplicates it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..io import atomic_write
from ..model import QUESTION_TYPES, QuestionSet
from .anki_models import NoteSpec, deck_name, notes_for
from .textsafe import starts_formula


def _back_extras(f: dict[str, str]) -> str:
    out = ""
    if f.get("Explanation"):
        out += f"<div>{f['Explanation']}</div>"
    if f.get("Source"):
        out += f"<br><small>{f['Source']}</small>"
    return out


def inert(field: str) -> str:
    """A field that a spreadsheet opening this file would run as a formula starts with that
    character's HTML reference instead; the fields are HTML, so Anki shows it unchanged."""
    return f"&#{ord(field[0])};{field[1:]}" if starts_formula(field) else field


def stock_row(spec: NoteSpec) -> tuple[str, str, str]:
    """(note type, first field, second field) in Anki's stock Basic or Cloze note type."""
    f = spec.fields
    if spec.model == "cloze":
        extra = f["Back Extra"] + (f"<br><small>{f['Source']}</small>" if f["Source"] else "")
        return "Cloze", f["Text"], extra
    if spec.model == "choice":
        front, back = f["Prompt"] + f["Choices"], f"<b>{f['Correct']}</b>"
    elif spec.model == "truefalse":
        front, back = f["Statement"] + "<div>True or false?</div>", f"<b>{f['Answer']}</b>"
    else:
        front, back = f["Front"], f["Back"]
    return "Basic", front, back + _back_extras(f)


def anki_text(qset: QuestionSet, options: dict[str, Any]) -> str:
    notes = notes_for(qset)  # refuses a bad question before anything is written
    buf = io.StringIO()
    buf.write(
        "#separator:tab\n#html:true\n#notetype column:1\n"
        f"#deck:{deck_name(qset, options)}\n#tags column:4\n#guid column:5\n"
    )
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    for spec in notes:
        writer.writerow([*map(inert, stock_row(spec)), " ".join(spec.tags), spec.guid])
    return buf.getvalue()


class AnkiCsvExporter:
    name = "anki-csv"
    description = "Anki text import (.txt) with GUIDs, in Anki's stock Basic and Cloze note types"
    types = QUESTION_TYPES

    def export(self, *, qset: QuestionSet, out_dir: Path, options: dict[str, Any]) -> list[Path]:
        text = anki_text(qset, options)
        path = Path(out_dir) / f"{qset.article.slug}-anki.txt"
        atomic_write(path, text)
        return [path]
