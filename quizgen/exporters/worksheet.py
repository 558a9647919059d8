"""The printable worksheet, decided once for every format that prints it (pdf, html, docx).

Everything a student or a teacher could compare between formats is settled here: the parts
and their instructions, question numbers, option letters, the order of each version, the
passage's line breaks and the answer key's line citations. The renderers only draw what this
module hands them, so a PDF and an HTML page of version B carry the same key.

The passage is broken into lines here, at a fixed number of characters, rather than by each
renderer's line breaker: a citation such as "lines 14-15" is only true if every format numbers
the same words on line 14. A line that a narrow font cannot fit wraps inside its numbered row,
so the numbering stays right even then.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import QuizgenError
from ..model import Article, Question, QuestionSet

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PASSAGE_WIDTH = 76  # characters per passage line; fits A4 and Letter at 10.5pt serif
PAPERS = ("a4", "letter")

# Parts run from recognising to producing, the order teachers usually give them.
PARTS: dict[str, tuple[str, str]] = {
    "true_false": ("True or false", "Write True or False in the blank before each statement."),
    "mcq": ("Multiple choice", "Choose the best answer. Circle its letter."),
    "multi_select": (
        "Choose all that apply",
        "Choose every correct answer. Circle all the letters that apply.",
    ),
    "matching": (
        "Matching",
        "Match each item on the left with one on the right. Write its letter in the blank.",
    ),
    "ordering": (
        "Ordering",
        "Put the items in the right order. Write their letters in the blanks, first to last.",
    ),
    "cloze": ("Fill in the blanks", "Write the missing word or words in each blank."),
    "short_answer": ("Short answer", "Answer each question in a sentence or two."),
    "essay": (
        "Extended response",
        "Write your answer in the box. Support it with evidence from the article.",
    ),
}
DEFAULT_POINTS = {
    "true_false": 1,
    "mcq": 1,
    "multi_select": 2,
    "ordering": 2,
    "short_answer": 2,
    "essay": 5,
}  # matching and cloze: one point per pair or blank

CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


@dataclass
class Option:
    letter: str
    text: str


@dataclass
class PassageLine:
    number: int
    text: str
    start: int  # offsets into article.text of the line's first and last word
    end: int
    para_start: bool = False


@dataclass
class Item:
    """One question as a version shows it, with its key in that version's letters."""

    number: int
    qid: str
    type: str
    segments: list[dict[str, Any]]  # {"text": str} or {"blank": width_chars, "label": str}
    options: list[Option] = field(default_factory=list)
    columns: int = 1  # how many columns the options fit in
    left: list[str] = field(default_factory=list)  # matching: numbered 1, 2, ...
    right: list[Option] = field(default_factory=list)  # matching: lettered, shuffled
    order_slots: int = 0  # ordering: how many blanks for the letters
    lines: int = 0  # short answer: writing lines; essay: height of the box in lines
    points: int = 0
    answer: str = ""
    quote: str = ""
    cite: str = ""  # "line 3" / "lines 14-15" when the passage is printed
    explanation: str = ""

    @property
    def prompt_text(self) -> str:
        return "".join(s.get("text", "_____") for s in self.segments)


@dataclass
class Part:
    type: str
    heading: str
    instruction: str
    items: list[Item]
    points: int = 0


@dataclass
class Worksheet:
    """One version of the worksheet and its answer key."""

    title: str
    source: str
    version: str  # "" when there is one version, else "A", "B", ...
    paper: str
    parts: list[Part]
    passage: list[PassageLine] = field(default_factory=list)
    points: int = 0  # total; 0 when points are not shown

    def items(self) -> list[Item]:
        return [it for p in self.parts for it in p.items]

    def stem(self, slug: str, kind: str) -> str:
        """The file name without extension: ``<slug>-worksheet`` or ``<slug>-answer-key-B``."""
        base = f"{slug}-{'worksheet' if kind == 'worksheet' else 'answer-key'}"
        return f"{base}-{self.version}" if self.version else base

    def to_data(self, kind: str) -> dict[str, Any]:
        """Plain JSON-able data for a template (Typst reads it with ``json()``)."""
        d = asdict(self)
        d["kind"] = kind
        for part in d["parts"]:
            for it in part["items"]:
                it["prompt_text"] = "".join(s.get("text", "_____") for s in it["segments"])
        return d


@dataclass
class Settings:
    seed: int = 0
    versions: int = 1
    paper: str = "a4"
    with_passage: bool = False
    points: dict[str, int] | None = None


def settings(options: dict[str, Any], default_seed: int = 0) -> Settings:
    """Read and check the worksheet options; a bad value is the user's to fix."""
    # None is "not given" (a CLI option left unset), not a value to check.
    raw = options.get("seed")
    try:
        seed = default_seed if raw is None else int(raw)
    except (TypeError, ValueError):
        raise QuizgenError(f"seed must be a whole number, not {raw!r}") from None
    raw = options.get("versions")
    raw = 1 if raw is None else raw
    try:
        versions = int(raw)
    except (TypeError, ValueError):
        raise QuizgenError(f"versions must be a whole number, not {raw!r}") from None
    if not 1 <= versions <= len(LETTERS):
        raise QuizgenError(f"versions must be between 1 and {len(LETTERS)}, not {versions}")
    paper = str(options.get("paper") or "a4").lower()
    if paper not in PAPERS:
        raise QuizgenError(f"paper must be a4 or letter, not {paper!r}")
    return Settings(
        seed=seed,
        versions=versions,
        paper=paper,
        with_passage=bool(options.get("with_passage", False)),
        points=_points(options.get("points")),
    )


def _points(raw: Any) -> dict[str, int] | None:
    """``True`` for the default points, a number for every question, or a per-type dict."""
    if raw is None or raw is False:
        return None
    if raw is True:
        return dict(DEFAULT_POINTS)
    try:
        if isinstance(raw, dict):
            return {**DEFAULT_POINTS, **{str(k): int(v) for k, v in raw.items()}}
        return {t: int(raw) for t in PARTS}
    except (TypeError, ValueError):
        raise QuizgenError(
            f"points must be true, a number or a type: number map, not {raw!r}"
        ) from None


def build(qset: QuestionSet, options: dict[str, Any]) -> list[Worksheet]:
    """One worksheet per version, each with its own question and option order."""
    st = settings(options, qset.seed)
    passage = passage_lines(qset.article) if st.with_passage else []
    a = qset.article
    source = " · ".join(x for x in (a.outlet, a.author, a.date) if x)
    used: dict[str, list[list[int]]] = {}  # every permutation given out so far, per list
    sheets = []
    for v in range(st.versions):
        letter = LETTERS[v] if st.versions > 1 else ""
        shuffle = _Shuffler(st.seed, v, used)
        parts = _parts(qset.questions, shuffle, st.points, passage)
        total = sum(p.points for p in parts) if st.points else 0
        sheets.append(
            Worksheet(qset.display_title, source, letter, st.paper, parts, passage, total)
        )
    return sheets


class _Shuffler:
    """Deterministic permutations for one version.

    Each list is shuffled from the seed, the version and the question's id, not from a shared
    random stream, so deleting one question leaves every other question's letters alone.
    Version A (and a single version) keeps the delivered order, matching the other exports.
    """

    def __init__(self, seed: int, version: int, used: dict[str, list[list[int]]]):
        self.seed, self.version, self.used = seed, version, used

    def perm(self, key: str, n: int, *, always: bool = False, avoid: list[int] | None = None):
        seen = self.used.setdefault(key, [])
        ident = list(range(n))
        if self.version == 0 and not always:
            seen.append(ident)
            return ident
        rng = random.Random(f"{self.seed}/{self.version}/{key}")
        draws = []
        for _ in range(32):
            draws.append(ident[:])
            rng.shuffle(draws[-1])
        giveaway = [avoid] if avoid else []
        # Best: an order no earlier version used that gives nothing away. A short list has
        # too few orders for that; then at least differ from the version handed out just
        # before (neighbours get A, B, C, A, ...), then at least give nothing away.
        for bad in (giveaway + seen, giveaway + seen[-1:], giveaway):
            order = next((d for d in draws if d not in bad), None)
            if order is not None:
                break
        else:
            order = draws[0]
        seen.append(order)
        return order


def _parts(questions, shuffle: _Shuffler, points, passage) -> list[Part]:
    by_type: dict[str, list[Question]] = {}
    for q in questions:
        by_type.setdefault(q.type if q.type in PARTS else "short_answer", []).append(q)
    parts, number = [], 0
    for qtype, (heading, instruction) in PARTS.items():
        qs = by_type.get(qtype)
        if not qs:
            continue
        order = shuffle.perm(f"part:{qtype}", len(qs))
        items = []
        for i in order:
            number += 1
            items.append(_item(qs[i], qtype, number, shuffle, points, passage))
        part_points = sum(it.points for it in items)
        parts.append(Part(qtype, heading, instruction, items, part_points))
    return parts


def _item(q: Question, qtype: str, number: int, shuffle: _Shuffler, points, passage) -> Item:
    it = Item(number=number, qid=q.id, type=qtype, segments=[{"text": q.prompt}])
    it.quote = " ".join(q.evidence.text.split())  # a quote across paragraphs reads as one
    it.explanation = q.explanation
    it.cite = cite_lines(passage, q.evidence.start, q.evidence.end) if passage else ""
    if qtype in ("mcq", "multi_select") and q.choices:
        order = shuffle.perm(f"options:{q.id}", len(q.choices))
        it.options = [Option(LETTERS[k], q.choices[i]) for k, i in enumerate(order)]
        it.columns = _columns(q.choices)
        right = sorted(
            (LETTERS[order.index(i)], q.choices[i]) for i in set(q.correct) if i in order
        )
        letters, shown = ", ".join(r[0] for r in right), "; ".join(r[1] for r in right)
        it.answer = f"{letters} ({shown})" if right else q.answer
    elif qtype == "true_false":
        it.answer = q.choices[q.correct[0]] if q.choices and q.correct else q.answer
    elif qtype == "matching" and q.pairs:
        n = len(q.pairs)
        rows = shuffle.perm(f"left:{q.id}", n)
        cols = shuffle.perm(f"right:{q.id}", n, always=True, avoid=rows)
        it.left = [q.pairs[i][0] for i in rows]
        it.right = [Option(LETTERS[k], q.pairs[i][1]) for k, i in enumerate(cols)]
        it.answer = ", ".join(f"{k + 1}–{LETTERS[cols.index(i)]}" for k, i in enumerate(rows))
    elif qtype == "ordering" and q.choices:
        order = shuffle.perm(f"items:{q.id}", len(q.choices), avoid=q.correct)
        it.options = [Option(LETTERS[k], q.choices[i]) for k, i in enumerate(order)]
        it.order_slots = len(q.choices)
        it.answer = ", ".join(LETTERS[order.index(i)] for i in q.correct if i in order)
    elif qtype == "cloze":
        it.segments, blanks = cloze_segments(q.prompt)
        it.answer = "; ".join(blanks) if blanks else q.answer
    elif qtype == "essay":
        it.lines = 10
        it.answer = q.answer
    else:  # short_answer, or a choice question that came without choices
        it.lines = min(6, max(2, math.ceil(len(q.answer) / 45) + 1))
        it.answer = q.answer
    if points:
        per = points.get(qtype, 1)
        if qtype == "matching" and "matching" not in points:
            per = max(1, len(it.left))
        elif qtype == "cloze" and "cloze" not in points:
            per = max(1, sum(1 for s in it.segments if "blank" in s))
        it.points = per
    return it


def _columns(choices: list[str]) -> int:
    """Four options side by side when they are short words, two when short phrases."""
    longest = max((len(c) for c in choices), default=0)
    if longest <= 14 and len(choices) <= 4:
        return len(choices)
    return 2 if longest <= 34 else 1


def cloze_segments(prompt: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The prompt as text and blanks, and the key's answers ("repairs" or "(1) x; (2) y")."""
    matches = list(CLOZE.finditer(prompt))
    groups = sorted({int(m.group(1)) for m in matches})
    label = {g: str(k + 1) for k, g in enumerate(groups)} if len(groups) > 1 else {}
    segments: list[dict[str, Any]] = []
    answers: dict[int, str] = {}
    pos = 0
    for m in matches:
        if m.start() > pos:
            segments.append({"text": prompt[pos : m.start()]})
        g, ans, hint = int(m.group(1)), m.group(2), m.group(3)
        answers.setdefault(g, ans)
        segments.append({"blank": max(10, len(ans) + 4), "label": label.get(g, "")})
        if hint:
            segments.append({"text": f" ({hint})"})
        pos = m.end()
    if pos < len(prompt):
        segments.append({"text": prompt[pos:]})
    if label:
        keys = [f"({label[g]}) {answers[g]}" for g in groups]
    else:
        keys = [answers[g] for g in groups]
    return segments or [{"text": prompt}], keys


def passage_lines(article: Article, width: int = PASSAGE_WIDTH) -> list[PassageLine]:
    """The article's body broken into numbered lines, each knowing its offsets."""
    text = article.text
    spans = [(b.start, b.end) for b in article.body_blocks()]
    if not spans:
        spans, pos = [], 0
        for m in re.finditer(r"\n\s*\n", text):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(text)))
    lines: list[PassageLine] = []
    for start, end in spans:
        words: list[tuple[int, int]] = []
        for m in re.finditer(r"\S+", text[start:end]):
            s, e = start + m.start(), start + m.end()
            # A word longer than a line (a URL) is cut, so no line overflows its width.
            words.extend((p, min(p + width, e)) for p in range(s, e, width))
        first = True
        cur: list[tuple[int, int]] = []
        length = 0
        for w in words + [None]:
            if w is None or (cur and length + 1 + (w[1] - w[0]) > width):
                if cur:
                    line = " ".join(text[s:e] for s, e in cur)
                    lines.append(PassageLine(len(lines) + 1, line, cur[0][0], cur[-1][1], first))
                    first = False
                cur, length = [], 0
                if w is None:
                    break
            length += (1 if cur else 0) + (w[1] - w[0])
            cur.append(w)
    return lines


def cite_lines(lines: list[PassageLine], start: int, end: int) -> str:
    """ "line 3" or "lines 14-15" for the lines a span of the article falls on, or ""."""
    hit = [ln.number for ln in lines if ln.start < end and start < ln.end]
    if not hit or end <= start:
        return ""
    lo, hi = hit[0], hit[-1]
    return f"line {lo}" if lo == hi else f"lines {lo}-{hi}"
