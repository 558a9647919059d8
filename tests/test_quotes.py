"""Direct quotations: who spoke, read from news copy's fixed shapes, with the real parser."""

from __future__ import annotations

from conftest import facts_of

from quizgen import pipeline
from quizgen.ingest import read_text


def statements(text: str) -> dict[str, str]:
    return {f.slots["content"]: f.slots["speaker"] for f in facts_of(text) if f.kind == "statement"}


def test_a_quotation_and_the_he_that_follows_are_the_speakers():
    got = statements(
        "Cash machines\n\n"
        "Todd Thiemann runs a research firm that studies how banks buy their cash machines. "
        '"Banks are replacing their old cash machines with new Windows models," Mr Thiemann '
        'said. "Most banks simply upgrade as part of their usual replacement cycle."\n\n'
        '"The risk of a virus reaching the cash machine network is still very small," he said.\n'
    )
    assert got["Banks are replacing their old cash machines with new Windows models"] == (
        "Todd Thiemann"
    )
    assert got["Most banks simply upgrade as part of their usual replacement cycle"] == (
        "Todd Thiemann"
    )
    assert got["The risk of a virus reaching the cash machine network is still very small"] == (
        "Todd Thiemann"
    )


def test_he_is_the_person_named_since_not_the_last_one_quoted():
    got = statements(
        "Cash machines\n\n"
        '"Banks are replacing their old cash machines with new Windows models," Todd Thiemann '
        "said.\n\n"
        "Dominic Hirsch, who works for an anti-virus company, disagreed with the research firm.\n\n"
        '"The risk of a virus reaching the cash machine network is still very small," he said.\n'
    )
    assert got["Banks are replacing their old cash machines with new Windows models"] == (
        "Todd Thiemann"
    )
    assert got["The risk of a virus reaching the cash machine network is still very small"] == (
        "Dominic Hirsch"
    )


def test_he_is_nobody_when_two_people_were_named_since():
    got = statements(
        "Cash machines\n\n"
        '"Banks are replacing their old cash machines with new Windows models," Todd Thiemann '
        "said.\n\n"
        "Dominic Hirsch met Paul Collison at a conference on bank security in London.\n\n"
        '"The risk of a virus reaching the cash machine network is still very small," he said.\n'
    )
    assert "The risk of a virus reaching the cash machine network is still very small" not in got


def test_fragments_and_leaning_quotations_are_not_statements():
    got = statements(
        "Cash machines\n\n"
        'Todd Thiemann said the old system was "past its best" and needed replacing soon.\n\n'
        '"This could mean that cash machines catch the viruses going around," Mr Thiemann said.\n'
    )
    assert not any(k.startswith(("past its best", "This could")) for k in got)


def sentences(text: str) -> list[str]:
    analysis = pipeline.analyze(read_text(text), cache=False)
    return [f.slots["text"] for f in pipeline.extract(analysis) if f.kind == "sentence"]


def test_he_is_shown_as_the_one_person_named_before():
    got = sentences(
        "Budget\n\n"
        "Gordon Brown has set out a plan to freeze petrol duty for two years.\n\n"
        "He also promised to spend £50m on new nursery places across the country.\n"
    )
    assert "Gordon Brown promised to spend £50m on new nursery places across the country." in (got)


def test_he_stays_unnamed_when_two_people_or_a_quotation_could_own_it():
    got = sentences(
        "Budget\n\n"
        "Gordon Brown met Oliver Letwin at the Treasury on Monday morning.\n\n"
        "He also promised to spend £50m on new nursery places across the country.\n\n"
        'Oliver Letwin told MPs: "The tide is going out on the credibility of the plan. '
        'He is spending £90m on advisers and consultants every single year."\n'
    )
    assert not any("nursery" in s or "advisers" in s for s in got), got


def pointing(text: str) -> list[list[str]]:
    from quizgen.extract.coref import pointing_phrases

    analysis = pipeline.analyze(read_text(text), cache=False)
    return [pointing_phrases(s, analysis) for s, _ in analysis.sentences()]


def test_a_the_that_points_back_is_found_and_a_the_that_says_which_is_not():
    got = pointing(
        "Feta cheese battle reaches court\n\n"
        "Denmark has asked a European court to let its farmers sell their cheese as feta.\n\n"
        "The case will be heard in the spring, and the ruling could cost the farmers millions.\n\n"
        "Hans Kristiansen, the head of the Danish dairy board, said the court would decide.\n\n"
        "Meanwhile, prices rose by 4% in the cheese markets of Athens.\n"
    )
    # The opening brings in the court and the farmers; a later sentence shown alone does
    # not say which ("the head of ..." does).
    assert got[0] == []
    assert got[1] == ["The case", "the ruling", "the farmers"]
    assert got[2] == ["the court"]
    assert got[3] == ["Meanwhile"]


def test_the_latest_findings_point_back_too():
    got = pointing(
        "Defence spending\n\n"
        "The Ministry of Defence spent £3bn more than it planned on ships and aircraft.\n\n"
        "The latest findings follow a report by MPs on the cost of new ships for the navy.\n"
    )
    assert "The latest findings" in got[1]


def test_a_person_by_nationality_or_trade_points_back_however_often_named():
    got = pointing(
        "Copper deal\n\n"
        "Chinalco bought a copper mountain in Peru in 2007 for $3 billion.\n\n"
        "The Chinese entrepreneur and the Peruvian shopkeeper have never met.\n\n"
        "The lawyer said the lawyer for the town and another lawyer would meet in May.\n"
    )
    assert got[1] == ["The Chinese entrepreneur", "the Peruvian shopkeeper"]
    assert "The lawyer" in got[2]  # three times in the article, still a person to name
