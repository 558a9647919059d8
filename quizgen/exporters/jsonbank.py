"""The question bank as JSON or YAML: every field of every question, with the article, so a
bank can be read back (``load_bank``), edited and exported again to any other format.

The shape is ``QuestionSet.to_dict()``, described by ``quizgen/schema/question-bank.schema.json``;
the YAML bank is the same shape as questions.yaml. ``load_bank`` checks what it reads field by
field, because a teacher may have edited it by hand, and says which question is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..errors import QuizgenError
from ..io import yaml_text
from ..model import BLOOM_LEVELS, QUESTION_TYPES, QuestionSet
from .bankutil import BankExporter

_QUESTION_TEXT = (
    "id",
    "type",
    "prompt",
    "answer",
    "explanation",
    "fact_id",
    "template_id",
    "bloom",
)
_ARTICLE_TEXT = ("title", "author", "date", "outlet", "source", "slug", "format")


def dump_json(qset: QuestionSet) -> str:
    return json.dumps(qset.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def dump_yaml(qset: QuestionSet) -> str:
    return yaml_text(qset.to_dict())


class JsonExporter(BankExporter):
    name = "json"
    description = "question bank as JSON (every field; reads back with load_bank)"
    types = QUESTION_TYPES
    suffix = ".json"

    def write(self, qset, questions, options):
        return dump_json(QuestionSet(qset.article, questions, qset.seed, qset.title))


class YamlExporter(BankExporter):
    name = "yaml"
    description = "question bank as YAML, the shape of questions.yaml"
    types = QUESTION_TYPES
    suffix = ".yaml"

    def write(self, qset, questions, options):
        return dump_yaml(QuestionSet(qset.article, questions, qset.seed, qset.title))


def load_bank(path: Path | str) -> QuestionSet:
    """Read a JSON or YAML bank back; ``QuizgenError`` names what is wrong with it."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuizgenError(f"cannot read the question bank {path}: {exc}") from exc
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise QuizgenError(f"{path} is not valid JSON: {exc}") from exc
    elif suffix in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            line = f" at line {where.line + 1}" if where else ""
            raise QuizgenError(f"{path} is not valid YAML{line}") from exc
    else:
        raise QuizgenError(f"{path}: a question bank ends in .json, .yaml or .yml")
    try:
        return bank_from_data(data)
    except QuizgenError as exc:
        raise QuizgenError(f"{path}: {exc}") from exc


def bank_from_data(data: Any) -> QuestionSet:
    """A ``QuestionSet`` from a bank's parsed JSON/YAML, after checking every field."""
    if not isinstance(data, dict):
        raise QuizgenError("a question bank must be a mapping with 'article' and 'questions'")
    article = data.get("article")
    if not isinstance(article, dict):
        raise QuizgenError("the bank has no 'article' mapping")
    questions = data.get("questions", [])
    if not isinstance(questions, list):
        raise QuizgenError("'questions' must be a list")
    art = dict(article)
    if not isinstance(art.get("text"), str):
        raise QuizgenError("the article has no 'text'")
    for key in _ARTICLE_TEXT:
        if key in art:
            art[key] = _text(art[key], f"article {key}")
    blocks = art.get("blocks", [])
    if not isinstance(blocks, list) or not all(_is_block(b) for b in blocks):
        raise QuizgenError("article 'blocks' must be a list of {start, end, kind}")
    art["blocks"] = [
        {"start": b["start"], "end": b["end"], "kind": _text(b.get("kind", "body"), "block kind")}
        for b in blocks
    ]
    checked = [_question(q, n, art["text"]) for n, q in enumerate(questions, 1)]
    seed = data.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise QuizgenError("'seed' must be a whole number")
    return QuestionSet.from_dict(
        {
            "article": art,
            "questions": checked,
            "seed": seed,
            "title": _text(data.get("title"), "title"),
        }
    )


def _question(q: Any, n: int, text: str) -> dict[str, Any]:
    if not isinstance(q, dict):
        raise QuizgenError(f"question {n} is not a mapping")
    name = f"question {n} ({q.get('id', 'no id')})"
    for key in ("id", "type", "prompt", "answer"):
        if key not in q:
            raise QuizgenError(f"{name} has no '{key}'")
    d = dict(q)
    for key in _QUESTION_TEXT:
        if key in d:
            d[key] = _text(d[key], f"{name} {key}")
    if d["type"] not in QUESTION_TYPES:
        raise QuizgenError(
            f"{name}: unknown type '{d['type']}' (known: {', '.join(QUESTION_TYPES)})"
        )
    if "bloom" in d and d["bloom"] not in BLOOM_LEVELS:
        raise QuizgenError(f"{name}: unknown bloom level '{d['bloom']}'")
    for key in ("choices", "tags"):
        if not isinstance(d.get(key, []), list):
            raise QuizgenError(f"{name}: '{key}' must be a list")
        d[key] = [_text(v, f"{name} {key}") for v in d.get(key, [])]
    correct = d.get("correct", [])
    if not isinstance(correct, list) or not all(_is_int(i) for i in correct):
        raise QuizgenError(f"{name}: 'correct' must be a list of option numbers")
    pairs = d.get("pairs", [])
    if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise QuizgenError(f"{name}: 'pairs' must be a list of [left, right] pairs")
    d["pairs"] = [[_text(a, f"{name} pairs"), _text(b, f"{name} pairs")] for a, b in pairs]
    for key in ("difficulty", "score"):
        if key in d and (isinstance(d[key], bool) or not isinstance(d[key], int | float)):
            raise QuizgenError(f"{name}: '{key}' must be a number")
    ev = d.get("evidence") or {"text": "", "start": 0, "end": 0}
    if not (
        isinstance(ev, dict)
        and isinstance(ev.get("text"), str)
        and _is_int(ev.get("start"))
        and _is_int(ev.get("end"))
    ):
        raise QuizgenError(f"{name}: 'evidence' must be {{text, start, end}}")
    if text[ev["start"] : ev["end"]] != ev["text"]:
        raise QuizgenError(
            f"{name}: its evidence is not the article's text at {ev['start']}-{ev['end']}"
        )
    return d


def _text(value: Any, where: str) -> str:
    """A text field, forgiving what YAML makes of a hand-typed scalar (dates, numbers)."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    raise QuizgenError(f"{where} must be text")


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_block(b: Any) -> bool:
    return isinstance(b, dict) and _is_int(b.get("start")) and _is_int(b.get("end"))
