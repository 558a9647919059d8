"""Why-questions without a "because": a purpose ("to demand better pay") and the reason a
doer gave in the same breath (", saying ..."), each on a short text through the real parser,
the real extractors and the real templates."""

from __future__ import annotations

from conftest import RETIRED_PACK, facts_of, with_pack

from quizgen import pipeline


def purposes(text: str) -> list[tuple[str, str]]:
    """The why-question and the purpose of each cause fact that gives one (no built-in
    template asks them; template packs may)."""
    return [
        (f.slots["why_q"], f.slots["purpose"])
        for f in facts_of(text)
        if f.kind == "cause" and f.slots.get("why_q") and f.slots.get("purpose")
    ]


def why(text: str) -> list[tuple[str, str]]:
    facts = facts_of(text)
    # With the retired templates too: "why ... arrested?" keyed to its grounds is one.
    questions, failures = pipeline.generate(facts, template_dirs=with_pack(RETIRED_PACK))
    assert not failures
    asked = [
        (q.prompt, q.answer)
        for q in questions
        if q.template_id.startswith("cause-") and q.template_id != "cause-why-short"
    ]
    # A purpose is no built-in question, but still a fact a template pack may ask.
    return asked + purposes(text)


def test_a_purpose_is_asked_why_and_keyed_with_its_infinitive():
    asked = purposes(
        "Nurses march on parliament\n\n"
        "Thousands of nurses gathered outside parliament on Monday to demand better pay "
        "and safer staffing levels.\n\n"
        "The health minister agreed to meet union leaders next week.\n"
    )
    assert (
        "Why did thousands of nurses gather outside parliament?",
        "to demand better pay and safer staffing levels",
    ) in asked


def test_an_infinitive_that_completes_its_word_is_no_purpose():
    asked = why(
        "Record night for Okafor\n\n"
        "Okafor became the first player in the league's history to score 40 points in a "
        "final.\n\n"
        "The club took steps to protect its young players from injury.\n\n"
        "At the gala his former coach introduced him to actor Daniel Brooks.\n"
    )
    assert asked == []


def test_the_reason_a_doer_gave_is_keyed_with_who_gave_it():
    asked = why(
        "Mayor rejects tram plan\n\n"
        "The mayor of Leeds rejected the council's tram plan on Tuesday, saying the city "
        "could not afford new lines before 2030.\n\n"
        "Councillors will vote on the plan again in March.\n"
    )
    assert asked == [
        (
            "According to the article, why did the mayor of Leeds reject the council's tram plan?",
            "The mayor of Leeds said the city could not afford new lines before 2030",
        )
    ]


def test_words_after_a_speech_verb_are_its_content_not_its_reason():
    asked = why(
        "Profits up at Brookfield\n\n"
        "Brookfield announced its results on Thursday, saying profits had risen by a fifth.\n\n"
        "The firm also rejected the union's offer, saying it was too expensive.\n"
    )
    # The announcement says what, not why; "it was too expensive" leans on an "it".
    assert asked == []


def test_a_means_is_asked_how():
    asked = why(
        "Brentwick name new coach\n\n"
        "Brentwick United ended their long search for a new head coach by appointing former captain "
        "Sam Reid.\n\n"
        "Reid will take charge for the first time on Saturday.\n"
    )
    assert (
        "According to the article, how did Brentwick United end their long search for a new head coach?",
        "By appointing former captain Sam Reid",
    ) in asked


def test_a_self_evident_purpose_or_a_result_is_not_asked_why():
    asked = why(
        "Harbour plan agreed\n\n"
        "Officials from the port authority met in Dover on Friday to discuss the new harbour "
        "plan.\n\n"
        "Marlow won four straight games to put the team in first place by November.\n"
    )
    assert asked == []


def test_a_list_in_a_purpose_stays_whole_and_an_aside_goes():
    asked = dict(
        purposes(
            "Foundation gives grants\n\n"
            "The Carrow Foundation was set up by the composer in 1992 to promote the arts, "
            "culture and heritage across Wales.\n\n"
            "Astronomers used the big telescope in Chile to map the surface of Titan, which "
            "scientists regard as a likely home for simple life.\n"
        )
    )
    assert "to promote the arts, culture and heritage across Wales" in asked.values()
    assert "to map the surface of Titan" in asked.values()


def test_a_judgement_is_asked_for_its_grounds_not_its_length():
    asked = why(
        "Fans arrested at derby\n\n"
        "Three fans were arrested for throwing bottles at the visiting goalkeeper during the "
        "derby.\n\n"
        "Two of them were later jailed for a total of six months.\n\n"
        "The opposition leader accused the minister of hiding the cost of the new "
        "border scheme.\n"
    )
    assert sorted(asked) == [
        (
            "According to the article, what did the opposition leader accuse the minister of?",
            "Hiding the cost of the new border scheme",
        ),
        (
            "According to the article, why were three fans arrested?",
            "For throwing bottles at the visiting goalkeeper during the derby",
        ),
    ]


def test_a_feared_deed_or_a_key_the_question_holds_is_not_asked():
    asked = why(
        "Fishing rules\n\n"
        "Staff at the energy department could be fired for working on climate change.\n\n"
        "Commercial fishermen in Hawaii use lines 30 miles long to hook fish.\n"
    )
    assert asked == []
