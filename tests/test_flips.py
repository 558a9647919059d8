"""Statements turned round for a false true/false item, with the real parser."""

from __future__ import annotations

import pytest
from conftest import facts_of

from quizgen import pipeline
from quizgen.extract.flips import flip_for
from quizgen.generate import flipped
from quizgen.ingest import read_text


def first_sentence(text: str):
    analysis = pipeline.analyze(read_text(f"Title\n\n{text}\n"), cache=False)
    return analysis.sentences()[0][0]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The dollar has weakened sharply against the euro since September.", "strengthened"),
        ("A former executive has lost her sex discrimination case against the bank.", "won"),
        ("The chancellor said that unemployment had fallen in every region.", "risen"),
        ("The energy company raised prices for its customers in the north.", "cut"),
        # A move from a time, not between two figures (see the round-128 cases below).
        ("Profits rose from last year's level, helped by strong sales to China.", "fell"),
    ],
)
def test_the_main_verb_is_turned_round(text, expected):
    sent = first_sentence(text)
    found = flip_for(sent, text)
    assert found is not None and found[1] == expected
    statement, old, new = flipped(text, list(found))
    assert new in statement and old not in statement.split()


@pytest.mark.parametrize(
    "text",
    [
        "Arsene Wenger has stepped up his feud with Sir Alex Ferguson this week.",  # idiom
        "Sales of new homes fell by 12% in November, to their lowest level in years.",
        "German law does allow people to make copies of CDs for their family.",
        "The firm had been losing about $1m a week for two years.",  # not a contest
        "The club did not win the match against the league leaders.",  # already negated
        "The protection would have allowed the managers to keep control.",  # hypothetical
        "The prime minister raised her concerns about the exams with the minister.",  # no amount
        # The figures a move went between say which way it went: turned, it contradicts them
        # on its face (round 128).
        "The average house price fell from £180,126 in November to £178,906, the lender said.",
        "The jobless rate rose to 7.1% from 6.8% in the previous quarter.",
        # An idiom the other verb does not make: no "rose behind" (round 133).
        "Having beaten Australia, England fell behind to an early try against Fiji.",
    ],
)
def test_no_turn_where_it_would_read_as_nonsense(text):
    assert flip_for(first_sentence(text), text) is None


def test_flipped_needs_the_word_once():
    assert flipped("Prices rose and rose again.", ["rose", "fell"]) is None
    assert flipped("Prices rose sharply.", ["rose", "fell"]) == (
        "Prices fell sharply.",
        "rose",
        "fell",
    )


def test_a_figure_after_exceed_is_not_lowered_into_a_false_statement():
    """ "will exceed $5 billion" stays true at $2 billion (round 46): a figure that is only a
    bound is not changed, as after "more than"."""
    text = (
        "Streaming sales soar\n\n"
        "Streaming sales at Vixo will exceed $5 billion this year, the company said on Monday. "
        "Vixo made $2 billion from adverts last year, its chief executive Ana Ruiz said.\n"
    )
    facts = facts_of(text)
    questions, _ = pipeline.generate(facts)
    assert not [q for q in questions if "exceed $2 billion" in q.prompt]
