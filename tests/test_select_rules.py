"""Item-writing flaws that selection refuses, one rule at a time, on made-up questions."""

from __future__ import annotations

import pytest

from quizgen.model import Question
from quizgen.select import flaw, select


def ask(prompt: str, answer: str = "Sir Alan Budd", type: str = "short_answer") -> Question:
    return Question(id=f"q-{abs(hash(prompt))}", type=type, prompt=prompt, answer=answer)


@pytest.mark.parametrize(
    "prompt,answer",
    [
        ("What does the government want?", "Fewer concessions"),  # vague
        ("Who allows PC users?", "Skype"),
        ("What will the government also seek from the European Union?", "Approval"),
        ("What did other projects include in the province?", "A petrochemicals plant"),
        ("What is production currently outstripping by about 30%?", "Demand"),
        ("According to the article, why could it be scuppered by the cabinet?", "Cost"),
        ("Who told that he believed the changes he had made were enough?", "Charles Clarke"),
    ],
)
def test_a_flawed_question_is_refused(prompt, answer):
    assert flaw(ask(prompt, answer)) is not None


def test_a_reported_it_needs_what_it_stands_for():
    said = ask('Producer Kevin Wallace said it would be "worth waiting for".', "True")
    said.type = "true_false"
    assert flaw(said) is not None
    plain = ask("Producer Kevin Wallace said it was important to open in Toronto.", "True")
    plain.type = "true_false"
    assert flaw(plain) is None  # "it ... to": an "it" that stands for nothing


@pytest.mark.parametrize(
    "prompt,answer",
    [
        ("What did the tribunal dismiss in its ruling on Tuesday?", "Her claims of unequal pay"),
        ("Who was named England's new rugby union captain on Monday?", "Jonny Wilkinson"),
        ("What has China ordered a halt to in its power sector?", "Construction work"),
    ],
)
def test_a_plain_question_is_kept(prompt, answer):
    assert flaw(ask(prompt, answer)) is None


def test_a_key_that_is_the_article_itself_is_refused():
    q = ask("Which country fell behind the New World producers in 2003?", "France")
    chosen, rejected = select([q], about="France")
    assert not chosen and rejected[0].reason == "the answer is what the whole article is about"
    chosen, _ = select([q], about="Chile")
    assert chosen == [q]
