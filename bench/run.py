"""How fast quizgen is, as ratios to spaCy's own cost measured in the same run.

    python bench/run.py                 # everything (a few minutes on 2 cores)
    python bench/run.py --corpus 20     # a smaller corpus, for a quick look
    python bench/run.py --out bench/results.md

The parse is quizgen's one irreducible cost, so every figure is set beside a bare-spaCy
baseline measured here, on this machine, in this run: absolute seconds say little across
machines, ratios say what quizgen adds. Three parts:

1. Stages in one process on the example deck's article: ingest, parse, extract, generate,
   select and each export format, beside importing spaCy, loading the model and parsing.
2. The same over a corpus of articles made at run time from ../shared/examples/dev-articles
   (the articles are cycled, and each copy gets one sentence of its own so that no copy hits
   another's cache entry). The BBC texts are read from ../shared and never copied into the
   repository; without that folder the corpus parts are skipped.
3. The targets of issue 7, each in new processes: `quizgen --help`; a cold `quizgen build`
   (empty cache) against a bare process that imports spaCy, loads the model and parses the
   same texts; a warm build; `quizgen batch -j 1` and `-j 2` against a bare `nlp.pipe` process;
   peak memory of a 100-article batch against a 10-article one.

Small subprocess timings are the median of --repeat runs; the CPU time of the processes is
shown beside the wall time, as it moves less with other work on the machine (the targets are
set on wall time). Nothing here is a test: no figure
fails a build. A busy machine makes every figure slower, so compare ratios from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "examples" / "dev-articles"
EXAMPLE = REPO / "decks" / "hanoi-summit" / "article.txt"

# Run in a child: the command, then its wall time, its CPU time (user + system) and the peak
# RSS of it and its children. CPU time moves less than wall time with other work on the machine.
MEASURE = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
use = resource.getrusage(resource.RUSAGE_CHILDREN)
out = {"wall": wall, "cpu": use.ru_utime + use.ru_stime, "rss_kb": use.ru_maxrss}
print(json.dumps({**out, "rc": p.returncode, "err": p.stderr.decode()[-2000:]}))
"""

BARE = """
import json, sys
texts = json.load(open(sys.argv[1], encoding="utf-8"))
import spacy
nlp = spacy.load(sys.argv[2])
for doc in nlp.pipe(texts, batch_size=64):
    pass
"""

# The corpus through quizgen in one process, for when `quizgen batch` is not there.
NO_BATCH = """
import sys
from pathlib import Path
from quizgen import pipeline
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    article = pipeline.ingest(path)
    qset, _, _ = pipeline.questions_for(article)
    pipeline.export(qset, ["json"], Path(sys.argv[2]), {"timestamp": 315532800})
"""


def quizgen_command() -> list[str]:
    script = Path(sys.executable).parent / "quizgen"
    return [str(script)] if script.exists() else [sys.executable, "-m", "quizgen.cli"]


def measure(cmd: list[str], cwd: Path, env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(cwd), *cmd],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({result['rc']}):\n{result['err']}")
    return result


class Clock:
    """Times labelled steps in this process."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float]] = []

    def __call__(self, label: str, fn, *args, **kwargs):
        start = time.perf_counter()
        value = fn(*args, **kwargs)
        self.rows.append((label, time.perf_counter() - start))
        return value


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def make_corpus(folder: Path, n: int) -> list[Path]:
    """n articles cycled from the dev articles, each with a sentence no other copy has."""
    sources = sorted(DEV.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        src = sources[i % len(sources)]
        text = src.read_text("utf-8").rstrip("\n")
        text += f"\n\nThis is copy number {i + 1} of the article, kept for a speed test.\n"
        path = folder / f"{i:03d}-{src.name}"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def stages(tmp: Path, model_name: str) -> tuple[list[tuple[str, float]], dict]:
    """Part 1: each stage on the example in this process, after the bare-spaCy baseline."""
    clock = Clock()
    from quizgen import cache, nlp, pipeline, registry
    from quizgen.model import QuestionSet

    article = clock("quizgen: ingest", pipeline.ingest, EXAMPLE)
    texts, _ = nlp.parse_texts(article)
    spacy = clock("spaCy: import spacy", __import__, "spacy")
    bare = clock("spaCy: load the model", spacy.load, model_name)
    clock("spaCy: parse the article", lambda: list(bare.pipe(texts)))
    clock("quizgen: load the model (its own copy)", nlp.load, model_name)
    analysis = clock("quizgen: parse (analyze, no cache)", pipeline.analyze, article, cache=False)
    facts = clock("quizgen: extract", pipeline.extract, analysis)
    questions, _ = clock("quizgen: generate", pipeline.generate, facts, 0)
    chosen, rejected = clock("quizgen: select", pipeline.select, questions, 30, 0)
    qset = QuestionSet(article=article, questions=chosen, seed=0, rejected=rejected)
    for p in registry.plugins("exporters"):
        out = tmp / "stages" / p.name
        clock(f"export: {p.name}", pipeline.export, qset, [p.name], out, {"timestamp": 315532800})
    clock("quizgen: analyze + extract, storing both in the cache", pipeline.facts_for, article)
    if cache.info()["entries"]["facts"] == 0:
        print("the source changed during the run: nothing was cached", file=sys.stderr)
    clock("quizgen: parse read back from the cache", pipeline.analyze, article)
    clock("quizgen: facts read back from the cache", pipeline.facts_for, article)
    info = {"words": words(texts), "facts": len(facts), "questions": len(chosen)}
    return clock.rows, info


def corpus_in_process(paths: list[Path], model_name: str, out: Path) -> dict:
    """Part 2: the corpus through nlp.pipe and through quizgen, in this process."""
    from quizgen import nlp, pipeline
    from quizgen.model import QuestionSet

    articles = [pipeline.ingest(p) for p in paths]
    texts = [nlp.parse_texts(a)[0] for a in articles]
    flat = [t for ts in texts for t in ts]
    if len({tuple(ts) for ts in texts}) != len(texts):
        raise SystemExit("two corpus articles parse the same texts: the cache would hit")
    model = nlp.load(model_name)
    start = time.perf_counter()
    for _ in model.pipe(flat, batch_size=64):
        pass
    pipe = time.perf_counter() - start
    start = time.perf_counter()
    analyses = [pipeline.analyze(a, cache=False) for a in articles]
    analyze = time.perf_counter() - start
    steps = {"extract": 0.0, "generate": 0.0, "select": 0.0, "export json": 0.0}
    for a in analyses:
        start = time.perf_counter()
        facts = pipeline.extract(a)
        mid = time.perf_counter()
        questions, _ = pipeline.generate(facts, 0)
        end = time.perf_counter()
        chosen, _ = pipeline.select(questions, 30, 0)
        last = time.perf_counter()
        qset = QuestionSet(article=a.article, questions=chosen)
        pipeline.export(qset, ["json"], out, {"timestamp": 315532800})
        steps["extract"] += mid - start
        steps["generate"] += end - mid
        steps["select"] += last - end
        steps["export json"] += time.perf_counter() - last
    return {"n": len(paths), "words": words(flat), "pipe": pipe, "analyze": analyze, **steps}


def targets(tmp: Path, args, model_name: str, corpus: list[Path] | None) -> dict:
    """Part 3: new processes, as a user runs them."""
    from quizgen import nlp, pipeline

    qz = quizgen_command()
    base_env = dict(os.environ)
    base_env.pop("QUIZGEN_NO_CACHE", None)
    work = tmp / "work"
    work.mkdir()

    def env(cache: Path) -> dict[str, str]:
        return dict(base_env, QUIZGEN_CACHE_DIR=str(cache))

    def median(runs: list[dict], key: str = "wall") -> float:
        return statistics.median(r[key] for r in runs)

    res: dict = {"pycache": args.pycache}
    texts_file = tmp / "example-texts.json"
    texts_file.write_text(json.dumps(nlp.parse_texts(pipeline.ingest(EXAMPLE))[0]), "utf-8")
    bare_cmd = [sys.executable, "-c", BARE, str(texts_file), model_name]
    if args.pycache:
        # An installed quizgen has its bytecode compiled; a checkout run with
        # PYTHONDONTWRITEBYTECODE=1 compiles quizgen's modules again in every process (about
        # 0.1 s). Every measured process, quizgen's and spaCy's alike, gets a bytecode cache in
        # the temporary folder, filled by one unmeasured run of each command first.
        base_env.pop("PYTHONDONTWRITEBYTECODE", None)
        base_env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        measure([*qz, "--help"], work, base_env)
        measure(bare_cmd, work, base_env)
        measure([*qz, "build", "-o", str(work / "fill")], work, env(tmp / "cache-fill"))
    res["help"] = median([measure([*qz, "--help"], work, base_env) for _ in range(args.repeat)])

    # The baseline and the builds take turns, so that a change in the machine's load
    # during the run weighs on both alike.
    bare, cold, warm, docs_only = [], [], [], []
    for k in range(args.repeat):
        bare.append(measure(bare_cmd, work, base_env))
        cache = tmp / f"cache-build-{k}"
        cold.append(measure([*qz, "build", "-o", str(work / "cold")], work, env(cache)))
        warm.append(measure([*qz, "build", "-o", str(work / "warm")], work, env(cache)))
        if not (cache / "facts").is_dir():
            # A source file changed while the build ran: it stores nothing (quizgen.cache).
            print(
                "a source file changed during a build: its facts were not cached", file=sys.stderr
            )
        shutil.rmtree(cache / "facts", ignore_errors=True)  # the parse stays cached, the facts not
        docs_only.append(measure([*qz, "build", "-o", str(work / "docs")], work, env(cache)))
    res["bare"], res["cold"] = median(bare), median(cold)
    res["warm"], res["docs_only"] = median(warm), median(docs_only)
    res["bare_cpu"], res["cold_cpu"] = median(bare, "cpu"), median(cold, "cpu")

    if corpus:
        from quizgen import nlp as _nlp

        texts = [t for p in corpus for t in _nlp.parse_texts(pipeline.ingest(p))[0]]
        corpus_file = tmp / "corpus-texts.json"
        corpus_file.write_text(json.dumps(texts), "utf-8")
        res["corpus_words"] = words(texts)
        bare_pipe = measure(
            [sys.executable, "-c", BARE, str(corpus_file), model_name], work, base_env
        )
        res["bare_pipe"], res["bare_pipe_cpu"] = bare_pipe["wall"], bare_pipe["cpu"]
        small = tmp / "corpus-10"
        small.mkdir()
        for p in corpus[:10]:
            shutil.copy(p, small / p.name)
        has_batch = (REPO / "quizgen" / "batch.py").exists()
        res["batch_kind"] = "quizgen batch" if has_batch else "quizgen analyze in one process"

        def run_batch(folder: Path, jobs: int, tag: str) -> dict:
            out, cache = tmp / f"out-{tag}", tmp / f"cache-{tag}"
            if has_batch:
                cmd = [*qz, "batch", str(folder), "-j", str(jobs), "-o", str(out), "-f", "json"]
            else:
                cmd = [sys.executable, "-c", NO_BATCH, str(folder), str(out)]
            return measure(cmd, work, env(cache))

        if args.pycache and has_batch:  # fill the bytecode cache for the batch's own modules
            run_batch(small, 2, "fill")
        res["batch1"] = run_batch(corpus[0].parent, 1, "j1")
        res["batch10"] = run_batch(small, 1, "ten")
        if has_batch:
            res["batch2"] = run_batch(corpus[0].parent, 2, "j2")
    return res


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{cores} cores ({cpu}), Python {platform.python_version()}, load average {load:.2f}"


def report(rows, info, corpus, res, model_name: str, meta: dict) -> str:
    import spacy

    import quizgen

    lines = [
        f"Machine: {machine()} at the end, {res.get('load_start', float('nan')):.2f} at the "
        f"start. quizgen {quizgen.__version__}, spaCy {spacy.__version__}, "
        f"model {model_name} {meta.get('version', '?')}. New processes "
        + ("had a bytecode cache." if res.get("pycache") else "ran with the environment as is.")
        + (
            " PYTHONDONTWRITEBYTECODE was set." if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
        ),
        "",
        f"## Stages on the example ({info['words']} words parsed, {info['facts']} facts, "
        f"{info['questions']} questions), one process",
        "",
        "A first call pays its imports, as a build does.",
        "",
        "| stage | seconds |",
        "|---|---:|",
    ]
    lines += [f"| {label} | {secs:.3f} |" for label, secs in rows]
    if corpus:
        c = corpus
        lines += [
            "",
            f"## Corpus of {c['n']} articles ({c['words']} words parsed), one process, model loaded",
            "",
            "| step | seconds | words/s | vs nlp.pipe |",
            "|---|---:|---:|---:|",
            f"| spaCy nlp.pipe over all texts | {c['pipe']:.2f} | {c['words'] / c['pipe']:.0f} | 1.00 |",
            f"| quizgen analyze, article by article, no cache | {c['analyze']:.2f} | "
            f"{c['words'] / c['analyze']:.0f} | {c['pipe'] / c['analyze']:.2f} |",
        ]
        for step in ("extract", "generate", "select", "export json"):
            lines.append(
                f"| quizgen {step} | {c[step]:.2f} | {c['words'] / c[step]:.0f} | "
                f"{c['pipe'] / c[step]:.2f} |"
            )
    lines += ["", "## Targets (issue 7), new processes", ""]
    lines += ["| measure | measured | target | met |", "|---|---:|---:|:-:|"]

    def row(name, value, target, ok):
        lines.append(f"| {name} | {value} | {target} | {'yes' if ok else 'no'} |")

    row("`quizgen --help`", f"{res['help']:.3f} s", "< 0.3 s", res["help"] < 0.3)
    row(
        f"cold `quizgen build` {res['cold']:.2f} s / bare spaCy process {res['bare']:.2f} s "
        f"(CPU time {res['cold_cpu']:.2f} s / {res['bare_cpu']:.2f} s: "
        f"{res['cold_cpu'] / res['bare_cpu']:.2f}x)",
        f"{res['cold'] / res['bare']:.2f}x",
        "<= 1.3x",
        res["cold"] / res["bare"] <= 1.3,
    )
    row(
        f"warm build {res['warm']:.2f} s / cold build",
        f"{res['warm'] / res['cold']:.0%}",
        "< 40%",
        res["warm"] / res["cold"] < 0.4,
    )
    lines.append(
        f"| (build with only the parse cached: {res['docs_only']:.2f} s / cold) | "
        f"{res['docs_only'] / res['cold']:.0%} | | |"
    )
    if "batch1" in res:
        n = corpus["n"] if corpus else 0
        b1, b10 = res["batch1"], res["batch10"]
        row(
            f"{res['batch_kind']} -j 1 over {n} articles: {b1['wall']:.1f} s "
            f"({res['corpus_words'] / b1['wall']:.0f} words/s); bare nlp.pipe process "
            f"{res['bare_pipe']:.1f} s ({res['corpus_words'] / res['bare_pipe']:.0f} words/s); "
            f"CPU time {b1['cpu']:.1f} s / {res['bare_pipe_cpu']:.1f} s: "
            f"{res['bare_pipe_cpu'] / b1['cpu']:.0%}",
            f"{res['bare_pipe'] / b1['wall']:.0%}",
            ">= 80%",
            res["bare_pipe"] / b1["wall"] >= 0.8,
        )
        if "batch2" in res:
            b2 = res["batch2"]
            row(
                f"batch -j 2: {b2['wall']:.1f} s ({b2['cpu']:.1f} s of CPU time in all); "
                "speed-up over -j 1",
                f"{b1['wall'] / b2['wall']:.2f}x",
                ">= 1.7x",
                b1["wall"] / b2["wall"] >= 1.7,
            )
        ratio = b1["rss_kb"] / b10["rss_kb"]
        row(
            f"peak memory, {n} articles {b1['rss_kb'] / 1024:.0f} MB / 10 articles "
            f"{b10['rss_kb'] / 1024:.0f} MB (-j 1)",
            f"{ratio:.2f}x",
            "<= 1.2x",
            ratio <= 1.2,
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per small timing (median)")
    parser.add_argument("--corpus", type=int, default=100, help="articles in the corpus")
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    parser.add_argument(
        "--no-pycache",
        dest="pycache",
        action="store_false",
        help="run the new processes with the environment as it is (by default each gets a "
        "bytecode cache, as an installed quizgen has)",
    )
    args = parser.parse_args()
    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    from quizgen import cache, nlp

    model_name = nlp.model_name()
    meta = cache.model_meta(model_name) or {}
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as name:
        tmp = Path(name)
        # This process's own cache goes in the temporary folder too, never the user's.
        os.environ["QUIZGEN_CACHE_DIR"] = str(tmp / "cache-stages")
        rows, info = stages(tmp, model_name)
        corpus_paths = None
        if DEV.is_dir() and any(DEV.glob("*.txt")):
            corpus_paths = make_corpus(tmp / "corpus", args.corpus)
        else:
            print(f"skipping the corpus: {DEV} is absent", file=sys.stderr)
        corpus = None
        if corpus_paths:
            corpus = corpus_in_process(corpus_paths, model_name, tmp / "corpus-out")
        res = targets(tmp, args, model_name, corpus_paths)
        res["load_start"] = load_start
        text = report(rows, info, corpus, res, model_name, meta)
    print(text)
    if args.out:
        args.out.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
