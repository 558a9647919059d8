"""Rules from the twenty-first session: rounds 134 and after (BBC stories no code had seen)."""

import pytest
from conftest import facts_and_questions, facts_of, sentence_texts

STRAY_STOP = (
    "S&N extends venture\n\n"
    "Scottish and Newcastle is to buy 37.5% of India's United Breweries.\n\n"
    "In 2002 S&N and United agreed to form a strategic partnership. The joint venture was "
    "established in May 2003. with both parties having a 40% stake in the venture - "
    "Millennium Alcobev. Millennium Alcobev will now be merged with United."
)


def _index(text: str):
    from quizgen import pipeline
    from quizgen.extract.entities import EntityIndex
    from quizgen.ingest import read_text

    return EntityIndex.of(pipeline.analyze(read_text(text), cache=False))


def _evidence(text: str) -> set[str]:
    return {f.evidence.text for f in facts_of(text) if f.kind == "sentence"}


@pytest.mark.parametrize(
    "text, fragment",
    [
        # A stray full stop splits a sentence: its tail is no statement of its own.
        (STRAY_STOP, "with both parties having a 40% stake in the venture - Millennium Alcobev."),
        (
            "Nair's films\n\nMira Nair has directed Vanity Fair for Focus Features.\n\n"
            "She is not restricted to Bollywood - she followed Salaam Bombay! with "
            "Mississippi Masala, starring Denzel Washington, and The Perez Family, her "
            "first Hollywood film.",
            "with Mississippi Masala, starring Denzel Washington, and The Perez Family, her "
            "first Hollywood film.",
        ),
    ],
)
def test_the_tail_of_a_split_sentence_is_not_asked(text, fragment):
    assert fragment not in _evidence(text)


@pytest.mark.parametrize(
    "text, opening, asked",
    [
        # A name written small may open a sentence.
        (
            "Auction site grows\n\n"
            "Online auction firm eBay has reported a 44% rise in profits for the last quarter."
            "\n\neBay said its sales had risen to $935.8m in the three months to December, up "
            "from $648.4m a year earlier.",
            "eBay said",
            True,
        ),
        # "only five" are five of the 267 films the same sentence counts.
        (
            "Hundreds vie for best film Oscar\n\n"
            "A total of 267 films are eligible for the best film Oscar but only five will be "
            "chosen to go forward as nominees.\n\n"
            "The Academy has sent out the first ballot papers with the full list of films.",
            "A total of 267 films",
            True,
        ),
        # A count standing for an earlier sentence's noun is still bare.
        (
            "Spam rises\n\n"
            "Texts sent by mobile phone users in the UK hit a record last year.\n\n"
            "Figures from the Mobile Data Association showed that 4.8 billion were fired off "
            "in the three months to December.",
            "Figures from the Mobile",
            False,
        ),
    ],
)
def test_which_openings_are_asked(text, opening, asked):
    assert any(e.startswith(opening) for e in _evidence(text)) is asked


def test_a_noun_hung_on_said_is_the_said_clause_s_subject():
    from conftest import pointing

    text = (
        "Nigeria to boost cocoa production\n\n"
        "The government of Nigeria is hoping to triple cocoa production with the launch of "
        "an ambitious development programme.\n\n"
        "Agriculture Minister Adamu Bello said the scheme aimed to boost production from an "
        "expected 180,000 tonnes this year to 600,000 tonnes by 2008."
    )
    assert "the scheme" in pointing(text)


def _details(text: str, opening: str) -> list[str]:
    """The details a false form of the sentence that opens with ``opening`` may change."""
    found = []
    for f in facts_of(text):
        if f.kind == "sentence" and f.evidence.text.startswith(opening):
            found += [f.slots["detail"], *(a[0] for a in f.slots.get("alternatives", []))]
    return found


def test_how_many_a_poll_asked_is_no_detail_to_change():
    text = (
        "Royal couple watch nation's mood\n\n"
        "Prince Charles and Camilla Parker Bowles are awaiting the nation's reaction after "
        "announcing they are to be married on 8 April.\n\n"
        "A Daily Telegraph poll of 1,313 people suggests two-thirds of Britons support the "
        "couple's decision to marry."
    )
    assert "1,313" not in _details(text, "A Daily Telegraph poll")


def test_an_owner_is_no_short_form_of_what_it_owns():
    text = (
        "Apple revives old keyboard\n\n"
        "Apple has brought back an old keyboard design in its new laptop.\n\n"
        "Apple’s MacBook has a new keyboard. Apple said the design was better. "
        "Apple admitted the old design was flawed."
    )
    index = _index(text)
    apple = index.lookup("Apple")
    assert apple is not None and apple.name == "Apple"


APPLE = (
    "Apple revives old keyboard\n\n"
    "Apple has brought back an old keyboard design in its new laptop, the MacBook Pro.\n\n"
    "The 16-inch MacBook Pro looks like a great laptop, as it should for a starting price of "
    "$2,400. The new keyboard design is expected to show up on smaller MacBooks in early 2020. "
    "Apple said the design was better, and iFixit agreed."
)


@pytest.mark.parametrize(
    "opening, detail",
    [
        # A size that names a model: "the 32-inch MacBook Pro" is false only by being absurd.
        ("The 16-inch MacBook Pro", "16-inch"),
        # A product by its size: no body ("iFixit") stands in for it.
        ("The new keyboard design", "MacBooks"),
    ],
)
def test_a_product_s_name_is_no_detail_to_change(opening, detail):
    assert detail not in _details(APPLE, opening)


def test_the_sentence_after_a_cut_up_opening_is_not_the_news():
    text = (
        "Meth campaign divides ad agencies\n\n"
        "South Dakota’s viral “Meth. We’re on it.” awareness campaign has been facing backlash "
        "and mockery since introduced on Monday, but Michelle Hege’s response was concern.\n\n"
        "Michelle Hege is the chief executive of DH, the Spokane advertising firm behind an "
        "opioid prevention campaign."
    )
    leads = [f for f in facts_of(text) if f.kind == "sentence" and f.slots.get("lead")]
    assert leads == []


def test_a_post_s_country_is_no_part_of_the_name():
    text = (
        "Envoy changes account\n\n"
        "The impeachment inquiry heard from three diplomats on Tuesday.\n\n"
        "Another diplomat, former special envoy to Ukraine Kurt Volker, shifted his account "
        "of the meeting. Volker said he had not known of the plan. Volker left his post in "
        "September."
    )
    index = _index(text)
    assert index.lookup("Volker").name == "Kurt Volker"


def test_a_fact_check_s_claim_is_not_asked_as_true():
    text = (
        "Marie Yovanovitch Net Worth\n\n"
        "Claim\n\n"
        "Former U.S. ambassador to Ukraine Marie Yovanovitch has a net worth of $17 million.\n\n"
        "Rating\n\n"
        "Unproven\n\n"
        "On Nov. 15, 2019, Marie Yovanovitch testified before the House Intelligence "
        "Committee in the impeachment inquiry. In sum, the claim that Yovanovitch has a net "
        "worth of $17 million is wholly unsubstantiated."
    )
    assert not any("has a net worth of $17 million." in e for e in _evidence(text))


@pytest.mark.parametrize(
    "line, rest",
    [
        # A city written as a name, its state abbreviated (round 135).
        ("Dekalb, Ill. — Mike Glass threw for three touchdowns.", "Mike Glass threw"),
        ("Springfield, Mass. - Officials said the bridge would reopen.", "Officials said"),
        # A name and its suffix, then an aside: no dateline.
        ("Martin Luther King, Jr. — the pastor — led the march.", None),
    ],
)
def test_a_dateline_of_a_city_written_as_a_name_is_cut(line, rest):
    from quizgen.language import DATELINE

    m = DATELINE.match(line)
    assert (line[m.end() :][: len(rest)] if m else None) == rest


def test_a_box_score_line_is_a_moment_of_play():
    from conftest import sentence_levels

    from quizgen.select import PLAY

    text = (
        "Eastern Michigan routs Northern Illinois\n\n"
        "Mike Glass threw for three touchdowns and Eastern Michigan rolled past Northern "
        "Illinois 45-17 on Tuesday night to become bowl-eligible.\n\n"
        "Glass was 20-of-24 passing for 235 yards. Shaq Vann rushed for 101 yards and a "
        "touchdown on 30 carries for Eastern Michigan. The Eagles will play in a bowl game "
        "for the third time in school history. Glass's pass put the Eagles up 38-17 with "
        "4:12 to play."
    )
    levels = sentence_levels(text)
    assert levels["Glass was 20-of-24 pa"[:20]] == PLAY
    assert levels["Shaq Vann rushed for "[:20]] == PLAY
    assert levels["The Eagles will play "[:20]] != PLAY
    assert levels["Glass's pass put the "[:20]] == PLAY


@pytest.mark.parametrize(
    "text, gone",
    [
        # A pause with a space on each side: the sentence is not whole (round 136).
        (
            "Swift dispute\n\n"
            "Taylor Swift might not be able to perform her hits due to a dispute with Scooter "
            "Braun (which owns her former label, Big Machine) ... and The Carlyle Group.\n\n"
            "Taylor Swift said the dispute was about her music. Big Machine denied it.",
            "Scooter Braun",
        ),
        # A label in capitals before a colon, as an advice column greets its writer.
        (
            "Dear Abby\n\n"
            "A reader wrote to Abby about her husband's business class flight to India.\n\n"
            "DEAR FEELING: Of course you should not be happy that your husband flies in "
            "business class while you sit in economy.",
            "DEAR FEELING",
        ),
    ],
)
def test_a_sentence_cut_by_a_pause_or_opened_by_a_label_is_not_asked(text, gone):
    assert not any(gone in f.evidence.text for f in facts_of(text) if f.kind != "entity")


@pytest.mark.parametrize(
    "text, phrase",
    [
        (
            "Deportees return home\n\n"
            "Dozens of Indians deported from the US arrived in Amritsar on Tuesday.\n\n"
            "Lakshiwnder Singh, another deportee, said he had given Rs 25 lakh to an agent.",
            "another deportee",
        ),
        (
            "Star Trek film\n\n"
            "Noah Hawley will write and direct the fourth Star Trek film, reports say.\n\n"
            "As if things were not murky enough, Deadline reports that Paramount is still "
            "working on a second Star Trek film.",
            "As if",
        ),
    ],
)
def test_another_and_as_if_point_back(text, phrase):
    from conftest import pointing

    assert phrase in pointing(text)


@pytest.mark.parametrize(
    "opening, lead",
    [
        # A feature's hedged first line: true on its wording, and not the news (round 135).
        ("A soothing pillow and warm duvet might not always lead to better rest.", False),
        (
            "Crossovers may have become the vehicle of choice for most car buyers, but that "
            "doesn't mean the sedan is no longer relevant.",
            False,
        ),
        # A report's hedge names who says so.
        ("Computer games could enhance learning in the classroom, say researchers.", True),
        ("Coffee may cut the risk of liver disease, a study by Harvard University says.", True),
    ],
)
def test_a_hedged_hook_is_not_the_news(opening, lead):
    text = f"A story\n\n{opening}\n\nThe findings were published on Monday in a journal."
    facts = [f for f in facts_of(text) if f.kind == "sentence" and f.slots.get("rank") == 0]
    assert any(f.slots.get("lead") for f in facts) is lead


def test_a_charge_s_by_doing_is_no_means_of_the_charge():
    text = (
        "Sweden drops Assange case\n\n"
        "Sweden has dropped its investigation into a rape allegation against Julian Assange.\n\n"
        "The US Justice Department has charged Assange with espionage by publishing hundreds "
        "of thousands of secret military files about the wars in Afghanistan and Iraq."
    )
    assert not [f.slots["means"] for f in facts_of(text) if f.slots.get("means")]


ROUNDUP = (
    "Nelson's OT goal lifts Isles\n\n"
    "Brock Nelson scored in overtime to lift the New York Islanders over the Pittsburgh "
    "Penguins 5-4 on Tuesday night.\n\n"
    "Blue Jackets 5, Canadiens 2: Pierre-Luc Dubois had two goals and an assist, and Columbus "
    "beat Montreal for its third straight win.\n\n"
    "Note: Garnet Hathaway was ejected for spitting on an opponent during the game in Anaheim.\n\n"
    "Victor N. Burton: Dealing in methamphetamine, held in jail in lieu of $268,500 bond.\n\n"
    "I can't thank this man enough. He has taught me so much and I am so grateful to him.\n\n"
    "— Dele (@dele_official) November 19, 2019\n\n"
    "A 275 horsepower electric motor is mounted at the rear of the Volkswagen. As shown at "
    "the LA Auto Show this week, the ID. SPACE VIZZION is about as long as a VW Atlas Cross "
    "Sport SUV with 406 lb-ft of torque. Inside, "
    "there is seating for four adults. Volkswagen's first ID.3 car is not expected until "
    "next year, but Volkswagen isn ‘t slowing down on stacking up new models."
)


@pytest.mark.parametrize(
    "gone",
    [
        "Pierre-Luc Dubois",  # a round-up's paragraph on another game
        "Garnet Hathaway",  # a note beside the story
        "Dealing in methamphetamine",  # an entry of a list of names
        "SPACE VIZZION is about",  # half of a sentence the splitter cut at "ID."
        "isn ‘t slowing",  # a contraction the source broke
    ],
)
def test_round_up_labels_lists_tweets_and_cut_names_are_not_asked(gone):
    assert not any(gone in f.evidence.text for f in facts_of(ROUNDUP) if f.kind != "entity")


def test_an_embedded_tweet_does_not_make_a_report_a_column():
    text = (
        "Mourinho joins Spurs\n\n"
        "Jose Mourinho has agreed a deal to replace Mauricio Pochettino as Tottenham's manager "
        "until the end of the 2022/23 season.\n\n"
        "I can't thank this man enough. He has taught me so much and I am so grateful for "
        "everything he has done for me. Good luck and hope to see you again my friend.\n\n"
        "— Dele (@dele_official) November 19, 2019\n\n"
        "Mourinho won three Premier League titles with Chelsea."
    )
    assert any(f.slots.get("lead") for f in facts_of(text) if f.kind == "sentence")


def test_an_opening_inside_points_back():
    from conftest import pointing

    assert "Inside" in pointing(ROUNDUP)


def test_the_judge_s_own_doing_before_the_deed_is_no_reason():
    text = (
        "Six arrested in drug raid\n\n"
        "Police arrested six people on Monday during a narcotics investigation.\n\n"
        "Officers also arrested Christopher Tays on several charges including two local "
        "warrants after stopping his vehicle near 17th Street, Matt Harris said."
    )
    assert not any("Stopping his vehicle" in str(f.slots) for f in facts_of(text))


def test_a_club_is_no_person_and_a_capital_no_club():
    text = (
        "Mourinho joins Spurs\n\n"
        "Jose Mourinho has agreed a deal to replace Mauricio Pochettino at Tottenham Hotspur.\n\n"
        "Mourinho has managed FC Porto, Inter Milan and Real Madrid. He has won titles in "
        "Portugal, England, Italy and Spain. FC Porto won the Champions League under him."
    )
    index = _index(text)
    assert index.lookup("FC Porto").label == "ORG"
    assert index.lookup("Tottenham Hotspur").label == "ORG"
    spain = index.lookup("Spain")
    assert spain is None or spain.name != "Real Madrid"


def test_a_time_on_the_game_clock_is_no_detail_to_change():
    text = (
        "Parise scores twice as Wild beat Sabres\n\n"
        "Zach Parise scored two goals and the Minnesota Wild beat the Buffalo Sabres 4-1.\n\n"
        "Parise's first-period goals - he scored at 7:14 and on the power play at 19:56 - gave "
        "the Wild a lead they would not relinquish against Buffalo."
    )
    assert "19:56" not in _details(text, "Parise's first-period goals")


def test_a_country_written_with_points_is_a_country():
    from quizgen.kinds import is_nation

    assert is_nation("U.S.") and is_nation("the U.K.")


def test_the_us_may_give_way_to_a_country_without_the():
    text = (
        "Esper says US providing Vietnam with coast guard ship\n\n"
        "U.S. Defense Secretary Mark Esper on Wednesday accused China of using coercion "
        "against smaller Asian nations in the South China Sea.\n\n"
        "Vietnam is one of the region's most vocal critics of China's claims in the sea. "
        "China has built islands there. As part of a long-term effort, Esper announced that "
        "the U.S. will provide the Vietnamese coast guard with a surplus American ship."
    )
    assert any(
        "announced that China will provide" in q.prompt
        for q in facts_and_questions(text)[1]
        if q.answer == "False"
    )


def test_a_short_set_takes_no_side_who_question():
    from quizgen.model import Evidence, Question
    from quizgen.select import SIDE, select

    def q(qid, template, qtype, answer, start):
        return Question(
            id=qid,
            type=qtype,
            prompt=f"Prompt {qid}?",
            answer=answer,
            choices=[answer, "B", "C", "D"] if qtype == "mcq" else [],
            evidence=Evidence(text=f"Sentence {qid}.", start=start, end=start + 12),
            template_id=template,
            fact_id=f"f{qid}",
            bloom="remember",
            score=0.5,
        )

    questions = [
        q("1", "event-who-mcq", "mcq", "Ann Smith", 0),
        q("2", "quantity-how-short", "short_answer", "12", 40),
    ]
    side = {"f1": 0, "f2": 0}
    chosen, rejected = select(questions, 10, 0, side=side)
    assert [c.id for c in chosen] == ["2"]
    assert any(r.question.id == "1" and r.reason == SIDE for r in rejected)


def test_a_work_s_possessive_points_back():
    from quizgen.select import _shows

    assert _shows("The song's popularity was well established by 1929.", {"the song"})
    assert _shows("The singer's agent said so.", {"the singer"}) is None


def test_brackets_that_lost_their_pronunciation_go():
    text = (
        "Aldous Huxley\n\n"
        "Aldous Leonard Huxley ( ; 26 July 1894 – 22 November 1963) was an English writer "
        "and philosopher.\n\n"
        "He wrote nearly 50 books, both novels and non-fiction works, as well as essays."
    )
    assert "Aldous Leonard Huxley was an English writer and philosopher." in sentence_texts(text)


def test_a_pronoun_and_a_name_in_one_sentence_are_two_people():
    text = (
        "Kwanzaa and the FBI\n\n"
        "Ron Karenga invented Kwanzaa in 1966.\n\n"
        "In an interview, Karenga explained that the forces out to get O.J. Simpson included "
        "the FBI and the CIA. He further noted that the evidence against O.J. did not "
        "eliminate unreasonable doubt."
    )
    assert not any("O.J. Simpson noted" in q.prompt for q in facts_and_questions(text)[1])


@pytest.mark.parametrize(
    "text, gone",
    [
        # Responded to what?
        (
            "American Revolutionary War\n\n"
            "The American Revolutionary War was fought between Britain and its colonies.\n\n"
            "Congress appointed George Washington commander-in-chief of the Continental Army. "
            "The British took New York City in 1776. Washington responded by clandestinely "
            "crossing the Delaware River and winning small but significant victories at "
            "Trenton and Princeton, which restored Patriot confidence.",
            "how did George Washington respond",
        ),
        # Others than whom?
        (
            "Abacus\n\n"
            "The abacus is a hand-operated calculating tool used since ancient times.\n\n"
            "Abacuses remain in everyday use in some countries. Others may use an abacus due to "
            "visual impairment that prevents the use of a calculator.",
            "why may others",
        ),
    ],
)
def test_questions_that_leave_out_what_they_lean_on(text, gone):
    assert not any(gone.lower() in q.prompt.lower() for q in facts_and_questions(text)[1])


def test_a_war_is_no_body_to_swap():
    text = (
        "American Revolutionary War\n\n"
        "The war was fought between Britain and the Thirteen Colonies.\n\n"
        "The British Parliament imposed the Intolerable Acts in 1774. The British Parliament "
        "later sent troops. In 1783 Britain acknowledged the independence of the United States "
        "of America, bringing the American Revolutionary War to an end."
    )
    assert not any(
        "bringing the British Parliament" in q.prompt for q in facts_and_questions(text)[1]
    )


def test_the_writer_s_aside_to_the_reader_goes_and_a_title_keeps_its_name():
    text = (
        "The Interview is a smart movie\n\n"
        "Sony's comedy The Interview was released on Christmas Day despite threats.\n\n"
        "Okay, sure, The Interview might feature North Korean dictator Kim Jong Un affirming "
        "his love of Katy Perry. Kim Jong Un is shown as a fan of the singer Katy Perry."
    )
    shown = [q.prompt for q in facts_and_questions(text)[1]]
    assert not any(p.startswith("Okay") or "Kim Interview" in p for p in shown)


def test_a_reason_cut_by_an_editor_s_bracket_is_not_asked():
    text = (
        "The Vatican and American nuns\n\n"
        "The Vatican has ended its inquiry into American nuns.\n\n"
        '"There is a danger of backlash because of the esteem [in which] so many Catholics hold '
        'nuns," James Martin told The Daily Beast.'
    )
    assert not any(
        q.answer.startswith("Because of the esteem") for q in facts_and_questions(text)[1]
    )


def test_a_name_inside_a_disease_s_name_is_no_one_in_the_story():
    text = (
        "Bitcoin's early adopters\n\n"
        "Hal Finney was one of the first people to use bitcoin.\n\n"
        "The call came while Hal Finney was in the final stages of his battle with Lou "
        "Gehrig's disease. Roger Ver, another early adopter, was also targeted."
    )
    index = _index(text)
    assert index.lookup("Lou Gehrig") is None


def test_a_name_with_and_without_its_accents_is_one_name():
    index = _index(
        "Politics of Angola\n\n"
        "João Lourenço became President of Angola in 2017.\n\n"
        "President Joao Lourenco started a campaign against corruption. João Lourenço was "
        "chosen by his predecessor."
    )
    assert index.lookup("Joao Lourenco") is index.lookup("João Lourenço") is not None


def test_the_new_name_after_a_renamed_thing_does_not_say_which():
    from conftest import pointing

    text = (
        "New Zealand\n\n"
        "New Zealand is an island country in the south-western Pacific Ocean.\n\n"
        "Abel Tasman reached the islands in 1642. In 1645, Dutch cartographers renamed the "
        "land Nova Zeelandia after the Dutch province of Zeeland."
    )
    assert "the land" in pointing(text)


def test_a_noun_the_parser_made_the_root_is_still_unexplained():
    from conftest import pointing

    text = (
        "Articles of Confederation\n\n"
        "The Articles of Confederation was an agreement among the 13 states of the United "
        "States.\n\n"
        "The Second Continental Congress approved the Articles in 1777. The document provided "
        "clearly written rules for how the states' league of friendship would be organized."
    )
    assert "The document" in pointing(text)
