"""What the verdicts of rounds 54-78 say about key sentences, dates, references and names,
each on a short text of its own (never a story's words) through the real parser, extractors
and templates: the opening sentence is asked as it stands, even where it names no one or
gives a conversion in brackets; a side episode dated from the day of the report is not
asked; "the company" is named wherever it stands; the year the story happens in is no
"when" to ask; "a man ... his arm" explains its "his"; "Soon afterwards" points back and a
decade does not; the subject of a report goes unnamed only in its opening, each phrase
judged by its own sentence; and "50 Cent", "Gamebox's Zeno" or "Guy's My Heart" are not
changed or offered as if they were a sum, a maker or a person."""

from __future__ import annotations

from conftest import facts_and_questions

CARMAKER = (
    "Carmaker fined\n\n"
    "Greenfield Motors has recalled 60,000 cars over faulty brakes, the regulator said.\n\n"
    "Greenfield Motors recalled 40,000 cars last year after drivers reported problems.\n\n"
    "Inspectors said Greenfield Motors had ignored warnings for two years.\n\n"
    "Managers at the company ignored safety warnings in 2019, a report found.\n\n"
    "Lawyer Sarah Jones met union leader Tom Price at the factory on Monday to discuss "
    "compensation.\n\n"
    "Sarah Jones said drivers deserved an apology, and Tom Price agreed with her.\n\n"
    "Tom Price met Sarah Jones at the factory in March to discuss compensation.\n"
)


def sentence_questions(text: str) -> list[tuple[str, str, str]]:
    _, qs = facts_and_questions(text)
    return [(q.template_id, q.answer, q.prompt) for q in qs if q.template_id.startswith("sentence")]


def test_the_opening_sentence_is_asked_as_it_stands():
    asked = sentence_questions(CARMAKER)
    opening = [a for a in asked if "brakes" in a[2]]
    # "60,000" could be changed (to "40,000"), but a swap in the story's own key fact was
    # kept 42 times in 58, the statement as it stands 50 times in 54.
    assert opening == [
        (
            "sentence-lead-tf",
            "True",
            "Greenfield Motors has recalled 60,000 cars over faulty brakes, the regulator said.",
        )
    ], asked
    # The next sentence is no opening: its figure is still changed.
    assert [a for a in asked if a[:2] == ("sentence-tf", "False") and "recalled" in a[2]], asked


def test_a_side_episode_dated_from_the_day_of_the_report_is_not_asked():
    facts, qs = facts_and_questions(CARMAKER)
    dated = [f for f in facts if f.kind == "sentence" and "on Monday" in f.slots["text"]]
    assert dated and dated[0].slots.get("dated_by_report"), dated
    assert not [q for q in qs if q.fact_id == dated[0].id], "asked a side episode"
    # The same meeting in a month is asked: the day of the report is what marks an episode.
    assert [q for q in qs if q.template_id.startswith("sentence") and "in March" in q.prompt]


def test_the_opening_sentence_may_say_when_from_the_day_of_the_report():
    facts, _ = facts_and_questions(
        "Strike called\n\nRail workers will strike on Monday over pay, the union RMT said.\n\n"
        "The RMT said talks with the operator had failed.\n"
    )
    (lead,) = [f for f in facts if f.kind == "sentence" and f.slots["rank"] == 0]
    assert lead.slots.get("lead") and not lead.slots.get("dated_by_report")


def test_the_company_is_named_wherever_it_stands():
    facts, _ = facts_and_questions(CARMAKER)
    shown = [f.slots["text"] for f in facts if f.kind == "sentence"]
    managers = [t for t in shown if t.startswith("Managers at")]
    assert managers == [
        "Managers at Greenfield Motors ignored safety warnings in 2019, a report found."
    ]


def test_when_is_not_asked_for_the_year_the_story_happens_in():
    facts, _ = facts_and_questions(
        "Region grows\n\nThe region's economy grew by 5.5% in 2004, its best result in years.\n\n"
        "Exports rose sharply in 2004, the bank said.\n\n"
        "The bank was founded in 1959 to finance projects in poor countries.\n"
    )
    when = {
        f.slots["when"]: f.slots["when_exact"]
        for f in facts
        if f.kind == "event" and f.slots.get("when_q")
    }
    # "In 2004" is the article's own date; the bank's founding is history worth asking.
    assert when == {"in 2004": False, "in 1959": True}, when


def opening(text: str) -> list[str]:
    """The report's opening, as the built-in templates ask it as it stands."""
    return [q.prompt for q in facts_and_questions(text)[1] if q.template_id == "sentence-lead-tf"]


def test_a_report_s_opening_is_asked_even_when_it_names_no_one():
    assert opening(
        "Limits cut\n\nMore lives could be saved by cutting speed limits near schools, a report "
        "says.\n\nThe report looked at accidents over ten years.\n"
    ) == ["More lives could be saved by cutting speed limits near schools, a report says."]


def test_a_sentence_that_brings_someone_in_explains_his_and_what_the_phrase_says():
    from conftest import stands_alone_texts

    assert stands_alone_texts(
        "A 19-year-old man is renting out space on his arm to advertisers.",
        "The sale of tickets for the final at the stadium has been delayed for a week.",
        "Singer Tom Reed hit his band's drummer at their first concert in a year.",
    ) == [True, True, True]
    # Nobody before "his"; "The economy" alone does not say whose; "In Leeds, they ..." in a
    # clause that is not the sentence's main one is still a place, not who "they" are.
    assert stands_alone_texts(
        "Officials say his arm was hurt.",
        "The economy grew by 3% in the last quarter.",
        "In Leeds, they voted for a mayor; in York, they voted for a council.",
    ) == [False, False, False]


def test_an_opening_with_a_conversion_in_brackets_is_still_the_news():
    assert opening(
        "Film sales\n\nThe biopic Dawn has taken $80m (£43m) from DVD sales in the US.\n\n"
        "The film tells the life of a singer.\n"
    ) == ["The biopic Dawn has taken $80m (£43m) from DVD sales in the US."]


CONSOLE = (
    "Games console launched\n\n"
    "A handheld games console, the Zento, goes on sale in Britain today, and the console will "
    "cost £229.\n\n"
    "Tigerfish said the console would reach the US in May.\n\n"
    "Tigerfish said 40,000 people had ordered one.\n"
)


def test_the_subject_of_a_report_goes_unnamed_only_in_its_opening():
    from quizgen.extract.coref import pointing_phrases
    from quizgen.ingest import read_text
    from quizgen.pipeline import analyze

    analysis = analyze(read_text(CONSOLE), cache=False)
    found = [pointing_phrases(s, analysis) for s, _ in analysis.sentences()]
    # The headline's "console" is brought in by the opening; later, "the console" shown
    # alone does not say which (reviews kept 20 of 50 such items, rounds 54-70).
    assert found == [[], ["the console"], []]


def test_a_phrase_is_judged_by_its_own_sentence():
    from quizgen.ingest import read_text
    from quizgen.pipeline import questions_for
    from quizgen.select import pointing

    qset, _, _ = questions_for(read_text(CONSOLE), cache=False)
    (lead,) = [q for q in qset.questions if q.template_id == "sentence-lead-tf"]
    assert "the console" in lead.prompt
    # "the console" points back in the second sentence, not in the opening that asks it.
    assert pointing(lead, {"the console"}) == "the console"
    assert pointing(lead, {"the console"}, own=set()) is None
    assert pointing(lead, {"the console"}, own={"the console"}) == "the console"


def test_who_is_not_asked_of_a_bare_verb_or_a_clause_that_loses_its_object():
    facts, _ = facts_and_questions(
        "City hold Chelsea\n\nManchester City held Chelsea to a draw at Stamford Bridge on "
        "Saturday.\n\nA series of ricochets saw Robbie Fowler chase a loose ball in the area "
        "and collide with Petr Cech.\n\nAnother quiet spell followed, which Damien Duff "
        "interrupted with a surging run down the left wing.\n\nRobbie Fowler missed a late "
        "chance, and Damien Duff hit the post for Chelsea.\n"
    )
    asked = [f.slots["who_q"] for f in facts if f.kind == "event" and f.slots.get("who_q")]
    # Not "Who chase ...?" nor "Who interrupted with a surging run?" (interrupted what?).
    assert asked == ["Who missed a late chance?"], asked


def test_afterwards_the_same_time_and_instead_point_back():
    from conftest import pointing

    def found(sentence: str) -> list[str]:
        return pointing(f"Title\n\n{sentence}\n")

    assert found("Soon afterwards, Tom Reed headed a corner over the bar.") == ["Soon afterwards"]
    assert found("About the same time the Reed campaign hired Netfirm.") == ["About the same time"]
    assert found("Alan Brown said that instead, only 500 people would benefit.") == ["instead"]
    # These say what they are measured against.
    assert found("The council chose to raise taxes instead of cutting services.") == []
    assert found("They met at the same time as the board of Leeds United.") == []


def test_the_company_the_sentence_has_just_named_says_which():
    from conftest import pointing

    found = pointing(
        "Shares fall\n\nRetail shares fell sharply on Monday.\n\n"
        "Shares of retailer Home Depot fell after the company cut its sales forecast.\n\n"
        "Shares of Ford and General Motors fell after the company cut its forecast.\n\n"
        "Shares of Home Depot and Walmart fell after the company cut its forecast.\n"
    )
    # One body named before it says which; two leave a reader to guess.
    assert found == ["the company", "the company"]


def test_a_decade_says_which():
    from conftest import pointing

    found = pointing(
        "Jobless record\n\nUnemployment in Germany rose again in February.\n\n"
        "Joblessness is at its highest since the 1930s, and profits are lower than in the 90s.\n"
    )
    assert "the 1930s" not in found and "the 90s" not in found, found


def test_there_its_case_that_campaign_later_and_bare_sales_point_back():
    from conftest import pointing

    def found(sentence: str) -> list[str]:
        return pointing(f"Title\n\n{sentence}\n")

    assert found("Anna Berg has never raced there before.") == ["there"]
    assert found("Anna Berg has raced in Boston, and she has won there.") == []
    assert found("The minister urged the government to keep pressing its case.") == ["its case"]
    assert found("Labour said its election campaign had cost £2m.") == []
    assert found("Ministers remember that election campaign well.") == ["that election campaign"]
    assert found("Tom Reed later told MPs about the new tax on fuel.") == ["later"]
    assert found("Officials say this digital world needs new rules.") == []
    # A measure that opens its sentence bare: sales of what? (round 78)
    assert found("Sales have tripled since launch, analysts said.") == ["Sales"]
    assert found("Sales of the Zeno console have tripled since launch.") == []
    assert found("No further details were given by the police.") == ["No further details"]


def test_names_that_look_like_other_things_are_not_changed_or_offered():
    from conftest import named, sentence_fact, true_false

    from quizgen.extract.entities import strip_job
    from quizgen.kinds import not_a_person

    # "Guy's My Heart" (an owner and a book title) is no person to offer for "Who ...?".
    assert not_a_person("Guy's My Heart") and not not_a_person("John Guy")
    assert strip_job("Novelist Andrea Levy") == "Andrea Levy"
    # "Microsoft's Xbox" is a maker's product: no other maker's name stands in for it.
    text = "Sales have tripled since launch, outstripping Gamebox's Zeno, analysts said."
    pool = [named(n) for n in ("Orbis", "Kestrel", "Zeno")]
    assert true_false([*pool, sentence_fact(text, "Zeno")]) == []
    facts, _ = facts_and_questions(
        "Rapper tops chart\n\nRapper 50 Cent has become the first solo artist to have three "
        "singles in the US top five in the same week.\n\n50 Cent, who burst onto the music "
        "scene in 2003, has had less success in the UK charts.\n"
    )
    details = [f.slots["detail"] for f in facts if f.kind == "sentence"]
    assert not [d for d in details if d.startswith("50")], details


def test_wrong_options_are_of_the_answer_s_gender_where_the_article_shows_it():
    from conftest import named

    from quizgen import pipeline
    from quizgen.extract.coref import genders
    from quizgen.ingest import read_text
    from quizgen.model import Evidence, Fact

    analysis = pipeline.analyze(
        read_text(
            "Final set\n\nMs Anna Berg will face Carla Diaz in the final on Sunday.\n\n"
            "Tom Reed said he had never seen a better match.\n\n"
            "Lena Park is the first actress to win the award.\n"
        ),
        cache=False,
    )
    assert genders(analysis) == {"Anna Berg": "f", "Tom Reed": "m", "Lena Park": "f"}

    stem = "Who lost the opening match against Carla Diaz?"
    event = Fact.make(
        "event",
        {"who_q": stem, "subject": "Anna Berg", "subject_label": "PERSON"},
        Evidence(stem, 0, len(stem)),
    )
    people = [("Anna Berg", "f"), ("Jana Novak", "f"), ("Lena Park", "f"), ("Ewa Lind", "")]
    people += [("Tom Reed", "m"), ("Sam Cole", "m")]
    facts = [event] + [named(n, "PERSON", **({"gender": g} if g else {})) for n, g in people]
    (q,) = [q for q in pipeline.generate(facts)[0] if q.template_id == "event-who-mcq"]
    assert not {"Tom Reed", "Sam Cole"} & set(q.choices), q.choices
