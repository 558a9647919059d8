"""The stages in order: ingest, analyze, extract, generate, select, export.

Each function takes the previous stage's plain data and returns the next; the CLI and the
tests call these and nothing deeper. Decks (a folder with deck.yaml) are read here too.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import registry
from .errors import QuizgenError
from .model import Article, Fact, QuestionSet

DEFAULT_FORMATS = ("anki", "pdf", "json")
DEFAULT_COUNT = 30
OPINION_MARKERS = (
    "the author is",
    "the views don't",
    "the views do not",
    "the writer is",
    "is a regular commentator",
)

# Headlines only a newspaper's own voice writes: "The Guardian view on ...", "Opinion: ...",
# "Let's see Turkey for what it really is" (round 183 read both as news and summed up their
# openings, a history lesson and "The first thing to say", as their main points).
OPINION_TITLE = re.compile(
    r"^(?:the [\w ]{1,20} view on\b|opinion\s*[:|–-]|comment\s*[:|–-]|editorial\s*[:|–-]"
    r"|our view\b|let['’]s\b)",
    re.I,
)


@dataclass
class Deck:
    """What deck.yaml says: the article and how to build from it."""

    article: Path
    title: str = ""
    count: int = DEFAULT_COUNT
    formats: tuple[str, ...] = DEFAULT_FORMATS
    seed: int = 0
    versions: int = 1
    options: dict[str, Any] = field(default_factory=dict)
    folder: Path | None = None


def bundled_deck() -> Path:
    from .io import packaged_folder

    return packaged_folder("quizgen.decks", "decks") / "hanoi-summit"


def read_deck(folder: Path) -> Deck:
    path = Path(folder) / "deck.yaml"
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError as exc:
        raise QuizgenError(f"{path}: malformed YAML: {exc}") from exc
    except OSError as exc:
        raise QuizgenError(f"cannot read {path}: {exc.strerror}") from exc
    if not isinstance(data, dict) or "article" not in data:
        raise QuizgenError(f"{path}: needs an 'article' entry naming the article file")
    base = Path(folder).resolve()
    article = (base / str(data["article"])).resolve()
    # A deck may only read files inside its own folder.
    if base not in article.parents:
        raise QuizgenError(f"{path}: article path '{data['article']}' is outside the deck folder")
    known = {"article", "title", "count", "formats", "seed", "versions", "options"}
    unknown = set(data) - known
    if unknown:
        raise QuizgenError(f"{path}: unknown key(s): {', '.join(sorted(unknown))}")
    try:
        return Deck(
            article=article,
            title=str(data.get("title", "")),
            count=int(data.get("count", DEFAULT_COUNT)),
            formats=tuple(data.get("formats", DEFAULT_FORMATS)),
            seed=int(data.get("seed", 0)),
            versions=int(data.get("versions", 1)),
            options=dict(data.get("options", {})),
            folder=base,
        )
    except (TypeError, ValueError) as exc:
        raise QuizgenError(f"{path}: {exc}") from exc


def ingest(source: str | Path, max_bytes: int = 5_000_000) -> Article:
    from .ingest import detect_language_problem, read_source

    article = read_source(source, max_bytes=max_bytes)
    # Only the body counts: page furniture would dilute the check.
    body = "\n".join(article.text[b.start : b.end] for b in article.body_blocks())
    problem = detect_language_problem(body)
    if problem:
        raise QuizgenError(f"{article.source}: {problem}")
    return article


def analyze(article: Article, model: str | None = None, cache: bool = True):
    return analyze_many([article], model, cache)[0]


def analyze_many(articles: list[Article], model: str | None = None, cache: bool = True):
    """The articles' analyses, their parses run together (see nlp.analyze_many)."""
    from . import nlp

    analyses = nlp.analyze_many(articles, model, cache=cache)
    for analysis in analyses:
        analysis.cache["opinion"] = is_opinion(analysis)
    return analyses


def is_opinion(analysis) -> bool:
    """An op-ed or column, whose unattributed claims are the author's own argument."""
    if OPINION_TITLE.search(analysis.article.title):
        return True
    body = " ".join(analysis.article.text[b.start : b.end] for b in analysis.article.body_blocks())
    low = body.lower()
    if any(m in low for m in OPINION_MARKERS):
        return True
    if not analysis.docs:
        return False
    from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER

    from .extract.base import in_quotes, not_a_pronoun, usable_sentences

    first_person = 0
    # Each doc's words as ids of their lower-case forms, their lemmas and their relations:
    # read as arrays, a Token object only for the few words that matter.
    arrays: dict[int, tuple[list[int], ...]] = {}
    # The ids the arrays hold, from the vocabulary (its docs share one): a string's hash,
    # or spaCy's own symbol for some ("ccomp" is 408). Worked out once, not once a sentence.
    strings = analysis.docs[0].vocab.strings

    def ids(words) -> set[int]:
        return {strings[w] for w in words}

    wanted = ids(("i", "me", "my"))
    reporting = ids(REPORTING)
    clauses = ids(("ROOT", "parataxis", "ccomp"))
    according, to = strings["according"], strings["to"]
    voice = {"arguing": ids(ARGUING), "question": strings["?"], "quotes": ids('"“”')}
    sentences = reported = argued = 0  # argued: marks of the writer's voice (see _argues)
    for sent, _ in usable_sentences(analysis):  # sentences of someone's quotation excluded
        doc = sent.doc
        if id(doc) not in arrays:
            table = doc.to_array([LOWER, LEMMA, DEP, IS_SPACE]).T.tolist()
            arrays[id(doc)] = tuple(table) if table else ([], [], [], [])
        words, lemmas, deps, spaces = arrays[id(doc)]
        sentences += 1
        span = range(sent.start, sent.end)
        if any(lemmas[i] in reporting and deps[i] in clauses for i in span) or any(
            words[i] == according and i + 1 < sent.end and words[i + 1] == to for i in span
        ):
            reported += 1  # "X said ...", "according to X": a report of someone's words
        else:
            argued += _argues(sent, words, spaces, voice)
        for i in range(sent.start, sent.end):
            # "I" inside a quotation is the speaker, not the writer; "we" and "our" are common
            # in explainers and reports, so only "I", "me" and "my" count. (Read from the
            # doc's array: a Token object only for those words.)
            if words[i] in wanted and doc[i].pos_ == "PRON" and not in_quotes(doc[i]):
                first_person += not not_a_pronoun(doc[i], sent.start) and not _quote_goes_on(
                    sent, i
                )
    # An editorial need not say "I": it argues in its own voice ("we must", "should the
    # government ...?") and reports little. Measured on 30 editorials and 525 reports and
    # encyclopedia entries (round 147): this finds 7 of the 19 editorials without "I", and
    # takes 3 reports for opinion (two fact-checks, a travel feature in "we"). One that
    # reports next to nothing may argue less often: measured on 70 editorials and 555 other
    # stories (round 153), that finds 9 more editorials and no other story.
    return first_person >= 3 or (
        sentences >= 8
        and (
            (argued >= ARGUED_SHARE * sentences and reported <= 0.25 * sentences)
            or (argued >= QUIET_ARGUED_SHARE * sentences and reported <= 0.05 * sentences)
        )
    )


ARGUING = ("should", "must", "ought", "we", "our", "us")
ARGUED_SHARE = 0.2
QUIET_ARGUED_SHARE = 0.12
REPORTING = {"say", "tell", "add", "announce", "report"}


def _argues(sent, words: list[int], spaces: list[int], voice: dict) -> int:
    """How many marks of the writer's own arguing voice a sentence shows, of three: an
    unquoted "should", "must" or "ought"; an unquoted "we", "our" or "us"; a question of the
    writer's own. (``words``: the doc's words as ids and ``spaces`` which are white space, so
    that a Token is made only for the words that matter; ``voice``: the ids looked for.)"""
    from .extract.base import in_quotes

    toks = [i for i in range(sent.start, sent.end) if not spaces[i]]
    asks = bool(toks) and words[toks[-1]] == voice["question"]
    marks = {"asks"} if asks and not any(words[i] in voice["quotes"] for i in toks) else set()
    for i in toks:
        if words[i] not in voice["arguing"]:
            continue
        tok = sent.doc[i]
        if in_quotes(tok):
            continue
        if tok.lower_ in ("we", "our", "us"):
            if tok.pos_ == "PRON":
                marks.add("we")
        elif tok.dep_ == "aux":
            marks.add("should")
    return len(marks)


def _quote_goes_on(sent, i: int) -> bool:
    """Whether token ``i`` is in the tail of a quotation opened in an earlier sentence: the
    sentence's first quotation mark comes after it and closes ('and I'm getting a little more
    depth," he said'; round 63 took a match report for a column)."""
    marks = [t for t in sent if t.text in ('"', "“", "”") or t.tag_ == "''"]
    return len(marks) % 2 == 1 and marks[0].i > i and marks[0].text != "“"


def extract(analysis, names: list[str] | None = None) -> list[Fact]:
    return extract_many([analysis], names)[0]


def extract_many(analyses: list, names: list[str] | None = None) -> list[list[Fact]]:
    """Each analysis's facts. The questions the extractors judge are parsed in batches, those
    of all the analyses together (see extract/base.py): a batch of articles pays spaCy's cost
    per call once, not once an article."""
    from .extract.base import guessing_many

    extractors = [
        registry.load("extractors", plugin.name)
        for plugin in registry.plugins("extractors")
        if names is None or plugin.name in names
    ]
    runs = [
        (analysis, lambda e=extractor, a=analysis: e.extract(analysis=a))
        for analysis in analyses
        for extractor in extractors
    ]
    found = guessing_many(runs)
    out = []
    for k, analysis in enumerate(analyses):
        seen: set[str] = set()
        unique = []
        for got in found[k * len(extractors) : (k + 1) * len(extractors)]:
            for f in got:
                if f.id not in seen:
                    seen.add(f.id)
                    unique.append(f)
        _mark_sentences(analysis, unique)
        out.append(unique)
    return out


def _mark_sentences(analysis, facts: list[Fact]) -> None:
    """Record on each fact what selection needs from the sentences its evidence touches, here
    once for every extractor, plug-ins included: the phrases that point back to something
    they do not name ("the case", "meanwhile"), which a question may not keep, and the level
    of the last of them, the one the question asks about (see extract/centrality.py)."""
    from .extract.base import span_text, tokens
    from .extract.centrality import sentence_level
    from .extract.coref import pointing_phrases
    from .extract.naming import bare_surnames, named_phrases, shared_surnames, spelt_out
    from .frequency import modal_slips, typos
    from .kinds import norm

    sents = analysis.sentences()
    # In reading order and never overlapping, so both ends rise: the sentences a fact's
    # evidence touches are a run found by bisection, not by testing every sentence.
    starts = [off + s.start_char for s, off in sents]
    ends = [off + s.end_char for s, off in sents]
    phrases: dict[int, list[str]] = {}  # each sentence's, found once however many facts
    slips: dict[int, dict[str, str]] = {}
    names: dict[int, dict[str, str]] = {}
    surnames: dict[int, dict[str, str]] = {}
    levels: dict[int, int] = {}
    title = f" {norm(analysis.article.title)} "
    for f in facts:
        if f.kind == "entity" and _headline_names(f, title):
            f.slots["headline"] = True  # a stand-in for another name only where that is too
        touched = range(bisect_right(ends, f.evidence.start), bisect_left(starts, f.evidence.end))
        found: list[str] = []
        typo: dict[str, str] = {}
        named: dict[str, str] = {}
        full: dict[str, str] = {}
        for k in touched:
            if k not in phrases:
                phrases[k] = pointing_phrases(sents[k][0], analysis)
                phrases[k] += shared_surnames(sents[k][0], analysis)
                names[k] = named_phrases(sents[k][0], analysis)
                names[k].update(spelt_out(sents[k][0], analysis))  # "the CBC": which?
                surnames[k] = bare_surnames(sents[k][0], analysis)
                slips[k] = typos(span_text(sents[k][0], analysis))
                slips[k].update(modal_slips(tokens(sents[k][0], analysis)))
            found.extend(p for p in phrases[k] if p not in found)
            typo.update(slips[k])
            named.update(names[k])
            full.update(surnames[k])
        shown_as = f.slots.get("named_as", "").lower()
        # A phrase generation says in full ("the 2002 movie Tears of the Sun") is no longer vague.
        said = {bare.lower() for bare in named}
        found = [p for p in found if p.lower() not in shown_as and p.lower() not in said]
        if found:
            f.slots["vague"] = found
        if typo:
            f.slots["typos"] = typo  # "minimsed" -> "minimised" (see frequency.correction)
        if named:
            f.slots["named"] = named
        if full:
            f.slots["surnames"] = full  # "Li" -> "Li Shiping"
        if touched and touched[-1] not in levels:
            levels[touched[-1]] = sentence_level(touched[-1], sents[touched[-1]][0], analysis)
        f.slots["central"] = levels[touched[-1]] if touched else 0


def _headline_names(entity: Fact, title: str) -> bool:
    """Whether the headline (``title``, normalised, padded with spaces) names the entity, by
    any of its names or, for a person, by surname ("Tautou 'to star in Da Vinci film'")."""
    from .kinds import norm, surname

    names = entity.names()
    if entity.slots.get("label") == "PERSON":
        names += [surname(n) for n in names if len(n.split()) > 1]
    return any(f" {norm(n)} " in title for n in names if norm(n))


def facts_for(
    article: Article,
    model: str | None = None,
    cache: bool = True,
    analysis=None,
    extracted: list[Fact] | None = None,
) -> list[Fact]:
    """Analyze and extract. With the cache on, an article seen before gives its facts back
    without spaCy, so a rebuild after editing templates or questions skips the parse.
    ``analysis``, when given, is the article's analysis already made (by ``analyze_many``);
    ``extracted`` its facts already extracted (by ``extract_many``), stored as extraction's."""

    def run() -> list[Fact]:
        if extracted is not None:
            return extracted
        return extract(analysis if analysis is not None else analyze(article, model, cache=cache))

    if not cache:
        return run()
    from .cache import cached_facts

    return cached_facts(article, model, run)


def facts_cached(article: Article, model: str | None = None) -> bool:
    """Whether ``facts_for`` would find the article's facts in the cache, without the parse."""
    from .cache import facts_key, path_for

    entry_key = facts_key(article, model)
    return bool(entry_key) and path_for("facts", entry_key).is_file()


def generate(facts: list[Fact], seed: int = 0, template_dirs: list[Path] | None = None):
    from .generate import generate as run
    from .templates import load_templates

    templates = load_templates(template_dirs)
    return run(facts, templates, seed)


def select(
    questions, count: int = DEFAULT_COUNT, seed: int = 0, facts: list[Fact] = (), title: str = ""
):
    from .extract.coref import loose
    from .kinds import YEAR, norm
    from .select import select as run

    own_vague = {f.id: {p.lower() for p in f.slots.get("vague", [])} for f in facts}
    vague = set().union(*own_vague.values())
    # Facts from before centrality was marked (an old facts.yaml) count as central.
    side = {f.id: int(f.slots.get("central", 2)) for f in facts}
    return run(
        questions,
        count,
        seed,
        vague=vague,
        own_vague=own_vague,
        loose={p for p in vague if loose(p)},
        # A slip with one correction is mended in generation; one with several is refused.
        typos={
            f.id: {w for w, fix in f.slots["typos"].items() if not fix}
            for f in facts
            if f.slots.get("typos")
        },
        title=title,
        side=side,
        about=about(facts),
        most=most_named(facts),
        once=named_once(facts),
        named={norm(n) for f in facts if f.kind == "entity" for n in f.names()} if facts else None,
        years={y for f in facts for y in YEAR.findall(f.evidence.text)} if facts else None,
    )


def named_once(facts: list[Fact]) -> set[str]:
    """The names the article gives once and never comes back to, by any of their names: a
    passer-by, a co-author, a company named in passing. Blind reviews (rounds 14 to 34)
    kept about one in five blanks, short answers and multiple-choice keys that were such a
    name, against two in five keyed to a name the article repeats."""
    return {
        n
        for f in facts
        if f.kind == "entity" and int(f.slots.get("mentions", 2)) <= 1
        for n in f.names()
        if n
    }


def most_named(facts: list[Fact]) -> set[str]:
    """The names the article gives most often (three times or more), ties included, with
    their other names: a blank on one ("_____ is a 3D-printable high-temperature material" in
    a story on GRX-810 and NASA, "_____ has been criticised" in one on Ridley Scott) asks
    what every line of the article says. A blind review of refused and delivered blanks kept
    1 of 26 such (round 164)."""
    counts = [
        (int(f.slots.get("mentions", 0)), f)
        for f in facts
        if f.kind == "entity" and f.slots.get("name")
    ]
    top = max((n for n, _ in counts), default=0)
    if top < 3:
        return set()
    return {n for m, f in counts if m == top for n in f.names() if n}


def about(facts: list[Fact]) -> set[str]:
    """The names a question keyed to gives itself away: the one the article is about, where
    one name clearly leads the others ("France" in a story on French wine), the place it is
    set in, where one place leads, with their other names, and the only person it names
    ("Who cited the late 1980s ...?" in a story quoting one person)."""
    from .kinds import leader, place_of

    found = set()
    name = leader(
        (int(f.slots.get("mentions", 0)), f.slots.get("name", ""))
        for f in facts
        if f.kind == "entity" and f.slots.get("label") in ("PERSON", "ORG", "GPE")
    )
    if name:
        found.add(name)
    # "Where have 80,000 people died?" in a story on the US: the place it is set in, however
    # often a person outnumbers it.
    place = place_of(facts)
    if place:
        found.add(place)
    for f in facts:
        if f.kind == "entity" and f.slots.get("name") in found:
            found.update(f.slots.get("aliases") or [])
    people = [
        f.slots.get("name", "")
        for f in facts
        if f.kind == "entity" and f.slots.get("label") == "PERSON"
    ]
    if len(people) == 1:
        found.add(people[0])
    return found


def questions_for(
    article: Article,
    *,
    count: int = DEFAULT_COUNT,
    seed: int = 0,
    model: str | None = None,
    title: str = "",
    cache: bool = True,
    analysis=None,
    extracted: list[Fact] | None = None,
) -> tuple[QuestionSet, list[Fact], dict]:
    facts = facts_for(article, model, cache=cache, analysis=analysis, extracted=extracted)
    questions, failures = generate(facts, seed)
    chosen, rejected = select(questions, count, seed, facts, article.title)
    qset = QuestionSet(article=article, questions=chosen, seed=seed, title=title, rejected=rejected)
    return qset, facts, failures


def export(qset: QuestionSet, formats, out_dir: Path, options: dict[str, Any], force: bool = False):
    """Write every format; returns (paths, {format: {question id: why it was left out}}).

    An existing file is replaced only if quizgen wrote it (see quizgen.io), or with ``force``.
    """
    from .io import guarded_outputs

    out_dir = Path(out_dir)
    exporters = [registry.exporter(name) for name in formats]  # fail on a bad name first
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QuizgenError(f"cannot create output folder {out_dir}: {exc.strerror}") from exc
    paths: list[Path] = []
    skipped: dict[str, dict[str, str]] = {}
    for exp in exporters:
        carried = [q for q in qset.questions if q.type in exp.types]
        left = {q.id: f"{q.type} not carried" for q in qset.questions if q.type not in exp.types}
        part = QuestionSet(
            article=qset.article, questions=carried, seed=qset.seed, title=qset.title
        )
        try:
            with guarded_outputs(out_dir, force=force):
                written = exp.export(
                    qset=part, out_dir=out_dir, options=dict(options, seed=qset.seed)
                )
        except OSError as exc:
            raise QuizgenError(f"cannot write to {out_dir}: {exc.strerror or exc}") from exc
        paths.extend(written)
        reasons = getattr(exp, "skip_reasons", None) or {}
        for qid in getattr(exp, "skipped", None) or []:
            left.setdefault(qid, reasons.get(qid, "the format cannot hold it"))
        if left:
            skipped[exp.name] = left
    return paths, skipped
