"""The analysis cache: a rebuild skips the parse and gives exactly what a fresh run gives.

Every test keeps its cache in tmp_path (QUIZGEN_CACHE_DIR), so the user's own cache is never
touched. "The model was not called" is checked by replacing nlp.load with one that raises.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, dev_articles, needs_shared

import quizgen
from quizgen import cache, nlp, pipeline
from quizgen.cli import cli
from quizgen.model import Article, Block


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(folder))
    # The digest of quizgen's source is taken once per process; read it afresh, as a new
    # process would, in case the source was edited since.
    cache._source_digest.cache_clear()
    # Others may edit quizgen while the tests run; the cache would then (rightly) store
    # nothing. These tests check what it stores, in their own folder, so they ignore that.
    monkeypatch.setattr(quizgen, "loaded_at", time.time() + 3600)
    return folder


class ModelCalls(list):
    """The names the model was loaded with; after ``forbid()`` a load fails the test."""

    forbidden = False

    def forbid(self) -> None:
        self.forbidden = True


@pytest.fixture
def model_calls(monkeypatch):
    calls = ModelCalls()
    real = nlp.load

    def counting(name):
        if calls.forbidden:
            raise AssertionError(f"the model {name} was loaded on a cache hit")
        calls.append(name)
        return real(name)

    monkeypatch.setattr(nlp, "load", counting)
    return calls


def small_article() -> Article:
    text = (
        "Bridge news\n\n"
        "Alice Smith, the mayor of Springfield, said on May 3 that the bridge will reopen. "
        "The US and the DPRK met in Hanoi.\n\n"
        "The council voted 7-2 to fund the repairs because the old bridge was unsafe.\n"
    )
    first = text.index("Alice")
    second = text.index("The council")
    return Article(
        text=text,
        slug="bridge",
        blocks=[
            Block(0, 11, "title"),
            Block(first, second - 2, "body"),
            Block(second, len(text) - 1, "body"),
        ],
    )


def token_view(docs) -> list:
    """Everything the extractors read from a token, and the doc-level spans."""
    out = []
    for doc in docs:
        out.append([(e.start, e.end, e.label_) for e in doc.ents])
        out.append([(s.start, s.end) for s in doc.sents])
        for t in doc:
            out.append(
                (
                    t.text,
                    t.whitespace_,
                    t.lemma_,
                    t.pos_,
                    t.tag_,
                    t.dep_,
                    t.head.i,
                    t.ent_type_,
                    t.ent_iob_,
                    t.norm_,
                    t.lower_,
                    str(t.morph),
                    t.is_punct,
                    t.is_alpha,
                    t.is_space,
                    t.is_stop,
                    t.like_num,
                )
            )
    return out


def entries(kind: str) -> int:
    return cache.info()["entries"][kind]


def test_miss_then_hit_without_the_model(model_calls):
    article = small_article()
    fresh = nlp.analyze(article)
    assert model_calls, "the first analysis must parse"
    assert entries("analysis") == 1
    model_calls.forbid()
    cached = nlp.analyze(article)
    assert token_view(cached.docs) == token_view(fresh.docs)
    assert cached.offsets == fresh.offsets


def test_cached_docs_keep_the_mended_entities(model_calls):
    article = small_article()
    nlp.analyze(article)
    model_calls.forbid()
    ents = {e.text: e.label_ for d in nlp.analyze(article).docs for e in d.ents}
    # mend's fixes are part of what is stored: the acronym states are places.
    assert ents.get("US") == "GPE" and ents.get("DPRK") == "GPE", ents


def test_no_cache_neither_reads_nor_writes(model_calls, cache_dir):
    article = small_article()
    nlp.analyze(article, cache=False)
    assert entries("analysis") == 0
    nlp.analyze(article)
    before = len(model_calls)
    nlp.analyze(article, cache=False)
    assert len(model_calls) > before, "--no-cache must parse again"


def test_corrupt_entries_are_parsed_again(model_calls):
    article = small_article()
    fresh = nlp.analyze(article)
    [entry] = (cache.cache_dir() / "analysis").iterdir()
    for bad in (b"", b"not a docbin", entry.read_bytes()[:40]):
        entry.write_bytes(bad)
        before = len(model_calls)
        again = nlp.analyze(article)
        assert len(model_calls) > before
        assert token_view(again.docs) == token_view(fresh.docs)
    # ... and the rewritten entry is good again.
    model_calls.forbid()
    assert token_view(nlp.analyze(article).docs) == token_view(fresh.docs)


def test_an_entry_for_other_texts_is_a_miss(model_calls):
    one, other = small_article(), small_article()
    other.text = other.text.replace("Alice", "Alina")  # same length: the blocks still fit
    nlp.analyze(one)
    nlp.analyze(other)
    a, b = sorted((cache.cache_dir() / "analysis").iterdir())
    a.write_bytes(b.read_bytes())  # one entry now holds the other article's docs
    for article in (one, other):
        texts = nlp.parse_texts(article)[0]
        docs = nlp.analyze(article).docs
        assert [d.text for d in docs] == texts


def test_key_changes_with_text_model_and_version():
    texts, offsets = ["One sentence here."], [0]
    base = cache.analysis_key(texts, offsets, "en_core_web_sm", "3.8.0")
    assert base == cache.analysis_key(list(texts), list(offsets), "en_core_web_sm", "3.8.0")
    assert base != cache.analysis_key(["One sentence there."], offsets, "en_core_web_sm", "3.8.0")
    assert base != cache.analysis_key(texts, [5], "en_core_web_sm", "3.8.0")
    assert base != cache.analysis_key(texts, offsets, "en_core_web_md", "3.8.0")
    assert base != cache.analysis_key(texts, offsets, "en_core_web_sm", "3.8.1")
    # Texts cannot run together: ["ab", "c"] and ["a", "bc"] are different parses.
    assert cache.analysis_key(["ab", "c"], [0, 3], "m", "1") != cache.analysis_key(
        ["a", "bc"], [0, 3], "m", "1"
    )


def test_key_changes_with_spacy_version(monkeypatch):
    before = cache.analysis_key(["Text."], [0], "m", "1")
    real = cache._version
    monkeypatch.setattr(cache, "_version", lambda d: "9.9.9" if d == "spacy" else real(d))
    assert cache.analysis_key(["Text."], [0], "m", "1") != before


def test_facts_key_follows_the_article_and_the_model():
    article = small_article()
    base = cache.facts_key(article, None)
    assert base and base == cache.facts_key(small_article(), None)
    changed = small_article()
    changed.title = "Another title"  # not parsed, but extraction may read it
    assert cache.facts_key(changed, None) != base
    model_dir = nlp.load(nlp.model_name()).path
    assert cache.facts_key(article, str(model_dir)) not in (None, base)


def test_model_meta_is_read_without_loading():
    name = nlp.model_name()
    meta = cache.model_meta(name)
    assert meta is not None
    loaded = nlp.load(name).meta
    assert (meta["version"], meta["lang"]) == (loaded["version"], loaded["lang"])
    assert cache.model_meta("no_such_model_anywhere") is None
    assert cache.model_meta("blank:en") is None


def articles() -> list:
    found = [EXAMPLE / "article.txt", *dev_articles()] if EXAMPLE.is_dir() else []
    return [pytest.param(p, id=p.stem) for p in found]


@needs_shared
@pytest.mark.parametrize("path", articles())
def test_cached_gives_the_same_facts_and_questions(path, model_calls):
    article = pipeline.ingest(path)
    fresh_facts = pipeline.extract(pipeline.analyze(article, cache=False))
    # From cached docs: extraction runs again on docs read back from the DocBin.
    pipeline.analyze(article)
    from_docs = pipeline.extract(pipeline.analyze(article))
    assert [f.to_dict() for f in from_docs] == [f.to_dict() for f in fresh_facts]
    # From cached facts: the second run reads them back and never touches the model.
    fresh_set, _, _ = pipeline.questions_for(article, cache=False)
    pipeline.questions_for(article)
    model_calls.forbid()
    cached_set, cached_facts, _ = pipeline.questions_for(article)
    assert [f.to_dict() for f in cached_facts] == [f.to_dict() for f in fresh_facts]
    assert cached_set.to_dict() == fresh_set.to_dict()
    assert [(r.question.to_dict(), r.reason) for r in cached_set.rejected] == [
        (r.question.to_dict(), r.reason) for r in fresh_set.rejected
    ]


def test_a_corrupt_facts_entry_is_extracted_again(model_calls):
    article = small_article()
    facts = pipeline.facts_for(article)
    [entry] = (cache.cache_dir() / "facts").iterdir()
    entry.write_text('{"format": 1, "facts": [{"id": 3}]}', "utf-8")
    assert pipeline.facts_for(article) == facts
    entry.write_bytes(b"\xff\xfe garbage")
    assert pipeline.facts_for(article) == facts
    model_calls.forbid()
    assert pipeline.facts_for(article) == facts


@needs_shared
def test_cli_warm_build_is_the_same_and_imports_no_spacy(tmp_path, cache_dir):
    runner = CliRunner()
    cold = runner.invoke(cli, ["build", "-o", str(tmp_path / "cold")], catch_exceptions=False)
    assert cold.exit_code == 0, cold.output
    assert entries("analysis") == 1 and entries("facts") == 1
    # A new process, so spaCy cannot already be imported.
    code = (
        "import sys; from click.testing import CliRunner; from quizgen.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['build', '-o', {str(tmp_path / 'warm')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in ('spacy', 'wordfreq', 'thinc') if m in sys.modules))\n"
    )
    env = dict(os.environ, QUIZGEN_CACHE_DIR=str(cache_dir))
    out = subprocess.run(
        # Outside the repository, so the installed quizgen is imported, as in the cold build.
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=tmp_path,
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
    cold_files = sorted((tmp_path / "cold").iterdir())
    assert [p.name for p in cold_files] == sorted(p.name for p in (tmp_path / "warm").iterdir())
    for p in cold_files:
        assert p.read_bytes() == (tmp_path / "warm" / p.name).read_bytes(), p.name


@needs_shared
def test_cli_no_cache_and_cache_commands(tmp_path, cache_dir):
    runner = CliRunner()
    source = str(EXAMPLE / "article.txt")
    for cmd in (
        ["build", source, "-f", "json", "-o", str(tmp_path / "o")],
        ["extract", source, "-o", str(tmp_path / "facts.yaml")],
        ["generate", source, "-o", str(tmp_path / "questions.yaml")],
        ["review", source],
    ):
        result = runner.invoke(cli, [*cmd, "--no-cache"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert entries("analysis") == 0 and entries("facts") == 0, cmd
    result = runner.invoke(cli, ["extract", source, "-o", str(tmp_path / "f2.yaml")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "f2.yaml").read_text() == (tmp_path / "facts.yaml").read_text()
    info = runner.invoke(cli, ["cache", "info"])
    assert info.exit_code == 0
    assert str(cache_dir) in info.output and "1 parsed articles, 1 fact sets" in info.output
    (cache_dir / "keep.txt").write_text("not ours")
    cleared = runner.invoke(cli, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 2" in cleared.output
    assert entries("analysis") == 0 and entries("facts") == 0
    assert (cache_dir / "keep.txt").exists(), "clear deletes only quizgen's own entries"
    assert "0 parsed articles, 0 fact sets" in runner.invoke(cli, ["cache", "info"]).output


def test_nothing_is_stored_when_the_source_changed_after_start(monkeypatch, model_calls):
    """A process whose source files changed since it started may be running older code than
    the key names: it reads the cache but writes nothing to it."""
    monkeypatch.setattr(quizgen, "loaded_at", 0.0)
    facts = pipeline.facts_for(small_article())
    assert entries("analysis") == 0 and entries("facts") == 0
    assert facts == pipeline.facts_for(small_article(), cache=False)


def test_an_unwritable_cache_does_not_stop_a_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(blocker))
    facts = pipeline.facts_for(small_article())
    assert facts == pipeline.facts_for(small_article(), cache=False)


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "q"))
    assert cache.cache_dir() == tmp_path / "q"
    monkeypatch.delenv("QUIZGEN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "quizgen"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "quizgen"


@pytest.mark.parametrize(
    "args", [["--help"], ["formats"], ["templates", "list"], ["cache", "info"]], ids=" ".join
)
def test_listing_commands_import_neither_spacy_nor_typst(args, tmp_path):
    code = (
        "import sys; from click.testing import CliRunner; from quizgen.cli import cli\n"
        f"r = CliRunner().invoke(cli, {args!r})\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in ('spacy', 'typst', 'genanki', 'wordfreq') if m in sys.modules))\n"
    )
    # Run outside the repository, so the installed quizgen is the one imported.
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_fast_zipf_equals_wordfreq():
    """quizgen.frequency reads wordfreq's list without importing wordfreq; it must give the
    very same numbers, for listed words, unlisted ones and anything not a plain word."""
    import wordfreq

    from quizgen.frequency import _english, zipf

    table = _english()
    assert table is not None, "wordfreq's English list was not found"
    plain = sorted(w for w in table if w.isascii() and w.isalpha() and w.islower())
    sample = plain[::40] + ["summit", "denuclearization", "council", "qwxzzyq", "zzzzzzzzq"]
    odd = ["Council", "Trump-Kim", "u.s.", "7", "1,000", "naïve", "don't", "", " ", "a b"]
    for word in sample + odd:
        assert zipf(word) == wordfreq.zipf_frequency(word, "en"), word


@pytest.mark.skipif(not dev_articles(), reason="../shared/examples/dev-articles is absent")
def test_articles_parsed_together_are_parsed_as_one_by_one():
    """``analyze_many`` runs several articles' texts through one ``nlp.pipe`` stream (spaCy
    fills its batches across them); each article's docs are what it gets alone."""
    articles = [pipeline.ingest(p) for p in dev_articles()[:4]]
    together = nlp.analyze_many(articles, cache=False)
    assert [a.article for a in together] == articles
    for article, analysis in zip(articles, together, strict=True):
        alone = nlp.analyze(article, cache=False)
        assert analysis.offsets == alone.offsets
        assert token_view(analysis.docs) == token_view(alone.docs)


def test_articles_parsed_together_parse_only_the_misses(monkeypatch):
    one, other = small_article(), small_article()
    other.text = other.text.replace("Alice", "Alina")
    cached = nlp.analyze(one)
    parsed = []
    real = nlp.load(nlp.model_name())

    class Counting:
        meta = real.meta

        def pipe(self, texts, **kwargs):
            texts = list(texts)
            parsed.append(texts)
            return real.pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "load", lambda name: Counting())
    first, second = nlp.analyze_many([one, other])
    assert parsed == [nlp.parse_texts(other)[0]], "only the article not cached is parsed"
    assert token_view(first.docs) == token_view(cached.docs)
    assert [d.text for d in second.docs] == nlp.parse_texts(other)[0]
    # ... and stored, so both are hits now.
    parsed.clear()
    nlp.analyze_many([one, other])
    assert parsed == []
