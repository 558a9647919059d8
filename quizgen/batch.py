"""``quizgen batch``: many articles at once, in worker processes, with the same files whatever
the number of workers.

- The inputs are sorted, and everything that depends on more than one article (a slug shared
  by two articles, the combined bank, the report) is decided in that order, so ``-j`` only
  changes how fast the files appear, never their names or bytes.
- The parent reads each article (ingest is cheap) before handing it on, because the slug comes
  from the title and must be made unique before any file is named after it.
- A worker does the expensive part, from the spaCy parse to the selected question set.
  Workers are started with ``spawn`` (spaCy and its BLAS threads do not survive ``fork``
  well) and each loads the model once, lazily, through ``nlp.load``'s cache.
- A worker gets a few consecutive articles at a time and parses those not in the cache
  together, so spaCy fills its batches across articles (see ``nlp.analyze_many``). At most
  two such chunks per worker are in flight, so memory stays bounded however many articles
  there are; towards the end the chunks get smaller, so the workers finish together.
- The parent writes the files, as each question set arrives: the list of what quizgen wrote
  in a folder (``quizgen.io``) is one file that every write reads and rewrites, and a single
  writer keeps it whole.
- An article that fails is an :class:`Outcome` with the reason; the others go on.
- A worker process that dies (killed, out of memory) breaks the pool: the run stops with
  one error, every file already written whole and no combined bank.
- The combined bank holds one category per article: always as JSON (``combined.json``, the
  shape of ``quizgen/schema/combined-bank.schema.json``), and in each requested format that
  has categories (yaml, gift, moodle, qti). The other formats have no notion of a category.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from glob import glob
from pathlib import Path
from typing import Any

from . import __version__, pipeline, registry
from .errors import QuizgenError
from .io import atomic_write, guarded_outputs, yaml_text
from .model import Article, QuestionSet

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
COMBINED_NAME = "combined"
# Formats whose combined file has one category per article (json is always written).
COMBINED_FORMATS = ("json", "yaml", "gift", "moodle", "qti")
_GLOB_MAGIC = re.compile(r"[*?[]")
MAX_REASONS = 4  # per format, in the summary after a run
# A chunk of articles closes when its texts fill one of spaCy's batches (nlp.analyze_many).
CHUNK_TEXTS = 64


@dataclass
class Job:
    """What a worker needs for one article: everything is already decided by the parent."""

    article: Article
    count: int
    seed: int
    model: str | None


@dataclass
class Outcome:
    """One article's result: its files and question set, or why it failed."""

    path: Path
    slug: str = ""
    qset: QuestionSet | None = None
    files: list[Path] = field(default_factory=list)
    skipped: dict[str, dict[str, str]] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    def message(self) -> str:
        """The failure as one line that names the article."""
        return self.error if str(self.path) in self.error else f"{self.path}: {self.error}"


@dataclass
class Result:
    outcomes: list[Outcome]  # in sorted input order
    combined: list[Path]
    uncombined: list[str]  # requested formats that have no combined file


def find_inputs(specs: Iterable[str]) -> list[Path]:
    """The articles named by folders (their .txt/.md/.html/.htm files, not hidden ones, not
    recursive), glob patterns and plain paths, without repeats, sorted by absolute path."""
    found: dict[str, Path] = {}
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            # Hidden files are not articles (macOS leaves a binary "._name.txt" beside each).
            matches = [p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES]
            matches = [p for p in matches if p.is_file() and not p.name.startswith(".")]
            if not matches:
                raise QuizgenError(f"{spec}: no .txt, .md, .html or .htm file in this folder")
        elif path.exists() or not _GLOB_MAGIC.search(spec):
            matches = [path]  # a missing file fails on its own, and the others go on
        else:
            matches = [Path(p) for p in glob(spec, recursive=True) if Path(p).is_file()]
            if not matches:
                raise QuizgenError(f"no file matches {spec}")
        for p in matches:
            found.setdefault(os.path.abspath(p), p)
    return [found[k] for k in sorted(found)]


def unique_slug(slug: str, taken: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... when an earlier article (or the combined bank)
    has it; adds the result to ``taken``."""
    name, n = slug, 1
    while name in taken or name == COMBINED_NAME:
        n += 1
        name = f"{slug}-{n}"
    taken.add(name)
    return name


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(
    paths: list[Path],
    out_dir: Path,
    formats: tuple[str, ...],
    *,
    jobs: int | None = None,
    count: int = pipeline.DEFAULT_COUNT,
    seed: int = 0,
    model: str | None = None,
    max_size: int = 5_000_000,
    options: dict[str, Any] | None = None,
    progress: Callable[[Outcome], None] | None = None,
    force: bool = False,
) -> Result:
    """Build every article in ``paths`` (sorted), write its files and the combined bank."""
    from . import nlp

    formats = tuple(dict.fromkeys(formats or ("json",)))
    for name in formats:
        registry.exporter(name)  # an unknown format fails once, before any work
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QuizgenError(f"cannot create output folder {out_dir}: {exc.strerror}") from exc
    # Decided once here, so every worker loads the same model whatever its environment.
    model = nlp.model_name(model)
    jobs = max(1, min(jobs or default_jobs(), len(paths)))
    outcomes: list[Outcome | None] = [None] * len(paths)

    def done(i: int, outcome: Outcome) -> None:
        outcome.path = paths[i]  # as the user named it, whatever the worker saw
        if outcome.ok and outcome.qset is not None:
            opts = dict(options or {})
            # The article's own time, as `quizgen build` uses: same input, same files.
            opts.setdefault("timestamp", _mtime(paths[i]))
            try:
                outcome.files, outcome.skipped = pipeline.export(
                    outcome.qset, formats, out_dir, opts, force=force
                )
            except Exception as exc:  # noqa: BLE001 - any failure is this article's alone
                outcome.error = reason(exc)
        outcomes[i] = outcome
        if progress:
            progress(outcome)

    chunks = _chunks(_prepare(paths, count, seed, model, max_size), len(paths), jobs)
    if jobs == 1:
        for chunk in chunks:
            built = zip(chunk.indexes, build_many(chunk.jobs), strict=True)
            for i, outcome in [*chunk.failed, *built]:
                done(i, outcome)
    else:
        _run_pool(chunks, jobs, done)
    final = [o for o in outcomes if o is not None]
    good = [o.qset for o in final if o.ok and o.qset is not None]
    combined = []
    if good:
        with guarded_outputs(out_dir, force=force):
            combined = write_combined(good, formats, out_dir, seed, options or {})
    uncombined = [f for f in formats if f not in COMBINED_FORMATS]
    return Result(outcomes=final, combined=combined, uncombined=uncombined)


def _prepare(paths, count, seed, model, max_size) -> Iterator:
    """(index, Job) for each article that reads, (index, Outcome) for one that does not;
    lazily, so an article is read only shortly before a worker is free for it."""
    taken: set[str] = set()
    for i, path in enumerate(paths):
        try:
            article = pipeline.ingest(path, max_size)
        except Exception as exc:  # noqa: BLE001 - any failure is this article's alone
            yield i, Outcome(path=path, error=reason(exc))
            continue
        article.slug = unique_slug(article.slug, taken)
        yield i, Job(article, count, seed, model)


@dataclass
class Chunk:
    """Consecutive articles for one worker: the jobs, and the articles that failed to read."""

    indexes: list[int] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    failed: list[tuple[int, Outcome]] = field(default_factory=list)


def _chunks(prepared: Iterator, total: int, jobs: int) -> Iterator[Chunk]:
    """The prepared articles in chunks that close when their texts fill a spaCy batch. With
    more than one worker a chunk also holds at most a (2 * jobs)th of the articles left, so
    the last chunks are small and no worker is left with a long one at the end."""
    chunk, texts, left = Chunk(), 0, total
    for i, item in prepared:
        if isinstance(item, Outcome):
            chunk.failed.append((i, item))
        else:
            chunk.indexes.append(i)
            chunk.jobs.append(item)
            texts += len(item.article.body_blocks())
        size = len(chunk.indexes) + len(chunk.failed)
        if texts >= CHUNK_TEXTS or (jobs > 1 and size >= max(1, left // (2 * jobs))):
            left -= size
            yield chunk
            chunk, texts = Chunk(), 0
    if chunk.indexes or chunk.failed:
        yield chunk


def _run_pool(chunks: Iterator[Chunk], jobs: int, done) -> None:
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)
    pending: dict[Future, list[int]] = {}
    built = 0

    def collect() -> None:
        nonlocal built
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in finished:
            indexes = pending.pop(fut)
            try:
                outcomes = fut.result()
            except BrokenProcessPool:
                raise
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                outcomes = [Outcome(path=Path(), error=reason(exc))] * len(indexes)
            for i, outcome in zip(indexes, outcomes, strict=True):
                built += 1
                done(i, outcome)

    try:
        for chunk in chunks:
            for i, outcome in chunk.failed:
                done(i, outcome)
            if not chunk.jobs:
                continue
            while len(pending) >= 2 * jobs:
                collect()
            pending[pool.submit(build_many, chunk.jobs)] = chunk.indexes
        while pending:
            collect()
    except BrokenProcessPool as exc:
        # A worker died (killed, out of memory): the pool is broken and every article in
        # flight is lost with it, so the run stops before the combined bank is written. The
        # articles already built keep their files, each whole.
        _stop_workers(pool)
        # Wait for the pool's manager thread, which is closing the pool's pipes. Left running,
        # it can close its wakeup pipe while Python's exit hook (concurrent.futures'
        # _python_exit, which takes no lock) writes to it: "OSError: [Errno 9] Bad file
        # descriptor" and a traceback after our Error line. With every worker terminated
        # the wait is short, and the exit hook would wait for that thread anyway.
        pool.shutdown(wait=True, cancel_futures=True)
        raise QuizgenError(
            "a worker process stopped unexpectedly (killed, or out of memory?) after "
            f"{built} article(s); the batch was stopped and no combined file was written"
        ) from exc
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate a broken pool's workers. CPython does so itself, but misses a worker that
    it was starting at that moment, and then waits for it at exit for ever (the worker waits
    for work that never comes); ``_processes`` is private, hence the care."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except (OSError, ValueError, AttributeError):
            pass  # already gone or closed


def build_many(jobs: list[Job]) -> list[Outcome]:
    """Each article's question set, the parses and extractions of those whose facts are not
    in the cache run together; runs in a worker. Never raises."""
    analyses: dict[int, Any] = {}
    extracted: dict[int, Any] = {}
    if len(jobs) > 1:
        try:
            todo = [j for j in jobs if not pipeline.facts_cached(j.article, j.model)]
            analyses = dict(
                zip(
                    map(id, todo),
                    pipeline.analyze_many([j.article for j in todo], jobs[0].model),
                    strict=True,
                )
            )
        except Exception:  # noqa: BLE001 - then one by one, so a failure is its article's
            analyses = {}
        # Their facts together too, which parses the questions the extractors judge in one
        # batch for the chunk (see pipeline.extract_many).
        parsed = [j for j in jobs if id(j) in analyses]
        try:
            found = pipeline.extract_many([analyses[id(j)] for j in parsed])
            extracted = dict(zip(map(id, parsed), found, strict=True))
        except Exception:  # noqa: BLE001 - likewise
            extracted = {}
    # Each analysis is let go once its article is built.
    return [build(j, analyses.pop(id(j), None), extracted.pop(id(j), None)) for j in jobs]


def build(job: Job, analysis=None, extracted=None) -> Outcome:
    """One article's question set; runs in a worker. Never raises."""
    path, slug = Path(job.article.source), job.article.slug
    try:
        qset, _, failures = pipeline.questions_for(
            job.article,
            count=job.count,
            seed=job.seed,
            model=job.model,
            analysis=analysis,
            extracted=extracted,
        )
        if not qset.questions:
            raise QuizgenError("no questions could be made from it")
        qset.rejected = []  # not needed by the parent; keeps the result small
        return Outcome(path=path, slug=slug, qset=qset, failures=dict(failures or {}))
    except Exception as exc:  # noqa: BLE001 - any failure is this article's alone
        return Outcome(path=path, slug=slug, error=reason(exc))


def reason(exc: BaseException) -> str:
    """An exception as one line; a bug (not a QuizgenError) says what kind it was."""
    text = " ".join(str(exc).split())
    if isinstance(exc, QuizgenError):
        return text or "failed"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _mtime(path: Path) -> int:
    try:
        return int(Path(path).stat().st_mtime)
    except OSError:
        return 315532800


def report(result: Result, out_dir: Path) -> list[tuple[str, bool]]:
    """The lines to show after a run, each with whether it goes to standard error; failures
    and left-out questions are summed over the articles, one line per format or template."""
    from collections import Counter

    lines: list[tuple[str, bool]] = []
    left: dict[str, Counter] = {}
    articles: Counter = Counter()
    templates: Counter = Counter()
    for o in result.outcomes:
        if not o.ok:
            lines.append((f"failed: {o.message()}", True))
            continue
        asked = o.qset.how_many if o.qset else "0 questions"
        lines.append((f"{o.path} -> {o.slug}: {asked}, {len(o.files)} file(s)", False))
        for name, why in o.skipped.items():
            left.setdefault(name, Counter()).update(why.values())
            articles[name] += 1
        templates.update(o.failures)
    for name, reasons in sorted(left.items()):
        # The most frequent reasons; a length limit gives one reason per length, and listing
        # them all would bury the line.
        top = sorted(reasons.items(), key=lambda rn: (-rn[1], rn[0]))[:MAX_REASONS]
        total = sum(reasons.values())
        rest = total - sum(n for _, n in top)
        detail = "; ".join(f"{n}: {r}" for r, n in top)
        detail += f"; {rest}: other reasons" if rest else ""
        lines.append(
            (
                f"{name}: left out {total} question(s) in {articles[name]} article(s) ({detail})",
                True,
            )
        )
    for tid, n in sorted(templates.items()):
        lines.append((f"warning: template {tid} failed on {n} fact(s) and was skipped", True))
    lines += [(f"wrote {p}", False) for p in result.combined]
    if result.uncombined and result.combined:
        lines.append(
            (
                f"no combined file for {', '.join(result.uncombined)}: only "
                f"{', '.join(COMBINED_FORMATS)} hold a category per article",
                False,
            )
        )
    ok = sum(o.ok for o in result.outcomes)
    failed = len(result.outcomes) - ok
    lines.append((f"{ok} article(s) succeeded, {failed} failed; output in {out_dir}", False))
    return lines


# ---------------------------------------------------------------- the combined bank


def categories(qsets: list[QuestionSet]) -> list[QuestionSet]:
    """The question sets titled with their category names: the article's title, and its
    slug beside it when an earlier article has the same title."""
    seen: set[str] = set()
    named = []
    for qs in qsets:
        name = qs.display_title
        if name in seen:
            name = f"{name} ({qs.article.slug})"
        seen.add(name)
        named.append(QuestionSet(qs.article, qs.questions, qs.seed, name))
    return named


def combined_data(qsets: list[QuestionSet], seed: int) -> dict[str, Any]:
    return {
        "quizgen": __version__,
        "title": f"Questions from {len(qsets)} article{'s' if len(qsets) != 1 else ''}",
        "seed": seed,
        "categories": [{"name": qs.title, "bank": qs.to_dict()} for qs in categories(qsets)],
    }


def write_combined(
    qsets: list[QuestionSet], formats: Iterable[str], out_dir: Path, seed: int, options: dict
) -> list[Path]:
    """OUT/combined.json, and combined.<ext> for each requested format with categories."""
    data = combined_data(qsets, seed)
    paths = [atomic_write(out_dir / f"{COMBINED_NAME}.json", _json(data))]
    named = categories(qsets)
    writers = {"yaml": lambda: _yaml(data), "gift": lambda: combined_gift(named, options)}
    writers.update(
        moodle=lambda: combined_moodle(named, options), qti=lambda: combined_qti(named, options)
    )
    suffixes = {"yaml": ".yaml", "gift": ".gift.txt", "moodle": ".moodle.xml", "qti": ".qti.zip"}
    for name in formats:
        if name in writers:
            content = writers[name]()
            if content is not None:
                paths.append(atomic_write(out_dir / f"{COMBINED_NAME}{suffixes[name]}", content))
    return paths


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _yaml(data: dict) -> str:
    return yaml_text(data)


def _parts(exporter_cls, qsets: list[QuestionSet], options: dict) -> list[str | bytes]:
    """Each article's file content in one format, its title being its category."""
    parts = []
    for qs in qsets:
        exp = exporter_cls()
        carried = [q for q in qs.questions if q.type in exp.types]
        content = exp.write(qs, carried, dict(options, seed=qs.seed))
        if content is not None:
            parts.append(content)
    return parts


def combined_gift(qsets: list[QuestionSet], options: dict) -> str | None:
    """GIFT files follow one another: each opens with its own ``$CATEGORY:``."""
    from .exporters.gift import GiftExporter

    parts = _parts(GiftExporter, qsets, options)
    return "\n".join(parts) if parts else None


def combined_moodle(qsets: list[QuestionSet], options: dict) -> str | None:
    """One ``<quiz>``: each article's category question, then its questions."""
    from .exporters.moodle import MoodleExporter

    parts = _parts(MoodleExporter, qsets, options)
    if not parts:
        return None
    quiz = ET.Element("quiz")
    for part in parts:
        quiz.extend(list(ET.fromstring(part.encode("utf-8"))))
    ET.indent(quiz, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def combined_qti(qsets: list[QuestionSet], options: dict) -> bytes | None:
    """One package with one assessment per article, each a resource of the manifest, as in
    a Canvas course export: Canvas imports each as its own quiz."""
    from .exporters import qti
    from .exporters.bankutil import zip_bytes
    from .model import stable_id

    members: list[tuple[str, bytes]] = []
    aids: list[str] = []
    for part in _parts(qti.QtiExporter, qsets, options):
        with zipfile.ZipFile(io.BytesIO(part)) as zf:
            manifest = ET.fromstring(zf.read("imsmanifest.xml"))
            for res in manifest.iter(f"{{{qti.NS_CP}}}resource"):
                if res.get("type") == "imsqti_xmlv1p2":
                    aids.append(res.get("identifier", ""))
            members += [(i.filename, zf.read(i)) for i in zf.infolist()]
    if not aids:
        return None
    root = qti.manifest(aids[0])
    root.set("identifier", stable_id("quizgen", aids).replace("-", "_") + "_manifest")
    resources = root.find("resources")
    for aid in aids[1:]:
        resources.extend(list(qti.manifest(aid).find("resources")))
    body = [(n, d) for n, d in members if n != "imsmanifest.xml"]
    return zip_bytes([("imsmanifest.xml", qti.xml_bytes(root)), *body])
