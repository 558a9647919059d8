"""How-many questions from quantity facts, asked only where they stand alone (round 123)."""

import pytest
from conftest import RETIRED_PACK, facts_and_questions, with_pack


def how_many(text: str) -> list[tuple[str, str]]:
    # "How many ...?" is retired from the built-in packs; its facts are still made.
    _, qs = facts_and_questions(text, with_pack(RETIRED_PACK))
    return [(q.prompt, q.answer) for q in qs if q.template_id == "quantity-how-short"]


def test_a_plain_count_with_a_name_is_asked():
    text = (
        "Police in China have closed thousands of internet cafes.\n\n"
        "Chinese authorities arrested 224 people in a crackdown on net porn, officials said."
    )
    assert how_many(text) == [
        ("How many people did Chinese authorities arrest in a crackdown on net porn?", "224")
    ]


def test_a_place_before_the_thing_counted_is_no_garble():
    text = (
        "Johnson to retire\n\n"
        "Martin Johnson is to retire.\n\n"
        "Johnson won 84 England caps and captained the Lions twice, his club said."
    )
    assert ("How many England caps did Martin Johnson win?", "84") in how_many(text)


@pytest.mark.parametrize(
    "sentence",
    [
        # Nobody can place the workers.
        "Some 20,000 workers lost their jobs.",
        # "it" names nothing.
        "It currently has 1.3 million broadband subscribers.",
        # A range is no figure to give back.
        "Growth in Germany will be between 4.7% and 4.8% this year.",
        # A comparison counts no thing.
        "The Cell chip will be 10 times more powerful than existing processors in Japan.",
        # A mark is passed, not counted: not "How many mark did the number top?" (round 126).
        "In September 2004, the number of malicious programs circulating topped the 100,000 mark.",
    ],
)
def test_questions_that_do_not_stand_alone_are_not_asked(sentence):
    text = f"A report was published on Monday.\n\n{sentence}"
    assert how_many(text) == []


def test_a_place_in_what_is_counted_and_a_hyphenated_word_are_no_garble():
    text = (
        "Broadband soars in 2004.\n\n"
        "By the autumn, 5 million households in Britain had signed up for high-speed net "
        "access, the regulator Ofcom said."
    )
    assert [a for _, a in how_many(text)] == ["5 million"]
