"""The rules every delivered question keeps, on the example and on every dev article.

The dev articles are the BBC's and stay in ../shared; these tests skip where it is absent.
The counts are printed (run with -s): how many questions each article gets is a figure to
watch, not a rule, since fewer, better questions beat many weak ones.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import EXAMPLE, dev_articles

from quizgen import pipeline
from quizgen.pronouns import has_dangling_pronoun

ARTICLES = [*dev_articles(), *([EXAMPLE / "article.txt"] if EXAMPLE.is_dir() else [])]
pytestmark = pytest.mark.skipif(not ARTICLES, reason="../shared/examples is absent")


def norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@pytest.fixture(scope="module")
def sets():
    out = {}
    for path in ARTICLES:
        article = pipeline.ingest(path)
        qset, facts, failures = pipeline.questions_for(article, count=30, seed=0)
        assert not failures, failures
        out[path.name] = (article, qset, facts)
    return out


def test_counts(sets):
    for name, (_, qset, _) in sets.items():
        kinds = Counter(q.type for q in qset.questions)
        print(f"\n{name}: {len(qset.questions)} questions {dict(kinds)}")
        assert qset.questions, name


def test_evidence_is_exact_and_in_the_body(sets):
    for name, (article, qset, _) in sets.items():
        for q in qset.questions:
            ev = q.evidence
            assert article.text[ev.start : ev.end] == ev.text, (name, q.id)
            # Evidence may run over paragraphs ('"...," he said.' reaches back to the name),
            # but only over body text: every block it touches is body, and one holds its start.
            # A discussion of an opinion piece's headline, or of its whole argument, has the
            # headline for its evidence.
            touched = [b for b in article.blocks if b.start < ev.end and ev.start < b.end]
            on_headline = q.template_id.startswith(("claim-headline", "claim-argument"))
            kinds = {"body", "title"} if on_headline else {"body"}
            assert touched and all(b.kind in kinds for b in touched), (name, q.prompt)
            assert any(b.start <= ev.start < b.end for b in touched), (name, q.prompt)


def test_extractive_answers_are_in_their_evidence(sets):
    """A key taken from the text is found in the sentence it came from, or is a name whose
    last word is there (the article may say "Trump" where the key says "Donald Trump"). A
    reason the doer gave ("Mr Brown said ...", from "..., saying ...") names its doer, and
    both the doer and the words are found."""
    from quizgen.extract.purpose import STATING

    gerund = {past: ing for ing, past in STATING.items()}

    for name, (_, qset, facts) in sets.items():
        aliases = {
            norm(a): f.slots.get("name", "")
            for f in facts
            if f.kind == "entity"
            for a in [f.slots.get("name", ""), *f.slots.get("aliases", [])]
        }
        for q in qset.questions:
            if q.type in ("true_false", "essay", "matching", "ordering", "multi_select"):
                continue
            keys = [q.choices[k] for k in q.correct] if q.type == "mcq" else [q.answer]
            for key in keys:
                text = norm(q.evidence.text)
                k = norm(re.sub(r"^(because|that|if|in|on|by)\s+", "", key, flags=re.I))
                if q.template_id == "cause-stated-short":
                    doer, verb, k = re.match(
                        rf"(.+?) ({'|'.join(STATING.values())}) (.+)", k
                    ).groups()
                    assert doer in text and gerund[verb] in text, (q.prompt, key)
                named = any(norm(a) in text for a, canon in aliases.items() if norm(canon) == k)
                last = k.split()[-1] if k else ""
                assert k in text or named or (len(k.split()) <= 4 and last in text.split()), (
                    name,
                    q.prompt,
                    key,
                )


def test_no_prompt_leans_on_an_unexplained_pronoun(sets):
    for name, (_, qset, _) in sets.items():
        for q in qset.questions:
            if q.type in ("matching", "ordering", "essay"):
                continue  # an essay speaks to "you"; what it quotes is checked by selection
            # "It" may open a question only as an empty subject ("It remains too soon to ...").
            first = q.prompt.split()[0].lower().strip('",')
            assert first not in ("they", "this", "these", "he", "she", "its", "their"), (
                name,
                q.prompt,
            )
            prompt = re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", q.prompt)
            allowed = (
                ("he", "his", "him", "she", "her")
                if q.type in ("mcq", "short_answer") and prompt.startswith("Who")
                else ()
            )
            assert not has_dangling_pronoun(prompt, allowed), (name, q.prompt)


def test_no_mcq_offers_two_names_for_one_thing(sets):
    for name, (_, qset, facts) in sets.items():
        groups = {}
        for k, f in enumerate(facts):
            if f.kind == "entity":
                for a in [f.slots.get("name", ""), *f.slots.get("aliases", [])]:
                    groups[norm(a)] = k
        for q in qset.questions:
            if q.type != "mcq":
                continue
            seen = [groups.get(norm(c)) for c in q.choices if norm(c) in groups]
            assert len(seen) == len(set(seen)), (name, q.prompt, q.choices)
            assert len({norm(c) for c in q.choices}) == len(q.choices), (name, q.choices)


def test_every_question_type_on_the_example(sets):
    if "article.txt" not in sets:
        pytest.skip("the example article is absent")
    kinds = {q.type for q in sets["article.txt"][1].questions}
    print(f"\nexample types: {sorted(kinds)}")
    assert {"mcq", "true_false", "short_answer", "essay"} <= kinds


def test_true_false_keys_are_balanced(sets):
    """Guessing the commoner key must pay nothing: each article's keys differ by one at most,
    besides the lead's true statement (a report's opening sentence, which has no false form
    and stands outside the count rather than push out another true item)."""
    for name, (_, qset, _) in sets.items():
        keys = Counter(
            q.answer
            for q in qset.questions
            if q.type == "true_false" and q.template_id != "sentence-lead-tf"
        )
        assert abs(keys["True"] - keys["False"]) <= 1, (name, dict(keys))


def test_details_come_from_the_main_story(sets):
    """A blank, a changed figure or name, or a "how many" only on a sentence the centrality
    rule puts at level 2 (the lead, or one on the main story): side details were the reviews'
    commonest failure. Every fact has its level recorded. Only a set that would otherwise be
    shorter than FLOOR takes side details."""
    from quizgen.select import FLOOR, detail

    asked = 0
    for name, (_, qset, facts) in sets.items():
        levels = {f.id: f.slots["central"] for f in facts}
        assert set(levels.values()) <= {0, 1, 2}, name
        for q in qset.questions:
            if detail(q):
                asked += 1
                assert levels[q.fact_id] == 2 or len(qset.questions) <= FLOOR, (name, q.prompt)
        gated = [r for r in qset.rejected if r.reason.startswith("a side detail")]
        assert all(levels[r.question.fact_id] < 2 for r in gated), name
    assert asked, "no detail question was delivered, so nothing is tested"


def test_centrality_levels():
    from quizgen.extract.centrality import level

    assert level(0, 0) == 2  # the lead, whatever its words
    assert level(2, 1) == 2
    assert level(9, 4) == 2  # later, but on the main story
    assert level(9, 3) == 1
    assert level(9, 2) == 0


def test_the_lead_is_three_sentences_or_three_paragraphs():
    from quizgen.extract.centrality import level

    assert level(9, 0, paragraph=2) == 2  # an encyclopedia's lead section: long paragraphs
    assert level(9, 0, paragraph=3) == 0
    assert level(9, 0) == 0  # a text that lost its paragraphs: sentences only
