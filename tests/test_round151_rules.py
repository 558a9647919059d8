"""Rules from the twenty-fourth session: rounds 151 and after."""

import pytest
from test_round147_rules import _changed  # a false statement made from its sentence


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


def _index(text: str):
    from quizgen import pipeline
    from quizgen.extract.entities import EntityIndex
    from quizgen.ingest import read_text

    return EntityIndex.of(pipeline.analyze(read_text(text), cache=False))


NIGERIA = (
    "Nigeria must confront its militants\n\n"
    "In the past week alone the Islamist militants Boko Haram have slain hundreds of people "
    "across north-eastern Nigeria. In 2013 President Goodluck Jonathan declared war on Boko "
    "Haram and sent the army to fight them. But Boko Haram fended off the army's offensive. "
    "Muhammadu Buhari, a former military ruler, is standing against Goodluck Jonathan."
)


def test_a_name_beside_a_plural_noun_is_a_group_not_a_person():
    # Round 151 swapped "Muhammadu Buhari" in for "Boko Haram": "declared war on Muhammadu
    # Buhari and sent the army to fight them".
    index = _index(NIGERIA)
    assert index.lookup("Boko Haram").label == "ORG"
    assert index.lookup("Muhammadu Buhari").label == "PERSON"


def test_a_name_after_a_noun_it_does_not_belong_to_is_still_a_person():
    index = _index(
        "Connors backs Murray\n\n"
        "Among the questions Jimmy Connors was asked was whether Andrew Murray could win. "
        "Jimmy Connors said Andrew Murray had a great future."
    )
    assert index.lookup("Jimmy Connors").label == "PERSON"


def test_a_country_moved_into_the_part_of_the_world_its_sentence_names_gives_itself_away():
    from quizgen.false_forms import out_of_its_part

    assert out_of_its_part(
        _changed(
            "There are no legal routes into Europe, even for people fleeing countries like Syria.",
            "There are no legal routes into Europe, even for people fleeing countries like Italy.",
        )
    )


UN_VOTE = (
    "Palestine's resolution fails at the UN\n\n"
    "The Palestinian resolution failed at the Security Council on Tuesday. {sentence} The "
    "resolution needed nine votes to pass. Palestinian officials said they would go to the "
    "International Criminal Court instead."
)


def _details(text: str) -> set[str]:
    from conftest import facts_of

    return {f.slots.get("detail", "") for f in facts_of(text) if f.kind == "sentence"}


@pytest.mark.parametrize(
    "sentence,detail,plain",
    [
        # round 151: "four - the US and Australia - voted no" contradicts itself
        (
            "Eight members voted in favour of the resolution in New York, and two - the US and "
            "Australia - voted against it.",
            "two",
            "Eight members voted in favour of the resolution in New York, and two voted against it.",
        ),
        # round 151: "The New York Times 134 piled on": the number is part of the name
        (
            "The Atlanta Professional Firefighters Local 134 backed the decision on Monday.",
            "Atlanta Professional Firefighters Local",
            "The Atlanta Professional Firefighters Local backed the decision on Monday.",
        ),
        # round 152: "___'s Johnson Space Center": the named thing says whose it is
        (
            "NASA's Johnson Space Center in Houston signed a contract with Boeing in 1985.",
            "NASA",
            "NASA signed a contract with Boeing in Houston in 1985.",
        ),
    ],
)
def test_a_detail_the_rest_of_its_sentence_fixes_is_not_changed(sentence, detail, plain):
    assert detail not in _details(UN_VOTE.format(sentence=sentence))
    # the same detail, where nothing beside it fixes it
    assert detail in _details(UN_VOTE.format(sentence=plain))


def test_a_guess_the_writer_vouches_for_is_no_statement_to_mark():
    # Round 151: "A president with military experience ... would surely serve as a morale
    # booster to the Nigerian soldiers", keyed True, tested the writer's hope.
    from conftest import sentence_texts

    guess = "Muhammadu Buhari would surely serve as a morale booster to the soldiers."
    plain = "Muhammadu Buhari would serve as a morale booster to the soldiers."
    assert guess not in sentence_texts(NIGERIA + " " + guess)
    assert plain in sentence_texts(NIGERIA + " " + plain)


def test_an_authors_view_told_in_the_third_person_keeps_no_we():
    # Round 151: "The author's view is that ... there is only so much of President Obama's
    # agenda that we can work on repealing": the author's "we" is nobody to the student.
    from conftest import question

    from quizgen.select import flaw

    view = "The author's view is that {}. Do you agree? Explain your answer."
    ours = question(view.format("there is only so much of the agenda that we can repeal"), "essay")
    theirs = question(
        view.format("there is only so much of the agenda Congress can repeal"), "essay"
    )
    assert flaw(ours) == "prompt leans on a pronoun it does not explain"
    assert flaw(theirs) is None


def test_more_important_than_what_went_before_is_dropped():
    from quizgen.language import strip_linkers

    assert strip_linkers("Even more importantly, the Senate can get to work.") == (
        "the Senate can get to work."
    )
    assert strip_linkers("More importantly, prices fell.") == "prices fell."


PARIS = (
    "Counter-terror cooperation must not repeat old abuses\n\n"
    "{opening} The Paris killers had links with networks across the Middle East, including in "
    "Yemen. France and Britain are now working closely with the security services of Egypt "
    "and Jordan. That cooperation carries risks that ministers have not yet faced."
)


def test_an_opening_that_only_says_something_goes_on_is_no_news():
    from conftest import sentence_texts

    scene = "Ten days after the Paris attacks, the security repercussions continue."
    assert scene not in sentence_texts(PARIS.format(opening=scene))
    news = "Ten days after the Paris attacks, the French police arrested four men in Brussels."
    assert news in sentence_texts(PARIS.format(opening=news))


def test_a_model_code_is_no_body_to_stand_in_for_another():
    # Round 152: "GRX-810 has spun off more than 2,000 technologies", NASA's line with its
    # alloy put in, gave itself away.
    from conftest import facts_of

    facts = facts_of(
        "NASA licenses a new alloy\n\n"
        "NASA has licensed a 3D-printable superalloy to four companies. The alloy, called "
        "GRX-810, can endure temperatures over 2,000 degrees. GRX-810 lasts twice as long as "
        "older alloys, NASA says. NASA has spun off more than 2,000 technologies."
    )
    actors = {f.slots["name"]: f.slots["actor"] for f in facts if f.kind == "entity"}
    assert actors.get("NASA") == "ORG"
    assert actors.get("GRX-810", "") == ""


QUIET = "Guantanamo's shameful thirteenth year\n\n{body}"
ARGUING = [
    "The prison at Guantanamo Bay has now been open for thirteen years.",
    "More than a hundred men are still held there without charge.",
    "Many of them were cleared for release years ago.",
    "The camp costs far more than any prison on the mainland.",
    "Its military commissions have convicted only a handful of men.",
    "Congress must lift the ban on moving the prisoners to the mainland.",
    "The president should keep the promise he made in his first week in office.",
    "The men who were cleared deserve to go home.",
    "Their families have waited for more than a decade.",
    "Other countries have offered to take some of them in.",
    "Two of the men were sent back to Algeria in December.",
    "One of them had been held for twelve years.",
    "The camp's hospital now treats men on hunger strike every week.",
]


def test_a_piece_that_reports_nothing_and_argues_now_and_then_is_opinion():
    # Round 153: editorials with no "I" that argue in one sentence in eight to ten and quote
    # nobody read as news; their claims were asked as bare facts.
    from quizgen import pipeline
    from quizgen.ingest import read_text

    quiet = pipeline.analyze(read_text(QUIET.format(body=" ".join(ARGUING))), cache=False)
    assert pipeline.is_opinion(quiet)
    reported = [s[:-1] + ", officials said." if i % 3 == 0 else s for i, s in enumerate(ARGUING)]
    report = pipeline.analyze(read_text(QUIET.format(body=" ".join(reported))), cache=False)
    assert not pipeline.is_opinion(report)


@pytest.mark.parametrize(
    "a,b,other",
    [
        ("Isis", "Congress", True),  # round 153: "the war authorization Isis passed"
        ("the Taliban", "Apple", True),
        ("Congress", "the Supreme Court", True),
        ("the Taliban", "al-Qaeda", False),
        ("Microsoft", "Apple", False),
        ("Congress", "the Senate", False),
    ],
)
def test_a_body_of_another_kind_is_no_stand_in(a, b, other):
    from quizgen.kinds import other_kind_of_body

    assert other_kind_of_body(a, b) is other


def _headline(text: str):
    from quizgen import pipeline
    from quizgen.extract.thesis import headline_claim
    from quizgen.ingest import read_text

    return headline_claim(pipeline.analyze(read_text(text), cache=False))


SANTA = (
    "{headline}\n\n"
    "A Massachusetts school that calls itself an inclusive community banned Santa Claus from "
    "its annual Christmas concert after someone complained. The principal did not explain "
    "why. It is hard to know for sure, but this is what intolerance looks like."
)


def test_a_headline_that_tells_the_opening_event_argues_nothing():
    # Round 153: "The headline states the author's argument: 'Ho Ho No: School bans Santa
    # from winter concert.'" The column argues about the ban; the headline reports it.
    assert _headline(SANTA.format(headline="School bans Santa from winter concert.")) is None
    # rounds 158 and 159: headline English for an event, whatever the opening says
    assert _headline(SANTA.format(headline="Town told to keep Christ out of parade.")) is None
    assert _headline(SANTA.format(headline="Zika virus spurs global health emergency.")) is None
    # a headline that asks needs no stance of its own
    assert _headline(SANTA.format(headline="Where the school went wrong.")) is not None
    argued = _headline(SANTA.format(headline="Banning Santa is intolerance, not inclusion."))
    assert argued is not None


@pytest.mark.parametrize(
    "prompt,qtype,reason",
    [
        # round 153: an elliptical clause that stands for one the question does not give
        (
            "According to the article, if it were, Germany would be worryingly unstable.",
            "true_false",
            'it says "if it were" without saying what',
        ),
        # round 154: a statement with a "could" spliced onto the question
        (
            "Knowing the precise shape of the Sun could be useful for testing theories of "
            "gravity, so, which organisation monitored it using a telescope on a satellite?",
            "mcq",
            "a statement spliced onto the question",
        ),
    ],
)
def test_flaws_of_round_153_and_154(prompt, qtype, reason):
    from conftest import question

    from quizgen.select import flaw

    assert flaw(question(prompt, qtype, answer="NASA")) == reason


@pytest.mark.parametrize(
    "prompt,answer",
    [
        # round 154: the investigation's name gives the blank away
        (
            "Microbial Observatory-1 was one of the first investigations to monitor the types "
            "of {{c1::microbes}} present on the space station.",
            "microbes",
        ),
        # round 154: "fish and ___" is half of the blank
        (
            "Ecosystem issues such as the decrease in native fish and {{c1::shellfish}} are "
            "becoming apparent in the lake.",
            "shellfish",
        ),
    ],
)
def test_a_blank_whose_stem_the_sentence_shows_is_given_away(prompt, answer):
    from conftest import question

    from quizgen.select import flaw

    assert flaw(question(prompt, "cloze", answer=answer)) == "the sentence gives the blank away"


def test_a_blank_the_sentence_does_not_show_is_kept():
    from conftest import question

    from quizgen.select import flaw

    q = question(
        "In the summer, productivity declines because of increased {{c1::stratification}} "
        "and nutrient depletion.",
        "cloze",
        answer="stratification",
    )
    assert flaw(q) is None


NOAA = (
    "Lake Biwa is warming\n\n"
    "Lake Biwa is the largest freshwater lake in Japan. {sentence} Native fish have declined "
    "in the lake since the 1990s. Researchers at Shiga University measured its temperature "
    "for forty years."
)


def test_a_statement_keeps_no_reference_number_or_figure_it_points_to():
    from conftest import sentence_texts

    texts = sentence_texts(
        NOAA.format(
            sentence="Algal blooms in Lake Biwa were tied to high phosphorus levels from 1,200 "
            "farms in Shiga [1]."
        )
    )
    assert any(t.endswith("1,200 farms in Shiga.") for t in texts)
    figure = (
        "The water temperature of Lake Biwa rose by 2 degrees in forty years, as shown in the "
        "following figure."
    )
    assert not any("following figure" in t for t in sentence_texts(NOAA.format(sentence=figure)))


def test_a_noun_with_only_a_relative_clause_is_no_statement():
    # Round 153: "Pakistan, where, according to the Bureau of Investigative Journalism, the US
    # conducted multiple drone strikes ..., killing at least nine people."
    from conftest import sentence_texts

    fragment = (
        "Pakistan, where, according to the Bureau of Investigative Journalism, the US conducted "
        "multiple drone strikes between Christmas and New Year's Eve, killing at least nine "
        "people."
    )
    whole = (
        "In Pakistan the US conducted multiple drone strikes between Christmas and New Year's "
        "Eve, killing at least nine people."
    )
    assert fragment not in sentence_texts(NIGERIA + " " + fragment)
    assert whole in sentence_texts(NIGERIA + " " + whole)


def test_an_opening_that_turns_to_the_reader_is_no_news():
    # Round 153: "Here's a prediction: expect a narrative to emerge ..." keyed True.
    from conftest import facts_of

    opening = (
        "Here's a prediction: expect a narrative to emerge in certain media outlets that "
        "Tuesday night's State of the Union speech was a grand return to form for Obama."
    )
    facts = facts_of(PARIS.format(opening=opening))
    assert not any(f.slots.get("lead") for f in facts if f.kind == "sentence")
    news = "Ten days after the Paris attacks, the French police arrested four men in Brussels."
    facts = facts_of(PARIS.format(opening=news))
    assert any(f.slots.get("lead") for f in facts if f.kind == "sentence")


@pytest.mark.parametrize(
    "text,shown",
    [
        # round 153's editorials: "According to the author, Come Friday, many teenagers ..."
        ("Come Friday, many teenagers will heave a sigh of relief.", "come Friday, many"),
        ("Meanwhile Tesco said its profits had fallen.", "meanwhile Tesco said"),
        # a name before a name keeps its capital
        ("Labour leader Ed Miliband said it would.", "Labour leader"),
    ],
)
def test_a_verb_or_adverb_before_a_name_is_written_small(text, shown):
    from quizgen.language import lower_first
    from quizgen.nlp import load, model_name

    doc = load(model_name(None))(text)
    assert lower_first(text, doc[0]).startswith(shown)


def test_a_columns_judgement_is_not_turned_round_into_a_false_statement():
    # Round 153: "All the president does is increase spending: free community college, ..."
    # in a column was asked as a statement, its turned-round form as a false one.
    from conftest import facts_of

    column = (
        "What I wish the president had said\n\n"
        "I watched the State of the Union address on Tuesday, and I wish I had heard something "
        "new. {claim} I think the deficit fell only because the stimulus ended. I would have "
        "told Congress to get out of the way. Our union is strong when government is small."
    )
    claim = "All the president does is increase spending on programmes nobody asked for."
    flips = {
        f.slots["text"]: f.slots.get("flip")
        for f in facts_of(column.format(claim=claim))
        if f.kind == "sentence"
    }
    assert not flips.get(claim)
    # reported, the same words are someone's claim to test
    said = "All the president does is increase spending, the senator said on Tuesday."
    flips = {
        f.slots["text"]: f.slots.get("flip")
        for f in facts_of(column.format(claim=said))
        if f.kind == "sentence"
    }
    assert flips.get(said)


def test_a_byline_note_of_several_sentences_is_no_news():
    from conftest import sentence_texts

    note = (
        "John Stossel is the host of Stossel, a weekly program that Fox Business Network "
        "began airing in 2009. Stossel also appears regularly on Fox News Channel. Click here "
        "for more information."
    )
    texts = sentence_texts(PARIS.format(opening="") + "\n\n" + note)
    assert not any("Stossel" in t for t in texts)


def test_a_dateline_of_two_cities_is_dropped():
    # Round 155: "WASHINGTON/NEW YORK (Reuters) - Federal appeals court judges ..." was asked
    # with its dateline.
    from quizgen.language import strip_linkers

    text = "WASHINGTON/NEW YORK (Reuters) - Federal appeals court judges asked about it."
    assert strip_linkers(text) == "Federal appeals court judges asked about it."


def test_no_how_many_question_is_asked_of_a_relative_clause():
    # Round 155: "How many Haitians temporary visas did that grant after the 2010 earthquake?"
    from conftest import facts_of

    facts = facts_of(
        "Haitians in U.S. condemn decision\n\n"
        "The administration on Monday ended a program that granted 59,000 Haitians temporary "
        "visas after the 2010 earthquake. Haitian leaders in Miami said the decision was cruel. "
        "The program will end in July 2019, officials said."
    )
    asked = [f.slots.get("how_q", "") for f in facts if f.kind == "quantity"]
    assert not any("did that" in q for q in asked)


ECONOMY = (
    "US economy: growth will return in 2015\n\n"
    "Washington has reason for hope. The US economy added 321,000 jobs in November, the most "
    "in nearly three years. Economists in the USA now expect growth of 3% next year, and the "
    "U.S. Federal Reserve may raise rates in the summer. Washington's budget deficit has also "
    "fallen by half since 2009. America is still the world's largest economy."
)

FACTS_AS_JSON = (
    "import json, sys\n"
    "from quizgen import pipeline\n"
    "from quizgen.ingest import read_text\n"
    "facts = pipeline.extract(pipeline.analyze(read_text(sys.stdin.read()), cache=False))\n"
    "print(json.dumps([f.to_dict() for f in facts], sort_keys=True))\n"
)


def test_facts_do_not_change_with_the_hash_seed():
    # The twenty-fourth session found a state named by its capital renamed from a set's order
    # ("Washington" became "US" or "USA", and the alias dropped was another), so the facts,
    # and the cache that stores them, changed from process to process.
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", FACTS_AS_JSON],
            input=ECONOMY,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_a_batchs_articles_have_their_questions_judged_together(monkeypatch):
    # Issue 7: a batch parses the questions its articles' extractors judge in one call per
    # round for the whole chunk, not one per article, and the facts are the same.
    from quizgen import pipeline
    from quizgen.extract import base
    from quizgen.ingest import read_text

    texts = [ECONOMY, NIGERIA, PARIS.format(opening="France arrested four men in Brussels.")]

    def analyses():
        return [pipeline.analyze(read_text(t), cache=False) for t in texts]

    calls = []
    real = base._question_pipeline

    def counted(model):
        calls.append(model)
        return real(model)

    monkeypatch.setattr(base, "_question_pipeline", counted)
    alone = [pipeline.extract(a) for a in analyses()]
    one_by_one = len(calls)
    calls.clear()
    together = pipeline.extract_many(analyses())
    assert [[f.to_dict() for f in fs] for fs in together] == [
        [f.to_dict() for f in fs] for fs in alone
    ]
    assert len(calls) < one_by_one


def test_an_opening_remark_on_doing_something_is_no_news():
    # Round 156: "Defaulting on sovereign debt is never a good strategy." keyed True.
    from conftest import facts_of

    remark = "Defaulting on sovereign debt is never a good strategy for a government."
    facts = facts_of(PARIS.format(opening=remark))
    assert not any(f.slots.get("lead") for f in facts if f.kind == "sentence")


@pytest.mark.parametrize(
    "text,dangling",
    [
        # round 158: an acronym is a body, no one a "him" can be
        ("The CIA decided to subject him to torture.", True),
        ("The FBI said its agents would go.", False),
        ("John Smith said he would go.", False),
        # round 159: "that close to" compares with something the statement does not give
        ("Conditions that close to the Sun are extreme.", True),
        ("Smith said that close ties matter.", False),
    ],
)
def test_pronouns_and_degrees_that_point_back(text, dangling):
    from quizgen.pronouns import has_dangling_pronoun

    assert has_dangling_pronoun(text) is dangling


def test_an_opening_textbook_truth_about_a_kind_is_no_news():
    # Round 159: "Cells are the fundamental units of life, forming ..." keyed True.
    from conftest import facts_of

    truth = "Cells are the fundamental units of life, forming every living thing on Earth."
    facts = facts_of(PARIS.format(opening=truth))
    assert not any(f.slots.get("lead") for f in facts if f.kind == "sentence")
    news = "Lessons on music piracy are to be taught to secondary school pupils in the UK."
    facts = facts_of(PARIS.format(opening=news))
    assert any(f.slots.get("lead") for f in facts if f.kind == "sentence")


def test_a_question_asked_of_the_author_repeats_the_same_asked_of_the_article():
    # Round 160: "According to the author, why is someone working long hours?" and
    # "According to the article, why is someone working long hours?" in one set.
    from dataclasses import replace

    from conftest import question

    from quizgen.select import select

    asked = "why do doctors work long hours in the NHS?"
    one = question(f"According to the author, {asked}", "short_answer", answer="Because of rotas")
    two = replace(one, id="q-2", fact_id="f-2", prompt=f"According to the article, {asked}")
    chosen, rejected = select([one, two], 10, 0)
    assert len(chosen) == 1
    assert [r.reason for r in rejected] == ["repeats another question"]


def test_a_newspaper_is_no_stand_in_for_an_armed_group():
    from quizgen.kinds import other_kind_of_body

    assert other_kind_of_body("the New York Times", "the Nusra Front")
    assert not other_kind_of_body("the New York Times", "the Washington Post")


def test_no_not_is_put_after_every_or_all():
    # Round 160: "According to the author, just about every girl who's ever won a beauty
    # pageant will not be riding on a float" reads as "none", which the article never said.
    from quizgen.generate import negated

    assert (
        negated("Just about every girl who has won a pageant will be riding on a float.", "will")
        is None
    )
    assert negated("Congress will vote on the bill in March.", "will") == (
        "Congress will not vote on the bill in March.",
        "will",
        "will not",
    )
