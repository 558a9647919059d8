"""Finds extractors, template folders and exporters through their entry points.

Built-ins and third-party plugins come through the same groups, so listing and loading treat
them alike. Entry points are loaded only when asked for, so ``quizgen formats`` imports no
exporter's heavy dependency (each exporter imports those inside ``export``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any

from .errors import QuizgenError

GROUPS = {
    "extractors": "quizgen.extractors",
    "templates": "quizgen.templates",
    "exporters": "quizgen.exporters",
}

# What each kind of plugin must have; checked when it is loaded, so a broken plugin is
# named at once instead of failing halfway through a build.
REQUIRED = {
    "extractors": ("kinds", "extract"),
    "exporters": ("name", "description", "types", "export"),
}


@dataclass(frozen=True)
class Plugin:
    group: str
    name: str
    value: str
    dist: str

    @property
    def origin(self) -> str:
        return "built-in" if self.dist == "quizgen" else self.dist


@cache
def _scan(group: str) -> tuple[tuple[EntryPoint, Plugin], ...]:
    """The group's entry points, each with its Plugin, built-ins first. Scanned once per
    process: a scan reads every installed distribution's metadata (about 10 ms), and a build
    asks a dozen times; a plugin installed while quizgen runs is seen by the next run."""
    found = []
    for ep in entry_points(group=GROUPS[group]):
        dist = ep.dist.name if ep.dist else "?"  # each .name parses the METADATA file
        found.append((ep, Plugin(group, ep.name, ep.value, dist)))
    found.sort(key=lambda pair: (pair[1].dist != "quizgen" if pair[0].dist else True, pair[1].name))
    return tuple(found)


def _entry_points(group: str) -> list[EntryPoint]:
    return [ep for ep, _ in _scan(group)]


def plugins(group: str) -> list[Plugin]:
    """The plugins registered in a group, built-ins first, without importing them."""
    return [plugin for _, plugin in _scan(group)]


@cache
def load(group: str, name: str) -> Any:
    """Load and validate one plugin; an instance for classes, the folder for templates."""
    for ep in _entry_points(group):
        if ep.name == name:
            break
    else:
        known = ", ".join(p.name for p in plugins(group)) or "none"
        raise QuizgenError(f"unknown {group[:-1]} '{name}' (known: {known})")
    origin = ep.dist.name if ep.dist else "?"
    try:
        obj = ep.load()
    except Exception as exc:  # a plugin's own bug must not look like quizgen's
        raise QuizgenError(f"plugin '{name}' ({origin}) failed to load: {exc}") from exc
    if group == "templates":
        return Path(obj())
    inst = obj() if isinstance(obj, type) else obj
    missing = [attr for attr in REQUIRED[group] if not hasattr(inst, attr)]
    if missing:
        raise QuizgenError(
            f"plugin '{name}' ({origin}) in {GROUPS[group]} lacks: {', '.join(missing)}"
        )
    return inst


def load_all(group: str) -> dict[str, Any]:
    return {p.name: load(group, p.name) for p in plugins(group)}


def exporter(name: str) -> Any:
    return load("exporters", name)
