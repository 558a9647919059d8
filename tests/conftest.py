"""Shared fixtures. The dev articles are the BBC's and stay in ../shared: tests that need them
skip, saying why, where that folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.model import Article, Block, Evidence, Fact, Question, QuestionSet

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "examples" / "hanoi-summit"
DEV_ARTICLES = SHARED / "examples" / "dev-articles"

HOSTILE = "<script>alert(1)</script> # $ * _ @ < > [ ] { } \\ ~ = : & \"q\" 'a' =SUM(A1) +1 -1"


def dev_articles() -> list[Path]:
    return sorted(DEV_ARTICLES.glob("*.txt")) if DEV_ARTICLES.is_dir() else []


needs_shared = pytest.mark.skipif(
    not EXAMPLE.is_dir(), reason="../shared/examples is absent (the example articles live there)"
)


def facts_of(text: str) -> list[Fact]:
    """The facts quizgen extracts from an article's text, parsed by the real model, no cache."""
    from quizgen import pipeline
    from quizgen.ingest import read_text

    return pipeline.extract(pipeline.analyze(read_text(text), cache=False))


# A template pack the tests add to the built-in ones (see ``with_pack``).
WHERE_PACK = Path(__file__).with_name("packs") / "where"
# Templates that reviews retired, kept so that their slots stay tested.
RETIRED_PACK = Path(__file__).with_name("packs") / "retired"


def with_pack(pack: Path) -> list[Path]:
    """The built-in template folders and ``pack``, for ``pipeline.generate``."""
    from quizgen import registry

    return [registry.load("templates", p.name) for p in registry.plugins("templates")] + [pack]


def facts_and_questions(text: str, template_dirs: list[Path] | None = None):
    """The facts of ``text`` (``facts_of``) and every question the built-in templates (or
    ``template_dirs``) make of them, before selection; a template that fails to render
    fails the test."""
    from quizgen import pipeline

    facts = facts_of(text)
    qs, failures = pipeline.generate(facts, template_dirs=template_dirs)
    assert not failures
    return facts, qs


def named(name: str, label: str = "ORG", mentions: int = 3, **slots) -> Fact:
    """An entity fact as the entity extractor makes it, for generation tests without a parse."""
    slots = {"name": name, "label": label, "mentions": mentions, "actor": label, **slots}
    return Fact.make("entity", slots, Evidence(name, 0, len(name)))


def sentence_fact(text: str, detail: str, label: str = "ORG", pool: str = "") -> Fact:
    """A sentence fact on the main story whose false form changes ``detail``."""
    slots = {
        "text": text,
        "detail": detail,
        "detail_label": label,
        "detail_pool": pool or f"entity.name[actor={label}]",
        "central": 2,
    }
    return Fact.make("sentence", slots, Evidence(text, 0, len(text)), salience=0.9)


def question(
    prompt: str, type: str = "true_false", answer: str = "True", template: str = "sentence-tf"
) -> Question:
    """A question as generation makes it, its evidence its own prompt, for selection's checks."""
    return Question(
        id="q-1",
        type=type,
        prompt=prompt,
        answer=answer,
        template_id=template,
        fact_id="f-1",
        evidence=Evidence(prompt, 0, len(prompt)),
    )


def sentence_texts(text: str) -> list[str]:
    """The statements the sentence extractor makes of ``text``, as a question shows them."""
    return [f.slots["text"] for f in facts_of(text) if f.kind == "sentence"]


def true_false(facts: list[Fact], template_dirs: list[Path] | None = None) -> list[str]:
    """The true/false prompts the built-in templates (or ``template_dirs``) make of
    ``facts``: one form of each, or none for a statement with no stand-in that fits."""
    from quizgen import pipeline

    made = pipeline.generate(facts, template_dirs=template_dirs)[0]
    return [q.prompt for q in made if q.type == "true_false"]


def prompts(text: str) -> list[str]:
    return [q.prompt for q in facts_and_questions(text)[1]]


def pointing(text: str) -> list[str]:
    """The phrases that point back, over every sentence of ``text``."""
    from quizgen.extract.coref import pointing_phrases
    from quizgen.ingest import read_text
    from quizgen.pipeline import analyze

    analysis = analyze(read_text(text), cache=False)
    return [p for s, _ in analysis.sentences() for p in pointing_phrases(s, analysis)]


def sentence_levels(text: str, width: int = 20) -> dict:
    """Each sentence of ``text`` (by its first ``width`` characters) with its level in the
    article (extract.centrality.sentence_level): 2 the main story, 0 a side detail, or PLAY."""
    from quizgen import pipeline
    from quizgen.extract.centrality import sentence_level
    from quizgen.ingest import read_text

    analysis = pipeline.analyze(read_text(text), cache=False)
    return {
        s.text[:width]: sentence_level(k, s, analysis)
        for k, (s, _) in enumerate(analysis.sentences())
    }


def stands_alone_texts(*texts: str) -> list[bool]:
    """Whether each text, parsed alone, can be shown on its own (extract.base.stands_alone)."""
    from quizgen import nlp
    from quizgen.extract.base import stands_alone

    model = nlp.load(nlp.model_name())
    return [stands_alone(next(model(t).sents)) for t in texts]


def make_qset(extra: str = "") -> QuestionSet:
    """A small question set with one question of every type, built by hand so exporter tests
    do not depend on the language analysis. ``extra`` is put into every text field."""
    text = (
        "Quiz Title\n\n"
        f"Alice Smith, the mayor of Springfield, said on May 3 that the bridge will reopen. {extra}\n\n"
        "The council voted 7-2 to fund the repairs because the old bridge was unsafe.\n"
    )
    s1 = text.index("Alice")
    e1 = text.index("reopen.") + len("reopen.")
    s2 = text.index("The council")
    e2 = text.index("unsafe.") + len("unsafe.")
    ev1 = Evidence(text[s1:e1], s1, e1)
    ev2 = Evidence(text[s2:e2], s2, e2)
    article = Article(
        text=text,
        source="sample.txt",
        title=f"Bridge news {extra}".strip(),
        author="Jo Reporter",
        date="2024-05-04",
        outlet="Springfield Times",
        slug="bridge-news",
        blocks=[Block(0, 10, "title"), Block(12, e1, "body"), Block(s2, e2, "body")],
    )
    x = f" {extra}" if extra else ""
    qs = [
        Question(
            id="q-mcq1",
            type="mcq",
            prompt=f"Who is the mayor of Springfield?{x}",
            answer="Alice Smith",
            choices=["Alice Smith", "Bob Jones", "Carol White", "Dan Brown"],
            correct=[0],
            explanation=f"Alice Smith is the mayor.{x}",
            evidence=ev1,
            fact_id="entity-1",
            template_id="entity-role-mcq",
            bloom="remember",
            tags=["people"],
        ),
        Question(
            id="q-tf1",
            type="true_false",
            prompt=f"The council voted 7-2 to fund the repairs.{x}",
            answer="True",
            choices=["True", "False"],
            correct=[0],
            evidence=ev2,
            fact_id="event-1",
            template_id="event-tf",
            bloom="remember",
        ),
        Question(
            id="q-tf2",
            type="true_false",
            prompt=f"Alice Smith said the bridge will close.{x}",
            answer="False",
            choices=["True", "False"],
            correct=[1],
            evidence=ev1,
            fact_id="statement-1",
            template_id="statement-tf",
            bloom="understand",
        ),
        Question(
            id="q-sa1",
            type="short_answer",
            prompt=f"Why did the council fund the repairs?{x}",
            answer=f"Because the old bridge was unsafe{x}",
            evidence=ev2,
            fact_id="cause-1",
            template_id="cause-why",
            bloom="understand",
        ),
        Question(
            id="q-cl1",
            type="cloze",
            prompt=f"The council voted 7-2 to fund the {{{{c1::repairs}}}}.{x}",
            answer="repairs",
            evidence=ev2,
            fact_id="term-1",
            template_id="term-cloze",
            bloom="remember",
        ),
        Question(
            id="q-ma1",
            type="matching",
            prompt=f"Match each person to their role.{x}",
            answer="Alice Smith: mayor of Springfield; Jo Reporter: reporter",
            pairs=[
                ["Alice Smith", f"mayor of Springfield{x}"],
                ["Jo Reporter", "reporter"],
                ["The council", "voted to fund repairs"],
            ],
            evidence=ev1,
            fact_id="entity-2",
            template_id="roles-matching",
            bloom="remember",
        ),
        Question(
            id="q-or1",
            type="ordering",
            prompt=f"Put these events in order.{x}",
            answer="The bridge was found unsafe; the council voted; the bridge reopens",
            choices=["the council voted", "the bridge reopens", "the bridge was found unsafe"],
            correct=[2, 0, 1],
            evidence=ev2,
            fact_id="event-2",
            template_id="events-ordering",
            bloom="understand",
        ),
        Question(
            id="q-ms1",
            type="multi_select",
            prompt=f"Which of these did the article mention?{x}",
            answer="the bridge; the council",
            choices=["the bridge", "the council", "a tunnel", "a ferry"],
            correct=[0, 1],
            evidence=ev2,
            fact_id="list-1",
            template_id="list-ms",
            bloom="remember",
        ),
        Question(
            id="q-es1",
            type="essay",
            prompt=f"Do you agree that the bridge should reopen? Explain.{x}",
            answer=f"A good answer weighs the safety argument.{x}",
            evidence=ev1,
            fact_id="claim-1",
            template_id="claim-essay",
            bloom="evaluate",
        ),
    ]
    return QuestionSet(article=article, questions=qs, seed=1)


@pytest.fixture
def qset() -> QuestionSet:
    return make_qset()


@pytest.fixture
def hostile_qset() -> QuestionSet:
    return make_qset(HOSTILE)


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Tests never read or fill the user's own analysis cache."""
    import os

    old = os.environ.get("QUIZGEN_CACHE_DIR")
    os.environ["QUIZGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("quizgen-cache"))
    yield
    if old is None:
        os.environ.pop("QUIZGEN_CACHE_DIR", None)
    else:
        os.environ["QUIZGEN_CACHE_DIR"] = old
