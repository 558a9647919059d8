"""Rules from the twenty-fifth session's blind review of refused questions (round 164 on):
what a filter refused that reviewers kept as often as what it let through."""

from __future__ import annotations

import pytest
from conftest import question

from quizgen import pipeline
from quizgen.model import Evidence, Fact


@pytest.mark.parametrize(
    "phrase,is_loose",
    [
        ("the disputes", True),
        ("the corona", True),
        ("the solar magnetic field", True),
        ("the judge", True),
        ("the agency", False),  # a body's stand-in: which agency?
        ("the companies", False),
        ("the candidate", False),
        ("the issue", False),
        ("the same day", False),  # says there was an earlier one
        ("the other factors", False),
        ("the latest findings", False),
        ("the two task forces", False),
        ("the Belgian", False),  # a nationality for a person
        ("later", False),
        ("that end", False),
    ],
)
def test_which_the_phrases_point_back_only_loosely(phrase, is_loose):
    from quizgen.extract.coref import loose

    assert loose(phrase) is is_loose


def _fact(vague: list[str]) -> Fact:
    text = "Washington has consistently refused to take sides in the disputes."
    fact = Fact.make("sentence", {"text": text, "central": 2}, Evidence(text, 0, len(text)))
    fact.slots["vague"] = vague
    return fact


def _asked(prompt: str, type: str, fact: Fact) -> list:
    q = question(prompt, type=type, answer="True" if type == "true_false" else "Washington")
    q.fact_id = fact.id
    chosen, rejected = pipeline.select([q], facts=[fact])
    return [r.reason for r in rejected]


def test_a_statement_may_keep_a_loose_the_phrase_and_a_blank_may_not():
    fact = _fact(["the disputes"])
    statement = "Washington has consistently refused to take sides in the disputes."
    assert _asked(statement, "true_false", fact) == []
    blank = "{{c1::Washington}} has consistently refused to take sides in the disputes."
    assert _asked(blank, "cloze", fact) == ['it says "the disputes" without saying which']


def test_a_statement_may_not_keep_a_stand_in_for_a_name():
    fact = _fact(["the agency"])
    statement = "The agency has consistently refused to take sides."
    assert _asked(statement, "true_false", fact) == ['it says "the agency" without saying which']


def test_templates_reviews_kept_too_rarely_are_retired_to_a_test_pack():
    from conftest import RETIRED_PACK

    from quizgen.templates import load_templates

    retired = {
        "cause-grounds-short",
        "claim-stance-tf",
        "quantity-how-short",
        "claim-main-short",
        "event-when-tf",
        "definition-what-short",
    }
    assert not retired & {t.id for t in load_templates()}
    assert retired <= {t.id for t in load_templates([RETIRED_PACK])}


def test_a_blank_on_the_name_the_article_gives_most_is_refused():
    from quizgen.select import select

    prompt = "{{c1::GRX-810}} is a 3D-printable high-temperature material."
    blank = question(prompt, type="cloze", answer="GRX-810", template="sentence-name-cloze")
    chosen, rejected = select([blank], most={"GRX-810", "NASA"})
    assert not chosen and rejected[0].reason == "the answer is what the whole article is about"
    statement = question("GRX-810 is a 3D-printable high-temperature material.")
    chosen, _ = select([statement], most={"GRX-810", "NASA"})
    assert chosen == [statement]


def test_the_most_named_are_those_tied_at_the_top_named_three_times_or_more():
    def entity(name: str, mentions: int) -> Fact:
        slots = {"name": name, "mentions": mentions, "aliases": [name.split()[-1]]}
        return Fact.make("entity", slots, Evidence(name, 0, len(name)))

    facts = [entity("Jet Propulsion Lab", 9), entity("Nasa Agency", 9), entity("Caltech", 4)]
    assert pipeline.most_named(facts) == {"Jet Propulsion Lab", "Lab", "Nasa Agency", "Agency"}
    assert pipeline.most_named([entity("Caltech", 2)]) == set()


def _details(text: str) -> dict[str, list[str]]:
    """Each statement the sentence extractor makes, with every detail a false form may change."""
    from conftest import facts_of

    return {
        f.slots["text"]: [f.slots["detail"], *(a[0] for a in f.slots.get("alternatives", []))]
        for f in facts_of(text)
        if f.kind == "sentence"
    }


def test_whom_the_news_was_told_to_or_shown_is_no_detail_to_change():
    shown = _details(
        "Aramco listing battle\n\n"
        "Donald Trump appealed on Saturday for Saudi Arabia to list Aramco in New York.\n\n"
        "Sources told Reuters in August that Riyadh favored New York for Aramco's listing.\n\n"
        "The draft report, seen by Reuters, found that the CDC had failed to inspect 12 labs.\n"
    )
    told = next(d for t, d in shown.items() if t.startswith("Sources told"))
    seen = next(d for t, d in shown.items() if t.startswith("The draft report"))
    assert "Reuters" not in told + seen and "Riyadh" in told and "CDC" in seen, shown


def test_a_name_under_a_not_or_a_no_is_not_changed():
    shown = _details(
        "Uranium deal probe\n\n"
        "Republicans in Congress pressed ahead with a probe of the Uranium One deal on Tuesday.\n\n"
        "Five committees found no evidence that Hillary Clinton was behind the approval of "
        "the deal, according to congressional records.\n\n"
        "Hillary Clinton did not attend the meeting in Moscow, her aides said.\n\n"
        "Bob Goodlatte said the committee would question Hillary Clinton next month.\n"
    )
    changed = {t for t, d in shown.items() if "Hillary Clinton" in d}
    assert not [t for t in changed if " not " in t or "no evidence" in t], shown
    question = next(d for t, d in shown.items() if t.startswith("Bob Goodlatte"))
    assert "Hillary Clinton" in question  # no "not" above it: still changed


def test_a_dateline_of_two_cities_and_a_country_is_cut():
    from quizgen.language import DATELINE

    lead = "WASHINGTON/KHOBAR, Saudi Arabia (Reuters) - U.S. President Donald Trump appealed"
    assert DATELINE.sub("", lead) == "U.S. President Donald Trump appealed"
    assert DATELINE.match("NASA, Boeing - and others agreed") is None


def test_a_question_does_not_keep_its_sentence_full_stop():
    from conftest import named

    from quizgen.model import Evidence, Fact

    text = "Elaine Duke had been serving as acting secretary since July."
    slots = {
        "who_q": "Who had been serving as acting secretary since July.?",
        "subject": "Elaine Duke",
        "subject_label": "PERSON",
        "according_to": "",
    }
    fact = Fact.make("event", slots, Evidence(text, 0, len(text)))
    people = [named(n, "PERSON") for n in ("Elaine Duke", "Bob Goodlatte", "Bennie Thompson")]
    questions, _ = pipeline.generate([fact, *people, named("John Kelly", "PERSON")])
    asked = [q.prompt for q in questions if q.template_id == "event-who-mcq"]
    assert asked == ["Who had been serving as acting secretary since July?"]


REPORT = (
    "Wenger steps up row\n\n"
    "Arsene Wenger has stepped up his feud with Sir Alex Ferguson by claiming the Manchester "
    "United manager is guilty of bringing football into disrepute.\n\n"
    "Ferguson said on Saturday that his Arsenal counterpart was a disgrace.\n\n"
    "The League Managers Association has offered to act as peacemaker.\n"
)


def test_a_report_is_summed_up_beside_its_opening_statement():
    from quizgen.ingest import read_text

    qset = pipeline.questions_for(read_text(REPORT), cache=False)[0]
    summary = [q for q in qset.questions if q.template_id == "sentence-lead-essay"]
    assert [q.prompt for q in summary] == [
        'Sum up, in a few sentences of your own, what the article headlined "Wenger steps up '
        'row" says. Use details from the article.'
    ]
    assert "Arsene Wenger has stepped up his feud" in summary[0].answer
    # The marking guide names what else a summary should take in.
    assert 'such as "' in summary[0].answer and "peacemaker" in summary[0].answer, summary
    # The opening is still asked as it stands: the summary asks about the whole report.
    assert [q for q in qset.questions if q.template_id == "sentence-lead-tf"]


def test_an_opinion_piece_is_not_summed_up_as_news():
    # The bundled example is an op-ed: its headline sets the author's argument instead.
    article = pipeline.ingest(pipeline.bundled_deck() / "article.txt")
    qset = pipeline.questions_for(article, cache=False)[0]
    essays = {q.template_id for q in qset.questions if q.type == "essay"}
    assert "claim-headline-essay" in essays and "sentence-lead-essay" not in essays
    assert "claim-argument-essay" not in essays  # its headline states the argument already


def test_a_thing_its_sentence_says_whose_is_not_named_again():
    from conftest import facts_of

    facts = facts_of(
        "Labs need better oversight\n\n"
        "A GAO report found weak biosafety protections at U.S. labs, the government said.\n\n"
        "The GAO report also noted that many of the labs belong to the CDC.\n\n"
        "The report by the Government Accountability Office to Congress followed a series of "
        "mishaps in which pathogens were released.\n"
    )
    named = [f.slots.get("named", {}) for f in facts if "mishaps" in f.evidence.text]
    assert named and not [n for n in named if "the report" in n], named


def test_a_summary_is_not_refused_for_what_its_marking_guide_quotes():
    from quizgen.ingest import read_text

    text = REPORT.replace(
        "Ferguson said on Saturday that his Arsenal counterpart was a disgrace.",
        "The sides meet again at Highbury on 1 February.",
    )
    qset = pipeline.questions_for(read_text(text), cache=False)[0]
    summary = [q for q in qset.questions if q.template_id == "sentence-lead-essay"]
    assert summary and "The sides meet again" in summary[0].answer, qset.rejected


COLUMN = (
    "The Arctic and us.\n\n"
    "We should stop pretending that the melting Arctic is somebody else's problem. I believe "
    "Britain must act now, before the ice is gone for good.\n\n"
    "Our ministers keep telling us that the north is far away. They are wrong. The shipping "
    "lanes that open there will change our trade, our fishing and our security.\n\n"
    "Of course, some will say that we cannot afford new icebreakers. But we cannot afford to "
    "be shut out either, and the cost of waiting will be far higher.\n\n"
    "We must invest in research, in ships and in friends across the north. If we do not, "
    "others will decide our future for us.\n"
)


def test_a_column_whose_headline_only_labels_it_is_asked_its_argument():
    from quizgen.ingest import read_text

    qset = pipeline.questions_for(read_text(COLUMN), cache=False)[0]
    asked = [q.prompt for q in qset.questions if q.template_id == "claim-argument-essay"]
    # The headline's "us" is the author's, as a quoted claim's "we" is.
    assert asked == [
        'What does the author argue in the article headlined "The Arctic and us"? Explain the '
        "argument and the reasons the author gives for it, and say whether you agree, using "
        "evidence from the article."
    ]


def test_a_wikis_template_leftovers_are_cut_from_a_statement():
    from conftest import sentence_texts

    shown = sentence_texts(
        "Alicante\n\n"
        "Alicante, or Alacant (]), both official names, is a city and port in Spain on the "
        "Costa Blanca.\n\n"
        "The population of the city of Alicante proper was 334,329, estimated as of 2011[ "
        "[update]], ranking as the second-largest Valencian city.\n"
    )
    assert shown and not [t for t in shown if "]" in t or "(" in t], shown


def test_a_question_put_to_someone_is_not_their_statement():
    from conftest import facts_of

    facts = facts_of(
        "Nominee says no need for full border wall\n\n"
        "Kirstjen Nielsen told a Senate committee on Wednesday there was no need to build a "
        "wall on the Mexican border.\n\n"
        "Nielsen served in the administration of Republican President George W. Bush as a "
        "special assistant. When asked by another Democratic senator whether she believed "
        "humans were the primary cause of climate change, Nielsen said: “I do absolutely "
        "believe that the climate is changing.”\n"
    )
    said = [f.slots.get("content", "") for f in facts if f.kind == "statement"]
    assert not [s for s in said if "primary cause" in s], said


def test_a_head_of_state_is_no_stand_in_for_anyone_else():
    from conftest import named, sentence_fact, true_false

    text = "David Yancey, the incumbent, won the recount by one vote in Newport News."
    delegate = named("David Yancey", "PERSON", role="Virginia House of Delegates member")
    president = named("Donald Trump", "PERSON", role="President")
    shown = true_false([delegate, president, sentence_fact(text, "David Yancey", "PERSON")])
    assert not [p for p in shown if "Trump" in p], shown
    rival = named("Shelly Simonds", "PERSON")
    shown = true_false([delegate, rival, sentence_fact(text, "David Yancey", "PERSON")])
    assert [p for p in shown if "Shelly Simonds" in p], shown  # a delegate's rival still is


def test_the_agency_of_a_release_is_not_a_body_it_names_once():
    from conftest import facts_of

    facts = facts_of(
        "NASA builds a station near the Moon\n\n"
        "NASA will build its first lunar space station with help from the European Space "
        "Agency, NASA said on Monday.\n\n"
        "NASA engineers have finished the design, and NASA will test it next year.\n\n"
        "NASA managers said the agency's SLS rocket will launch the first parts in 2027.\n"
    )
    named = {k: v for f in facts for k, v in (f.slots.get("named") or {}).items()}
    assert "the agency" not in named, named


def test_a_figure_is_not_changed_to_one_that_carries_its_own_hedge():
    from conftest import sentence_fact, true_false

    from quizgen.model import Evidence, Fact

    def amount(value: str) -> Fact:
        slots = {"amount": value, "measure": "PERCENT", "unit": "PERCENT"}
        return Fact.make("quantity", slots, Evidence(value, 0, len(value)))

    text = "Home prices are expected to gain 5.1 percent next year, the poll found."
    made = true_false(
        [
            amount("above 2.9 percent"),
            amount("5.1 percent"),
            sentence_fact(text, "5.1 percent", "PERCENT", "quantity.amount[measure=PERCENT]"),
        ]
    )
    assert not [p for p in made if "above" in p], made


def test_which_panel_is_not_guessed_after_two_bodies():
    from conftest import facts_of

    facts = facts_of(
        "Intelligence chairman cleared\n\n"
        "The House Ethics Committee on Thursday cleared the chairman of the House Intelligence "
        "Committee of charges, clearing the way for him to lead the panel's Russia "
        "investigation again.\n\n"
        "In April the Ethics panel said it was investigating the allegations.\n\n"
        "The Ethics panel did not say who had complained.\n"
    )
    named = {k: v for f in facts for k, v in (f.slots.get("named") or {}).items()}
    lead = [f for f in facts if "Russia investigation" in f.evidence.text]
    assert lead and not [f for f in lead if "the panel" in (f.slots.get("named") or {})], named


def test_a_body_is_not_swapped_for_its_own_formal_name():
    from conftest import named, sentence_fact, true_false

    founded = (
        "In 1588, Pope Sixtus V established 15 congregations, of which the Supreme Sacred "
        "Congregation of the Roman and Universal Inquisition was one."
    )
    text = "The last notable action of the Roman Inquisition occurred in Bologna."
    bodies = [named("Roman Inquisition", the=True), named("Supreme Sacred Congregation", the=True)]
    made = true_false(
        [*bodies, sentence_fact(founded, "15"), sentence_fact(text, "Roman Inquisition", "ORG")]
    )
    assert not [p for p in made if p.startswith("The last notable action of the Supreme")], made


def test_she_is_not_read_as_a_man_the_article_calls_mr():
    from conftest import facts_of

    facts = facts_of(
        "Council backs new plan\n\n"
        "Ms Jane Doe leads the council's inquiry into the costs.\n\n"
        "Mr John Smith, the minister, backed the plan on Monday. She said the plan would cut "
        "the council's costs by a third within two years.\n"
    )
    speakers = {f.slots["speaker"] for f in facts if f.kind == "statement"}
    assert "John Smith" not in speakers, speakers


@pytest.mark.parametrize(
    "stem,refused",
    [
        ("Which organisation did not come up at Wilbur Ross' confirmation hearing?", True),
        ("Who has never failed a drugs test?", True),
        ("Under German law, which organisation does not need investor backing?", True),
        ("Which country faces the not insignificant task of a home fixture?", False),
        ("Who reacted angrily to a suggestion that not all funds would go to relief?", False),
    ],
)
def test_a_multiple_choice_stem_is_not_turned_on_a_not(stem, refused):
    from quizgen.select import flaw

    q = question(stem, type="mcq", answer="Diamond S Shipping", template="event-who-mcq")
    reason = flaw(q)
    assert (reason == "a multiple-choice stem turned on a 'not'") is refused, reason


def test_fewer_than_is_a_hedge_not_part_of_the_figure():
    # "fewer than 400" changed to "fewer than 1200" is still true (round 181): the figure a
    # false form may change is 400, which "fewer than" before it then keeps from changing.
    shown = _details(
        "Kepler's legacy\n\n"
        "NASA's Kepler space telescope found thousands of planets.\n\n"
        "When Kepler launched in 2009, fewer than 400 exoplanets had been discovered.\n"
    )
    launched = next(d for t, d in shown.items() if t.startswith("When Kepler launched"))
    assert "400" in launched and "fewer than 400" not in launched, shown
