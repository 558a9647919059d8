"""What the fifteenth session found in delivered questions that any reader would mark wrong,
each on a short text of our own: a state whose name needs "the" keeps it where a false
statement puts it in place of another ("The Republic of Korea believes ..."), and a question
does not copy the article's misspelling ("rises were minimsed")."""

from __future__ import annotations

from conftest import named, sentence_fact, true_false

from quizgen import pipeline
from quizgen.frequency import misspelt, typos
from quizgen.ingest import read_text
from quizgen.kinds import needs_the


def test_a_state_named_with_the_keeps_it_in_a_false_statement():
    names = [named("Pyongyang", "GPE", 4), named("Republic of Korea", "GPE", 3)]
    start = "Pyongyang believes in a gradual approach to denuclearization."
    inside = "The talks may set up a US liaison office in Pyongyang next year."
    shown = true_false(
        [
            *names,
            sentence_fact(start, "Pyongyang", "GPE", "entity.name[label=GPE]"),
            sentence_fact(inside, "Pyongyang", "GPE", "entity.name[label=GPE]"),
        ]
    )
    assert "The Republic of Korea believes in a gradual approach to denuclearization." in shown
    inside_false = "The talks may set up a US liaison office in the Republic of Korea next year."
    assert inside_false in shown
    assert not any("Republic of Korea" in p and "the republic" not in p.lower() for p in shown)


def test_which_names_need_the():
    for name in ("Republic of Korea", "United States", "Czech Republic", "Cayman Islands"):
        assert needs_the(name), name
    for name in ("Pyongyang", "United", "Manchester United", "Korea", "Democrats"):
        assert not needs_the(name), name


def test_a_slip_is_told_from_a_rare_word():
    for word in ("minimsed", "folllowing", "wholescale", "politcians", "spokeman"):
        assert misspelt(word), word
    for word in ("rebanding", "rockscape", "weblogger", "criteria", "housemate", "minimised"):
        assert not misspelt(word), word
    assert typos("Officials said rises were minimsed, folllowing talks.") == [
        "minimsed",
        "folllowing",
    ]


def test_a_question_does_not_copy_the_articles_misspelling():
    text = (
        "Council tax rises in Wales\n\n"
        "Council tax rises in Wales will be minimsed next year after a generous settlement, "
        "the Welsh Assembly Government has announced.\n\n"
        "Local government minister Sue Essex said the settlement was fair to every council.\n\n"
        "Finance spokesman Bob Wellington said it was vital that rises were minimsed.\n\n"
        "Sue Essex said councils had received an extra £150m this year.\n"
    )
    qset, _, _ = pipeline.questions_for(read_text(text), cache=False)
    assert not any("minimsed" in q.prompt for q in qset.questions)
    assert any("minimsed" in r.reason for r in qset.rejected), [r.reason for r in qset.rejected]
