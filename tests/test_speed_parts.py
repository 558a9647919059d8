"""The speed changes of issue 7 change no result: wordfreq's list read as bytes, templates
compiled once per source and copied by pickling, and the garbage collector held back while
spaCy loads. Correctness only; no test here times anything."""

from __future__ import annotations

import copy
import gc
import re

import pytest
from conftest import dev_articles

from quizgen import frequency, nlp
from quizgen import templates as tm
from quizgen.errors import QuizgenError

SHARED_PROMPT = "What did {{ slots.subject }} say about {{ slots.topic | a_an }}?"
PACK = f"""
- id: first
  kind: claim
  type: short_answer
  when: "slots.topic and slots.subject != 'nobody'"
  prompt: "{SHARED_PROMPT}"
  answer: "{{{{ slots.answer }}}}"
  tags: [a, b]
  distractors: {{pool: same_kind, count: 3}}
- id: second
  kind: claim
  type: short_answer
  when: "slots.topic and slots.subject != 'nobody'"
  prompt: "{SHARED_PROMPT}"
  answer: "{{{{ slots.answer }}}}"
"""
CONTEXT = {
    "slots": {"subject": "the mayor", "topic": "open bridge", "answer": "It will reopen"},
    "fact": {},
    "evidence": {},
}


def write_pack(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, "utf-8")
    return folder


def test_templates_that_share_a_source_render_as_each_alone(tmp_path):
    first, second = tm.load_templates([write_pack(tmp_path / "pack", "a.yaml", PACK)])
    assert first.prompt == second.prompt == SHARED_PROMPT
    # One compiled template for the shared source, and the render of a fresh compile.
    assert tm._compiled(SHARED_PROMPT) is tm._compiled(SHARED_PROMPT)
    fresh = tm.environment().from_string(SHARED_PROMPT).render(**CONTEXT).strip()
    assert fresh == "What did the mayor say about an open bridge?"
    assert first.render(first.prompt, CONTEXT) == second.render(second.prompt, CONTEXT) == fresh
    assert first.test(CONTEXT) and second.test(CONTEXT)
    assert not first.test({**CONTEXT, "slots": {**CONTEXT["slots"], "subject": "nobody"}})
    assert first.value("slots.answer", CONTEXT) == "It will reopen"


def test_a_broken_source_names_every_template_that_has_it(tmp_path):
    broken = PACK.replace("{{ slots.topic | a_an }}", "{{ slots.topic ")
    for name in ("a.yaml", "b.yaml"):
        text = broken.replace("id: first", f"id: first-{name[0]}")
        with pytest.raises(QuizgenError, match=f"template 'first-{name[0]}'"):
            tm.parse_file(write_pack(tmp_path / name[0], name, text) / name)
    # An unknown filter fails when the prompt is compiled, naming the template that asked.
    source = "{{ slots.topic | no_such_filter }}"
    for tid in ("one", "two"):
        with pytest.raises(QuizgenError, match=f"template '{tid}'.*no_such_filter"):
            tm.render_string(source, tid, "here:1")
    with pytest.raises(QuizgenError, match="template 'three': bad expression"):
        tm.compile_expr("slots.x | no_such_filter", "three", "here:2")


def test_loaded_templates_are_copies_a_caller_can_change(tmp_path):
    folder = write_pack(tmp_path / "pack", "a.yaml", PACK)
    first = tm.load_templates([folder])
    assert first == tm.parse_file(folder / "a.yaml")
    first[0].tags.append("changed")
    first[0].distractors["count"] = 99
    first[1].pair.append("x")
    again = tm.load_templates([folder])
    assert again == tm.parse_file(folder / "a.yaml")
    assert again[0].tags == ["a", "b"] and again[0].distractors["count"] == 3
    assert again[1].pair == []


def test_the_built_in_templates_load_as_parsed(tmp_path):
    loaded = tm.load_templates()
    folder = tm.builtin_folder()
    parsed = [t for p in sorted(folder.glob("*.yaml")) for t in tm.parse_file(p)]
    assert loaded[: len(parsed)] == parsed
    assert copy.deepcopy(loaded) == tm.load_templates()
    # Each call gives objects of its own.
    assert all(a is not b for a, b in zip(loaded, tm.load_templates(), strict=True))


def test_the_collector_is_held_back_only_while_loading():
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    with nlp.few_collections():
        assert gc.get_threshold()[0] > 1_000_000
        assert gc.get_threshold()[1:] == before[1:]
        kept = [[i] for i in range(1000)]  # objects made during the load are frozen after it
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() >= frozen + len(kept)
    with pytest.raises(RuntimeError), nlp.few_collections():
        raise RuntimeError("a load that fails")
    assert gc.get_threshold() == before


def test_spacy_is_imported_under_the_guard_only_once():
    """A cached parse read back imports spaCy through nlp.import_spacy: a freeze for every
    article read would keep each article's cyclic garbage for good."""
    nlp.import_spacy()
    made_since = [[i] for i in range(1000)]
    frozen = gc.get_freeze_count()
    nlp.import_spacy()
    assert gc.get_freeze_count() == frozen and made_since


def test_reading_cached_parses_freezes_nothing_more(tmp_path, monkeypatch):
    from quizgen import pipeline

    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "article.txt"
    source.write_text(
        "Bridge Repairs\n\nThe council voted on Monday to repair the old bridge in the town. "
        "The mayor said the work would take two years and cost four million pounds.\n",
        "utf-8",
    )
    article = pipeline.ingest(source)
    first = pipeline.analyze(article)  # parses and stores (the model loads at most once)
    frozen = gc.get_freeze_count()
    for _ in range(3):
        again = pipeline.analyze(article)  # read back from the cache
        made_since = [[i] for i in range(1000)]
        assert gc.get_freeze_count() == frozen and made_since
    assert [d.to_json() for d in again.docs] == [d.to_json() for d in first.docs]


FIGURES = ["70%", "$1.7bn", "23,500", "1990s", "2005/06", "£3m", "€40", "1.5", "2019", "2045"]
FIGURES += ["1,000,000", "3.5%", "well-known", "50-year-old", "7", "00", "", " ", "naïve"]


def test_the_list_read_as_bytes_is_wordfreqs_own_reading():
    """Every one of the 321,000 entries: the bytes table, decoded, is the table wordfreq's own
    reader gives (the last rank kept for a word listed twice, as wordfreq keeps it)."""
    from pathlib import Path

    import wordfreq

    own = wordfreq.read_cBpack(str(Path(wordfreq.DATA_PATH) / "large_en.msgpack.gz"))
    expected = {word: i for i, bucket in enumerate(own) for word in bucket}
    table = frequency._listed()
    assert table is not None and all(type(k) is bytes for k in table)
    assert {k.decode("utf-8"): v for k, v in table.items()} == expected
    assert frequency._english() == expected


def test_zipf_equals_wordfreq_for_every_word_of_the_dev_articles():
    import wordfreq

    words = set(FIGURES)
    for path in dev_articles():
        text = path.read_text("utf-8")
        for w in re.findall(r"\S+", text):
            bare = w.strip(".,;:!?\"'()[]“”‘’")
            words |= {w, w.lower(), bare, bare.lower()}
        for n in re.findall(r"\d[\d.,]*\d|\d", text):
            words |= {n, n + "%", "$" + n + "bn", "£" + n + "m", n + "s"}
    if len(words) == len(FIGURES):
        pytest.skip("../shared/examples/dev-articles is absent: figures only would be a weak check")
    wrong = [w for w in sorted(words) if frequency.zipf(w) != wordfreq.zipf_frequency(w, "en")]
    assert not wrong, wrong[:20]


# -- well_formed's questions parsed in batches (extract/base.py: judge, guessing) -----------

GOOD = ["Who announced the new budget on Tuesday?", "When did the minister announce the budget?"]
BAD = ["Who the budget cuts of the year in London?", "Where did the tunnel reopened?"]


def bare_analysis():
    return nlp.Analysis(article=None, docs=[], offsets=[], model=nlp.model_name())


def one_by_one(text: str) -> bool:
    from quizgen.extract import base

    model = nlp.load(nlp.model_name())
    return base._reads_as_question(model(text))


def test_a_batch_gives_each_question_the_verdict_of_its_own_parse():
    from quizgen.extract import base

    analysis = bare_analysis()
    base.judge([*GOOD, *BAD, GOOD[0]], analysis)
    memo = analysis.cache["well_formed"]
    assert memo == {t: one_by_one(t) for t in (*GOOD, *BAD)}
    assert [memo[t] for t in (*GOOD, *BAD)] == [True, True, False, False]


def test_a_wrong_guess_runs_again_with_the_real_verdict():
    from quizgen.extract import base

    analysis = bare_analysis()
    calls = []

    def run():
        # What it asks next depends on the verdict, as in an extractor.
        calls.append(1)
        if base.well_formed(BAD[0], analysis):
            if base.well_formed(GOOD[0], analysis):
                raise ValueError("only a wrong guess leads here")
            return "wrong"
        return [base.well_formed(q, analysis) for q in (GOOD[1], BAD[1])]

    def plain():
        return [base.well_formed(GOOD[1], analysis), base.well_formed(BAD[1], analysis)]

    assert base.guessing([run, plain], analysis) == [[True, False], [True, False]]
    # Guessed and failed; then again with every verdict known (``plain`` guessed them).
    assert len(calls) == 2
    assert base.GUESSES not in analysis.cache
    # Outside ``guessing`` each question is parsed when asked, as before.
    assert base.well_formed(GOOD[0], bare_analysis()) is True


def test_an_error_on_the_real_verdicts_is_raised():
    from quizgen.extract import base

    analysis = bare_analysis()

    def run():
        base.well_formed(GOOD[0], analysis)
        raise ValueError("a real error")

    with pytest.raises(ValueError, match="a real error"):
        base.guessing([run], analysis)


def test_guessed_extraction_gives_the_facts_of_parsing_each_question_when_asked():
    from quizgen import pipeline, registry

    paths = dev_articles()[:4]
    if not paths:
        pytest.skip("../shared/examples/dev-articles is absent")
    for path in paths:
        article = pipeline.ingest(path)
        batched = pipeline.extract(pipeline.analyze(article, cache=False))
        analysis = pipeline.analyze(article, cache=False)
        facts = []
        for plugin in registry.plugins("extractors"):
            facts.extend(registry.load("extractors", plugin.name).extract(analysis=analysis))
        unique = list({f.id: f for f in facts[::-1]}.values())  # the first of each id wins
        unique.sort(key=lambda f: next(k for k, g in enumerate(facts) if g.id == f.id))
        pipeline._mark_sentences(analysis, unique)
        assert [f.to_dict() for f in batched] == [f.to_dict() for f in unique]


def test_entities_and_subject_names_kept_for_the_article_are_spacys_own():
    from quizgen import pipeline
    from quizgen.extract import base

    paths = dev_articles()[:3]
    if not paths:
        pytest.skip("../shared/examples/dev-articles is absent")
    checked = 0
    for path in paths:
        analysis = pipeline.analyze(pipeline.ingest(path), cache=False)
        for sent, _ in analysis.sentences():
            spans = [(e.start, e.end, e.label_) for e in sent.ents]
            assert [(e.start, e.end, e.label_) for e in base.sent_ents(sent, analysis)] == spans
            for tok in sent:
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    first = base.subject_name(tok, analysis)
                    assert first == base.subject_name(tok, analysis)  # kept
                    assert first == base._subject_name(tok, analysis)  # worked out again
                    checked += 1
        # Found once, handed out as a fresh list each time: a caller may change its own.
        first, again = analysis.sentences(), analysis.sentences()
        assert first == again and first is not again
    assert checked > 50


# -- the question re-parse's slim steps, the parse's cache bytes (fifth round) ----------------


def example_texts() -> list[str]:
    from quizgen import pipeline

    article = pipeline.ingest(pipeline.bundled_deck() / "article.txt")
    return nlp.parse_texts(article)[0]


def test_the_question_steps_tag_and_parse_as_the_whole_pipeline_does():
    """Questions are parsed without the entity recogniser and the lemmatizer, and with only
    the attribute ruler's rules that set what the verdict reads: each token's tags, head and
    dependency come out as the full pipeline sets them (and so does each verdict)."""
    from quizgen.extract import base

    model = nlp.load(nlp.model_name())
    sentences = [s.text for doc in model.pipe(example_texts()) for s in doc.sents]
    texts = [*GOOD, *BAD, "There is a  double space here .", *sentences]
    full = list(model.pipe(texts))
    _, steps = base._question_pipeline(nlp.model_name())
    docs = [model.make_doc(t) for t in texts]
    for step in steps:
        docs = list(step.pipe(docs))
    assert [type(s).__name__ for s in steps if "Ruler" in type(s).__name__] == ["AttributeRuler"]
    assert len(steps[-1].patterns) < len(model.get_pipe("attribute_ruler").patterns)

    def read(doc):
        return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i) for t in doc]

    assert [read(d) for d in docs] == [read(d) for d in full]
    verdicts = [base._reads_as_question(d) for d in docs]
    assert verdicts == [base._reads_as_question(d) for d in full]
    assert True in verdicts and False in verdicts


def test_the_stored_parse_is_spacys_own_docbin_byte_for_byte():
    from spacy.tokens import DocBin

    from quizgen import cache

    model = nlp.load(nlp.model_name())
    docs = [nlp.mend(d) for d in model.pipe([*example_texts(), "", "A  spaced   text ."])]
    docs[0].user_data["note"] = "kept"
    for store in (False, True):
        assert cache.docs_bytes(docs, store) == DocBin(docs=docs, store_user_data=store).to_bytes()
    for doc in docs:
        assert cache.docs_bytes([doc], False) == DocBin(docs=[doc]).to_bytes()
    read = list(
        DocBin(store_user_data=True).from_bytes(cache.docs_bytes(docs, True)).get_docs(model.vocab)
    )
    assert [d.to_json() for d in read] == [d.to_json() for d in docs]
    assert read[0].user_data == {"note": "kept"}
