"""Writing files so that a failed or killed run never leaves a half-written one, and never
replaces a file that quizgen did not write."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from .errors import QuizgenError

# What quizgen wrote in an output folder, kept in that folder as {file name: [sha256, ...]}:
# a later build may replace a file whose bytes are still what quizgen wrote, and nothing else
# (a teacher's edited worksheet, a file of their own) unless told to with --force.
MANIFEST = ".quizgen-outputs"


def _digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_manifest(folder: Path) -> dict[str, list[str]]:
    """What quizgen wrote in ``folder``; an unreadable list counts as empty, because refusing
    to replace a file is the safe mistake."""
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: [h for h in v if isinstance(h, str)] for k, v in data.items() if isinstance(v, list)}


class _Guard:
    def __init__(self, folder: Path, force: bool) -> None:
        self.folder = Path(os.path.realpath(folder))
        self.force = force
        self.known = read_manifest(self.folder)

    def covers(self, path: Path) -> bool:
        return path.name != MANIFEST and Path(os.path.realpath(path.parent)) == self.folder

    def check(self, path: Path) -> None:
        """Refuse to replace a file that is not quizgen's own output, as quizgen wrote it."""
        if path.is_dir():
            raise QuizgenError(f"cannot write {path}: a folder of that name is in the way")
        if self.force or not (path.exists() or path.is_symlink()):
            return
        if path.name not in self.known or path.is_symlink():
            why = "already exists and was not written by quizgen"
        elif _digest(path) not in self.known[path.name]:
            why = "has been changed since quizgen wrote it"
        else:
            return
        raise QuizgenError(f"{path} {why}; use --force to replace it")

    def record(self, path: Path, tmp: Path) -> None:
        """List the new bytes before the rename. The old ones stay listed too, so a run killed
        between the two steps leaves a file that the next run may still replace."""
        new = _digest(tmp)
        self.known[path.name] = [new, *[h for h in self.known.get(path.name, [])[:1] if h != new]]
        # One line: without an indent json writes in C, and a batch writes the list again
        # after every file (the pure-Python indenting encoder took a tenth of a batch's export).
        atomic_write(self.folder / MANIFEST, json.dumps(self.known, sort_keys=True))


_guard: ContextVar[_Guard | None] = ContextVar("quizgen_output_guard", default=None)


@contextmanager
def guarded_outputs(folder: Path, *, force: bool = False) -> Iterator[None]:
    """While active, atomic writes into ``folder`` replace only quizgen's own files."""
    token = _guard.set(_Guard(Path(folder), force))
    try:
        yield
    finally:
        _guard.reset(token)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    guard = _guard.get()
    if guard is not None and not guard.covers(path):
        guard = None
    if guard is not None:
        guard.check(path)
    # Named before it exists, unlike mkstemp's file: a SIGTERM (which the CLI turns into
    # SystemExit) arriving just after the file is made must still find it to remove it.
    tmp_path = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(6)}.part")
    try:
        os.close(os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        yield tmp_path
        if guard is not None:
            guard.record(path, tmp_path)
        # The temporary file is private (0600); an output should get the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def atomic_write(path: Path, data: str | bytes) -> Path:
    with atomic_path(path) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8", newline="")
        else:
            tmp.write_bytes(data)
    return Path(path)


def packaged_folder(package: str, top: str) -> Path:
    """The repository's own ``top`` folder where quizgen runs from a source checkout, else the
    data folder installed as ``package`` (``quizgen.decks``). The checkout comes first: an
    editable install maps ``package`` to the folder it was installed from, so a second
    checkout on PYTHONPATH would otherwise run its own code with the first one's templates."""
    from importlib import resources

    beside = Path(__file__).resolve().parent.parent / top
    if beside.is_dir() and (beside / "__init__.py").is_file():
        return beside
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError:
        return beside


# YAML reads these as line breaks: written raw, a "\x85" in an article comes back as a space
# or a newline, and the evidence no longer matches the text. Double quotes escape them.
_YAML_BREAKS = ("\x85", "\u2028", "\u2029")
_dumper = None


def yaml_text(data: object) -> str:
    """``data`` as YAML that a teacher can edit and that loads back exactly."""
    global _dumper
    import yaml

    if _dumper is None:

        class Dumper(yaml.SafeDumper):
            pass

        def text(dumper, value: str):
            style = '"' if any(c in value for c in _YAML_BREAKS) else None
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

        Dumper.add_representer(str, text)
        _dumper = Dumper
    return yaml.dump(data, Dumper=_dumper, allow_unicode=True, sort_keys=False, width=100)
