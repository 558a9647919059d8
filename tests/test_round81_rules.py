"""Who holds an office, as rounds 75-80 read it: the role is written as the article gives it,
without the capital of a sentence it opens ("New Home Secretary ...") and without "the"
before a possessive name ("UKIP's deputy leader"); and a name is offered without the job
written before it ("MEP Nigel Farage"). Short texts of our own, through the real parser and
extractors."""

from __future__ import annotations

from conftest import facts_of

from quizgen.templates.filters import the


def roles(text: str) -> dict[str, str]:
    return {
        f.slots["name"]: f.slots["role"]
        for f in facts_of(text)
        if f.kind == "entity" and f.slots.get("role")
    }


def test_a_role_that_opens_a_sentence_keeps_no_capital_of_its_own():
    found = roles(
        "Home Office changes\n\n"
        "New Home Secretary Charles Clarke said he would review the detention rules.\n\n"
        "Charles Clarke met police chiefs in London on Tuesday.\n"
    )
    assert found.get("Charles Clarke") == "new Home Secretary", found


def test_a_name_that_opens_a_sentence_keeps_its_capital():
    found = roles(
        "Trade talks\n\n"
        "New Zealand Prime Minister Helen Clark said the talks would resume in March.\n\n"
        "Helen Clark met farmers in Auckland on Friday.\n"
    )
    assert found.get("Helen Clark", "").startswith("New Zealand"), found


def test_a_role_after_a_possessive_name_takes_no_article():
    assert the("UKIP's deputy leader") == "UKIP's deputy leader"
    assert the("Workers' party leader") == "Workers' party leader"
    assert the("spokesman for the council") == "the spokesman for the council"
    assert the("The mayor") == "the mayor"


def test_a_job_written_before_a_name_is_no_part_of_it():
    from quizgen.extract.entities import strip_job

    # An option list read "Mike Nattrass, Gerard Batten, MEP Nigel Farage" (round 79).
    assert strip_job("MEP Nigel Farage") == "Nigel Farage"
    assert strip_job("Comic Joe Pasquale") == "Joe Pasquale"
    assert strip_job("Broadcaster Chris Evans") == "Chris Evans"
    assert strip_job("Comic Relief") == "Comic Relief"  # two words: a name, whatever it says
