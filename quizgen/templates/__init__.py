"""Question templates: YAML files whose strings are Jinja2, run in a sandbox.

A template names the fact kind it consumes and the question type it makes; its strings see
``slots`` (the fact's slots), ``fact`` (the whole fact as a dict) and ``evidence``. The format
is documented in question_templates/README.md. Templates come from every folder registered
under the ``quizgen.templates`` entry point, built-ins included.
"""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import QuizgenError
from ..model import BLOOM_LEVELS, FACT_KINDS, QUESTION_TYPES
from . import filters

FIELDS = {
    "id",
    "kind",
    "type",
    "bloom",
    "difficulty",
    "when",
    "prompt",
    "answer",
    "explanation",
    "distractors",
    "false_form",
    "fallback_type",
    "answers",
    "group",
    "pair",
    "item",
    "order_by",
    "min_items",
    "max_items",
    "tags",
    "description",
    "priority",
}


def builtin_folder() -> Path:
    """The entry point for quizgen's own templates (question_templates/ in the repository)."""
    from ..io import packaged_folder

    return packaged_folder("quizgen.question_templates", "question_templates")


@dataclass
class Template:
    id: str
    kind: str
    type: str
    prompt: str
    answer: str = ""
    bloom: str = "remember"
    difficulty: float = 0.5
    when: str = ""
    explanation: str = ""
    distractors: dict[str, Any] = field(default_factory=dict)
    false_form: dict[str, Any] = field(default_factory=dict)
    group: bool = False
    pair: list[str] = field(default_factory=list)
    item: str = ""
    order_by: str = ""
    min_items: int = 3
    max_items: int = 6
    tags: list[str] = field(default_factory=list)
    description: str = ""
    priority: float = 0.5
    fallback_type: str = ""  # an mcq without enough wrong options becomes this type
    answers: str = ""  # multi_select: an expression giving the list of right options
    origin: str = ""

    def render(self, source: str, context: dict[str, Any]) -> str:
        return render_string(source, self.id, self.origin)(**context).strip()

    def test(self, context: dict[str, Any]) -> bool:
        if not self.when:
            return True
        return bool(compile_expr(self.when, self.id, self.origin)(**context))

    def value(self, expr: str, context: dict[str, Any]) -> Any:
        return compile_expr(expr, self.id, self.origin)(**context)


@cache
def environment():
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(autoescape=False, keep_trailing_newline=False)
    env.filters.update(filters.FILTERS)
    return env


@cache
def render_string(source: str, tid: str, origin: str):
    from jinja2 import TemplateError

    try:
        return _compiled(source).render
    except TemplateError as exc:
        raise QuizgenError(f"{origin}: template '{tid}': {exc}") from exc


@cache
def compile_expr(source: str, tid: str, origin: str):
    from jinja2 import TemplateError

    try:
        return _compiled_expr(source)
    except TemplateError as exc:
        raise QuizgenError(f"{origin}: template '{tid}': bad expression {source!r}: {exc}") from exc


# Compiled once per source, whichever templates share it: a third of the built-in strings
# are shared ("{{ slots.answer }}", the same explanation), and compiling one costs about
# half a millisecond. A compiled template or expression keeps no state between calls, and
# a source that fails to compile is not kept, so each template that has it names itself.
@cache
def _compiled(source: str):
    return _plain_globals(environment().from_string(source))


@cache
def _compiled_expr(source: str):
    expression = environment().compile_expression(source)
    _plain_globals(getattr(expression, "_template", None))
    return expression


def _plain_globals(template):
    """Jinja copies a template's globals into the context of every render, twice, and they
    are a ChainMap over the environment's, which is read key by key in Python: a fifth of
    generation. A dict of the same items in the same order makes the same contexts; nothing
    adds globals once the environment is made."""
    if template is not None and not isinstance(template.globals, dict):
        template.globals = dict(template.globals)
    return template


def parse_file(path: Path) -> list[Template]:
    """Read and check one YAML file of templates; errors name the file, line and template."""
    try:
        data = _safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise QuizgenError(f"{where}: malformed YAML: {getattr(exc, 'problem', exc)}") from exc
    except OSError as exc:
        raise QuizgenError(f"cannot read template file {path}: {exc.strerror}") from exc
    if data is None:
        return []
    items = data if isinstance(data, list) else [data]
    text = path.read_text("utf-8")
    out = []
    for item in items:
        if not isinstance(item, dict) or "id" not in item:
            raise QuizgenError(f"{path}: every template needs an 'id'")
        tid = str(item["id"])
        line = _line_of(text, tid)
        where = f"{path}:{line}: template '{tid}'"
        unknown = set(item) - FIELDS
        if unknown:
            raise QuizgenError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
        for key in ("kind", "type", "prompt"):
            if key not in item:
                raise QuizgenError(f"{where}: missing '{key}'")
        if item["kind"] not in FACT_KINDS:
            raise QuizgenError(f"{where}: unknown fact kind '{item['kind']}'")
        if item["type"] not in QUESTION_TYPES:
            raise QuizgenError(f"{where}: unknown question type '{item['type']}'")
        if item.get("bloom", "remember") not in BLOOM_LEVELS:
            raise QuizgenError(f"{where}: unknown Bloom level '{item['bloom']}'")
        if item.get("group") and item["type"] not in ("matching", "ordering"):
            raise QuizgenError(f"{where}: 'group' makes a matching or an ordering question only")
        tpl = Template(origin=f"{path}:{line}", **item)
        # Compile every string now, so a broken expression fails at load, not mid-build.
        for src in [tpl.prompt, tpl.answer, tpl.explanation, tpl.item, *tpl.pair]:
            if src:
                _check(src, tpl)
        for src in (tpl.when, tpl.order_by, tpl.answers):
            if src:
                compile_expr(src, tpl.id, tpl.origin)
        out.append(tpl)
    return out


def _check(source: str, tpl: Template) -> None:
    from jinja2 import TemplateSyntaxError

    try:
        _parses(source)
    except TemplateSyntaxError as exc:
        raise QuizgenError(f"{tpl.origin}: template '{tpl.id}': {exc.message}") from exc


@cache
def _parses(source: str) -> bool:
    """Whether a source parses (or the parser's error); once per source, like _compiled."""
    environment().parse(source)
    return True


def _line_of(text: str, tid: str) -> int:
    m = re.search(rf"^\s*-?\s*id:\s*['\"]?{re.escape(tid)}['\"]?\s*$", text, re.M)
    return text[: m.start()].count("\n") + 1 if m else 1


def _safe_load(text: str) -> Any:
    """``yaml.safe_load``, through libyaml when PyYAML has it (ten times faster). A file that
    libyaml rejects, or that holds characters the pure-Python reader refuses, goes to the
    pure-Python loader, so errors read as they always have."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return yaml.load(text, Loader=loader)  # CSafeLoader is the safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


# path -> (its bytes, its templates pickled): a process that builds many articles (batch,
# tests) parses and compiles each file once. Keyed by content, not time: reading a small file
# costs nothing beside parsing it, and an edit within the clock's tick is still seen.
_PARSED: dict[Path, tuple[bytes, bytes]] = {}


def _parsed(path: Path) -> list[Template]:
    try:
        raw = path.read_bytes()
    except OSError:
        return parse_file(path)  # which words the error
    hit = _PARSED.get(path)
    if hit is None or hit[0] != raw:
        hit = _PARSED[path] = (raw, pickle.dumps(parse_file(path), pickle.HIGHEST_PROTOCOL))
    # Copies, as parse_file gave: a caller that changes a template changes only its own.
    # Unpickling makes the same deep copy as copy.deepcopy, in a tenth of the time (which
    # was 5-10 ms an article in a batch).
    return pickle.loads(hit[1])


def load_templates(folders: list[Path] | None = None) -> list[Template]:
    """Every template from the given folders, or from all registered template packs."""
    if folders is None:
        from .. import registry

        folders = [registry.load("templates", p.name) for p in registry.plugins("templates")]
    templates: list[Template] = []
    seen: dict[str, str] = {}
    for folder in folders:
        for path in sorted(Path(folder).glob("*.yaml")):
            for tpl in _parsed(path):
                if tpl.id in seen:
                    raise QuizgenError(
                        f"{tpl.origin}: template id '{tpl.id}' already defined at {seen[tpl.id]}"
                    )
                seen[tpl.id] = tpl.origin
                templates.append(tpl)
    return templates
