"""The Anki package exporter: OUT/<slug>.apkg, one note per question in quizgen's note types.

Why the modification time is not a constant by default: Anki replaces a note it already has
(same GUID, same note type) only when the imported note's modification time differs from the
stored one, and by default only when it is newer. With a constant, a reworded question would
be reported as a duplicate and never reach the student. So the time comes from
``options["timestamp"]``, else ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), else
the clock. Everything else (ids, zip entries, the SQLite image) depends only on the questions
and that time, so the same input and time give the same bytes.

genanki's own ``write_to_file`` leaves its SQLite file in the system temp folder and stamps
zip entries with the clock; the package is built in memory here instead.
"""

from __future__ import annotations

import io
import itertools
import os
import sqlite3
import time
import zipfile
from pathlib import Path
from typing import Any

from ..errors import QuizgenError
from ..io import atomic_write
from ..model import QUESTION_TYPES, QuestionSet
from .anki_models import NoteSpec, deck_id, deck_name, esc, genanki_models, notes_for

_ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold


def build_timestamp(options: dict[str, Any]) -> float:
    """Seconds since 1970 to stamp notes and note types with (see the module docstring)."""
    raw, origin = options.get("timestamp"), "the timestamp option"
    if raw is None:
        raw, origin = os.environ.get("SOURCE_DATE_EPOCH"), "SOURCE_DATE_EPOCH"
    if raw is None or raw == "":
        return time.time()
    try:
        value = float(raw)
    except (TypeError, ValueError):
        value = -1.0
    if not 0 < value < 2**32:
        raise QuizgenError(f"{origin} must be a number of seconds since 1970, not {raw!r}")
    return value


def package_bytes(qset: QuestionSet, notes: list[NoteSpec], name: str, stamp: float) -> bytes:
    """The .apkg file for these notes in deck ``name``, built without touching the disk."""
    import genanki

    models = genanki_models()
    art = qset.article
    about = " · ".join(esc(x) for x in (art.title, art.outlet, art.date) if x and x.strip())
    deck = genanki.Deck(deck_id(name), name, description=f"Made by quizgen from: {about}")
    for position, spec in enumerate(notes):
        deck.add_note(
            genanki.Note(
                model=models[spec.model],
                fields=spec.values(),
                tags=spec.tags,
                guid=spec.guid,
                due=position,
            )
        )
    conn = sqlite3.connect(":memory:")
    try:
        ids = itertools.count(int(stamp * 1000))
        genanki.Package(deck).write_to_db(conn.cursor(), stamp, ids)
        conn.commit()
        database = conn.serialize()
    finally:
        conn.close()
    when = time.gmtime(max(stamp, _ZIP_EPOCH))[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for arcname, data in (("collection.anki2", database), ("media", b"{}")):
            info = zipfile.ZipInfo(arcname, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


class AnkiExporter:
    name = "anki"
    description = "Anki package (.apkg) in quizgen note types; re-importing updates notes"
    types = QUESTION_TYPES

    def export(self, *, qset: QuestionSet, out_dir: Path, options: dict[str, Any]) -> list[Path]:
        notes = notes_for(qset)  # refuses a bad question before anything is written
        data = package_bytes(qset, notes, deck_name(qset, options), build_timestamp(options))
        path = Path(out_dir) / f"{qset.article.slug}.apkg"
        atomic_write(path, data)
        return [path]
