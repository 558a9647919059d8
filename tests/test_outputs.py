"""What a build leaves in its output folder: never a half-written file, even when it is killed,
and never a replaced file that quizgen did not write, unless the user says --force."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen import registry
from quizgen.cli import cli
from quizgen.io import MANIFEST, atomic_write, guarded_outputs, read_manifest

FORMATS = [p.name for p in registry.plugins("exporters")]
ALL = [arg for name in FORMATS for arg in ("-f", name)]


# --- killing a build -------------------------------------------------------------------------


def check_complete(path: Path) -> None:
    """Open a finished output the way its reader would; a truncated file fails here."""
    data = path.read_bytes()
    assert data, path
    name = path.name
    if name == MANIFEST or name.endswith(".json"):
        json.loads(data)
    elif name.endswith(".pdf"):
        from io import BytesIO

        from pypdf import PdfReader

        reader = PdfReader(BytesIO(data), strict=True)
        assert len(reader.pages) >= 1
        assert data.rstrip().endswith(b"%%EOF")
    elif name.endswith((".apkg", ".docx", ".xlsx", ".zip")):
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
    elif name.endswith((".yaml", ".yml")):
        import yaml

        assert yaml.safe_load(data)
    elif name.endswith(".xml"):
        from lxml import etree

        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    elif name.endswith(".html"):
        assert data.rstrip().endswith(b"</html>")
    else:  # text formats: whole lines of UTF-8
        assert data.decode("utf-8").endswith("\n"), path


def start_build(out: Path, cache: Path) -> subprocess.Popen:
    # The console entry point, as a user runs it: main() installs the SIGTERM handler.
    cmd = [sys.executable, "-c", "from quizgen.cli import main; main()", "build", *ALL]
    env = dict(os.environ, QUIZGEN_CACHE_DIR=str(cache))
    return subprocess.Popen(
        [*cmd, "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )


def entries(out: Path) -> list[str]:
    try:
        return os.listdir(out)
    except FileNotFoundError:
        return []


def test_sigterm_midway_leaves_no_partial_file(tmp_path):
    """SIGTERM at fixed delays, and at the moment the n-th file appears (so some kills land
    while files are being written, however fast the machine is): every file left is whole."""
    triggers = [("delay", d) for d in (0.5, 1.5, 3.0)] + [("files", n) for n in (1, 5, 12)]
    interrupted = midway = 0
    for k, (kind, value) in enumerate(triggers):
        out = tmp_path / f"out{k}"
        proc = start_build(out, tmp_path / "cache")
        start = time.monotonic()
        while proc.poll() is None and time.monotonic() - start < 60:
            elapsed = time.monotonic() - start
            if (kind == "delay" and elapsed >= value) or (
                kind == "files" and len(entries(out)) >= value
            ):
                break
            time.sleep(0.002)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        names = sorted(entries(out))
        # 0: it finished first; 143: the handler ran and unwound; -15: killed by default
        # before main() installed the handler or after Python restored it on the way out.
        assert proc.returncode in (0, 128 + signal.SIGTERM, -signal.SIGTERM), err.decode()
        assert b"Traceback" not in err, err.decode()
        assert [n for n in names if n.endswith(".part")] == [], (kind, value, names)
        for name in names:
            check_complete(out / name)
        if names:  # the manifest lists every output left, so the next build may replace it
            assert set(names) - {MANIFEST} <= set(read_manifest(out))
        if proc.returncode == 128 + signal.SIGTERM:
            interrupted += 1
            midway += bool(names)
    print(f"\n{interrupted} of {len(triggers)} builds interrupted, {midway} while writing files")
    assert interrupted >= 2
    assert midway >= 1


def test_killed_while_writing_keeps_the_earlier_file(tmp_path):
    """The unit under the CLI's handler: an exception raised while the temporary file is being
    written (as SystemExit from SIGTERM is) leaves the old file and no temporary one."""
    path = tmp_path / "bank.json"
    atomic_write(path, '{"old": true}\n')
    with pytest.raises(SystemExit):
        from quizgen.io import atomic_path

        with atomic_path(path) as tmp:
            tmp.write_text('{"new": tr')
            raise SystemExit(143)
    assert path.read_text() == '{"old": true}\n'
    assert os.listdir(tmp_path) == ["bank.json"]


# --- replacing files ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def slug(tmp_path_factory):
    out = tmp_path_factory.mktemp("slug")
    result = CliRunner().invoke(cli, ["build", "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    [bank] = out.glob("*.json")
    return bank.stem


def build(out: Path, *extra: str):
    return CliRunner().invoke(cli, ["build", "-f", "json", "-f", "csv", "-o", str(out), *extra])


def one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


def test_a_file_of_the_users_is_not_replaced_without_force(tmp_path, slug):
    out = tmp_path / "out"
    out.mkdir()
    mine = out / f"{slug}.json"
    mine.write_text("my own notes\n")
    line = one_error_line(build(out))
    assert str(mine) in line and "--force" in line and "not written by quizgen" in line
    assert mine.read_text() == "my own notes\n"
    assert not [n for n in os.listdir(out) if n.endswith(".part")]

    result = build(out, "--force")
    assert result.exit_code == 0, result.output
    assert json.loads(mine.read_text())["questions"]


def test_a_second_build_replaces_its_own_files(tmp_path, slug):
    out = tmp_path / "out"
    assert build(out).exit_code == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {f"{slug}.json", f"{slug}.csv", MANIFEST} <= set(first)
    result = build(out)
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


def test_an_edited_output_is_not_replaced_without_force(tmp_path, slug):
    """A teacher who edited a written file (a worksheet in Word, a CSV in a spreadsheet) keeps
    the edit: the file is no longer quizgen's output."""
    out = tmp_path / "out"
    assert build(out).exit_code == 0
    edited = out / f"{slug}.csv"
    edited.write_bytes(edited.read_bytes() + b"my extra row\n")
    line = one_error_line(build(out))
    assert str(edited) in line and "changed since quizgen wrote it" in line
    assert edited.read_bytes().endswith(b"my extra row\n")
    assert build(out, "--force").exit_code == 0
    assert not edited.read_bytes().endswith(b"my extra row\n")


def test_export_has_force_too(tmp_path, slug):
    out = tmp_path / "out"
    assert build(out).exit_code == 0
    bank = tmp_path / "questions.json"
    bank.write_bytes((out / f"{slug}.json").read_bytes())
    (out / f"{slug}.yaml").write_text("mine: true\n")
    args = ["export", str(bank), "-f", "yaml", "-o", str(out)]
    assert "--force" in one_error_line(CliRunner().invoke(cli, args))
    assert (out / f"{slug}.yaml").read_text() == "mine: true\n"
    assert CliRunner().invoke(cli, [*args, "--force"]).exit_code == 0
    assert (out / f"{slug}.yaml").read_text() != "mine: true\n"


def test_a_folder_in_the_way_is_a_one_line_error(tmp_path, slug):
    out = tmp_path / "out"
    (out / f"{slug}.json").mkdir(parents=True)
    assert "folder" in one_error_line(build(out, "--force"))


def test_guard_covers_only_its_own_folder(tmp_path):
    """Writes elsewhere (the analysis cache, facts.yaml) are not the output folder's business,
    and a manifest that is not ours is read as empty, so nothing in the folder is replaced."""
    out, other = tmp_path / "out", tmp_path / "other"
    out.mkdir()
    (other / "x.json").parent.mkdir()
    (other / "x.json").write_text("theirs")
    (out / MANIFEST).write_text("not json")
    (out / "x.json").write_text("theirs")
    with guarded_outputs(out):
        atomic_write(other / "x.json", "ours")
        with pytest.raises(Exception, match="--force"):
            atomic_write(out / "x.json", "ours")
    assert (other / "x.json").read_text() == "ours"
    assert (out / "x.json").read_text() == "theirs"


@pytest.mark.parametrize(
    "command,name", [("extract", "facts.yaml"), ("generate", "questions.yaml")]
)
def test_a_teachers_edited_facts_or_questions_are_kept(tmp_path, command, name):
    """The review loop's files hold a teacher's edits: a second run does not replace an edited
    one without --force, and replaces its own untouched file as before."""
    from quizgen.pipeline import bundled_deck

    source = str(bundled_deck() / "article.txt")
    target = tmp_path / name
    run = lambda *extra: CliRunner().invoke(cli, [command, source, "-o", str(target), *extra])  # noqa: E731
    assert run().exit_code == 0
    assert run().exit_code == 0  # its own file, unchanged: replaced quietly
    target.write_text(target.read_text() + "# my note\n")
    line = one_error_line(run())
    assert "changed since quizgen wrote it" in line and "--force" in line
    assert target.read_text().endswith("# my note\n")
    assert run("--force").exit_code == 0
    assert not target.read_text().endswith("# my note\n")
