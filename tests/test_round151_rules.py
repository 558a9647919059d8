"""Rules from the twenty-fourth session: rounds 151 and after."""

import pytest


def _changed(source: str, prompt: str):
    from dataclasses import replace

    from conftest import question

    return replace(question(source, answer="False"), prompt=prompt)


@pytest.mark.parametrize(
    "source,prompt",
    [
        # round 150: the people of the state whose capital was put in
        (
            "Not only had Iranian influence outflanked Riyadh on both sides of its borders.",
            "Not only had Iranian influence outflanked Tehran on both sides of its borders.",
        ),
        # round 144: the state whose capital was put in
        (
            "Trump outlined a new strategy for the war in Afghanistan, chastising Pakistan.",
            "Trump outlined a new strategy for the war in Islamabad, chastising Pakistan.",
        ),
        # the same state twice
        (
            "Washington wants to make sure that Iran does not get a bomb.",
            "Iran wants to make sure that Iran does not get a bomb.",
        ),
    ],
)
def test_a_place_put_beside_itself_gives_itself_away(source, prompt):
    from quizgen.false_forms import names_itself

    assert names_itself(_changed(source, prompt))


@pytest.mark.parametrize(
    "source,prompt",
    [
        # two different states: the article has to settle it
        ("France signed a deal with Italy.", "France signed a deal with Germany."),
        # a city the lists do not know may lie in the same state
        (
            "Officials in Lahore said Pakistan would respond.",
            "Officials in Islamabad said Pakistan would respond.",
        ),
        # the place replaced was in that state too
        (
            "Officials in Pakistan said Pakistan would respond.",
            "Officials in Islamabad said Pakistan would respond.",
        ),
    ],
)
def test_a_place_beside_another_state_is_a_fair_stand_in(source, prompt):
    from quizgen.false_forms import names_itself

    assert not names_itself(_changed(source, prompt))
