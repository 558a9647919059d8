"""Rules from the twenty-sixth session (rounds 182 on): what the blind reviews of all earlier
rounds say about the false forms that reviewers refused most often."""

from __future__ import annotations

import pytest
from conftest import named, sentence_fact, true_false


@pytest.mark.parametrize(
    "text,original,stand_in",
    [
        # A laboratory does not climb a mountain (round 181).
        (
            "Since 2014, Curiosity has been climbing the foothills of Mount Sharp in Gale "
            "Crater, where it found ancient lake beds.",
            "Curiosity",
            "JPL",
        ),
        # Workers do not tow Congress (round 168).
        (
            "For the first step of the journey, workers towed Columbia overland from Palmdale "
            "to the Dryden Flight Research Center.",
            "Columbia",
            "Congress",
        ),
        # A stock exchange is not listed on one (round 165).
        (
            "Saudi authorities have said they intend to list Aramco in Riyadh and on one or "
            "more foreign exchanges.",
            "Aramco",
            "Nasdaq",
        ),
    ],
)
def test_one_body_is_no_stand_in_for_another(text, original, stand_in):
    facts = [named(original), named(stand_in), sentence_fact(text, original)]
    assert not [p for p in true_false(facts) if stand_in in p]


def test_one_firm_still_stands_in_for_another():
    text = "Electronics firm Hitachi showed its robot Emiew in Tokyo on Monday."
    other = "Honda's shares rose after it showed its own walking robot, Asimo."
    facts = [
        named("Hitachi"),
        named("Honda"),
        sentence_fact(text, "Hitachi"),
        sentence_fact(other, "Honda"),
    ]
    made = true_false(facts)
    assert [p for p in made if p.startswith("Electronics firm Honda showed")], made


def test_a_sentence_with_nothing_of_the_story_in_it_is_not_asked():
    from dataclasses import replace

    text = "Indian writer Rohit Gupta raised money in Oxford."
    names = [named("Oxford", "GPE"), named("Kent", "GPE")]
    story = sentence_fact(text, "Oxford", "GPE", "entity.name[label=GPE]")
    assert true_false([*names, story])  # on the main story, either form is asked
    aside = replace(story, salience=0.4)  # past the eighth sentence, nothing of the headline
    assert not true_false([*names, aside])
