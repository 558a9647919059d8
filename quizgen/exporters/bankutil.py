"""What the question-bank exporters share: reading a question's parts the same way in every
format, reporting what a format could not hold, and writing byte-identical zip files.

Each exporter is a :class:`BankExporter`. ``export`` returns the paths it wrote and leaves in
``self.skipped`` the ids of the questions of a carried type that this particular format still
could not hold (a Kahoot question over 120 characters, a second blank in GIFT's missing-word
format), and in ``self.skip_reasons`` why, by id, so the CLI can report them instead of
dropping them silently.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..io import atomic_write

if TYPE_CHECKING:
    from ..model import Question, QuestionSet

BLANK = "_____"
# Anki's cloze syntax: {{c1::answer}} or {{c1::answer::hint}}.
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_TRUE = {"true", "t", "yes", "right", "correct"}
_FALSE = {"false", "f", "no", "wrong", "incorrect"}
# A fixed date for every zip member: the same input gives the same bytes.
ZIP_DATE = (2000, 1, 1, 0, 0, 0)


class BankExporter:
    """Base for the bank exporters: subclasses set the class attributes and ``write``."""

    name = ""
    description = ""
    types: tuple[str, ...] = ()
    suffix = ""

    def __init__(self) -> None:
        self.skipped: list[str] = []
        self.skip_reasons: dict[str, str] = {}

    def export(self, *, qset: QuestionSet, out_dir: Path, options: dict[str, Any]) -> list[Path]:
        self.skipped, self.skip_reasons = [], {}
        questions = []
        for q in qset.questions:
            if q.type in self.types:
                questions.append(q)
            else:
                self.skip(q, f"{self.name} does not carry {q.type} questions")
        path = Path(out_dir) / f"{qset.article.slug}{self.suffix}"
        data = self.write(qset, questions, options)
        if data is None:
            return []
        atomic_write(path, data)
        return [path]

    def write(
        self, qset: QuestionSet, questions: list[Question], options: dict[str, Any]
    ) -> str | bytes | None:
        """The file's content, or None when no question fits and no file is worth writing."""
        raise NotImplementedError

    def skip(self, q: Question, reason: str) -> None:
        self.skipped.append(q.id)
        self.skip_reasons[q.id] = reason


@dataclass(frozen=True)
class Blank:
    """One cloze deletion: its number (c1 -> 1), answer and optional hint."""

    number: int
    answer: str
    hint: str = ""


def cloze_parts(prompt: str) -> list[str | Blank]:
    """A cloze prompt as text runs and blanks, in reading order."""
    parts: list[str | Blank] = []
    pos = 0
    for m in _CLOZE.finditer(prompt):
        if m.start() > pos:
            parts.append(prompt[pos : m.start()])
        parts.append(Blank(int(m.group(1)), m.group(2), m.group(3) or ""))
        pos = m.end()
    if pos < len(prompt):
        parts.append(prompt[pos:])
    return parts


def blanks(prompt: str) -> list[Blank]:
    return [p for p in cloze_parts(prompt) if isinstance(p, Blank)]


def cloze_text(prompt: str, blank: str = BLANK) -> str:
    """The prompt as a reader sees it before answering: every deletion a blank."""
    return "".join(p if isinstance(p, str) else blank for p in cloze_parts(prompt))


def cloze_answer(q: Question) -> str:
    found = [b.answer for b in blanks(q.prompt)]
    return "; ".join(found) if found else q.answer


def truth(q: Question) -> bool | None:
    """The key of a true/false question, or None when its options do not say true or false."""
    if len(q.correct) == 1 and 0 <= q.correct[0] < len(q.choices):
        label = q.choices[q.correct[0]]
    else:
        label = q.answer
    word = label.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def choices_ok(q: Question) -> str | None:
    """Why a choice question cannot be written (None when it can)."""
    if len(q.choices) < 2:
        return "it has fewer than two options"
    if not q.correct:
        return "it marks no option correct"
    if any(not 0 <= i < len(q.choices) for i in q.correct):
        return "it marks an option that does not exist"
    if any(not c.strip() for c in q.choices):
        return "one of its options is empty"
    if len({c.strip() for c in q.choices}) < len(q.choices):
        return "two of its options are the same"
    return None


def fraction(percent: float) -> str:
    """A Moodle/GIFT grade percentage: whole numbers plain, others to five places."""
    if abs(percent - round(percent)) < 1e-9:
        return str(int(round(percent)))
    return f"{percent:.5f}"


def multi_fractions(q: Question) -> list[str]:
    """Grades for a multiple-answer question: the right options share 100%, and each wrong
    one takes away as much as a right one gives, so ticking everything scores nothing."""
    share = 100.0 / len(q.correct)
    return [fraction(share if i in q.correct else -share) for i in range(len(q.choices))]


def attribution(qset: QuestionSet) -> str:
    """Where the questions come from, for a bank's description (never the local file path)."""
    a = qset.article
    source = ", ".join(x for x in (a.author, a.outlet, a.date) if x.strip())
    return f"Questions on \u201c{qset.display_title}\u201d" + (f" ({source})" if source else "")


def feedback(q: Question) -> str:
    return q.explanation.strip()


def essay_guide(q: Question) -> str:
    """What a marker needs for an essay: the model answer, then the explanation."""
    return "\n\n".join(t for t in (q.answer.strip(), feedback(q)) if t)


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    """A zip archive whose bytes depend only on the members' names and contents."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (0o100644 if not name.endswith("/") else 0o40755) << 16
            zf.writestr(info, data)
    return buf.getvalue()


def repack_zip(data: bytes) -> bytes:
    """Rewrite a zip made by another library with fixed dates, members in the same order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(info.filename, zf.read(info)) for info in zf.infolist()]
    return zip_bytes(members)


class Unwritable(ValueError):
    """A question this format cannot hold; the exporter lists it as left out."""


def sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    """A child element with optional text: the XML formats (Moodle, QTI) build with it."""
    import xml.etree.ElementTree as ET

    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el
