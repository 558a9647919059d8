"""What the article does not assert is not asked, what points back is named or left out, and
a question keeps only the clause it asks about: each on a short text through the real parser,
the real extractors and the real templates."""

from __future__ import annotations

from conftest import facts_and_questions

from quizgen import pipeline
from quizgen.ingest import read_text
from quizgen.select import flaw


def prompts(qs) -> list[str]:
    return [q.prompt for q in qs]


def test_a_clause_under_why_or_ensure_gives_no_fact():
    facts, qs = facts_and_questions(
        "Russia fuels the reactor\n\n"
        "Russia began loading fuel into the Bushehr reactor in Iran on Saturday.\n\n"
        "The move calls into question why Iran is enriching uranium in the first place.\n\n"
        "World powers want to ensure Iran does not develop a nuclear weapon.\n"
    )
    subjects = {(f.slots.get("subject"), f.evidence.text[:20]) for f in facts if f.kind == "event"}
    assert not [s for s in subjects if s[0] == "Iran"], subjects
    assert not [p for p in prompts(qs) if "enriching uranium" in p and p.startswith("Which")]
    assert not [p for p in prompts(qs) if "does not develop" in p]


def test_a_contrasting_clause_is_left_out_of_the_question():
    _, qs = facts_and_questions(
        "Bali Nine member freed\n\n"
        "Renae Lawrence was freed from Bangli prison in Bali on Wednesday.\n\n"
        "Myuran Sukumaran died in prison in June 2018, while the remaining five are "
        "serving life sentences.\n"
    )
    asked = [p for p in prompts(qs) if "Sukumaran" in p or p.startswith("Who died")]
    assert asked, prompts(qs)
    assert not [p for p in asked if p.endswith("?") and "remaining five" in p], asked


def test_a_day_counted_from_the_article_s_date_is_left_out():
    facts, _ = facts_and_questions(
        "Clean-up plan\n\n"
        "Toshiba Corporation floated a proposal to clean up the Fukushima plant last week.\n"
    )
    # The question as the event gives it (an item only where it has three wrong options).
    who = [f.slots["who_q"] for f in facts if f.slots.get("who_q")]
    assert who and all(w.startswith("Which organisation") for w in who), who
    assert all("last week" not in w for w in who), who


def test_a_company_the_story_is_about_is_named_for_the_company():
    facts, _ = facts_and_questions(
        "Opera voice browser\n\n"
        "Opera Software has released a new version of its Opera web browser in Oslo.\n\n"
        "Opera Software said the browser would be free for 12 months.\n\n"
        "Opera Software now has 120 staff in Norway.\n\n"
        "The company said that the new browser would reach 40 countries by March.\n"
    )
    texts = [f.slots["text"] for f in facts if f.kind == "sentence"]
    assert any(t.startswith("Opera Software said that the new browser") for t in texts), texts
    assert not any(t.startswith("The company said") for t in texts), texts


def test_a_speaker_that_is_a_body_may_say_it():
    from quizgen.model import Evidence, Question

    def tf(prompt: str) -> Question:
        ev = Evidence(text=prompt, start=0, end=len(prompt))
        return Question(id="q", type="true_false", prompt=prompt, answer="True", evidence=ev)

    assert flaw(tf("The Vestey Group said it had owned the land since 1920.")) is None
    assert flaw(tf("A spokesman said it would be the biggest Christmas yet.")) is not None
    # The speaker behind the words that go with the verb (round 70).
    assert flaw(tf("Northgate Telecom has said it will double the speeds of its lines.")) is None
    assert flaw(tf("The minister has said it will cost more than planned.")) is not None


def test_a_dateline_with_an_outlet_is_not_parsed_and_a_scene_clause_is_left_out():
    facts, qs = facts_and_questions(
        "Gadhafi writes to Obama\n\n"
        "Tripoli, Libya (CNN) -- As rebel forces maneuvered on the battlefield, Libyan leader "
        "Moammar Gadhafi urged U.S. President Barack Obama to end the NATO bombing.\n"
    )
    assert "What did Libyan leader Moammar Gadhafi urge U.S. President Barack Obama to do?" in (
        prompts(qs)
    ), prompts(qs)
    assert all("Tripoli, Libya (CNN)" not in f.evidence.text for f in facts)


def test_he_after_an_unnamed_subject_is_not_the_name_that_sentence_gives():
    facts, _ = facts_and_questions(
        "Letter to the president\n\n"
        "Moammar Gadhafi sent a letter to the White House on Friday.\n\n"
        "The strongman expressed hope that Barack Obama wins re-election next year. "
        "And he wrote that a democratic society cannot be built through missiles.\n"
    )
    said = [f for f in facts if f.kind == "statement" and "democratic" in f.evidence.text]
    assert all(f.slots.get("speaker") != "Barack Obama" for f in said), [
        f.slots.get("speaker") for f in said
    ]


def test_a_why_question_names_whose_thing_its_reason_left_behind():
    facts, _ = facts_and_questions(
        "Baby born at sea\n\n"
        "A woman has given birth to a boy on board a rescue ship in the Mediterranean.\n\n"
        "Aid group MSF said that because the girl was born at sea, her nationality was still "
        "unclear.\n"
    )
    asked = [f.slots["why_q"] for f in facts if f.kind == "cause"]
    assert asked == ["Why was the girl's nationality still unclear?"]


def test_more_datelines_are_left_out_of_what_is_parsed():
    from quizgen.language import DATELINE

    for line, rest in [
        ("SHEBOYGAN, Wis. -- The only number that matters", "The only number that matters"),
        ("ALAMEDA, Calif. — The Raiders told their coach", "The Raiders told their coach"),
        ("(Reuters) - The software glitch cost millions", "The software glitch cost millions"),
        (
            "WASHINGTON The U.S. Federal Reserve raised rates",
            "The U.S. Federal Reserve raised rates",
        ),
    ]:
        m = DATELINE.match(line)
        assert m and line[m.end() :] == rest
    for line in ("NATO The alliance met", "UNICEF said on Monday", "BBC News reported"):
        assert DATELINE.match(line) is None  # an acronym opening a sentence stays


def test_a_report_s_opening_sentence_is_asked_as_it_stands():
    # Nothing in it to change for a false form: "Dutch" describes, and the Alps stand alone.
    _, qs = facts_and_questions(
        "Climber rescued\n\n"
        "A Dutch climber has been rescued from a glacier in the Alps after spending two "
        "nights in a crevasse.\n\n"
        "Rescuers said the weather had made the search difficult, and the climber was "
        "recovering in hospital.\n"
    )
    lead = [q for q in qs if q.template_id == "sentence-lead-tf"]
    assert [q.answer for q in lead] == ["True"]
    assert lead[0].prompt.startswith("A Dutch climber has been rescued")


def test_an_opinion_piece_s_hook_is_not_asked():
    _, qs = facts_and_questions(
        "Cities should ban cars\n\n"
        "I walked to Cardiff station on Monday, and I saw the same thing I see every day.\n\n"
        "Cities should ban private cars from their centres, because streets belong to the "
        "people who walk on them.\n\n"
        "I believe we must act now, and I think every council should follow.\n"
    )
    assert not [q for q in qs if q.template_id == "sentence-lead-tf"]


def test_the_owner_replaces_the_pronoun_as_a_word_only():
    from quizgen.extract.claim import owner_named, reason_parts
    from quizgen.nlp import load, model_name

    doc = load(model_name())(
        "Aid group MSF said that because the girl was born at sea, her nationality was unclear."
    )
    verb = [t for t in doc if reason_parts(t)][-1]  # "was", whose reason is the clause
    q = "Why is there still doubt about her nationality?"  # "her" inside "there" stays
    assert owner_named(q, verb, reason_parts(verb)) == (
        "Why is there still doubt about the girl's nationality?"
    )


def test_a_pronoun_needs_a_referent_outside_the_opening_phrase_and_its_own_subject():
    from quizgen.extract.base import stands_alone

    def alone(text: str) -> bool:
        analysis = pipeline.analyze(read_text(text), cache=False)
        return stands_alone(next(iter(analysis.docs[0].sents)))

    # The scene-setting phrase is not what the main clause's pronoun stands for.
    assert not alone("Unlike the Army, they are lightly equipped to move quickly by sea.")
    assert not alone("After the shock of the 2010 Flash Crash, it began exploring new rules.")
    # Nor is the subject of the pronoun's own verb: called what?
    assert not alone("Lee Min-ho, leader of the Justice Party since 2020, called it a disgrace.")
    # A subject or an owner inside the opening phrase still can be.
    assert alone("When the Marines landed at Inchon, they were lightly equipped.")
    assert alone("After Smith's resignation from Barclays, he moved to Paris.")
    assert alone("It remains to be seen whether Smith will stay at Barclays.")


def test_a_figure_beside_its_conversion_is_not_changed():
    _, qs = facts_and_questions(
        "Tunnel reopens\n\n"
        "The Calder Tunnel, which reopened in Glasgow on Monday, is a 2.6-mile-long (4.2 km) "
        "road tunnel under the River Clyde.\n\n"
        "Edinburgh City Council spent £15m on its own road bridge in 2019.\n"
    )
    falses = [q.prompt for q in qs if q.type == "true_false" and q.answer == "False"]
    assert not [p for p in falses if "(4.2 km)" in p and "2.6-mile" not in p], falses
    assert not [p for p in falses if "2.6-mile" in p and "(4.2 km)" not in p], falses
    assert [p for p in falses if "Edinburgh" in p], falses  # other sentences still change


def test_the_writers_closing_bio_is_not_asked_about():
    facts, qs = facts_and_questions(
        "Why the trains stopped\n\n"
        "The rail network failed on Monday because a signalling computer in Leeds crashed.\n\n"
        "Network Rail said engineers had restored the computer by Tuesday evening.\n\n"
        "Jane Morrow is a regular columnist for the Northern Courier and a former rail "
        "engineer.\n"
    )
    assert qs and not [q.prompt for q in qs if "columnist" in q.evidence.text]
    assert not [f for f in facts if f.kind != "entity" and "columnist" in f.evidence.text]


def test_a_conversion_in_words_or_in_another_currency_counts_too():
    from quizgen.generate import _beside_conversion

    assert _beside_conversion("the rebels pushed them back ", " (six miles) on Wednesday.")
    assert _beside_conversion("raised ", " (about $7m) for the appeal.")
    assert _beside_conversion("the 1,900-mile-wide (", " kilometers) moon")
    assert not _beside_conversion("won ", " games (a club record) in a row.")


def test_what_a_party_wants_another_to_do_is_asked_without_its_added_deeds():
    facts, qs = facts_and_questions(
        "Trade talks stall\n\n"
        "Beijing also wants Washington to scrap the 15% tariffs on about $125 billion of "
        "Chinese goods imposed in September, as well as ease the older 25% duties on steel.\n"
    )
    wanted = [
        (f.slots["what_q"], f.slots["position"], f.slots["statement"])
        for f in facts
        if f.kind == "position"
    ]
    assert wanted == [
        (
            "What does Beijing want Washington to do?",
            "Scrap the 15% tariffs on about $125 billion of Chinese goods imposed in September",
            "Beijing wants Washington to scrap the 15% tariffs on about $125 billion of Chinese "
            "goods imposed in September, as well as ease the older 25% duties on steel.",
        )
    ]


def test_the_week_at_its_edge_is_the_reports_own_not_an_untold_one():
    from quizgen.extract.coref import pointing_phrases

    analysis = pipeline.analyze(
        read_text(
            "Brightwell buys bakery chain\n\n"
            "Brightwell has bought a majority stake in a Leeds bakery chain for £60m.\n\n"
            "Its shares rose 3% to begin the week after the deal.\n\n"
            "Staff were told about the sale during the week.\n"
        ),
        cache=False,
    )
    second, third = [next(iter(doc.sents)) for doc in analysis.docs[1:3]]
    assert "the week" not in pointing_phrases(second, analysis)
    assert "the week" in pointing_phrases(third, analysis)


def test_a_sought_object_keeps_its_infinitive_a_statement_its_will_a_count_its_case():
    facts, qs = facts_and_questions(
        "Wine glut\n\n"
        "The French government will seek European Union approval to distil about 250 million "
        "litres of surplus wine into industrial alcohol.\n\n"
        "Five Mozambicans have been killed in Mossel Bay, police said on Monday.\n"
    )
    sought = [(f.slots["what_q"], f.slots["statement"]) for f in facts if f.kind == "position"]
    assert sought == [
        (
            "What will the French government seek?",
            "The French government will seek European Union approval to distil about 250 "
            "million litres of surplus wine into industrial alcohol.",
        )
    ]
    assert not [q.prompt for q in qs if "seek to distil" in q.prompt]
    # A count that opened its sentence is written small inside the question (the where_q
    # slot, which template packs may ask).
    assert "Where were five Mozambicans killed?" in [f.slots.get("where_q") for f in facts]
