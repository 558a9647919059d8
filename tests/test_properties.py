"""Property tests: random Unicode articles never break the pipeline with anything but a
QuizgenError (a one-line message), and whatever question set comes out, every exporter's
files open and read back in their consumers.

Articles are English sentences with random words, control characters, right-to-left script,
emoji and combining marks mixed in, so that most of them reach the language analysis and
some give questions; spaCy is loaded once per process (quizgen.nlp keeps it).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from conftest import make_qset
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_hostile import CHECKED, Build

from quizgen import pipeline, registry
from quizgen.errors import QuizgenError

FORMATS = [p.name for p in registry.plugins("exporters")]
# The same examples on every run, so that CI passes or fails on the code, not on the draw
# (four readers' quirks were found by random draws, each now pinned with @example).
# QUIZGEN_EXPLORE=1 draws new ones, for a session that has time to look at what they find.
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
    derandomize=not os.environ.get("QUIZGEN_EXPLORE"),
)

WORDS = (
    "the mayor council bridge said voted because city minister Paris Alice Smith reopen "
    "repairs unsafe million report on Monday in May would will should however"
).split()
ODD = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf"),  # letters to controls; no surrogates
)
SPICE = st.sampled_from(
    [
        "\u202e",  # right-to-left override
        "\u200f",  # right-to-left mark
        "שלום",
        "مرحبا",
        "👩‍👩‍👧",
        "🏳️‍🌈",
        "e\u0301\u0301\u0301",  # stacked combining marks
        "\u0000",
        "\x1b[31m",
        "\ufeff",
        "\u2028",
        "{{c1::x}}",
        "<script>alert(1)</script>",
        "=1+1",
        '#read("/etc/passwd")',
    ]
)
WORD = st.one_of(st.sampled_from(WORDS), st.text(ODD, min_size=1, max_size=8), SPICE)
FRAMES = [
    "{a} Smith, the mayor of {b}, said on Monday that the {c} would reopen.",
    "The town council hired 70 staff to run the {a} because the old {b} was unsafe.",
    "{a} will cost $2 million, according to a report by {b}.",
    "The minister of {a} believes that the city of Leeds should {b} the {c}.",
]


@st.composite
def articles(draw) -> str:
    paragraphs = [draw(st.text(ODD, max_size=30)) or "Title"]
    for _ in range(draw(st.integers(1, 6))):
        sentences = []
        for _ in range(draw(st.integers(1, 3))):
            if draw(st.booleans()):
                slots = {k: " ".join(draw(st.lists(WORD, min_size=1, max_size=3))) for k in "abc"}
                sentences.append(draw(st.sampled_from(FRAMES)).format(**slots))
            else:
                sentences.append(" ".join(draw(st.lists(WORD, min_size=1, max_size=25))) + ".")
        paragraphs.append(" ".join(sentences))
    return draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"])).join(paragraphs)


@pytest.fixture(scope="module", autouse=True)
def _private_cache(tmp_path_factory):
    """Random articles must not fill the user's analysis cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("QUIZGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


def read_back(qset, out: Path, scratch: Path) -> None:
    """Export every format, then open each output as test_hostile does (the text2qti run is
    left to that file: it costs a second a time)."""
    paths, _ = pipeline.export(qset, FORMATS, out, {"timestamp": 1_700_000_000})
    assert paths
    b = Build("random", out, "", qset.to_dict())
    for fmt in sorted(set(FORMATS) - {"markdown"}):
        (scratch / fmt).mkdir()
        CHECKED[fmt](b, scratch / fmt)
    [md] = [p for p in paths if p.suffix == ".md"] or [None]
    if md is not None:
        assert md.read_text("utf-8").strip()


@SETTINGS
@given(
    text=articles(), suffix=st.sampled_from([".txt", ".md", ".html", ""]), seed=st.integers(0, 9)
)
@example(text="The mayor said.\x00\x00", suffix=".txt", seed=0)
@example(  # questions, but none that GIFT can hold: no .gift.txt is written
    text="Title\n\nthe Smith, the mayor of the, said on Monday that the the would reopen.\n\n"
    "the. the Smith, the mayor of the, said on Monday that the the would reopen. the.\n\n"
    'the Smith, the mayor of {{c1::x}}, said on Monday that the =1+1 #read("/etc/passwd") '
    "would reopen.",
    suffix=".txt",
    seed=0,
)
@example(text="\u202e" * 200, suffix=".txt", seed=0)
def test_random_articles_fail_only_with_a_quizgen_error(text, suffix, seed):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"article{suffix}"
        src.write_bytes(text.encode("utf-8"))
        try:
            article = pipeline.ingest(src)
            qset, _, _ = pipeline.questions_for(article, count=30, seed=seed)
        except QuizgenError as exc:
            assert str(exc) and "\n" not in str(exc).strip()
            return
        for q in qset.questions:
            ev = q.evidence
            assert article.text[ev.start : ev.end] == ev.text
        if qset.questions:
            read_back(qset, Path(tmp) / "out", Path(tmp))


@SETTINGS
@given(
    extra=st.lists(st.one_of(st.text(ODD, min_size=1, max_size=6), SPICE), max_size=6).map(" ".join)
)
@example(extra="0\x850")  # YAML read a raw NEL as a line break (found by this test)
@example(extra="a\u2028b\u2029c")
# Typst drew the NUL between "<" and "script" after a right-to-left word (found by this test)
@example(extra="שלום \x00 <script>alert(1)</script>")
# The PDF's text came back as "#\xad#\xadread(": a soft hyphen is invisible (found by this test)
@example(extra='#\xad #read("/etc/passwd")')
# A Hebrew point before ":" came back from the PDF as "<:\u05b0script>" (found by this test)
@example(extra="\u05b0 : <script>alert(1)</script>")
def test_every_exporter_reads_back_random_text_in_every_field(extra):
    """make_qset puts the text into every field of a question of every type."""
    qset = make_qset(extra)
    with tempfile.TemporaryDirectory() as tmp:
        read_back(qset, Path(tmp) / "out", Path(tmp))


def test_the_frames_give_questions_even_with_odd_words():
    """Guard against articles that never get past ingest and analysis, which would test
    nothing: the frame sentences with odd words in them still give questions."""
    spice = ["\u202eשלום", "👩\u200d👩\u200d👧", "e\u0301\u0301", "{{c1::x}}", "=1+1"]
    text = "Odd words\n\n" + "\n\n".join(
        frame.format(a=f"Alice {spice[k % 5]}", b=f"Springfield {spice[(k + 1) % 5]}", c="bridge")
        for k, frame in enumerate(FRAMES * 2)
    )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "a.txt"
        src.write_text(text, "utf-8")
        qset, _, _ = pipeline.questions_for(pipeline.ingest(src), count=30)
        # Each frame appears twice with other odd words: one fact, which selection asks once.
        assert len(qset.questions) >= 2
        read_back(qset, Path(tmp) / "out", Path(tmp))
