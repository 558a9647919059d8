"""Vocabulary blanks: a key term is blanked only where the words around it do not give it
away (real parses of sentences written for the test)."""

from __future__ import annotations

import pytest
from conftest import facts_of


def terms(text: str) -> dict[str, str]:
    return {f.slots["term"]: f.slots["sentence"] for f in facts_of(text) if f.kind == "term"}


def test_a_blank_is_taken_where_its_neighbours_do_not_give_it_away():
    found = terms(
        "Life in the lab\n\n"
        "In the vertebrates (animals with backbones), smell is processed in the olfactory bulb. "
        "Biologists have studied vertebrates for many years in the lab.\n\n"
        "Supernova explosions and supermassive black holes created high-speed outflows. "
        "The supermassive objects grew over billions of years.\n"
    )
    # The brackets after the first "vertebrates" define it: the second use is blanked.
    assert found["vertebrates"] == "Biologists have studied vertebrates for many years in the lab."
    # "_____ black holes" and "_____ objects": a modifier, guessed from the noun after it.
    assert "supermassive" not in found


@pytest.mark.parametrize(
    "sentence, shown, term",
    [
        (
            "However, the bonobos avoided every fight.",
            "The bonobos avoided every fight.",
            "bonobos",
        ),
        ("However, bonobos rarely fight over food.", "Bonobos rarely fight over food.", "Bonobos"),
    ],
)
def test_a_blank_after_a_linker_loses_the_linker(sentence, shown, term):
    """ "However" contrasts with a sentence the student does not see (round 44)."""
    found = terms(
        "Apes at play\n\nZoologists compared apes in the reserve for a decade.\n\n"
        f"{sentence}\n\n"
        "Young bonobos in the reserve often share their meals with many strangers in the wild.\n"
    )
    assert found == {term: shown}


@pytest.mark.parametrize(
    "sentence, term",
    [
        # "X and other _____": the word the list's kind gives away
        ("Titan's clouds spew methane and other hydrocarbons into its thick air.", "hydrocarbons"),
        # who said it is no term to learn
        ("Party funding rules must change, says the watchdog in its annual report.", "watchdog"),
    ],
)
def test_a_blank_given_away_by_its_phrase_is_not_taken(sentence, term):
    # The other use is the longer sentence: without the rule, the blank is in ``sentence``.
    found = terms(
        f"Notes\n\n{sentence}\n\nScientists have studied the {term} found there for a long "
        "time with a powerful new telescope array.\n"
    )
    assert found.get(term, "") != sentence
