"""Why-questions the nineteenth session found missing from the 390 development stories: an
existential "there", a root the question's parse misreads, and a speaker's own "he" or "it"."""

import pytest
from conftest import facts_and_questions

from quizgen.model import Evidence, Question
from quizgen.select import flaw


def why_questions(text: str) -> list[tuple[str, str, str]]:
    facts, _ = facts_and_questions(text)
    return [
        (f.slots["according_to"], f.slots["why_q"], f.slots["reason"])
        for f in facts
        if f.kind == "cause" and "why_q" in f.slots
    ]


def test_a_reason_for_what_there_is_is_asked_with_its_there():
    asked = why_questions(
        "Rover deal delayed\n\n"
        "Talks on a tie-up between MG Rover and a Chinese carmaker have been delayed.\n\n"
        "There has been continued speculation about the viability of Rover's Longbridge plant "
        "because of falling sales and unfashionable models.\n"
    )
    assert asked == [
        (
            "the article",
            "Why has there been continued speculation about the viability of Rover's "
            "Longbridge plant?",
            "because of falling sales and unfashionable models",
        )
    ]


def test_a_copula_question_whose_parse_hangs_on_its_preposition_is_well_formed():
    asked = why_questions(
        "Suez quits Argentina\n\n"
        "French utility Suez is to pull out of its water business in Argentina.\n\n"
        "The Argentine government is also under pressure from European Union countries and "
        "the International Monetary Fund (IMF) to raise utilities tariffs, because most of "
        "the utilities operating in Argentina are European.\n"
    )
    assert [q for _, q, _ in asked] == [
        "Why is the Argentine government under pressure from European Union countries and the "
        "International Monetary Fund (IMF) to raise utilities tariffs?"
    ]


def test_how_many_is_not_asked_of_what_there_is():
    from quizgen.extract.base import usable_sentences
    from quizgen.ingest import read_text
    from quizgen.language import ask
    from quizgen.pipeline import analyze

    analysis = analyze(
        read_text("Remittances\n\nThere are 16 million citizens of Mexican origin."), cache=False
    )
    (sent, _), *_ = usable_sentences(analysis)
    number = {t for t in sent if t.like_num}
    assert ask(sent.root, sent, number, "How many") is None
    assert ask(sent.root, sent, number, "Why") is not None  # the same clause, asked why


SPEAKER = (
    "Kinnock joins the Lords\n\n"
    "Former Labour leader Neil Kinnock is to become a member of the House of Lords.\n\n"
    "{}\n"
)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Mr Kinnock said he thought about the decision for a long time because he had long "
            "had reservations about the Lords.",
            [
                (
                    "Neil Kinnock",
                    "Why did he think about the decision for a long time?",
                    "because he had long had reservations about the Lords",
                )
            ],
        ),
        # The "he" of a party's words is not the party.
        (
            "Labour headquarters says he cannot stand as a candidate because he is no longer "
            "an approved candidate.",
            [],
        ),
        # A name between the speaker and the "he" could be who it is.
        (
            "Mr Kinnock told Tony Blair he thought about the decision for a long time because "
            "he had long had reservations about the Lords.",
            [],
        ),
    ],
)
def test_a_speakers_own_pronoun_in_their_reported_words_is_the_speaker(sentence, expected):
    assert why_questions(SPEAKER.format(sentence)) == expected


@pytest.mark.parametrize(
    "prompt, reason",
    [
        ("According to Neil Kinnock, why did he think about the decision for so long?", None),
        (
            "According to the article, why could it be scuppered?",
            "prompt leans on a pronoun it does not explain",
        ),
    ],
)
def test_a_named_source_explains_the_pronoun_that_follows_it(prompt, reason):
    q = Question(
        id="q-1",
        type="short_answer",
        prompt=prompt,
        answer="Because he had long had reservations about the Lords",
        evidence=Evidence("Mr Kinnock said he thought about it.", 0, 36),
    )
    assert flaw(q) == reason


@pytest.mark.parametrize(
    "sentence, source",
    [
        (
            "The first attempt to sell the Dome failed because of a catalogue of errors, a "
            "report by the National Audit Office said.",
            "a report by the National Audit Office",
        ),
        ("Analysts said the first sale failed because the price was too high.", "analysts"),
        # Which report? The sentence before would have to say.
        ("The report said the first sale failed because the price was too high.", None),
    ],
)
def test_a_source_named_by_what_it_is_gives_the_reason(sentence, source):
    asked = why_questions(
        "Dome sale errors\n\nThe Millennium Dome is to be sold to a property firm.\n\n" + sentence
    )
    assert [who for who, _, _ in asked] == ([source] if source else [])


def test_a_he_the_sentence_before_names_is_asked_by_name():
    asked = why_questions(
        "Cyber chief quits\n\n"
        "The US government's top cyber security official has resigned.\n\n"
        "Richard Clarke had led the cyber security division for a year. Reports "
        "suggest he left because his division was not given enough power."
    )
    assert asked == [
        (
            "reports",
            "Why did Richard Clarke leave?",
            "because his division was not given enough power",
        )
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Blogger Arash Sigarchi was arrested after using his blog to criticise the arrest "
            "of other online journalists.",
            (
                "Why was blogger Arash Sigarchi arrested?",
                "Using his blog to criticise the arrest of other online journalists",
            ),
        ),
        (
            "Parmalat was declared insolvent after it emerged that 4bn euros it held in an "
            "offshore account did not exist.",
            (
                "Why was Parmalat declared insolvent?",
                "Because it emerged that 4bn euros it held in an offshore account did not exist",
            ),
        ),
        (
            "Four members of the board resigned after a simmering row over the club's debts.",
            (
                "Why did four members of the board resign?",
                "Because of a simmering row over the club's debts",
            ),
        ),
        # A time, an occasion, a deed still to come, or a game's moves are no cause.
        ("Four members of the board resigned after the annual meeting in Edinburgh.", None),
        ("The minister resigned a day after launching the plan.", None),
        ("The band returned to the stage after five minutes.", None),
        ("Interest rates are likely to rise after the general election in May.", None),
        ("Spain was knocked out after Pospisil edged Opelka 7-6 in the decider.", None),
    ],
)
def test_an_after_that_gives_the_cause(sentence, expected):
    asked = why_questions(f"The news\n\nA report came out on Monday in London.\n\n{sentence}")
    found = [(q, key) for _, q, key in asked]
    assert found == ([expected] if expected else [])
