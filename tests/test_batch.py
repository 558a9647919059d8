"""`quizgen batch`: many articles in worker processes, one bank per article and a combined bank
with a category per article; a broken article is named and the others go on; the files do not
depend on the number of workers."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DEV_ARTICLES, REPO, dev_articles, make_qset

from quizgen import batch, pipeline
from quizgen.cli import cli
from quizgen.errors import QuizgenError
from quizgen.exporters import qti
from quizgen.exporters.jsonbank import load_bank
from quizgen.model import Article, Block

needs_dev = pytest.mark.skipif(
    not dev_articles(), reason=f"{DEV_ARTICLES} is absent (the dev articles live in ../shared)"
)
BROKEN = "zz-broken.txt"


def schema_validator(name: str):
    """A validator for one of quizgen's schemas; the combined bank's refers to the single
    bank's by its file name, which the registry resolves."""
    jsonschema = pytest.importorskip("jsonschema")
    from referencing import Registry, Resource

    folder = files("quizgen") / "schema"
    registry = Registry().with_resource(
        "question-bank.schema.json",
        Resource.from_contents(json.loads((folder / "question-bank.schema.json").read_text())),
    )
    schema = json.loads((folder / name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=registry)


def run_batch(args, cache_dir):
    # A cache of its own per run, so that each run really parses in its own workers.
    env = {"QUIZGEN_CACHE_DIR": str(cache_dir)}
    return CliRunner().invoke(cli, ["batch", *args], env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def dev_runs(tmp_path_factory):
    """The dev articles (linked, not copied into the repository) plus one binary file, run
    once with two workers and once in-process."""
    if not dev_articles():
        pytest.skip(f"{DEV_ARTICLES} is absent (the dev articles live in ../shared)")
    base = tmp_path_factory.mktemp("batch")
    inputs = base / "in"
    inputs.mkdir()
    for path in dev_articles():
        (inputs / path.name).symlink_to(path)
    (inputs / BROKEN).write_bytes(bytes(range(256)) * 8)
    (inputs / "notes.csv").write_text("not an article,ignored\n")
    runs = {}
    for jobs in ("2", "1"):
        out = base / f"out-j{jobs}"
        args = [str(inputs), "-o", str(out), "-f", "json", "-n", "10", "-j", jobs]
        result = run_batch(args, base / f"cache-j{jobs}")
        runs[jobs] = (result, out, {p.name: p.read_bytes() for p in sorted(out.iterdir())})
    # Again into the same folder: quizgen may replace what it wrote there (its list of them
    # must hold every file, though the articles were built in parallel).
    args = [str(inputs), "-o", str(runs["2"][1]), "-f", "json", "-n", "10", "-j", "2"]
    runs["again"] = run_batch(args, base / "cache-j2")
    return inputs, runs


@needs_dev
def test_good_banks_written_and_broken_one_named(dev_runs):
    inputs, runs = dev_runs
    result, out, written = runs["2"]
    assert result.exit_code == 1, result.output
    good = dev_articles()
    banks = {name for name in written if name != "combined.json" and not name.startswith(".")}
    assert len(banks) == len(good) and all(n.endswith(".json") for n in banks)
    sources = set()
    for name in banks:
        qset = load_bank(out / name)
        assert name == f"{qset.article.slug}.json"
        assert 1 <= len(qset.questions) <= 10
        sources.add(qset.article.source)
    assert sources == {str(inputs / p.name) for p in good}
    (failed,) = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert str(inputs / BROKEN) in failed and "binary" in failed
    assert "Traceback" not in result.output
    assert result.output.splitlines()[-1].startswith(f"{len(good)} article(s) succeeded, 1 failed")
    assert "notes.csv" not in result.output  # a folder means its articles only


@needs_dev
def test_combined_bank_has_a_category_per_article(dev_runs):
    inputs, runs = dev_runs
    _, _, written = runs["2"]
    data = json.loads(written["combined.json"])
    errors = list(schema_validator("combined-bank.schema.json").iter_errors(data))
    assert not errors, errors[0].message
    cats = data["categories"]
    # Sorted input order; each category is that article's bank, as its own file holds it.
    assert [c["bank"]["article"]["source"] for c in cats] == [
        str(inputs / p.name) for p in dev_articles()
    ]
    assert len({c["name"] for c in cats}) == len(cats)
    for cat in cats:
        single = json.loads(written[f"{cat['bank']['article']['slug']}.json"])
        assert cat["bank"] == single
        assert cat["name"] == single["title"]
    # The schema is strict enough to catch drift.
    bad = dict(data, categories=[dict(cats[0], extra=1)])
    assert list(schema_validator("combined-bank.schema.json").iter_errors(bad))


@needs_dev
def test_same_files_whatever_the_number_of_workers(dev_runs):
    _, runs = dev_runs
    (r2, out2, files2), (r1, out1, files1) = runs["2"], runs["1"]
    assert r1.exit_code == r2.exit_code == 1
    assert sorted(files1) == sorted(files2)
    for name in files1:
        assert files1[name] == files2[name], name
    assert r1.output.replace(str(out1), "OUT") == r2.output.replace(str(out2), "OUT")


@needs_dev
def test_a_second_run_replaces_its_own_files(dev_runs):
    _, runs = dev_runs
    first, again = runs["2"][0], runs["again"]
    assert again.exit_code == 1
    assert again.output == first.output
    assert {p.name: p.read_bytes() for p in runs["2"][1].iterdir()} == runs["2"][2]


@needs_dev
def test_shared_slugs_are_numbered_in_sorted_order(tmp_path):
    article = dev_articles()[0]
    for folder in ("b", "a"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / article.name).symlink_to(article)
    out = tmp_path / "out"
    args = [str(tmp_path / "b"), str(tmp_path / "a"), "-o", str(out), "-n", "5", "-j", "1"]
    result = run_batch(args, tmp_path / "cache")
    assert result.exit_code == 0, result.output
    banks = [load_bank(p) for p in out.glob("*.json") if p.stem != "combined"]
    first, second = sorted(banks, key=lambda b: len(b.article.slug))
    assert second.article.slug == first.article.slug + "-2"
    assert first.article.source == str(tmp_path / "a" / article.name)
    combined = json.loads((out / "combined.json").read_text())
    names = [c["name"] for c in combined["categories"]]
    assert names == [first.display_title, f"{first.display_title} ({second.article.slug})"]
    assert result.output.splitlines()[-1].startswith("2 article(s) succeeded, 0 failed")


def test_unknown_format_fails_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text("Some text.\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "-f", "nope", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith("Error: unknown exporter 'nope'")
    assert not out.exists()


def test_nothing_to_do_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "*.md")])
    assert result.exit_code == 1 and result.output.startswith("Error: no file matches")
    result = CliRunner().invoke(cli, ["batch", str(tmp_path)])
    assert result.exit_code == 1 and "no .txt, .md, .html or .htm file" in result.output
    assert CliRunner().invoke(cli, ["batch"]).exit_code == 2


def _workers_of(run: str) -> list[int]:
    """The live multiprocessing workers whose environment holds ``run`` (a path unique to
    one test), whoever their parent is by now."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if (
                b"spawn_main" in (proc / "cmdline").read_bytes()
                and run.encode() in (proc / "environ").read_bytes()
                and (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
            ):
                found.append(int(proc.name))
        except (OSError, ValueError, IndexError):
            continue  # a process that ended while we looked
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finds workers in /proc")
def test_a_killed_worker_is_a_one_line_error(tmp_path):
    """A worker that dies (here SIGKILL, as the OOM killer sends) breaks the pool: the run
    stops with one Error line and status 1, leaving no combined file, no partial file and
    no worker behind."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = (REPO / "decks" / "hanoi-summit" / "article.txt").read_text("utf-8")
    for k in range(6):  # more than the workers can finish before they are even started
        (inputs / f"a{k}.txt").write_text(f"{text}\n\nThis is copy {k}.\n", "utf-8")
    out, run = tmp_path / "out", str(tmp_path / "cache")
    env = dict(os.environ, QUIZGEN_CACHE_DIR=run)
    cmd = [sys.executable, "-m", "quizgen.cli", "batch", str(inputs), "-j", "2", "-o", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 60
        while len(workers := _workers_of(run)) < 2:
            assert proc.poll() is None and time.monotonic() < deadline, "no workers started"
            time.sleep(0.02)
        # Both started, and each needs seconds to load spaCy. (Killed while the pool is still
        # starting one, Python's own pool can fail in a thread of its own, traceback and all.)
        time.sleep(0.3)
        os.kill(workers[0], signal.SIGKILL)
        # A worker left running would hold the pipes open: this would time out.
        _, err = proc.communicate(timeout=60)
    finally:
        for pid in _workers_of(run):  # after a failure: leave nothing running
            os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = err.decode()
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("Error: a worker process stopped unexpectedly"), err
    assert not (out / "combined.json").exists()
    assert not out.exists() or not list(out.glob(".*.part"))
    assert _workers_of(run) == []


# --- finding the inputs and naming the outputs ---------------------------------------------


def test_find_inputs_folders_globs_and_files(tmp_path):
    for name in ("b.txt", "a.MD", "c.html", "d.htm", "e.csv", "._b.txt", "sub/f.txt", "g/h.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    found = batch.find_inputs(
        [str(tmp_path), str(tmp_path / "g" / "*.md"), str(tmp_path / "b.txt")]
    )
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.MD", "b.txt", "c.html", "d.htm", "g/h.md"
    ]  # fmt: skip
    # A missing file is kept: it fails as one article, and the others go on.
    assert batch.find_inputs([str(tmp_path / "gone.txt")]) == [tmp_path / "gone.txt"]
    with pytest.raises(QuizgenError, match="no file matches"):
        batch.find_inputs([str(tmp_path / "*.docx")])
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("x")
    with pytest.raises(QuizgenError, match="no .txt"):
        batch.find_inputs([str(tmp_path / "empty")])


def test_unique_slugs():
    taken: set[str] = set()
    assert [batch.unique_slug(s, taken) for s in ("a", "a", "b", "a", "a-2", "combined")] == [
        "a", "a-2", "b", "a-3", "a-2-2", "combined-2"
    ]  # fmt: skip


def test_a_worker_failure_is_one_line_with_its_kind():
    assert batch.reason(QuizgenError("x.txt is empty")) == "x.txt is empty"
    assert batch.reason(ValueError("bad\nthing")) == "ValueError: bad thing"
    assert batch.reason(RuntimeError()) == "RuntimeError"
    failed = batch.Outcome(path=batch.Path("in/x.txt"), error="no questions could be made from it")
    assert failed.message() == "in/x.txt: no questions could be made from it"


# --- the combined bank in each format that has categories ----------------------------------


@pytest.fixture
def two_sets():
    """Two articles with the same title, as the combined writers receive them."""
    one, two = make_qset(), make_qset()
    two.article.slug = "bridge-news-2"
    for q in two.questions:
        q.id += "-b"
    return [one, two]


def test_combined_files_for_formats_with_categories(two_sets, tmp_path):
    paths = batch.write_combined(
        two_sets, ["gift", "csv", "moodle", "qti", "yaml"], tmp_path, 1, {}
    )
    assert [p.name for p in paths] == [
        "combined.json", "combined.gift.txt", "combined.moodle.xml", "combined.qti.zip",
        "combined.yaml",
    ]  # fmt: skip
    again = batch.write_combined(two_sets, ["gift", "moodle", "qti", "yaml"], tmp_path / "b", 1, {})
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]
    import yaml

    data = json.loads(paths[0].read_text())
    assert yaml.safe_load(paths[-1].read_text()) == data
    assert not list(schema_validator("combined-bank.schema.json").iter_errors(data))
    assert [c["name"] for c in data["categories"]] == ["Bridge news", "Bridge news (bridge-news-2)"]


def test_combined_gift_opens_each_article_with_its_category(two_sets, tmp_path):
    from test_export_banks import gift_parse

    text = batch.combined_gift(batch.categories(two_sets), {})
    parsed = gift_parse(text)
    cats = [i for i, q in enumerate(parsed) if q["qtype"] == "category"]
    assert [parsed[i]["category"] for i in cats] == [
        "quizgen/Bridge news",
        "quizgen/Bridge news (bridge-news-2)",
    ]
    first = [q["name"] for q in parsed[cats[0] + 1 : cats[1]]]
    second = [q["name"] for q in parsed[cats[1] + 1 :]]
    assert first and second == [f"{n}-b" for n in first]


def test_combined_moodle_has_a_category_question_per_article(two_sets):
    from lxml import etree

    xml = batch.combined_moodle(batch.categories(two_sets), {})
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False))
    kinds = [q.get("type") for q in root.findall("question")]
    assert kinds[0] == "category" and kinds.count("category") == 2
    split = kinds.index("category", 1)
    assert split - 1 == len(kinds) - split - 1  # the same questions under each
    names = [q.findtext("category/text") for q in root.findall("question[@type='category']")]
    assert names == ["quizgen/Bridge news", "quizgen/Bridge news (bridge-news-2)"]


def test_combined_qti_lists_every_assessment_in_the_manifest(two_sets, tmp_path):
    from test_export_banks import qti_package

    path = tmp_path / "combined.qti.zip"
    path.write_bytes(batch.combined_qti(batch.categories(two_sets), {}))
    names, infos, manifest, docs, ns = qti_package(path)
    assert names[0] == "imsmanifest.xml" and set(docs) <= set(names)
    assessments = manifest.findall(".//cp:resource[@type='imsqti_xmlv1p2']", ns)
    assert len(assessments) == 2
    titles = []
    for res in assessments:
        deps = [d.get("identifierref") for d in res.findall("cp:dependency", ns)]
        assert all(
            manifest.find(f".//cp:resource[@identifier='{d}']", ns) is not None for d in deps
        )
        doc = docs[res.find("cp:file", ns).get("href")]
        titles.append(doc.find("q:assessment", ns).get("title"))
    assert titles == ["Bridge news", "Bridge news (bridge-news-2)"]
    idents = [i.get("ident") for d in docs.values() for i in d.iterfind(".//q:item", ns)]
    assert len(idents) == len(set(idents))
    with zipfile.ZipFile(path) as zf:
        assert not [n for n in zf.namelist() if re.search(r"\.\.|^/", n)]
    assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}
    assert qti.NS_CP in manifest.tag


def chunk_sizes(total: int, jobs: int, texts_each: int = 1) -> list[int]:
    articles = [Article(text="x", slug=str(i)) for i in range(total)]
    for a in articles:
        a.blocks = [Block(0, 1, "body")] * texts_each
    prepared = ((i, batch.Job(a, 10, 0, None)) for i, a in enumerate(articles))
    chunks = list(batch._chunks(prepared, total, jobs))
    assert [i for c in chunks for i in c.indexes] == list(range(total))
    return [len(c.jobs) for c in chunks]


def test_chunks_fill_a_batch_and_shrink_towards_the_end_for_a_pool():
    # One worker: chunks close when their texts fill a spaCy batch.
    assert chunk_sizes(100, 1, texts_each=10) == [7] * 14 + [2]
    # Two workers: never more than a quarter of what is left, down to one article at the
    # end, so neither worker is left alone with a long chunk.
    sizes = chunk_sizes(100, 2, texts_each=10)
    assert max(sizes) == 7 and sizes[-3:] == [1, 1, 1]
    left = 100
    for size in sizes:
        assert size <= max(1, left // 4)
        left -= size
    # A few articles over two workers still go to both.
    assert chunk_sizes(4, 2) == [1, 1, 1, 1]


@needs_dev
def test_articles_built_together_are_built_as_one_by_one(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    jobs = [batch.Job(pipeline.ingest(p), 10, 0, None) for p in dev_articles()[:3]]
    together = batch.build_many(jobs)
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "other-cache"))
    alone = [batch.build(j) for j in jobs]
    assert [o.qset.to_dict() for o in together] == [o.qset.to_dict() for o in alone]
    assert all(o.ok and o.qset.questions for o in together)


def test_a_failed_parse_of_the_chunk_falls_back_to_one_by_one(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))

    def broken(*args, **kwargs):
        raise RuntimeError("the model fell over")

    monkeypatch.setattr(pipeline, "analyze_many", broken)
    built = []
    monkeypatch.setattr(
        batch, "build", lambda job, analysis=None, extracted=None: built.append(analysis) or 1
    )
    jobs = [batch.Job(Article(text="x", slug=str(i)), 10, 0, None) for i in range(3)]
    assert batch.build_many(jobs) == [1, 1, 1]
    assert built == [None, None, None]


def test_a_failed_extraction_of_the_chunk_falls_back_to_one_by_one(monkeypatch, tmp_path):
    # The parses stand; each article's facts are then extracted by its own build, so a
    # failure is that article's alone.
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))

    def broken(*args, **kwargs):
        raise RuntimeError("an extractor fell over")

    monkeypatch.setattr(pipeline, "extract_many", broken)
    built = []
    monkeypatch.setattr(
        batch,
        "build",
        lambda job, analysis=None, extracted=None: built.append((analysis, extracted)) or 1,
    )
    texts = ["The council closed the library on Monday.", "Prices rose by 3% in May."]
    jobs = [batch.Job(Article(text=t, slug=str(i)), 10, 0, None) for i, t in enumerate(texts)]
    assert batch.build_many(jobs) == [1, 1]
    assert all(a is not None and e is None for a, e in built)
