"""quizgen's Anki note types, and how a question becomes the fields of one.

Anki matches an imported note to the one a student already studies by GUID and note type id,
so both are frozen here: the ids below, each note type's field list and the GUID rule (the
question id) must never change between releases, or a re-import stops updating and starts
duplicating or conflicting. Templates and CSS may change freely (Anki updates a note type whose
fields are unchanged). A new field means a new note type with a new id.

Everything a question says is data: it is HTML-escaped, and Anki's own in-field markup
(``[sound:...]``, ``[latex]``, ``\\(...\\)``) is defused, so an article can never become markup.
This module is pure Python so that both the .apkg and the text-import exporter share it.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any

from ..errors import QuizgenError
from ..model import Question, QuestionSet
from .textsafe import clean

# Pinned by tests/test_export_anki.py. Never change them.
MODEL_IDS = {
    "basic": 1098784112,
    "cloze": 1779982762,
    "choice": 1246244631,
    "truefalse": 1838780556,
}
MODEL_NAMES = {
    "basic": "quizgen Basic",
    "cloze": "quizgen Cloze",
    "choice": "quizgen Multiple choice",
    "truefalse": "quizgen True/false",
}
MODEL_FIELDS = {
    "basic": ("Front", "Back", "Source", "Explanation"),
    "cloze": ("Text", "Back Extra", "Source"),
    "choice": ("Prompt", "Choices", "Correct", "Explanation", "Source"),
    "truefalse": ("Statement", "Answer", "Explanation", "Source"),
}

_EXTRAS = (
    "{{#Explanation}}<div class=qz-explain>{{Explanation}}</div>{{/Explanation}}"
    "{{#Source}}<div class=qz-source>{{Source}}</div>{{/Source}}"
)
TEMPLATES = {
    "basic": (
        "<div class=qz><div class=qz-prompt>{{Front}}</div></div>",
        "<div class='qz qz-back'><div class=qz-prompt>{{Front}}</div><hr id=answer>"
        f"<div class=qz-answer>{{{{Back}}}}</div>{_EXTRAS}</div>",
    ),
    "cloze": (
        "<div class=qz><div class=qz-prompt>{{cloze:Text}}</div></div>",
        "<div class='qz qz-back'><div class=qz-prompt>{{cloze:Text}}</div>"
        "{{#Back Extra}}<hr id=answer><div class=qz-explain>{{Back Extra}}</div>{{/Back Extra}}"
        "{{#Source}}<div class=qz-source>{{Source}}</div>{{/Source}}</div>",
    ),
    "choice": (
        "<div class=qz><div class=qz-prompt>{{Prompt}}</div>"
        "<div class=qz-choices>{{Choices}}</div></div>",
        "<div class='qz qz-back'><div class=qz-prompt>{{Prompt}}</div>"
        "<div class=qz-choices>{{Choices}}</div><hr id=answer>"
        f"<div class=qz-answer>{{{{Correct}}}}</div>{_EXTRAS}</div>",
    ),
    "truefalse": (
        "<div class=qz><div class=qz-prompt>{{Statement}}</div>"
        "<div class=qz-hint>True or false?</div></div>",
        "<div class='qz qz-back'><div class=qz-prompt>{{Statement}}</div><hr id=answer>"
        f"<div class='qz-answer qz-tf'>{{{{Answer}}}}</div>{_EXTRAS}</div>",
    ),
}

# System fonts only and no url(): a deck must look the same offline, on a phone and on a desktop.
# Anki marks night mode with .nightMode (desktop, AnkiMobile) or .night_mode (AnkiDroid).
CSS = """\
.card {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  font-size: 20px; line-height: 1.45; text-align: left;
  color: #1f2328; background-color: #fcfcfa; margin: 0; padding: 1em;
}
.qz { max-width: 38em; margin: 0 auto; overflow-wrap: anywhere; }
.qz-prompt { font-size: 1.1em; font-weight: 600; }
.qz-hint, .qz-pairhint { color: #57606a; font-size: .85em; margin-top: .4em; }
.qz-item { margin-top: .6em; font-size: 1.1em; }
.qz-choices ol, .qz-list { padding-left: 1.8em; margin: .6em 0; }
.qz-choices li, .qz-list li { margin: .3em 0; padding: .15em .4em; border-radius: .3em; }
.qz-back .qz-right { background: #dcf3e2; font-weight: 600; }
.qz-back .qz-right::after { content: " \\2713"; color: #1a7f37; }
hr#answer { border: 0; border-top: 1px solid #d0d7de; margin: 1em 0; }
.qz-answer { font-size: 1.1em; font-weight: 600; color: #1a7f37; }
.qz-explain { margin-top: .8em; }
.qz-source { margin-top: 1.2em; padding-top: .6em; border-top: 1px solid #d0d7de;
  font-size: .8em; color: #57606a; }
.qz-evidence { font-style: italic; }
.qz-cite { margin-top: .3em; }
.qz-pairs { border-collapse: collapse; margin-top: .4em; }
.qz-pairs td { border-top: 1px solid #d0d7de; padding: .25em .6em .25em 0; vertical-align: top; }
.cloze { font-weight: 700; color: #0550ae; }
@media (max-width: 480px) { .card { font-size: 18px; padding: .6em; } }
.nightMode.card, .night_mode .card { color: #e6edf3; background-color: #1c1f24; }
.nightMode .qz-hint, .night_mode .qz-hint, .nightMode .qz-pairhint, .night_mode .qz-pairhint,
.nightMode .qz-source, .night_mode .qz-source { color: #9ea7b3; }
.nightMode .qz-back .qz-right, .night_mode .qz-back .qz-right { background: #1f4b2c; }
.nightMode .qz-answer, .night_mode .qz-answer,
.nightMode .qz-back .qz-right::after, .night_mode .qz-back .qz-right::after { color: #56d364; }
.nightMode .cloze, .night_mode .cloze { color: #79c0ff; }
.nightMode hr#answer, .night_mode hr#answer, .nightMode .qz-source, .night_mode .qz-source,
.nightMode .qz-pairs td, .night_mode .qz-pairs td { border-color: #3d444d; }
"""

CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.DOTALL)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class NoteSpec:
    """One Anki note: which quizgen note type, its field values (HTML) and identity."""

    model: str
    guid: str
    fields: dict[str, str]
    tags: list[str]

    def values(self) -> list[str]:
        return [self.fields.get(name, "") for name in MODEL_FIELDS[self.model]]


def esc(text: Any) -> str:
    """Article text as HTML that shows it literally, also to Anki's own markup."""
    # Control characters out: \x1f is Anki's field separator, and would split the note.
    s = clean(str(text)).replace("\t", " ")
    # A word joiner after a backslash keeps MathJax from reading \( or \[ as math.
    s = re.sub(r"\\(?=[(\[])", "\\\u2060", s)
    s = html.escape(s, quote=True)
    # Anki finds [sound:], [anki:tts], [latex] and [$] in the field source, not the rendered text.
    return s.replace("[", "&#91;").replace("]", "&#93;").replace("\n", "<br>")


def cloze_numbers(prompt: str) -> set[int]:
    """The cN numbers of the non-empty deletions in a cloze prompt (one card each)."""
    return {int(n) for n, body in CLOZE_RE.findall(prompt) if int(n) > 0 and body.strip()}


def make_tag(text: str) -> str:
    """A valid Anki tag: no whitespace, quotes or control characters, no empty :: levels."""
    s = re.sub(r"\s+", "_", str(text).strip())
    s = "".join(ch for ch in s if ch.isprintable() and ch != '"')
    return "::".join(part for part in s.split("::") if part)


def tags_for(q: Question, slug: str) -> list[str]:
    kind = q.fact_id.split("-", 1)[0]
    raw = ["quizgen", q.type, q.bloom, kind, slug, *q.tags]
    out: list[str] = []
    for tag in map(make_tag, raw):
        if tag and tag.casefold() not in (t.casefold() for t in out):
            out.append(tag)
    return out


def deck_name(qset: QuestionSet, options: dict[str, Any]) -> str:
    """``Quizgen::<title>``, or the user's ``deck`` option with its ``::`` levels kept."""
    chosen = options.get("deck")
    if chosen:
        parts = [" ".join(p.split()) for p in str(chosen).split("::")]
        if not all(parts):
            raise QuizgenError(
                f"deck name {chosen!r} has an empty level; write e.g. History::Korea"
            )
        return "::".join(parts)
    # A '::' inside a title would split it into sub-decks.
    title = " ".join(qset.display_title.split()).replace("::", ":")
    return f"Quizgen::{title}" if title else "Quizgen"


def deck_id(name: str) -> int:
    """A deck id that depends only on the deck's name (pinned by the tests: never change it)."""
    digest = hashlib.sha256(f"quizgen deck\x1f{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def source_html(qset: QuestionSet, q: Question) -> str:
    art = qset.article
    cite = " · ".join(esc(x) for x in (art.title, art.outlet, art.date) if x and x.strip())
    parts = []
    if q.evidence.text.strip():
        parts.append(f"<div class=qz-evidence>“{esc(q.evidence.text.strip())}”</div>")
    if cite:
        parts.append(f"<div class=qz-cite>{cite}</div>")
    return "".join(parts)


def _check_indexes(q: Question) -> None:
    bad = [i for i in q.correct if not 0 <= i < len(q.choices)]
    if bad:
        raise QuizgenError(
            f"question {q.id}: correct index {bad[0]} is not one of its {len(q.choices)} choices"
        )


def _choice_fields(q: Question, common: dict[str, str]) -> dict[str, str]:
    _check_indexes(q)
    items = "".join(
        f"<li class=qz-right>{esc(c)}</li>" if i in q.correct else f"<li>{esc(c)}</li>"
        for i, c in enumerate(q.choices)
    )
    right = [f"{_LETTERS[i % 26]}. {esc(q.choices[i])}" for i in sorted(set(q.correct))]
    prompt = esc(q.prompt)
    if q.type == "multi_select":
        prompt += "<div class=qz-hint>Choose all that apply.</div>"
    return {
        "Prompt": prompt,
        "Choices": f"<ol type=A>{items}</ol>",
        "Correct": "<br>".join(right) or esc(q.answer),
        **common,
    }


def _basic_fields(q: Question, common: dict[str, str]) -> dict[str, str]:
    front, back = esc(q.prompt), esc(q.answer)
    if q.type == "ordering" and q.choices:
        _check_indexes(q)
        shown = "".join(f"<li>{esc(c)}</li>" for c in q.choices)
        front += f"<ul class=qz-list>{shown}</ul>"
        if sorted(q.correct) == list(range(len(q.choices))):
            back = "<ol class=qz-list>" + "".join(
                f"<li>{esc(q.choices[i])}</li>" for i in q.correct
            )
            back += "</ol>"
    return {"Front": front, "Back": back, **common}


def _matching_notes(q: Question, common: dict[str, str], tags: list[str]) -> list[NoteSpec]:
    # One card per pair: each card asks one thing, and a pair that is reworded or removed
    # touches one card. The back lists every pair, so the set is still seen as a whole.
    if any(len(pair) != 2 for pair in q.pairs):
        raise QuizgenError(f"question {q.id}: every matching pair needs a left and a right side")
    table = "".join(f"<tr><td>{esc(a)}</td><td>{esc(b)}</td></tr>" for a, b in q.pairs)
    expl = common["Explanation"] + f"<table class=qz-pairs>{table}</table>"
    notes = []
    for n, (left, right) in enumerate(q.pairs, start=1):
        front = f"{esc(q.prompt)}<div class=qz-item>{esc(left)} → ?</div>"
        fields = {
            "Front": front,
            "Back": esc(right),
            "Source": common["Source"],
            "Explanation": expl,
        }
        notes.append(NoteSpec("basic", f"{q.id}#{n}", fields, tags))
    return notes


def notes_for(qset: QuestionSet) -> list[NoteSpec]:
    """Every note for the set, in order; raises QuizgenError before anything is written."""
    seen: set[str] = set()
    notes: list[NoteSpec] = []
    for q in qset.questions:
        if not q.id.strip():
            raise QuizgenError(f"a {q.type} question has no id; give it one in questions.yaml")
        if q.id in seen:
            raise QuizgenError(f"two questions share the id {q.id}; Anki would merge them")
        seen.add(q.id)
        tags = tags_for(q, qset.article.slug)
        common = {"Source": source_html(qset, q), "Explanation": esc(q.explanation)}
        if q.type == "cloze":
            if not cloze_numbers(q.prompt):
                raise QuizgenError(
                    f"cloze question {q.id} has no {{{{c1::...}}}} deletion, so Anki would make "
                    "no card from it; add one or delete the question"
                )
            fields = {
                "Text": esc(q.prompt),
                "Back Extra": common["Explanation"],
                "Source": common["Source"],
            }
            notes.append(NoteSpec("cloze", q.id, fields, tags))
        elif q.type in ("mcq", "multi_select") and q.choices:
            notes.append(NoteSpec("choice", q.id, _choice_fields(q, common), tags))
        elif q.type == "true_false":
            _check_indexes(q)
            answer = esc(q.choices[q.correct[0]]) if q.correct else esc(q.answer)
            fields = {"Statement": esc(q.prompt), "Answer": answer, **common}
            notes.append(NoteSpec("truefalse", q.id, fields, tags))
        elif q.type == "matching" and q.pairs:
            notes.extend(_matching_notes(q, common, tags))
        else:  # short_answer, essay, ordering, and any question missing its options
            notes.append(NoteSpec("basic", q.id, _basic_fields(q, common), tags))
    return notes


def genanki_models() -> dict[str, Any]:
    import genanki

    return {
        key: genanki.Model(
            MODEL_IDS[key],
            MODEL_NAMES[key],
            fields=[{"name": name} for name in MODEL_FIELDS[key]],
            templates=[
                {
                    "name": "Cloze" if key == "cloze" else "Card 1",
                    "qfmt": TEMPLATES[key][0],
                    "afmt": TEMPLATES[key][1],
                }
            ],
            css=CSS,
            model_type=genanki.Model.CLOZE if key == "cloze" else genanki.Model.FRONT_BACK,
        )
        for key in MODEL_IDS
    }
