"""The plugin interfaces: what an extractor, a template pack and an exporter provide.

quizgen finds plugins through three entry-point groups. The built-ins register through the
same groups in quizgen's own pyproject.toml, so they are listed and loaded exactly like a
third-party plugin::

    [project.entry-points."quizgen.extractors"]
    mykind = "my_pkg.extract:MyExtractor"

    [project.entry-points."quizgen.templates"]
    mypack = "my_pkg:template_folder"      # a function returning a folder of *.yaml

    [project.entry-points."quizgen.exporters"]
    myformat = "my_pkg.export:MyExporter"

Each entry point names a class (or, for templates, a function). quizgen instantiates a class
with no arguments. Calls are keyword-only, so a plugin written today keeps working when a
later quizgen passes more keywords. A plugin that lacks a required attribute or method is
rejected with an error that names the plugin and what it lacks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .model import Fact, QuestionSet
    from .nlp import Analysis


@runtime_checkable
class Extractor(Protocol):
    """Turns an analysed article into facts of one or more kinds.

    ``kinds``: the fact kinds it produces (from ``quizgen.model.FACT_KINDS`` or new ones that
    a template pack consumes).

    ``extract(*, analysis)``: returns a list of ``Fact``. ``analysis`` is a
    ``quizgen.nlp.Analysis``: the article plus one spaCy ``Doc`` per body block, each with
    the block's offset, so ``analysis.span(token_or_span)`` gives exact ``Evidence``. It must
    be deterministic and must not modify the analysis.
    """

    kinds: tuple[str, ...]

    def extract(self, *, analysis: Analysis) -> list[Fact]: ...


@runtime_checkable
class Exporter(Protocol):
    """Writes a question set to files.

    ``name``: the format name used with ``-f``. ``description``: one line for
    ``quizgen formats``. ``types``: the question types it can carry; quizgen reports any
    question it had to leave out, never drops one silently.

    ``export(*, qset, out_dir, options)``: writes the files into ``out_dir`` (which exists)
    and returns their paths. ``options`` is a dict of format options from the command line
    or deck.yaml (unknown keys are to be ignored). Write through ``quizgen.io.atomic_write``
    so that a failed run leaves no half-written file. Raise ``QuizgenError`` for a problem
    the user can fix.
    """

    name: str
    description: str
    types: tuple[str, ...]

    def export(
        self, *, qset: QuestionSet, out_dir: Path, options: dict[str, Any]
    ) -> list[Path]: ...


def template_folder() -> Path:
    """A ``quizgen.templates`` entry point: a function that returns a folder of YAML templates.

    Every ``*.yaml`` file in it holds one template or a list of templates; see
    ``question_templates/README.md`` for the template format.
    """
    raise NotImplementedError
