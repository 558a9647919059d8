"""Choose-all items on the members of a list, and who-said-what matching: real parses of
sentences written for the test, and statement facts made by hand."""

from __future__ import annotations

import pytest
from conftest import WHERE_PACK, facts_of, with_pack

from quizgen import pipeline
from quizgen.model import Evidence, Fact


def run(text: str):
    facts = facts_of(text)
    questions, _ = pipeline.generate(facts)
    chosen, rejected = pipeline.select(questions, 30, 0, facts, "")
    return facts, chosen, rejected


STORY = (
    "Storm leaves thousands without power\n\n"
    "A winter storm cut power to thousands of homes across northern Europe on Monday. "
    "Heavy snow cut power to homes in Norway, Sweden and Finland, officials said. "
    "Engineers in Norway restored most lines by Tuesday, officials said. "
    "Sweden and Finland asked Denmark for extra crews as the storm moved east. "
    "Norway said Finland had suffered the worst damage.\n"
)


def test_the_members_of_a_list_are_asked_choose_all():
    """The prompt used to say "Which of these ... in this sentence?", which selection
    refused as pointing back: no such item was ever delivered (round 44)."""
    _, chosen, _ = run(STORY)
    (q,) = [q for q in chosen if q.type == "multi_select"]
    assert q.prompt.startswith("Which of the following fill the gap")
    assert sorted(q.choices[k] for k in q.correct) == ["Finland", "Norway", "Sweden"]
    wrong = [c for k, c in enumerate(q.choices) if k not in q.correct]
    assert wrong and "Denmark" in wrong


@pytest.mark.parametrize(
    "sentence",
    [
        # one place named in full, not three places
        "The tunnel is a pair of public transit tunnels in Seattle, Washington, United States.",
        # seven states to recite
        "Officials in Ohio, Iowa, Texas, Utah, Idaho, Maine and Kansas voted against the plan.",
        # some of many: an option the list leaves out may be true as well
        "The festival drew such screen stars as Michael Douglas, Jeremy Irons and Bette Davis.",
        "Cate Blanchett, Richard Gere and Bette Davis were just some of the actors at the awards.",
    ],
)
def test_no_list_item_where_there_is_no_short_list_of_all_members(sentence):
    facts, _, _ = run(f"News in brief\n\n{sentence}\n")
    assert not [f for f in facts if f.kind == "list"]


def statement(speaker: str, content: str, start: int, vague: list[str]) -> Fact:
    slots = {
        "speaker": speaker,
        "speaker_label": "PERSON",
        "speaker_mentions": 2,
        "content": content,
        "direct": False,
        "vague": vague,
    }
    return Fact.make("statement", slots, Evidence(content, start, start + len(content)))


def test_a_matching_pair_that_points_back_is_left_out_not_the_item():
    facts = [
        statement("Ann Lee", "the council should build a new sea wall", 0, []),
        statement("Raj Patel", "the changes were long overdue", 100, ["the changes"]),
        statement("Tom Hart", "insurers will raise premiums next year", 200, []),
        statement("Eva Stone", "the harbour must reopen before the summer", 300, []),
    ]
    questions, _ = pipeline.generate(facts)
    (q,) = [q for q in questions if q.type == "matching"]
    assert [p[0] for p in q.pairs] == ["Ann Lee", "Tom Hart", "Eva Stone"]
    chosen, _ = pipeline.select([q], 30, 0, facts, "")
    assert chosen == [q]


def test_a_matching_pair_that_gives_itself_away_is_left_out():
    """Round 45: "She ..." beside men's names, a line naming another person in the list,
    a pronoun with nothing to stand for, a second clause tacked on with "and that"."""
    facts = [
        statement("Ann Lee", "the council should build a new sea wall", 0, []),
        statement("Raj Patel", "she had never seen the harbour so full", 100, []),
        statement("Tom Hart", "Ann Lee was wrong about the cost of the wall", 200, []),
        statement(
            "Eva Stone", "the storm was the worst in memory, and that ferries must stop", 300, []
        ),
        statement("Sam Ward", "insurers will raise premiums next year", 400, []),
        statement("Jo Bell", "the harbour must reopen before the summer", 500, []),
    ]
    questions, _ = pipeline.generate(facts)
    (q,) = [q for q in questions if q.type == "matching"]
    assert [p[0] for p in q.pairs] == ["Ann Lee", "Sam Ward", "Jo Bell"]


def place(name: str, start: int) -> Fact:
    slots = {"name": name, "label": "GPE", "mentions": 2, "role": ""}
    return Fact.make("entity", slots, Evidence(name, start, start + len(name)))


def test_a_country_is_offered_only_beside_countries():
    """A capital may stand for its state in a sentence ("London says ..."), but as an
    option beside Fiji and Tonga it is no country at all (round 45)."""
    where = "Most of the airline's 900 staff are based in Fiji."
    event = Fact.make(
        "event",
        {"where_q": "Where are most of the airline's 900 staff based?", "where": "Fiji"},
        Evidence(where, 0, len(where)),
    )
    names = ["London", "Samoa", "Tonga", "Vanuatu", "Fiji"]
    facts = [event, *(place(n, 100 * (k + 1)) for k, n in enumerate(names))]
    questions, _ = pipeline.generate(facts, template_dirs=with_pack(WHERE_PACK))
    (q,) = [q for q in questions if q.template_id == "event-where-mcq"]
    assert sorted(q.choices) == ["Fiji", "Samoa", "Tonga", "Vanuatu"]


def test_a_pronoun_with_a_clitic_is_not_named_in_a_statement():
    """ "he'd" would become "Kevin Kolb'd" (round 46)."""
    text = (
        "Quarterback moves on\n\n"
        "The Eagles quarterback Kevin Kolb spoke to reporters after practice on Tuesday. "
        "He'd played for the Eagles in Philadelphia for four seasons before moving to Arizona. "
        "He'll join the Arizona Cardinals in March for a fee of $10 million.\n"
    )
    facts = facts_of(text)
    shown = " ".join(str(f.slots) for f in facts)
    assert "Kolb'd" not in shown and "Kolb'll" not in shown
