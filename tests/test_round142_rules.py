"""Rules from the twenty-second session: rounds 142 and after (Reuters reports and
encyclopedia entries no code had seen)."""

import pytest
from conftest import facts_of


def _usable(text: str) -> list[str]:
    """The sentences every extractor may ask about."""
    from quizgen import pipeline
    from quizgen.extract.base import usable_sentences
    from quizgen.ingest import read_text

    analysis = pipeline.analyze(read_text(text), cache=False)
    return [s.text.strip() for s, _ in usable_sentences(analysis)]


def test_two_spaces_after_a_full_stop_leave_one_stop():
    # The space token after "border." ended the sentence, so its full stop was kept and
    # another added: "... the U.S.-Mexican border.."
    text = (
        "Wall talks\n\n"
        "The White House said on Friday it would hold talks with congressional leaders next "
        "week.  Democrats oppose funding for a wall along the U.S.-Mexican border.  "
        "Republicans want more money for the military."
    )
    slots = [f.slots for f in facts_of(text) if f.kind == "position"]
    statements = [s["statement"] for s in slots if s.get("statement")]
    assert "Democrats oppose funding for a wall along the U.S.-Mexican border." in statements
    assert not any(s.endswith("..") for s in statements)


@pytest.mark.parametrize(
    "silent",
    [
        "Lisa Murkowski's spokeswoman declined to comment and referred a comment request to "
        "the Senate Energy and Natural Resources Committee.",
        "A spokesman for the company did not immediately respond to a Reuters request for comment.",
        "Lawyers for Papadopoulos did not immediately respond to requests by Reuters for comment.",
    ],
)
def test_a_sentence_that_says_someone_said_nothing_is_not_asked(silent):
    text = (
        "Drilling row\n\n"
        "A group of scientists asked two senators in a letter on Thursday not to open the "
        "Arctic refuge to oil drilling. " + silent + " The senators will vote on the bill "
        "next month."
    )
    usable = _usable(text)
    assert silent not in usable
    assert "The senators will vote on the bill next month." in usable


def test_a_firm_that_declined_to_comment_in_passing_still_has_its_news():
    text = (
        "Job cuts\n\n"
        "Carmaker Vauxhall plans to close its plant in Luton next year, the union said. "
        "The company, which declined to comment, is expected to cut 500 jobs at the plant."
    )
    assert (
        "The company, which declined to comment, is expected to cut 500 jobs at the plant."
        in _usable(text)
    )
