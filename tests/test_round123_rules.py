"""Rules from the eighteenth session's reading of the 390 development stories (round 123)."""

from conftest import facts_of, pointing

from quizgen.ingest import read_text


def test_notes_after_a_match_report_are_furniture():
    text = (
        "Lakers beat Thunder\n\n"
        "LeBron James had 25 points as the Los Angeles Lakers beat Oklahoma City 129-127.\n\n"
        "POINT GUARDS BEHAVE\n\n"
        "Chris Paul had four points and 10 assists for the Thunder.\n\n"
        "TIP-INS\n\n"
        "Thunder: F Hamidou Diallo missed his third straight game with a left knee sprain.\n\n"
        "UP NEXT\n\n"
        "Thunder: Host the Lakers on Friday.\n"
    )
    body = [text[b.start : b.end] for b in read_text(text).body_blocks()]
    assert body == [
        "LeBron James had 25 points as the Los Angeles Lakers beat Oklahoma City 129-127.",
        # A heading of the report's own prose is no notes heading.
        "POINT GUARDS BEHAVE",
        "Chris Paul had four points and 10 assists for the Thunder.",
    ]


def test_a_name_the_tagger_took_for_a_noun_does_not_point_back():
    text = (
        "James breaks a record.\n\n"
        "James has five triple-doubles in the Lakers’ last 10 games, getting four in "
        "victories. Clint Eastwood won best director for Million Dollar Baby, beating Scorsese "
        "who was nominated for a fifth time for the Howard Hughes biopic The Aviator. The "
        "company said it would appeal."
    )
    found = pointing(text)
    assert "the company" in [p.lower() for p in found]
    assert not [p for p in found if "Lakers" in p or "Aviator" in p]


def test_a_subject_the_sentence_spells_out_does_not_point_back():
    text = (
        "Broadband soars.\n\n"
        "The two key factors in whetting people's appetite were falling prices and a huge "
        "marketing push. The two task forces will report back. The winners were Smith and Jones."
    )
    assert pointing(text) == ["The two task forces"]


def test_a_name_the_article_calls_a_movement_is_no_person():
    text = (
        "Kelly backs discipline.\n\n"
        "Education Secretary Ruth Kelly told the BBC progress had been made against disruptive "
        "children. She receives support from the Catholic movement Opus Dei. Opus Dei is "
        "secretive, critics say. Marcus Hawkins, an analyst at the research group IDC, said "
        "the plan would work."
    )
    labels = {f.slots["name"]: f.slots["label"] for f in facts_of(text) if f.kind == "entity"}
    assert labels["Opus Dei"] == "ORG"
    assert labels["Ruth Kelly"] == labels["Marcus Hawkins"] == "PERSON"
