"""Slips the blind reviews of rounds 54 and 55 found on fresh BBC stories, each on a short
text of its own (paraphrased, never the story's words) through the real parser, extractors
and templates: a source named twice ("According to the article, according to ..."), a
church swapped for a party, a film taken for the singer it is named after, "the two task
forces" and "The advance, the second-fastest ..." that say not which, a key cut from a
longer name, and the size of a group changed as if it were the news."""

from __future__ import annotations

from conftest import (
    facts_and_questions,
    facts_of,
    named,
    pointing,
    prompts,
    sentence_fact,
    true_false,
)

from quizgen.extract.entities import EntityIndex
from quizgen.ingest import read_text
from quizgen.kinds import kind_head
from quizgen.model import Evidence, Question
from quizgen.pipeline import analyze
from quizgen.select import flaw


def test_a_fronted_source_is_named_once():
    shown = prompts(
        "Internet cafes shut\n\n"
        "Officials in the province shut hundreds of internet cafes last year.\n\n"
        "According to the state news agency, most of the cafes were closed because they were "
        "operating without a licence.\n"
    )
    why = [p for p in shown if "operating" not in p and p.lower().count("why")]
    assert why, shown
    assert not [p for p in shown if p.lower().count("according to") > 1], shown
    assert [p for p in why if p.startswith("According to the state news agency, why")], why


def test_a_body_is_swapped_only_for_one_of_its_kind():
    assert kind_head("South Wales Police") == "police"
    assert kind_head("Bank of England") == "bank"
    assert kind_head("the Race Equality Council") == "council"
    assert kind_head("Asahi") == ""

    names = [named(n) for n in ("Green Party", "Leeds Grammar School", "Asahi", "Kirin")]
    # One body stands in for another only where both are firms (round 182).
    firms = "The brewing firm Asahi and the drinks firm Kirin are rivals."
    church = "The community will open a centre in the former Holy Trinity Church next year."
    firm = "Leaflets were handed out by Kirin staff on Monday."
    shown = true_false(
        [*names, named("Holy Trinity Church"), sentence_fact(church, "Holy Trinity Church")]
        + [sentence_fact(firm, "Kirin"), sentence_fact(firms, "Asahi")]
    )
    assert [p for p in shown if "Leaflets were handed out" in p], shown  # names of no kind
    assert not [p for p in shown if "former Holy" not in p and "open a centre" in p], shown


def test_a_film_named_after_a_singer_is_not_the_singer():
    text = (
        "Biopic tops sales\n\n"
        "The film biopic Sunny has earned $50m from DVD sales in the US.\n\n"
        "Sunny tells the life of soul singer Sunny Bell, who died in 2003.\n\n"
        "Sunny has been nominated in four categories, and actor Tom Reed won an award for it.\n"
    )
    analysis = analyze(read_text(text), cache=False)
    index = EntityIndex.of(analysis)
    assert index.lookup("Sunny").label == "WORK_OF_ART"
    shown = prompts(text)
    assert not [p for p in shown if "Sunny Bell has" in p or "Tom Reed has" in p], shown


def test_a_number_or_an_unnamed_aside_does_not_say_which():
    found = pointing(
        "Athletics meeting\n\n"
        "Officials met in Monaco on Sunday to discuss doping.\n\n"
        "The two task forces will report back to the council in April.\n\n"
        "The advance, the second-fastest in Asia after China, was led by manufacturing.\n\n"
        "The company, Yukos, said the 2005 budget was fair.\n"
    )
    assert "The two task forces" in found
    assert "The advance" in found
    assert "The company" not in found
    assert "the 2005 budget" not in found


def test_a_key_cut_from_a_longer_name_is_refused():
    def who(evidence: str) -> Question:
        return Question(
            id="q1",
            type="short_answer",
            prompt="Which group is meeting to plan a campaign against the leaflet?",
            answer="Leeds United",
            evidence=Evidence(evidence, 0, len(evidence)),
        )

    cut = who("Leeds United Against Racism is meeting to plan a campaign against the leaflet.")
    whole = who("Leeds United is meeting to plan a campaign against the leaflet.")
    assert flaw(cut) == "the answer is part of a longer name"
    assert flaw(whole) != "the answer is part of a longer name"


def test_the_size_of_a_group_is_not_changed_for_a_false_form():
    text = "Norway has become the first of the 12 nations in the group to cut its forecast."
    pool = "quantity.amount[measure=CARDINAL:nation]"
    shown = true_false([sentence_fact(text, "12", "CARDINAL", pool)])
    # A made-up count would have been the only stand-in: no false form, so no item at all.
    assert not shown


def test_no_that_before_an_infinitive():
    facts = facts_of(
        "Tourism losses\n\n"
        "Tourism minister John Smith said hotel bookings had fallen by half.\n\n"
        "In the coastal towns, he expects the fall in hotel income to be offset by public "
        "building work.\n"
    )
    claims = [f.slots["claim"] for f in facts if f.kind == "statement"]
    offset = [c for c in claims if "to be offset" in c]
    assert offset, claims
    assert not [c for c in offset if "expects that" in c], offset


def test_a_separate_inquiry_says_not_which():
    found = pointing(
        "Minister faces inquiry\n\n"
        "The standards watchdog is looking into the minister's travel claims.\n\n"
        "The separate inquiry by a retired judge is looking at a visa application.\n"
    )
    assert "The separate inquiry" in found


def test_mr_and_ms_give_way_to_the_full_name():
    shown = prompts(
        "Maternity pay to rise\n\n"
        "Maternity pay is to rise by £700, Trade Secretary Patricia Hewitt announced on "
        "Tuesday.\n\n"
        "Ms Hewitt stressed the rise would be paid for by taxpayers, not employers.\n\n"
        "Business leader Peter Lamb said Mr Lamb's members would still face extra costs.\n"
    )
    stressed = [p for p in shown if "stressed" in p]
    assert stressed, shown
    assert not [p for p in stressed if "Ms Hewitt" in p], stressed
    assert not [p for p in stressed if "{{c1::Hewitt}}" in p or "Patricia {{" in p], stressed


def test_a_range_is_no_stand_in_for_one_figure():
    from quizgen.kinds import same_kind_number

    assert not same_kind_number("3.2%", "30% to 29%")
    assert same_kind_number("3.2%", "5.1%")


# Rounds 56 and 57: thirty more BBC stories used for development (in-sample).


def test_a_role_before_a_name_keeps_its_person():
    shown = prompts(
        "Davos meeting\n\n"
        "Microsoft founder Bill Gates will focus on campaigning for good causes at Davos.\n\n"
        "Bill Gates pledged $750m of his own money, and Tony Blair welcomed the gift.\n\n"
        "Tony Blair will also speak at the meeting, where Bill Gates is a regular.\n"
    )
    assert not [p for p in shown if "founder Tony Blair" in p], shown


def test_a_plural_speaker_is_not_swapped():
    text = "The Lib Dems say Labour is telephoning people who signed up to avoid such calls."
    shown = true_false(
        [named("Lib Dems", the=True), named("Greens", the=True), sentence_fact(text, "Lib Dems")]
    )
    # "The Greens say" would read well, but "Matthew Taylor say" does not, and a
    # member of the party is no false stand-in for it: no swap of a speaker before "say".
    assert not shown


def test_a_figure_compared_with_another_is_not_changed():
    from quizgen.generate import _compared

    sentence = "The economy grew by an average of 3.2%, slightly below the regional average of 4%."
    assert _compared(sentence, "3.2%")
    assert _compared("Growth was 3.7%, up from 3.3% in the spring.", "3.7%")
    assert not _compared("Sales rose 2.2% to 47.2bn euros in 2004.", "2.2%")


def test_an_option_that_is_a_list_is_a_flaw():
    q = Question(
        id="q1",
        type="mcq",
        prompt="Who scored the winner in the last minute of the match against Bolton?",
        answer="Dyer, Faye, Bowyer",
        choices=["Dyer, Faye, Bowyer", "Alan Shearer", "Stephen Carr", "Jussi Jaaskelainen"],
        correct=[0],
    )
    assert flaw(q) == "an option is a list"


def test_a_reported_clause_that_lost_its_subject_is_not_a_statement():
    facts = facts_of(
        "ID cards\n\n"
        "Charles Kennedy, whose party opposes the plan, said with Christmas coming up the new "
        "home secretary had time to think again.\n"
    )
    claims = [f.slots["claim"] for f in facts if f.kind == "statement"]
    assert not [c for c in claims if "said that had time" in c], claims


def test_a_linker_set_off_by_commas_leaves_a_claim():
    facts = facts_of(
        "Grand Slam hopes\n\n"
        "Wales face France in Paris on Saturday.\n\n"
        "Ireland, though, have won three times in their last five meetings with France.\n"
    )
    claims = [f.slots["claim"] for f in facts if f.kind == "claim" and f.slots.get("claim")]
    assert not [c for c in claims if "though" in c], claims


def test_a_titled_surname_two_people_share_says_not_which():
    from quizgen.extract.naming import shared_surnames

    text = (
        "Spammer bankrupt\n\n"
        "John Smith runs a marketing firm that Microsoft is suing.\n\n"
        "His lawyer, David Smith, said the firm would fight on.\n\n"
        "Mr Smith settled another case in July, the court said.\n"
    )
    analysis = analyze(read_text(text), cache=False)
    found = [p for s, _ in analysis.sentences() for p in shared_surnames(s, analysis)]
    assert found == ["Mr Smith"]


def test_earlier_before_a_name_is_dropped_but_not_earlier_this_month():
    from quizgen.language import strip_linkers

    assert strip_linkers("Earlier Mr Kennedy said the plan was flawed.").startswith("Mr Kennedy")
    assert strip_linkers("Earlier this month the plan was shelved.").startswith("Earlier this")


def test_a_blank_on_a_speaker_with_a_clause_between_is_who_said_it():
    q = Question(
        id="q1",
        type="cloze",
        prompt="{{c1::Charles Kennedy}}, whose party opposes the plan, said the new home "
        "secretary had time to think again.",
        answer="Charles Kennedy",
    )
    assert flaw(q) == "the blank is only who said it"


def test_not_least_because_keys_the_reason():
    facts = facts_of(
        "Davos forum\n\n"
        "Much of the media focus will be on the political leaders coming to Davos, not least "
        "because the agenda of this year's forum is about global poverty.\n"
    )
    keys = [f.slots["reason"] for f in facts if f.kind == "cause" and f.slots.get("reason")]
    assert keys, facts
    assert not [k for k in keys if k.lower().startswith("not least")], keys


def test_a_claim_opened_by_a_verb_is_written_small_after_according_to():
    facts = facts_of(
        "Athletics column\n\n"
        "I think the hurdles were the best race of the weekend. And knowing that she beat the "
        "champion in a head-to-head race will give Sarah Claxton confidence.\n"
    )
    small = [
        f.slots["small_first"] for f in facts if f.kind == "claim" and "nowing" in f.slots["claim"]
    ]
    assert small == [True], facts


# Rounds 58 and 59: thirty more BBC stories for development (in-sample).


def cloze(prompt: str, answer: str) -> Question:
    return Question(id="q1", type="cloze", prompt=prompt, answer=answer)


def test_a_blank_inside_a_quotation_or_on_an_example_is_a_flaw():
    quoted = cloze('The Tories have expressed "serious {{c1::misgivings}}" about the plans.', "x")
    example = cloze("Photo giants such as {{c1::Kodak}} offer storage on the web.", "Kodak")
    plain = cloze("Photo giant {{c1::Kodak}} offers storage on the web for its customers.", "Kodak")
    assert flaw(quoted) == "the blank is inside a quotation"
    assert flaw(example) == "the blank is one example of several"
    assert flaw(plain) is None


def test_a_count_standing_for_a_noun_is_a_bare_subject():
    from quizgen.extract.base import bare_subject

    analysis = analyze(
        read_text(
            "Texting record\n\n"
            "The figures collected by the association showed that 4.8 billion were sent in "
            "December alone.\n\n"
            "The figures showed that 4.8 billion texts were sent in December alone.\n"
        ),
        cache=False,
    )
    bare = [bare_subject(s) for s, _ in analysis.sentences()]
    assert bare == [True, False]


def test_a_maker_before_its_product_is_not_swapped():
    text = "Some details of the Cell chip inside Sony's PlayStation 3 have been revealed."
    assert not true_false(
        [named("Sony"), named("IBM"), named("Toshiba"), sentence_fact(text, "Sony")]
    )


def test_a_place_is_keyed_as_the_place_not_a_body_named_after_it():
    facts = facts_of(
        "Drug approval\n\n"
        "A cannabis drug made by a British firm is set to be approved in Canada next month.\n\n"
        "Health Canada said the drug was safe, and Health Canada will decide by March.\n"
    )
    wheres = [f.slots["where"] for f in facts if f.kind == "event" and f.slots.get("where")]
    assert "Canada" in wheres and "Health Canada" not in wheres, wheres


def test_song_titles_do_not_make_a_chart_report_a_column():
    from quizgen.pipeline import is_opinion

    chart = analyze(
        read_text(
            "Charity single stays top\n\n"
            "The charity single held on to the top spot for a second week.\n\n"
            "Kylie Minogue's new release I Believe in You went in at number two, and Girls "
            "Aloud were fifth with I'll Stand By You.\n\n"
            "Destiny's Child slipped to four with Lose My Breath, and I Want You Back was sixth.\n"
        ),
        cache=False,
    )
    column = analyze(
        read_text(
            "A week of surprises\n\n"
            "I think the hurdles were the race of the weekend.\n\n"
            "For me the best performance was the 60m, and I was pleased to see new faces.\n\n"
            "My view is that the team can win three medals in Madrid.\n"
        ),
        cache=False,
    )
    assert not is_opinion(chart)
    assert is_opinion(column)


def test_a_lead_with_no_stand_in_is_still_asked_as_it_stands():
    shown = [
        (q.template_id, q.prompt)
        for q in facts_and_questions(
            "Steel jobs\n\n"
            "Mittal Steel, one of the largest steel producers, could cut up to 45,000 jobs over "
            "the next five years, its chief executive has said.\n\n"
            "The company is due to complete its purchase of a US rival next month.\n"
        )[1]
    ]
    assert [p for t, p in shown if t == "sentence-lead-tf" and "45,000 jobs" in p], shown


def test_a_place_in_a_chart_is_no_purpose():
    facts = facts_of(
        "Chart news\n\n"
        "Opera band Il Divo have moved up one place with their album to number three, after a "
        "television appearance on Saturday.\n"
    )
    purposes = [f.slots.get("purpose") for f in facts if f.kind == "cause"]
    assert not [p for p in purposes if p and "number three" in p], purposes


def test_years_counted_from_a_year_the_sentence_gives_do_not_point_back():
    found = pointing(
        "House values\n\n"
        "The value of homes reached £3.3 trillion in 2004, triple the value 10 years earlier.\n\n"
        "Two days later, prices fell.\n"
    )
    assert "10 years earlier" not in found
    assert "Two days later" in found


def test_who_after_a_body_in_a_phrase_is_not_the_body():
    facts = facts_of(
        "Health checks\n\n"
        "All people from outside the European Union who want to stay a year or more will have "
        "to undergo a full medical, the Conservatives said.\n"
    )
    doers = [f.slots.get("subject") for f in facts if f.kind == "event" and f.slots.get("do_q")]
    assert "European Union" not in doers, doers


def test_a_key_with_half_a_bracket_is_a_flaw():
    q = cloze(
        "The ban followed a hearing at the {{c1::Court of Arbitration for Sport (CAS}}) in May.",
        "Court of Arbitration for Sport (CAS",
    )
    assert flaw(q) == "an answer has a bracket cut in half"


def test_a_trade_before_a_name_is_no_part_of_it():
    from quizgen.extract.entities import strip_job

    assert strip_job("Sprinter Michelle Collins") == "Michelle Collins"


# Rounds 60 and 61: thirty more BBC stories for development (in-sample), and the template
# counts of rounds 54-61.


def test_no_who_said_and_no_swapped_doer_true_false_is_asked():
    from quizgen.templates import load_templates

    ids = {t.id for t in load_templates(None)}
    assert "statement-who-mcq" not in ids and "event-tf" not in ids
    assert {"statement-tf", "statement-matching", "event-who-mcq"} <= ids


def test_a_second_question_with_the_same_key_is_refused():
    from collections import Counter

    from quizgen.select import _conflict

    def named(qid: str, end: int) -> Question:
        return Question(
            id=qid,
            type="cloze",
            prompt="{{c1::Arash Sigarchi}} was jailed for 14 years.",
            answer="Arash Sigarchi",
            evidence=Evidence("x" * end, 0, end),
            fact_id=qid,
        )

    reason = _conflict(named("b", 20), [named("a", 10)], Counter({"a": 1}), Counter(), set())
    assert reason == "another question already has this answer"


def test_a_blank_inside_a_word_or_a_name_is_a_flaw():
    word = cloze("The posters have an {{c1::infra}}-red port for phones.", "infra")
    name = cloze("The IAAF contacted the US {{c1::Anti-Doping Agency}} last week.", "x")
    nationality = cloze("The Brazilian {{c1::Adriano}} scored twice in the final.", "Adriano")
    assert flaw(word) == "the blank is part of a word"
    assert flaw(name) == "the blank is part of a longer name"
    assert flaw(nationality) is None


def test_a_person_is_not_swapped_in_front_of_the_age():
    text = "Paul Boateng, 53, is to become the UK's high commissioner to South Africa."
    people = [named("Paul Boateng", "PERSON"), named("Tony Blair", "PERSON")]
    shown = true_false([*people, sentence_fact(text, "Paul Boateng", "PERSON")])
    assert not [p for p in shown if "Tony Blair, 53" in p]


def test_no_made_up_figure_beside_another_of_its_unit():
    text = "Crude futures jumped to $53.09 a barrel in New York before closing at $52.80."
    assert not true_false(
        [sentence_fact(text, "$53.09", "MONEY", "quantity.amount[measure=MONEY]")]
    )


def test_elsewhere_is_a_linker():
    from quizgen.language import strip_linkers

    assert strip_linkers("Elsewhere, a refinery in Houston was closed.") == (
        "a refinery in Houston was closed."
    )


def test_a_surname_that_is_a_kind_noun_is_still_a_person():
    text = "John Park said visitors wrote on the library's public computers in May."
    people = [named("John Park", "PERSON", 2), named("Alice Smith", "PERSON", 2)]
    assert true_false([*people, sentence_fact(text, "John Park", "PERSON")])


# Round 62: twenty web articles of other outlets (news, features, explainers, columns).


def test_places_then_a_colon_are_a_dateline_and_closer_to_home_a_linker():
    from quizgen.language import DATELINE, strip_linkers, without_also

    text = "Washington, DC, United States: Getting to the Moon has been done."
    assert DATELINE.sub("", text) == "Getting to the Moon has been done."
    assert DATELINE.sub("", "Note: The figures are early.") == "Note: The figures are early."
    assert strip_linkers("Closer to home, NASA added five bidders.").startswith("NASA")
    assert without_also("Why did Sheldon Richardson however decide?") == (
        "Why did Sheldon Richardson decide?"
    )


def test_a_win_gives_no_purpose():
    for result in (
        "The two Frenchmen wasted two match points while serving at 5-4, but capitalized on "
        "their chance at 6-5 to clinch the win for the beaten finalists of last year.",
        "Pella and Schwartzman defeated the Chilean pair 6-3, 7-6 (4) to seal the win for "
        "Argentina in a long night that ended after midnight.",
    ):
        facts = facts_of(
            "Davis Cup\n\nFrance beat Japan in the Davis Cup Finals in Madrid on Tuesday.\n\n"
            + result
            + "\n"
        )
        purposes = [f.slots.get("purpose") for f in facts if f.kind == "cause"]
        assert not [p for p in purposes if p], purposes


def test_a_name_with_a_team_and_a_position_in_it_is_not_given_for_a_surname():
    from quizgen.extract.naming import bare_surnames

    analysis = analyze(
        read_text(
            "Fight fallout\n\n"
            "The fight led to suspensions for Browns DL Sheldon Richardson and others.\n\n"
            "Richardson said the fight was wrong, and Richardson apologised on Friday.\n"
        ),
        cache=False,
    )
    given = {k: v for s, _ in analysis.sentences() for k, v in bare_surnames(s, analysis).items()}
    assert not [v for v in given.values() if "DL" in v], given


# Rounds 63 and 64: the paired measurement on 20 stories no code had seen.


def test_a_currency_word_makes_a_sum():
    from quizgen.kinds import same_kind_number

    assert not same_kind_number("4.17 Australian dollars", "4.25")
    assert same_kind_number("4.17 Australian dollars", "8.10 Australian dollars")
    assert not same_kind_number("40 euros", "$50")


def test_the_tail_of_a_quotation_is_no_first_person_column():
    """A quotation that runs over a sentence break ('... forward. "On my returns, I stood in
    more and I'm getting more depth."', round 63): its "I" after the break is the speaker's."""
    from quizgen.pipeline import _quote_goes_on

    analysis = analyze(
        read_text(
            "Roddick into final\n\n"
            "On my returns, I stood in more and I'm getting more depth, even if I miss some.\"\n\n"
            "I think my column shows that I was right about the final.\n"
        ),
        cache=False,
    )
    *_, (tail, _), (column, _) = analysis.sentences()  # the parser breaks before "and I'm"
    assert all(_quote_goes_on(tail, t.i) for t in tail if t.lower_ in ("i", "my"))
    assert not any(_quote_goes_on(column, t.i) for t in column)


def test_a_seed_or_all_three_says_not_which():
    found = pointing(
        "Tennis final\n\n"
        "Andy Roddick will play Cyril Saulnier in the final on Sunday.\n\n"
        "The American top seed overcame Tommy Haas in the semi-final.\n\n"
        "All three were charged with leaking secrets, the court heard.\n"
    )
    assert "The American top seed" in found
    assert [p for p in found if p.startswith("All three")]
