"""Rules from the twentieth session: the reviews of rounds 40-130 read again by what each false
statement changed, and rounds 131-132 (forty BBC stories no code had seen)."""

import pytest
from conftest import pointing

from quizgen.kinds import same_kind_number


@pytest.mark.parametrize(
    "original, stand_in, expected",
    [
        # A decimal moved a little tests the decimal, not the story (kept 1 of 7).
        ("0.8%", "0.7%", False),
        ("$2.53", "$2.52", False),
        ("11.2%", "13.2%", False),
        # Far enough to change what the figure says.
        ("3.8%", "7.9%", True),
        ("$2.53", "$7.59", True),
        # A whole number may move a little: "17%" for "19%" was kept.
        ("17%", "19%", True),
    ],
)
def test_a_decimal_is_not_changed_by_a_little(original, stand_in, expected):
    assert same_kind_number(original, stand_in) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The trade of a firm the sentence does not name says what kind, not which.
        (
            "Apple sues leakers\n\nApple has taken more legal action to stop leaks.\n\n"
            "The computer giant has sued three men for releasing preview versions of its "
            "software.",
            ["The computer giant"],
        ),
        # A name before it says which: "oil giant Yukos".
        (
            "Yukos\n\nOil giant Yukos has filed for bankruptcy in the US.\n\n"
            "Russian oil giant Yukos said it would appeal against a tax bill.",
            [],
        ),
        # "The home side" is the side the match is played at.
        (
            "Ireland win\n\nIreland beat Argentina 21-19 in Dublin.\n\n"
            "O'Gara kicked all of Ireland's points to give the home side victory.",
            [],
        ),
    ],
)
def test_a_trade_does_not_say_which_firm(text, expected):
    assert pointing(text) == expected


def _who_mcq(stem: str, answer: str, people: list[tuple[str, str]]):
    from conftest import named

    from quizgen import pipeline
    from quizgen.model import Evidence, Fact

    event = Fact.make(
        "event",
        {"who_q": stem, "subject": answer, "subject_label": "PERSON"},
        Evidence(stem, 0, len(stem)),
    )
    facts = [event] + [named(n, "PERSON", **({"gender": g} if g else {})) for n, g in people]
    return [q for q in pipeline.generate(facts)[0] if q.template_id == "event-who-mcq"]


PEOPLE = [("Kerry Fox", "f"), ("Tony Black", ""), ("Phil Tuff", ""), ("Ant Park", "")]
PEOPLE += [("Dee Lane", "f"), ("Ann Moss", "f"), ("Sue Ray", "f")]


def test_a_stem_that_says_female_takes_women_first():
    """ "The show's first female winner" was offered with three men the article never
    called "he" (round 131): where the stem says the sex, people the article gives that
    sex come first. (Where it gives none, people of unknown sex still serve: see
    test_round89_rules.)"""
    (q,) = _who_mcq("Who was the show's first female winner?", "Kerry Fox", PEOPLE)
    assert set(q.choices) == {"Kerry Fox", "Dee Lane", "Ann Moss", "Sue Ray"}, q.choices


def test_a_squad_of_22_men_says_nothing_of_the_answer():
    """ "22-man" is no "man" in the stem: it would bar the women from the options."""
    (q,) = _who_mcq("Who returns to the 22-man squad?", "Tony Black", PEOPLE)
    assert {"Kerry Fox", "Dee Lane", "Ann Moss", "Sue Ray"} & set(q.choices), q.choices


def test_a_body_the_sentence_calls_the_academy_keeps_its_the():
    """ "According to Academy, who will present ...?" (round 132): the source of a reported
    event keeps the "the" the sentence gives it."""
    from conftest import facts_of

    facts = facts_of(
        "Rock to host Oscars\n\n"
        "Comedian Chris Rock will host the Oscar ceremony in Los Angeles in February.\n\n"
        "Meanwhile, the Academy has announced that actress Natalie Portman will present an "
        "award at the ceremony.\n"
    )
    sources = {f.slots.get("according_to") for f in facts if f.kind == "event"} - {None}
    assert sources == {"the Academy"}


def test_what_was_said_runs_on_into_a_second_clause_the_parse_hangs_on_said():
    """ "said fines ... would be levied on employers and licences would be removed": the
    statement had stopped at "employers and licences" (round 132)."""
    from conftest import facts_of

    facts = facts_of(
        "Smoking ban\n\n"
        "Scotland will ban smoking in pubs from next spring, the Scottish Executive said.\n\n"
        "Health minister Andy Kerr said fines of up to £2,500 would be levied on employers and "
        "licences would be removed for non-compliance.\n"
    )
    said = [
        f.slots["content"] for f in facts if f.kind == "statement" and "fines" in f.slots["content"]
    ]
    assert said == [
        "fines of up to £2,500 would be levied on employers and licences would be removed for "
        "non-compliance"
    ]


def test_a_name_that_ends_a_title_is_not_swapped():
    """ "the Directive on the Patentability of Computer-Implemented Inventions" was made "the
    Directive on the European Parliament" (round 132)."""
    from conftest import facts_of

    facts = facts_of(
        "EU patent law delayed\n\n"
        "New EU rules for the patenting of computer-based inventions have been put on hold by "
        "Poland, the European Parliament said.\n\n"
        "Polish ministers want to see the text of the Directive on the Patentability of "
        "Computer-Implemented Inventions changed so that it excludes software.\n"
    )
    details = [
        d[0]
        for f in facts
        if f.kind == "sentence" and "Directive" in f.evidence.text
        for d in [(f.slots["detail"],), *f.slots.get("alternatives", [])]
    ]
    assert not [d for d in details if "Patentability" in d], details


@pytest.mark.parametrize(
    "name, text",
    [
        ("Bedford", "The Bedford star won."),
        ("Bedford", "David Bedford won."),
        ("Bedford", "Bedfordshire won."),
        ("Bedford", "the Bedford team and Bedford himself"),
        ("Li", "bathe Li."),
        ("Li", "Lion King"),
        ("Ms Hewitt", "Ms Hewitt said so."),
        ("Kim", "Dr Kim and the Kim"),
    ],
)
def test_a_bare_use_is_what_the_old_pattern_found(name, text):
    """``_bare_use`` stands for a regular expression compiled for every name."""
    import re

    from quizgen.extract.naming import _bare_use

    pattern = rf"(?<!\bthe )(?<!\bThe )\b{re.escape(name)}\b"
    assert _bare_use(name, text) == bool(re.search(pattern, text))


def test_a_country_is_no_first_name_of_a_firm_taken_for_a_person():
    """ "closed in Lesotho" was shown as "closed in Lesotho Hats", a factory the model took
    for a person and the article names once (round 133)."""
    from conftest import facts_of

    facts = facts_of(
        "Lesotho textile workers lose jobs\n\n"
        "Six foreign-owned textile factories have closed in Lesotho, leaving 6,650 garment "
        "workers jobless, union officers told the AP news agency.\n\n"
        "The union blamed the closures on the end of quotas.\n\n"
        "He said the six factories were Leisure Garments, Modern Garments, Precious Six "
        "Garments, TW Garments, Lesotho Hats and Vogue Landmark.\n\n"
        "Lesotho is one of the countries to suffer.\n"
    )
    texts = [f.slots["text"] for f in facts if f.kind == "sentence" and "closed" in f.slots["text"]]
    assert texts and not [t for t in texts if "Lesotho Hats" in t], texts


def test_a_why_question_does_not_lose_the_clause_its_verb_follows_from():
    from conftest import facts_and_questions

    _, qs = facts_and_questions(
        "Microsoft patches\n\n"
        "Microsoft has warned PC users to update their systems with the latest security fixes."
        "\n\n"
        "Often, when a critical flaw is announced, spates of viruses follow because home users "
        "and businesses leave the flaw unpatched.\n"
    )
    assert [q.prompt for q in qs if "follow" in q.prompt and q.type == "short_answer"] == []


def test_due_to_before_a_verb_gives_no_reason():
    """ "the new laws, due to start being phased in next month, could help if ...": when,
    not why (round 133 asked "why did Chris Fox say the new laws, could help ...?")."""
    from conftest import facts_of

    facts = facts_of(
        "Police urge pub closure power\n\n"
        "Police chiefs want new powers to close disorderly pubs, they have told MPs.\n\n"
        "Mr Fox said the new laws, due to start being phased in next month, could help if "
        "public transport could cope with late-night drinkers.\n\n"
        "The match was cancelled due to heavy rain in the city.\n"
    )
    reasons = [f.slots.get("reason", "") for f in facts if f.kind == "cause"]
    assert not [r for r in reasons if "phased" in r], reasons
    assert [r for r in reasons if "heavy rain" in r], reasons
