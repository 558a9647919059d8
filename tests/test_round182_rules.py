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


@pytest.mark.parametrize(
    "head,tail,gives_away",
    [
        # The conversion after a second measure still gives a changed 85 away (round 181).
        ("JPL's historic ", "-foot-tall, 25-foot-wide (26-meter-by-8-meter) chamber", True),
        ("about ", " miles (1,600 kilometers) away", True),
        ("grew by ", " percent in 2019 (see below)", False),
        ("rose ", "% to a record, the highest since 2008 (when it hit 12%)", False),
    ],
)
def test_a_figure_is_not_changed_beside_a_later_conversion(head, tail, gives_away):
    from quizgen.generate import _beside_conversion

    assert _beside_conversion(head, tail) is gives_away


def test_a_summary_guide_names_the_points_from_across_the_article():
    from quizgen import pipeline
    from quizgen.ingest import read_text

    text = (
        "Helicopter ends its Mars mission\n\n"
        "NASA's Ingenuity Mars Helicopter has ended its mission after making dozens more "
        "flights than planned.\n\n"
        "The small craft weighed about four pounds and was built at a laboratory in "
        "California.\n\n"
        "Engineers said the weather in the region had been calm for weeks.\n\n"
        "The team met in a small room at the laboratory every morning.\n\n"
        "Some of the engineers had worked on earlier missions to the Moon.\n\n"
        "\u201cIt was a great ride,\u201d said a member of the helicopter team on Thursday.\n\n"
        "The helicopter flew 72 times on Mars, and images show that one of the helicopter's "
        "rotor blades was damaged during its final flight on Mars.\n"
    )
    qset = pipeline.questions_for(read_text(text), cache=False)[0]
    summary = [q for q in qset.questions if q.template_id == "sentence-lead-essay"]
    assert summary, [q.template_id for q in qset.questions]
    guide = summary[0].answer
    assert "flew 72 times on Mars" in guide, guide  # the end of the story, not only its start
    assert "great ride" not in guide, guide  # someone's words are no point of the article's


@pytest.mark.parametrize(
    "opening,first_words",
    [
        (
            " (Refiles Nov. 30 story to cut extraneous word in 2nd paragraph) By Katanga "
            "Johnson and Makini Brice WASHINGTON (Reuters) - Charles Johnson heads the council.",
            "Charles Johnson",
        ),
        (
            " ((This December 4 story has been corrected to change 2016 to 2015)) By Marc "
            "Frank HAVANA (Reuters) - The Trump administration named a diplomat.",
            "The Trump",
        ),
        ("By Tuesday, the talks had failed.", "By Tuesday"),  # no byline without a dateline
    ],
)
def test_a_correction_note_and_byline_are_not_read_as_the_story(opening, first_words):
    from quizgen.ingest import read_text
    from quizgen.nlp import parse_texts

    texts, _ = parse_texts(read_text("Headline of the story\n\n" + opening + "\n"))
    assert texts[0].startswith(first_words), texts


def test_a_team_and_a_telescope_are_not_people():
    from conftest import facts_of

    facts = facts_of(
        "Redskins win the Super Bowl\n\n"
        "The NFC champion Washington Redskins beat the AFC champion Denver Broncos, 42-10.\n\n"
        "The Broncos were making their second straight Super Bowl appearance.\n\n"
        "The Redskins scored 35 points in the second quarter, and quarterback Doug Williams "
        "said he was proud of his team.\n\n"
        "Williams threw four touchdown passes, a record.\n\n"
        "Astronomer Ann Smith said NASA's Spitzer Space Telescope had seen the stadium lights.\n"
    )
    labels = {f.slots["name"]: f.slots["label"] for f in facts if f.kind == "entity"}
    assert labels.get("Doug Williams") == "PERSON", labels
    for thing in ("Washington Redskins", "Denver Broncos", "Spitzer Space Telescope"):
        assert labels.get(thing, "ORG") != "PERSON", labels


@pytest.mark.parametrize(
    "sentence",
    [
        "The codec was first proposed in 1979 by Manfred Schroeder, et al. in New Jersey.",
        "The codec was first proposed in 1979 by Manfred Schroeder and Mark Krasner.",
    ],
)
def test_by_whom_is_not_asked_of_several_people(sentence):
    from conftest import facts_of

    facts = facts_of(
        "How the MP3 began\n\n"
        "The MP3 is a format for compressing music.\n\n" + sentence + "\n\n"
        "The format was finished in Germany in 1991.\n"
    )
    assert not [f.slots["by"] for f in facts if f.kind == "event" and f.slots.get("by")]


def test_a_headline_with_a_full_stop_above_a_broadcast_plug_is_the_title():
    from quizgen.ingest import read_text

    article = read_text(
        "CIA report: Senator offers aid and comfort to the enemy, stabs heroes in the back.\n\n"
        "Programing Alert: The author will be a guest on the evening show on December 9.\n\n"
        "Tuesday's release of the one-sided report at the insistence of the outgoing chair of "
        "the Senate Intelligence Committee amounts to nothing less than providing aid and "
        "comfort to the enemy in wartime, and it will be remembered as a grave mistake.\n"
    )
    assert article.title.startswith("CIA report: Senator offers aid"), article.title
    body = " ".join(article.text[b.start : b.end] for b in article.body_blocks())
    assert "Programing Alert" not in body and "Tuesday's release" in body


def test_an_editor_s_note_on_the_page_s_history_is_furniture():
    from quizgen.ingest import read_text

    article = read_text(
        "NASA tech contributes to soft Moon landing\n\n"
        "Editor\u2019s note: This release was updated Feb. 23, 2024, to add an image.\n\n"
        "For the first time in more than 50 years, new NASA science instruments are on the "
        "Moon, after a landing that a NASA sensor helped to guide.\n\n"
        "The lander touched down near the south pole on Thursday.\n"
    )
    body = " ".join(article.text[b.start : b.end] for b in article.body_blocks())
    assert "Editor" not in body and "For the first time" in body


def test_a_space_lost_after_a_comma_is_given_back_in_the_prompt():
    text = "If roots matter,then Germany must look at its own past more closely."
    names = [named("Germany", "GPE"), named("France", "GPE")]
    made = true_false([*names, sentence_fact(text, "Germany", "GPE", "entity.name[label=GPE]")])
    assert made and all("matter, then" in p for p in made), made


@pytest.mark.parametrize(
    "headline,states",
    [
        ("Torturing Muslims is an 'awesome' way to get things done.", False),  # irony
        ("Fossil fuels are no catastrophe for the world.", True),
    ],
)
def test_a_headline_that_quotes_a_word_with_irony_does_not_state_the_argument(headline, states):
    from quizgen.extract.thesis import SCARE_QUOTES

    assert (SCARE_QUOTES.search(headline) is None) is states


def test_why_is_not_asked_of_an_only():
    from conftest import facts_of

    facts = facts_of(
        "Strike shortens the season\n\n"
        "The football season was cut short this year.\n\n"
        "Each team only missed one regular season game because of a labor dispute between "
        "the players and the owners.\n\n"
        "The players returned to work in October after the owners agreed to talks.\n"
    )
    whys = [f.slots.get("why_q", "") for f in facts if f.kind == "cause"]
    assert not [q for q in whys if "only" in q], whys


def test_the_measure_of_a_thing_does_not_say_which_thing():
    from conftest import pointing

    text = (
        "Redskins win\n\n"
        "Washington beat Denver 42-10 after trailing 10-0 in the first quarter.\n\n"
        "The 10-point deficit remains the largest overcome by a Super Bowl winner.\n"
    )
    assert "The 10-point deficit" in pointing(text)


def test_a_name_the_sentence_gives_twice_is_not_changed():
    text = (
        "Armenia depends on Russia for remittances, money sent home by Armenians working in Russia."
    )
    names = [named("Russia", "GPE"), named("Azerbaijan", "GPE"), named("Armenia", "GPE")]
    made = true_false([*names, sentence_fact(text, "Russia", "GPE", "entity.name[label=GPE]")])
    assert not [p for p in made if "Azerbaijan" in p], made


def test_a_key_cut_at_a_hyphen_is_refused():
    from conftest import question

    from quizgen.model import Evidence
    from quizgen.select import flaw

    text = "Republicans have sought to re-litigate questions about the inquiry."
    q = question(
        "What have Republicans sought about the inquiry?", type="short_answer", answer="To re"
    )
    q.evidence = Evidence(text, 0, len(text))
    assert flaw(q) == "an answer is cut at a hyphen"


def test_a_term_the_headline_gives_in_another_form_is_not_blanked():
    from conftest import facts_of

    facts = facts_of(
        "Privatising Mexico's oil industry spells disaster\n\n"
        "Nothing today shows that Mexico can manage privatisation of its oil fields safely.\n\n"
        "Critics say privatisation would hand the country's wealth to foreign firms.\n\n"
        "Supporters of privatisation say investment will follow.\n"
    )
    terms = [f for f in facts if f.kind == "term" and f.slots["lemma"] == "privatisation"]
    assert terms and all(f.slots["in_title"] for f in terms), [f.slots for f in terms]


@pytest.mark.parametrize(
    "title,opinion",
    [
        ("The Guardian view on Circle and Hinchingbrooke: a failure", True),
        ("Let's see Turkey for what it really is.", True),
        ("Opinion: the tax bill is a mistake", True),
        ("Guardian editor to step down after 20 years", False),
        ("Democrats sue to get documents on Trump's Washington hotel", False),
    ],
)
def test_a_headline_only_a_paper_s_own_voice_writes_marks_an_opinion_piece(title, opinion):
    from quizgen.pipeline import OPINION_TITLE

    assert bool(OPINION_TITLE.search(title)) is opinion


@pytest.mark.parametrize(
    "opening,hook",
    [
        ("December 9 marks the six-month anniversary of the capture of Mosul by the group.", True),
        ("Sixty-six years ago was the high water mark of global disapproval of xenophobia.", True),
        ("How times have changed.", True),
        ("The Doobie Brothers will tour in 2020 to celebrate the band's 50th anniversary.", False),
        ("The House voted on Tuesday to cut aid to the Palestinian Authority.", False),
    ],
)
def test_a_column_s_way_in_is_not_its_news(opening, hook):
    from quizgen.extract.sentence import LOOKS_BACK, WRITERS_OPENING

    assert bool(LOOKS_BACK.search(opening) or WRITERS_OPENING.match(opening)) is hook


def test_the_place_the_headline_names_is_not_changed():
    from dataclasses import replace

    text = "India is a pluralistic, multilingual and multi-ethnic society."
    names = [named("India", "GPE"), named("Pakistan", "GPE")]
    story = sentence_fact(text, "India", "GPE", "entity.name[label=GPE]")
    assert [p for p in true_false([*names, story]) if "Pakistan" in p]  # a place like any other
    names[0] = replace(names[0], slots={**names[0].slots, "headline": True})
    assert not [p for p in true_false([*names, story]) if "Pakistan" in p]


def test_a_state_is_not_a_person():
    from conftest import facts_of

    facts = facts_of(
        "Nazi Germany\n\n"
        "Nazi Germany was the period in the history of Germany from 1933 to 1945.\n\n"
        "Adolf Hitler became head of the Deutsches Reich in 1934, and Hitler ruled alone.\n\n"
        "Deutsches Reich was the official name of the state, and Hitler was its leader.\n"
    )
    labels = {f.slots["name"]: f.slots["label"] for f in facts if f.kind == "entity"}
    assert labels.get("Deutsches Reich", "ORG") != "PERSON", labels


def test_a_column_s_figures_are_not_changed():
    from conftest import facts_of

    column = (
        "Mansion tax is a cynical bid for votes\n\n"
        "I think this tax is a mistake, and I will say why.\n\n"
        "The complication is that it is a tax on London, 80% of which will be paid by people "
        "in London and the south-east.\n\n"
        "I believe we should tax wealth fairly, and I hope my party will listen.\n\n"
        "I have argued this before, and I will argue it again.\n"
    )
    facts = facts_of(column)
    details = [f.slots["detail"] for f in facts if f.kind == "sentence" and f.slots.get("detail")]
    assert "80%" not in details, details


def test_a_speaker_is_swapped_only_for_someone_who_speaks_in_the_article():
    from quizgen import pipeline
    from quizgen.ingest import read_text

    def asked(text: str) -> list[str]:
        qset = pipeline.questions_for(read_text(text), cache=False)[0]
        made = list(qset.questions) + [r.question for r in qset.rejected]
        return [q.prompt for q in made if q.template_id == "statement-tf"]

    head = (
        "Times editor defends paper\n\n"
        "The New York Times editor Bill Keller defended the paper on Monday in a long letter.\n\n"
    )
    quiet = head + (
        "Bill Keller said that the paper's treatment of the reporter was due to politics.\n\n"
        "The reporter had written about Saddam Hussein and the war, and Saddam Hussein was "
        "often in the news that year.\n"
    )
    assert not [p for p in asked(quiet) if p.startswith("Saddam")]
    both = head + (
        "Bill Keller said that the paper's treatment of the reporter was due to politics.\n\n"
        "Jill Abramson said that the paper would review the case next year.\n\n"
        "Abramson, the managing editor, said that Keller had her support.\n"
    )
    assert asked(both)  # another speaker still stands in


@pytest.mark.parametrize(
    "role,heads",
    [("Iraqi dictator", True), ("Pope", True), ("King", True), ("vice president", False)],
)
def test_a_dictator_a_monarch_and_a_pope_head_a_state(role, heads):
    from quizgen.generate import _heads_a_state

    assert _heads_a_state(role) is heads


def test_an_update_label_is_not_read_as_the_story():
    from quizgen.ingest import read_text
    from quizgen.nlp import parse_texts

    article = read_text(
        "Team assessing rover instrument\n\n"
        "UPDATE, Mar. 5, 2024: The team has been assessing the instrument's cover.\n"
    )
    texts, _ = parse_texts(article)
    assert texts[0].startswith("The team has been"), texts


@pytest.mark.parametrize(
    "sentence,dated_by_another",
    [
        ("Two days earlier, Russia had vetoed a draft resolution on the inquiry.", True),
        ("Meanwhile, the council will meet again in the spring.", True),
        ("The council will meet again in the spring.", False),
    ],
)
def test_a_summary_point_is_not_dated_by_the_sentence_before(sentence, dated_by_another):
    from quizgen.extract.sentence import RELATIVE_START

    assert bool(RELATIVE_START.match(sentence)) is dated_by_another
