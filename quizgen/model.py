"""The plain data that flows between the pipeline's stages.

Every stage takes and returns these dataclasses (or lists of them) and nothing else, so a stage
can be tested, cached or replaced on its own, and a teacher can edit the YAML form of facts and
questions between stages. ``to_dict``/``from_dict`` give that YAML/JSON form; ids are stable
hashes of content, never of position or time, so that an edited question keeps its identity.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

QUESTION_TYPES = (
    "mcq",
    "true_false",
    "short_answer",
    "cloze",
    "matching",
    "ordering",
    "multi_select",
    "essay",
)
BLOOM_LEVELS = ("remember", "understand", "apply", "analyse", "evaluate", "create")
FACT_KINDS = (
    "entity",
    "event",
    "statement",
    "position",
    "claim",
    "list",
    "quantity",
    "cause",
    "definition",
    "term",
    "sentence",
)


def stable_id(prefix: str, *parts: Any) -> str:
    """A short id that depends only on the given content."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha1(blob.encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


@dataclass
class Evidence:
    """A span of the article: ``article.text[start:end] == text`` always holds."""

    text: str
    start: int
    end: int


@dataclass
class Block:
    """A run of the article's text (a paragraph or a line) with what ingest judged it to be.

    ``kind`` is ``body`` for article prose; ``title``, ``byline``, ``dateline`` and
    ``furniture`` are never turned into questions.
    """

    start: int
    end: int
    kind: str = "body"


@dataclass
class Article:
    """An ingested article. ``text`` is what every offset in quizgen indexes."""

    text: str
    source: str = "-"
    title: str = ""
    author: str = ""
    date: str = ""
    outlet: str = ""
    slug: str = "article"
    blocks: list[Block] = field(default_factory=list)
    format: str = "txt"

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "body"]

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(text=self.text[start:end], start=start, end=end)

    def meta(self) -> dict[str, str]:
        return {
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "outlet": self.outlet,
            "source": self.source,
            "slug": self.slug,
        }

    def to_dict(self) -> dict[str, Any]:
        d = self.meta()
        d["format"] = self.format
        d["text"] = self.text
        d["blocks"] = [asdict(b) for b in self.blocks]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        blocks = [Block(**b) for b in d.get("blocks", [])]
        keys = {f.name for f in fields(cls)} - {"blocks"}
        return cls(blocks=blocks, **{k: v for k, v in d.items() if k in keys})


@dataclass
class Fact:
    """Something the article says, in typed slots, with the sentence that says it."""

    id: str
    kind: str
    slots: dict[str, Any]
    evidence: Evidence
    salience: float = 0.5
    extractor: str = ""

    @classmethod
    def make(cls, kind: str, slots: dict[str, Any], evidence: Evidence, **kw: Any) -> Fact:
        key = {k: v for k, v in slots.items() if isinstance(v, str | int | float)}
        return cls(
            id=stable_id(kind, kind, key, evidence.start),
            kind=kind,
            slots=slots,
            evidence=evidence,
            **kw,
        )

    def names(self) -> list[str]:
        """An entity's name and its other names ("DPRK", "Pyongyang")."""
        return [self.slots.get("name", ""), *(self.slots.get("aliases") or [])]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        d = dict(d)
        d["evidence"] = Evidence(**d["evidence"])
        return cls(**d)


@dataclass
class Question:
    """One question, in a form every exporter can read.

    ``choices`` holds the options (mcq, true_false, multi_select), the items to order
    (ordering, in the order shown) or nothing; ``correct`` holds indexes into ``choices``
    (for ordering: the indexes in the right order). ``pairs`` holds matching pairs, left to
    right. ``answer`` is always a readable key, so a format that carries no options can
    still show the answer.
    """

    id: str
    type: str
    prompt: str
    answer: str
    choices: list[str] = field(default_factory=list)
    correct: list[int] = field(default_factory=list)
    pairs: list[list[str]] = field(default_factory=list)
    explanation: str = ""
    evidence: Evidence = field(default_factory=lambda: Evidence("", 0, 0))
    fact_id: str = ""
    template_id: str = ""
    bloom: str = "remember"
    difficulty: float = 0.5
    tags: list[str] = field(default_factory=list)
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Question:
        d = dict(d)
        ev = d.get("evidence") or {"text": "", "start": 0, "end": 0}
        d["evidence"] = Evidence(**ev)
        keys = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in keys})


@dataclass
class Rejected:
    """A question that selection dropped, and why (shown by ``quizgen review``)."""

    question: Question
    reason: str


@dataclass
class QuestionSet:
    """The questions for one article, in their delivered order."""

    article: Article
    questions: list[Question]
    seed: int = 0
    title: str = ""
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def display_title(self) -> str:
        return self.title or self.article.title or self.article.slug

    @property
    def how_many(self) -> str:
        """ "1 question", "17 questions": for messages."""
        n = len(self.questions)
        return f"{n} question" if n == 1 else f"{n} questions"

    def to_dict(self) -> dict[str, Any]:
        from . import __version__

        return {
            "quizgen": __version__,
            "title": self.display_title,
            "seed": self.seed,
            "article": self.article.to_dict(),
            "questions": [q.to_dict() for q in self.questions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QuestionSet:
        return cls(
            article=Article.from_dict(d["article"]),
            questions=[Question.from_dict(q) for q in d.get("questions", [])],
            seed=int(d.get("seed", 0)),
            title=d.get("title", ""),
        )
