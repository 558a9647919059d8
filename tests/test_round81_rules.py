"""What rounds 75-86 found in names, roles and references, each on a short text of our own
through the real parser and extractors: a role is written as the article gives it, without
the capital of a sentence it opens ("New Home Secretary ...") and without "the" before a
possessive name ("UKIP's deputy leader"); a name is offered without the job written before
it ("MEP Nigel Farage"), or a list's "plus" or a nationality the model took into it; a
statement with a "which" clause is no question spliced onto a statement; a report's opening
goes before a blank on its own sentence; the "he" after "..., said a spokesman" is the
spokesman; "Why was that ...?" points back; and a matching pair that shows a true/false
item's sentence gives it away."""

from __future__ import annotations

from conftest import facts_of

from quizgen.model import Evidence, Question
from quizgen.templates.filters import the


def question(qid: str, prompt: str, answer: str = "True", **fields) -> Question:
    """A question made by hand, a true/false unless ``type`` says otherwise; its evidence is
    its own prompt at ``start`` (0) unless ``evidence`` is given."""
    start = fields.pop("start", 0)
    fields.setdefault("evidence", Evidence(text=prompt, start=start, end=start + len(prompt)))
    fields.setdefault("type", "true_false")
    fields.setdefault("template_id", "t")
    return Question(id=qid, prompt=prompt, answer=answer, fact_id=qid, **fields)


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


def test_a_statement_with_a_which_clause_is_no_question_spliced_on():
    from quizgen.select import flaw

    lead = (
        "Harbour Foods has become the first grocer to win the Civic Award, which "
        "traditionally rewards charities."
    )
    assert flaw(question("q", lead)) is None
    spliced = "Debates are new in British elections, when did the first take place?"
    asked = question("q", spliced, "In 1960", type="short_answer")
    assert flaw(asked) == "a statement spliced onto the question"


def test_a_list_s_plus_is_no_part_of_the_name_after_it():
    from quizgen import nlp
    from quizgen.ingest import read_text

    article = read_text(
        "Squad news\n\n"
        "Defenders Danny Gabbidon and Robert Page have concerns, plus Ryan Giggs is doubtful.\n"
    )
    names = [e.text for d in nlp.analyze(article, cache=False).docs for e in d.ents]
    # The small model takes "plus Ryan Giggs" for the name (round 82's "Plus Ryan Giggs").
    assert "Ryan Giggs" in names and not [n for n in names if n.lower().startswith("plus")]


def test_the_opening_goes_before_a_blank_on_its_sentence():
    from quizgen.select import LEAD, select

    lead = question("lead", "Paul Boateng is to step down.", template_id=LEAD, score=0.75)
    blank = question(
        "blank",
        "{{c1::Paul Boateng}} is to step down.",
        "Paul Boateng",
        type="cloze",
        template_id="sentence-name-cloze",
        score=0.7,
        evidence=lead.evidence,
    )
    # A true/false item scored above the opening took the true/false type's first place,
    # and the blank then took the opening's sentence (round 86's development stories).
    other = question(
        "other",
        "Paul Boateng was the first black cabinet minister in 2002.",
        template_id="sentence-tf",
        score=0.76,
        start=40,
    )
    chosen, rejected = select([lead, blank, other], count=30)
    assert "lead" in {q.id for q in chosen}
    assert "blank" in {r.question.id for r in rejected}, [
        (r.question.id, r.reason) for r in rejected
    ]


def test_he_after_a_sentence_said_by_an_unnamed_spokesman_is_not_named():
    # "..., said a spokesman. But he played down reports ...": he is the spokesman, not the
    # name the sentence before gives (round 86 made it "G8 played down reports").
    text = (
        "Climate talks\n\n"
        "Tony Blair is pressing the US to cut greenhouse gases, Downing Street has said.\n\n"
        "Anna Berg wanted progress on climate change at the summit, said a spokesman. "
        "But he played down reports of a new treaty with the US.\n"
    )
    named = [
        f.slots["text"]
        for f in facts_of(text)
        if f.kind == "sentence" and "played down" in f.slots["text"]
    ]
    assert not [t for t in named if not t.startswith("But he")], named


def test_a_question_whose_subject_is_that_points_back():
    from quizgen import pipeline
    from quizgen.extract.base import well_formed
    from quizgen.ingest import read_text

    analysis = pipeline.analyze(
        read_text("Budget\n\nThe budget was passed on Monday.\n"), cache=False
    )
    assert not well_formed('According to Tony Blair, why was that "in part"?', analysis)
    assert well_formed("According to Tony Blair, why was the budget late?", analysis)


def test_a_nationality_is_no_part_of_the_name_after_it():
    from quizgen import nlp
    from quizgen.ingest import read_text
    from quizgen.kinds import is_demonym

    assert is_demonym("Kenyan") and is_demonym("Italian") and is_demonym("Japanese")
    assert not is_demonym("Brian") and not is_demonym("Jordan") and not is_demonym("Susan")
    article = read_text(
        "Indoor athletics\n\nKenyan Bernard Lagat missed out on the world record by a second.\n"
    )
    names = [e.text for d in nlp.analyze(article, cache=False).docs for e in d.ents]
    # The small model takes "Kenyan Bernard Lagat" for the name; a blank took all three
    # words (round 85).
    assert "Bernard Lagat" in names, names


def test_a_matching_pair_that_shows_a_true_false_sentence_gives_it_away():
    from quizgen.select import leaks

    statement = question(
        "tf",
        "Malcolm Seagrave said the most common attacks hit sites with 20 megabytes of data.",
        "False",
        template_id="statement-tf",
    )
    said = [
        ["Malcolm Seagrave", "The most common attacks hit sites with 10 megabytes of data."],
        ["Paul King", "More can be done in the network to protect data centres."],
    ]
    prompt = "Match each person to what they said, according to the article."
    matching = question("m", prompt, "", type="matching", start=100, pairs=said)
    assert leaks(statement, matching)
    assert not leaks(statement, question("m", prompt, "", type="matching", pairs=said[1:]))


def test_messages_count_one_question_as_one():
    from conftest import make_qset

    qset = make_qset()
    qset.questions = qset.questions[:1]
    assert qset.how_many == "1 question"  # the batch summary read "1 questions"
    qset.questions = []
    assert qset.how_many == "0 questions"
