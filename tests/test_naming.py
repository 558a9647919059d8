"""Which plant "the plant" is: said in full where the article itself says so, through the
real parser."""

from __future__ import annotations

from quizgen import pipeline
from quizgen.extract.naming import name_in, named_heads
from quizgen.ingest import read_text

TEXT = (
    "Reactor deal signed\n\n"
    "Engineers from Kestrel Atomics finished the Carrow plant on Tuesday after nine years.\n\n"
    "Kestrel Atomics signed a contract to build the plant in 1995.\n\n"
    "The plant will supply power to three towns, and the Carrow council welcomed the news.\n\n"
    'A spokesman said: "We are proud of the plant."\n'
)


def test_a_bare_noun_is_named_as_the_article_names_it():
    heads = named_heads(pipeline.analyze(read_text(TEXT), cache=False))
    assert heads.get("plant") == "Carrow"
    named = {"the plant": "the Carrow plant"}
    assert name_in("Who signed a contract to build the plant?", named) == (
        "Who signed a contract to build the Carrow plant?"
    )
    assert name_in("The plant's output rose.", named) == "The Carrow plant's output rose."
    # A speaker's words stay theirs.
    assert name_in('He said: "We are proud of the plant."', named) == (
        'He said: "We are proud of the plant."'
    )


def test_the_questions_say_which_plant():
    facts = pipeline.extract(pipeline.analyze(read_text(TEXT), cache=False))
    qs, _ = pipeline.generate(facts)
    about = [q.prompt for q in qs if "plant" in q.prompt and "1995" in q.prompt]
    assert about and all("the Carrow plant" in p or "the Carrow Plant" in p for p in about), about


def test_a_noun_the_article_puts_after_two_names_is_left_alone():
    text = (
        "Two plants\n\nThe Carrow plant opened in May, and the Dunmore plant opened in June.\n\n"
        "Officials said the plant would supply power to Carrow and Dunmore.\n"
    )
    assert "plant" not in named_heads(pipeline.analyze(read_text(text), cache=False))


def test_a_person_s_title_is_never_named_by_the_word_before_it():
    text = (
        "Party turmoil\n\nThe Labour Party leader resigned on Monday after a vote.\n\n"
        "Jo Marr, the leader of the Green Party, said Labour had lost its way.\n\n"
        "Labour Party officials met the leader of the Greens on Tuesday.\n"
    )
    assert "leader" not in named_heads(pipeline.analyze(read_text(text), cache=False))
