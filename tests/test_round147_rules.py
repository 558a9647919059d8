"""Rules from the twenty-third session: rounds 147 and after (newspaper editorials and
opinion columns no code had seen)."""

import re

import pytest
from conftest import facts_of

from quizgen.generate import negated

OPINION = (
    "Cuba policy deserves a hearing\n\n"
    "I have followed relations between Washington and Havana for thirty years, and I believe "
    "the new policy is overdue. {claim} The embargo has failed for five decades, and it has "
    "hurt ordinary Cubans far more than their government. We should judge the policy by its "
    "results, not by the noise it makes on talk radio."
)


def _do_questions(claim: str) -> list[tuple[str, str]]:
    facts = facts_of(OPINION.format(claim=claim))
    return [
        (f.slots["do_q"], f.slots["action"])
        for f in facts
        if f.kind == "claim" and f.slots.get("do_q")
    ]


@pytest.mark.parametrize(
    "claim",
    [
        "Barack Obama should be commended for basing policy on facts rather than emotions.",
        "The costs of public universities should not be ignored by Congress.",
    ],
)
def test_a_passive_claim_makes_no_question_of_what_someone_should_do(claim):
    # "According to the author, what should Obama do?" keyed "Commended for basing policy
    # on facts": what is done to him, not what he should do (round 147).
    asked = _do_questions(claim)
    assert not any(q.startswith("what should") for q, _ in asked), asked


def test_an_active_claim_still_asks_what_someone_should_do():
    asked = _do_questions("Congress should lift the embargo before the end of the year.")
    assert ("what should Congress do", "lift the embargo before the end of the year") in asked


@pytest.mark.parametrize(
    "text,word",
    [
        ("December 17 will no doubt be an important moment for Cubans.", "will"),
        ("I can only say that the care homes were a fiction.", "can"),
        ("The deal will surely collapse without more money.", "will"),
    ],
)
def test_no_not_is_put_before_an_adverb_that_would_take_it(text, word):
    # "December 17 will not no doubt be an important moment", "I cannot only say"
    # (round 147): the turned stance reads as garbled.
    assert negated(text, word) is None


@pytest.mark.parametrize(
    "text,word,changed",
    [
        (
            "Regulators should apply the same rules to banks.",
            "should",
            "Regulators should not apply the same rules to banks.",
        ),
        ("The government must act now.", "must", "The government must not act now."),
    ],
)
def test_a_stance_before_its_verb_is_still_turned(text, word, changed):
    assert negated(text, word)[0] == changed


BODY = (
    "BUFFALO, N.Y. - Even a $50 million budget deficit in the Buffalo school district "
    "could not convince members of the teachers' union to give up a benefit that pays for "
    "cosmetic surgery. School district spending on the benefit totalled $5.4 million in "
    "2013-14, an increase of 4.1 percent on the year before."
)


def _kinds(text: str):
    from quizgen.ingest import read_text

    article = read_text(text)
    return article.title, [article.text[b.start : b.end].strip() for b in article.body_blocks()]


def test_a_headline_that_ends_in_a_full_stop_is_the_headline():
    # Some sites and collections end every headline with a full stop; read as the opening
    # sentence, it was asked as true on its own wording (round 147).
    head = (
        "Buffalo schools spend $5.4 million on free plastic surgeries for teachers, "
        "despite massive deficit."
    )
    title, body = _kinds(head + "\n\n" + BODY)
    assert title == head
    assert body == [BODY]


@pytest.mark.parametrize(
    "opening",
    [
        # a one-sentence opening paragraph of a report given without its headline
        "The Senate voted on Tuesday to extend the programme that pays for the health care of "
        "nine million children from low-income families for another five years.",
        # two sentences: an opening paragraph, however short
        "The boom is over. Prices fell again.",
    ],
)
def test_an_opening_paragraph_is_still_the_body(opening):
    title, body = _kinds(opening + "\n\n" + BODY)
    assert body[0] == opening


def _changed(source: str, prompt: str):
    from dataclasses import replace

    from conftest import question

    q = question(source, answer="False")
    return replace(q, prompt=prompt)


@pytest.mark.parametrize(
    "source,prompt",
    [
        (
            "In Europe, there is a renewed push for renewable energy and some countries like "
            "the UK are pursuing nuclear energy.",
            "In Europe, there is a renewed push for renewable energy and some countries like "
            "Saudi Arabia are pursuing nuclear energy.",
        ),
        (
            "Asian markets fell after Japan reported weaker exports.",
            "Asian markets fell after Brazil reported weaker exports.",
        ),
    ],
)
def test_a_country_put_in_another_part_of_the_world_gives_itself_away(source, prompt):
    from quizgen.false_forms import out_of_its_part

    assert out_of_its_part(_changed(source, prompt))


@pytest.mark.parametrize(
    "source,prompt",
    [
        # the same part of the world: the article has to settle it
        (
            "In Europe, some countries like France are pursuing nuclear energy.",
            "In Europe, some countries like Germany are pursuing nuclear energy.",
        ),
        # the sentence's own country lies outside the part it names
        (
            "Unlike Europe, Brazil is expanding its nuclear programme.",
            "Unlike Europe, Argentina is expanding its nuclear programme.",
        ),
    ],
)
def test_a_country_of_the_same_part_of_the_world_is_a_fair_stand_in(source, prompt):
    from quizgen.false_forms import out_of_its_part

    assert not out_of_its_part(_changed(source, prompt))


def _main_claim(text: str):
    from quizgen import pipeline
    from quizgen.extract.thesis import main_claim
    from quizgen.ingest import read_text

    found = main_claim(pipeline.analyze(read_text(text), cache=False))
    return found[0] if found else None


SHED = (
    "The big orange shed that holds the key to Britain's economic recovery\n\n"
    "{opening}\n\n"
    "Inside, a group of designers share machines that none of them could afford alone, and "
    "the rent is paid by the hour. Dozens of small firms have started there in two years.\n\n"
    "Ministers talk about rebalancing the economy, but they have done little for places like "
    "this one."
)


def test_a_column_that_opens_on_a_scene_has_no_main_claim_in_it():
    # "What is the main claim ...?" keyed "On an industrial estate ... hulks a big orange
    # shed ...": the hook shares the headline's words but argues nothing (round 147).
    opening = (
        "On an industrial estate on the outskirts of the capital hulks a big orange shed that "
        "will form part of the answer as to whether Britain really can fix its broken economy."
    )
    assert _main_claim(SHED.format(opening=opening)) is None


def test_a_column_that_opens_on_its_argument_keeps_it_as_the_main_claim():
    opening = (
        "Britain should back the big orange sheds where small firms share machines, because "
        "they hold the key to an economic recovery that reaches beyond the capital."
    )
    assert _main_claim(SHED.format(opening=opening)) == opening


def _essay(claim: str):
    from conftest import question

    return question(
        f'The author writes: "{claim}" Explain the author\'s reasoning and say whether you '
        "agree, using evidence from the article.",
        type="essay",
        answer="A good answer restates the claim in the student's own words.",
        template="claim-essay",
    )


def test_an_essay_may_quote_the_authors_own_we():
    # "we should argue about how we gauge disasters": the author and the readers the author
    # speaks for, as the column's reader takes them (round 147).
    from quizgen.select import flaw

    claim = (
        "Instead of debating whether greenhouse gases will raise temperatures, we should "
        "argue about how we gauge disasters."
    )
    assert flaw(_essay(claim)) is None


def test_an_essay_still_refuses_a_quote_that_leans_on_what_came_before():
    from quizgen.select import flaw

    claim = "Everyone on this earth should feel this anger and frustration."
    assert flaw(_essay(claim)) == "prompt leans on a pronoun it does not explain"


def test_no_not_is_put_into_a_clause_that_is_already_negative():
    # "will be silent no more" made "will not be silent no more" (round 147)
    text = "Young people whose rights have been violated will be silent no more."
    assert negated(text, "will") is None


@pytest.mark.parametrize(
    "prompt,refused",
    [
        ("How many schoolgirls in Nigeria were abducted yet?", True),
        ("Why has the government not paid the compensation yet?", False),
    ],
)
def test_a_question_left_ending_on_yet(prompt, refused):
    # ", yet to return home" lost its verb and left its "yet" (round 147)
    from conftest import question

    from quizgen.select import flaw

    q = question(prompt, type="short_answer", answer="200", template="quantity-how-short")
    assert (flaw(q) == "prompt is not grammatical") is refused


def test_a_sentence_that_argues_nothing_is_no_main_claim():
    # "There is an employer looking to hire young, motivated, and intelligent men and women"
    # was keyed as a column's main claim (round 147).
    opening = (
        "Every year thousands of young people leave school without a plan, while big orange "
        "sheds full of machines stand half empty on the edge of every town."
    )
    text = SHED.format(opening=opening) + (
        "\n\nThere is a big orange shed in every town looking to hire young people who want "
        "to build something of their own."
    )
    assert _main_claim(text) is None


def test_a_rule_stated_in_a_few_words_is_no_essay():
    # "The author writes: 'Applicants must pass a thorough psychological evaluation.'
    # Explain the author's reasoning ...": nothing to argue (round 147).
    from conftest import prompts

    text = EDITORIAL + (
        " Applicants must pass a thorough means test.\n\n"
        "The states must stop cutting the budgets of their community colleges, because every "
        "cut is paid for by the students who can least afford it."
    )
    essays = [p for p in prompts(text) if p.startswith("The author writes")]
    assert not any("means test" in p for p in essays), essays
    assert any("The states must stop cutting" in p for p in essays), essays


EDITORIAL = (
    "Free community college is no joke\n\n"
    "College costs have risen faster than family incomes for thirty years. "
    "Should a family have to spend half its income to send one child to college? "
    "We should not accept a system that prices out the poor. "
    "Our state universities were built to open doors, not to close them. "
    "Congress must fund the grants it promised. "
    "The aid that exists is spread too thin and too late. "
    "Families must fill in forms that few of us could understand. "
    "We can do better, and we must. "
    "A free first two years would change the odds for millions."
)


def test_an_editorial_that_never_says_i_is_opinion():
    # 19 of 30 editorials never said "I" and were read as news: their claims were asked as
    # facts, without "according to the author" (round 147).
    from quizgen import pipeline
    from quizgen.ingest import read_text

    assert pipeline.analyze(read_text(EDITORIAL), cache=False).cache["opinion"]


def test_a_report_of_what_others_argue_is_not_opinion():
    from quizgen import pipeline
    from quizgen.ingest import read_text

    report = "\n\n".join(
        [EDITORIAL.split("\n\n")[0]]
        + [
            f'"{s.strip()}" said Senator Jane Smith.'
            for s in EDITORIAL.split("\n\n")[1].split(". ")
            if s.strip()
        ]
    )
    assert not pipeline.analyze(read_text(report), cache=False).cache["opinion"]


def test_similarly_points_back_mid_sentence():
    # "The debate about whether the 50% target is too high has been similarly staid": as
    # staid as what? (round 148)
    from conftest import pointing

    found = pointing(
        "University targets\n\n"
        "The debate about whether the 50% participation target is too high has been "
        "similarly staid.\n"
    )
    assert any("similarly staid" in p for p in found), found


def test_a_share_the_sentence_gives_again_in_words_is_not_changed():
    # "the 100% participation target ...: surely at least half of young people" contradicts
    # itself (round 148)
    from conftest import facts_of, true_false

    text = (
        "University targets\n\n"
        "Ministers have praised the growth of universities in a new report on university "
        "targets. The 50% participation target for universities has been a success, and at "
        "least half of young people now go on to higher education, the report says. "
        "Universities grew quickly after that."
    )
    statements = true_false(facts_of(text))
    assert not any("100%" in s or "25%" in s for s in statements), statements


@pytest.mark.parametrize(
    "contact",
    [
        "Dr Keith Ablow can be reached at info@keithablow.com.",
        "CLICK HERE TO FOLLOW TODD ON FACEBOOK FOR CONSERVATIVE CONVERSATION!",
        "Follow the author on Twitter at @jsmith for more.",
    ],
)
def test_how_to_reach_the_writer_is_not_asked(contact):
    # "According to the author, Dr Ablow can be reached at info@keithablow.com." -> True
    # (round 147)
    from test_round142_rules import _usable

    text = (
        "Fixing the schools\n\n"
        "The city's schools need more teachers, and the council should pay for them. "
        + contact
        + " Parents have waited long enough."
    )
    assert contact not in _usable(text)


def test_an_address_in_a_sentence_of_the_story_is_no_contact():
    from test_round142_rules import _usable

    sentence = "The council voted on Monday to hire 200 more teachers for the city's schools."
    assert sentence in _usable("Fixing the schools\n\n" + sentence + " Parents welcomed it.")


def _headline_essays(title: str) -> list[str]:
    from conftest import prompts

    text = title + "\n\n" + EDITORIAL.split("\n\n", 1)[1]
    return [p for p in prompts(text) if p.startswith("The headline")]


def test_an_editorials_headline_is_set_for_discussion():
    # Long columns got nothing on their main argument (round 147); the headline states it.
    assert _headline_essays("Free community college is no joke for poor families") == [
        "The headline states the author's argument: \"Free community college is no joke for "
        'poor families." Explain how the author argues for it and say whether you agree, '
        "using evidence from the article."
    ]


def test_an_editorials_question_headline_asks_for_the_authors_answer():
    assert _headline_essays("Should college be free for the first two years?") == [
        'The headline asks: "Should college be free for the first two years?" What answer '
        "does the author give? Explain it and say whether you agree, using evidence from the "
        "article."
    ]


@pytest.mark.parametrize(
    "title",
    [
        "The big orange shed that holds the key to college costs",  # a label
        "I paid for my daughter's college with a second mortgage",  # the writer's own story
    ],
)
def test_a_headline_that_argues_nothing_is_not_set_for_discussion(title):
    assert _headline_essays(title) == []


def test_a_reports_headline_is_not_set_for_discussion():
    from conftest import prompts

    report = (
        "Senate passes college aid bill\n\n"
        "The Senate passed a bill on Tuesday that would make the first two years of community "
        "college free for students from low-income families. The bill now goes to the House, "
        "where its fate is uncertain. Supporters said it would help millions of students."
    )
    assert not any(p.startswith("The headline") for p in prompts(report))


@pytest.mark.parametrize(
    "title",
    [
        "Average Page Weight Increases 15% in 2014",  # a figure, in a news site's title case
        "What Value Drugs Come US Border",  # a headline's stub, no question
    ],
)
def test_a_news_style_headline_is_not_set_for_discussion(title):
    assert _headline_essays(title) == []


def test_no_question_of_what_someone_should_do():
    # Reviews kept none of six "According to the author, what must the white American
    # majority do?" -> "Take some responsibility" (rounds 79-149).
    from conftest import prompts

    asked = prompts(EDITORIAL)
    assert not any(re.search(r"\bwhat (?:should|must)\b", p) for p in asked), asked


@pytest.mark.parametrize(
    "prompt,refused",
    [
        ("According to the article, why did more than 20 times as many children die?", True),
        ("According to the article, why do twice as many women as men use the service?", False),
        ("According to the article, why was the reason why Lodz became more accepting?", True),
    ],
)
def test_why_questions_that_leave_out_what_they_need(prompt, refused):
    from conftest import question

    from quizgen.select import flaw

    q = question(
        prompt, type="short_answer", answer="Because of the floods", template="cause-why-short"
    )
    assert (flaw(q) is not None) is refused, flaw(q)


@pytest.mark.parametrize(
    "sentence,points",
    [
        ("We must address the conditions that give rise to such poison in the first place.", True),
        ("The chancellor avoided electioneering, but his rival felt no such constraint.", False),
        ("Cities such as Lodz and Sopot have voted for participatory budgets.", False),
    ],
)
def test_such_points_back(sentence, points):
    from conftest import pointing

    found = pointing("Poland's cities\n\n" + sentence + "\n")
    assert any(p.lower().startswith("such") for p in found) is points, found


def test_a_phrase_that_says_which_is_not_named_again():
    # "mere days after the attack on the Army Public School" became "the Army Public School
    # attack on the Army Public School" (round 150)
    from conftest import prompts

    text = (
        "Military courts and terror heroes\n\n"
        "In the early hours of December 24, 2014, mere days after the attack on the Army "
        "Public School in Peshawar, a worn-out and exhausted Prime Minister Nawaz Sharif took "
        "to the airwaves.\n\n"
        "He announced that military courts would try terrorism suspects.\n\n"
        "Like the Army Public School attack that would come months later, the aftermath of "
        "carnage was grotesque, the bits and pieces of the instruments of justice spread all "
        "over what had become a crime scene."
    )
    asked = prompts(text)
    assert any("after the attack on the Army Public School in Peshawar" in p for p in asked)
    assert not any("School attack on the Army" in p for p in asked), asked


@pytest.mark.parametrize(
    "claim,refused",
    [
        ("you should have known yourself that the march mattered.", True),
        ("someone should have told you to take your place at the march.", True),
        ("the more code you use, the more likely it will break.", False),
    ],
)
def test_an_authors_you_is_any_reader_not_one_who_should_have_known(claim, refused):
    # An open letter's "you" is the one person it addresses (round 150).
    from conftest import question

    from quizgen.select import flaw

    q = question("According to the author, " + claim, template="claim-stance-tf")
    assert (flaw(q) == "prompt leans on a pronoun it does not explain") is refused, flaw(q)
