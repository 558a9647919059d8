"""The Anki exporters, checked by importing what they write into a real Anki collection."""

from __future__ import annotations

import copy
import re
import sqlite3
import tempfile
import time
import warnings
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)
from conftest import HOSTILE, make_qset

from quizgen.errors import QuizgenError
from quizgen.exporters.anki import AnkiExporter
from quizgen.exporters.anki_csv import AnkiCsvExporter
from quizgen.exporters.anki_models import CSS, MODEL_IDS, MODEL_NAMES, deck_id
from quizgen.model import Question, QuestionSet

T1, T2 = 1_700_000_000, 1_700_086_400


# --- helpers -------------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    BLOCKS = {"div", "li", "br", "hr", "tr", "td", "ol", "ul", "p", "table"}

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script")
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script") and self.skip > 0
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible(html_text: str) -> str:
    """What a reader sees: the text of the HTML, entities decoded, whitespace collapsed."""
    p = _Text()
    p.feed(html_text)
    return " ".join("".join(p.parts).replace("\u2060", "").split())


def expected(qset: QuestionSet) -> tuple[int, int]:
    """(notes, cards): one note per question, one per pair for matching, a card per cN."""
    notes = cards = 0
    for q in qset.questions:
        if q.type == "matching" and q.pairs:
            notes += len(q.pairs)
            cards += len(q.pairs)
        elif q.type == "cloze":
            notes += 1
            cards += len(set(re.findall(r"\{\{c(\d+)::", q.prompt)))
        else:
            notes += 1
            cards += 1
    return notes, cards


def export_apkg(qset: QuestionSet, out: Path, **options) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    [path] = AnkiExporter().export(qset=qset, out_dir=out, options={"timestamp": T1, **options})
    return path


def export_txt(qset: QuestionSet, out: Path, **options) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    [path] = AnkiCsvExporter().export(qset=qset, out_dir=out, options=options)
    return path


@pytest.fixture
def col(tmp_path):
    (tmp_path / "collection").mkdir()
    c = Collection(str(tmp_path / "collection" / "collection.anki2"))
    yield c
    c.close()


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def import_apkg(col: Collection, path: Path):
    # Default options are what Anki's import screen starts with: update notes "if newer".
    opts = ImportAnkiPackageOptions()
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=opts))


def import_txt(col: Collection, path: Path):
    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))


def cards(col: Collection):
    return [col.get_card(cid) for cid in sorted(col.find_cards(""))]


def note_by_guid(col: Collection, guid: str):
    [note] = [n for n in map(col.get_note, col.find_notes("")) if n.guid == guid]
    return note


def reworded(qset: QuestionSet, tmp_path: Path, old: str, new: str) -> QuestionSet:
    """The teacher's edit: the question set through questions.yaml, with one prompt reworded."""
    path = tmp_path / "questions.yaml"
    path.write_text(yaml.safe_dump(qset.to_dict(), allow_unicode=True), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return QuestionSet.from_dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def with_question(qset: QuestionSet, **fields) -> QuestionSet:
    qset = copy.deepcopy(qset)
    base = dict(id="q-extra", type="cloze", prompt="", answer="x", fact_id="term-9")
    qset.questions.append(Question(**{**base, **fields}))
    return qset


def package_db(path: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as zf:
        db = tmp_path / "unzipped.anki2"
        db.write_bytes(zf.read("collection.anki2"))
    return sqlite3.connect(db)


# --- the .apkg -----------------------------------------------------------------------------


def test_counts_match_and_every_card_of_every_note_type_renders(qset, col, tmp_path):
    two = "The {{c1::council}} voted {{c2::7-2}} to fund the repairs."
    qset = with_question(qset, id="q-cl2", prompt=two, answer="council; 7-2")
    import_apkg(col, export_apkg(qset, tmp_path / "out"))
    assert (col.note_count(), col.card_count()) == expected(qset) == (12, 13)
    seen_types = set()
    for card in cards(col):
        seen_types.add(card.note().note_type()["name"])
        out = card.render_output()
        assert visible(out.question_text), card.note().guid
        assert visible(out.answer_text), card.note().guid
        assert not visible(out.question_text).startswith("Please edit this note")
    assert seen_types == set(MODEL_NAMES.values())
    assert all(name.startswith("quizgen") for name in seen_types)

    two_cards = [c for c in cards(col) if c.note().guid == "q-cl2"]
    fronts = sorted(visible(c.render_output().question_text) for c in two_cards)
    assert fronts == [
        "The [...] voted 7-2 to fund the repairs.",
        "The council voted [...] to fund the repairs.",
    ]


def test_each_type_shows_what_it_should(qset, col, tmp_path):
    import_apkg(col, export_apkg(qset, tmp_path / "out"))
    by_guid = {c.note().guid: c.render_output() for c in cards(col)}
    mcq = by_guid["q-mcq1"]
    assert "A. Alice Smith" not in visible(mcq.question_text)
    assert "A. Alice Smith" in visible(mcq.answer_text)
    assert "<li class=qz-right>Alice Smith</li>" in mcq.answer_text  # the back marks it
    assert "Choose all that apply" in visible(by_guid["q-ms1"].question_text)
    assert "A. the bridge B. the council" in visible(by_guid["q-ms1"].answer_text)
    assert "<div class='qz-answer qz-tf'>False</div>" in by_guid["q-tf2"].answer_text
    assert "True or false?" in visible(by_guid["q-tf2"].question_text)
    order = visible(by_guid["q-or1"].answer_text)
    assert "the bridge was found unsafe the council voted the bridge reopens" in order
    pair = by_guid["q-ma1#2"]
    assert "Jo Reporter → ?" in visible(pair.question_text)
    assert "reporter" not in visible(pair.question_text).replace("Jo Reporter", "")
    # Every card's back cites its evidence sentence and the article's title and date.
    for out in by_guid.values():
        back = visible(out.answer_text)
        assert "Bridge news" in back and "2024-05-04" in back
        assert ("Alice Smith, the mayor" in back) or ("The council voted 7-2" in back)


def test_deck_is_named_after_the_article_unless_chosen(qset, col, tmp_path):
    import_apkg(col, export_apkg(qset, tmp_path / "a"))
    assert {col.decks.name(c.did) for c in cards(col)} == {"Quizgen::Bridge news"}

    other = copy.deepcopy(qset)
    other.article.slug = "other"
    for q in other.questions:
        q.id += "-b"
    import_apkg(col, export_apkg(other, tmp_path / "b", deck="History::Korea"))
    decks = {col.decks.name(c.did) for c in cards(col)}
    assert decks == {"Quizgen::Bridge news", "History::Korea"}
    assert col.decks.id_for_name("History") is not None


def test_bad_deck_name_is_refused(qset, tmp_path):
    with pytest.raises(QuizgenError, match="empty level"):
        export_apkg(qset, tmp_path / "out", deck="History::")
    assert not list((tmp_path / "out").iterdir())


def test_tags(qset, col, tmp_path):
    qset = copy.deepcopy(qset)
    qset.questions[0].tags = ["people", "two words", 'say "hi"', "Quizgen"]
    import_apkg(col, export_apkg(qset, tmp_path / "out"))
    tags = {c.note().guid: set(c.note().tags) for c in cards(col)}
    assert tags["q-mcq1"] == {
        "quizgen",
        "mcq",
        "remember",
        "entity",
        "bridge-news",
        "people",
        "two_words",
        "say_hi",
    }
    assert tags["q-es1"] == {"quizgen", "essay", "evaluate", "claim", "bridge-news"}
    assert tags["q-cl1"] == {"quizgen", "cloze", "remember", "term", "bridge-news"}
    assert tags["q-ma1#3"] == {"quizgen", "matching", "remember", "entity", "bridge-news"}


def test_model_and_deck_ids_are_pinned(qset, col, tmp_path):
    # These numbers are in students' collections: changing one breaks every later update.
    assert MODEL_IDS == {
        "basic": 1098784112,
        "cloze": 1779982762,
        "choice": 1246244631,
        "truefalse": 1838780556,
    }
    assert deck_id("Quizgen::Bridge news") == 1852101916
    assert deck_id("History::Korea") == 1095328818

    path = export_apkg(qset, tmp_path / "out")
    db = package_db(path, tmp_path)
    models_json, decks_json = db.execute("select models, decks from col").fetchone()
    db.close()
    models = yaml.safe_load(models_json)  # JSON is YAML
    assert {int(k): v["name"] for k, v in models.items()} == {
        MODEL_IDS[k]: MODEL_NAMES[k] for k in MODEL_IDS
    }
    assert str(1852101916) in yaml.safe_load(decks_json)

    import_apkg(col, path)
    for key, mid in MODEL_IDS.items():
        assert col.models.get(mid)["name"] == MODEL_NAMES[key]


def test_rewording_a_question_updates_its_note(qset, col, tmp_path):
    first = export_apkg(qset, tmp_path / "v1", timestamp=T1)
    import_apkg(col, first)
    before = {c.note().guid: c.id for c in cards(col)}

    edited = reworded(qset, tmp_path, "Who is the mayor of Springfield?", "Who leads Springfield?")
    second = export_apkg(edited, tmp_path / "v2", timestamp=T2)
    log = import_apkg(col, second).log
    assert len(log.updated) == expected(qset)[0] and not log.new and not log.conflicting
    assert (col.note_count(), col.card_count()) == expected(qset)
    after = {c.note().guid: c.id for c in cards(col)}
    assert after == before  # the same cards, so review history is kept
    note = note_by_guid(col, "q-mcq1")
    assert note["Prompt"] == "Who leads Springfield?"


def test_a_constant_timestamp_would_never_update(qset, col, tmp_path):
    # Why the exporter does not stamp every build with one fixed time: Anki keeps the old note.
    import_apkg(col, export_apkg(qset, tmp_path / "v1", timestamp=T1))
    edited = reworded(qset, tmp_path, "Who is the mayor of Springfield?", "Who leads Springfield?")
    log = import_apkg(col, export_apkg(edited, tmp_path / "v2", timestamp=T1)).log
    assert not log.updated and len(log.duplicate) == expected(qset)[0]
    assert note_by_guid(col, "q-mcq1")["Prompt"] == "Who is the mayor of Springfield?"


def test_the_clock_is_the_default_timestamp(qset, tmp_path):
    before = time.time()
    [path] = AnkiExporter().export(qset=qset, out_dir=tmp_path, options={})
    db = package_db(path, tmp_path)
    stamps = {mod for (mod,) in db.execute("select mod from notes")}
    db.close()
    assert len(stamps) == 1 and int(before) <= stamps.pop() <= time.time() + 1


def test_timestamp_option_and_source_date_epoch_give_repeatable_bytes(qset, tmp_path, monkeypatch):
    a = export_apkg(qset, tmp_path / "a").read_bytes()
    b = export_apkg(qset, tmp_path / "b").read_bytes()
    assert a == b
    assert export_apkg(qset, tmp_path / "c", timestamp=T2).read_bytes() != a

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(T1))
    [p] = AnkiExporter().export(qset=qset, out_dir=tmp_path, options={})
    assert p.read_bytes() == a
    with pytest.raises(QuizgenError, match="timestamp"):
        export_apkg(qset, tmp_path / "d", timestamp="yesterday")


def test_hostile_text_is_shown_literally_never_as_markup(hostile_qset, col, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # genanki warns when a field holds an unescaped tag
        path = export_apkg(hostile_qset, tmp_path / "out")
    import_apkg(col, path)
    assert (col.note_count(), col.card_count()) == expected(hostile_qset)
    for card in cards(col):
        out = card.render_output()
        for side in (out.question_text, out.answer_text):
            assert "<script" not in side.lower()
            assert HOSTILE in visible(side)
        assert not out.question_av_tags and not out.answer_av_tags
    assert {col.decks.name(c.did) for c in cards(col)} == {f"Quizgen::Bridge news {HOSTILE}"}


def test_ankis_own_field_markup_is_not_triggered(qset, col, tmp_path):
    text = r"Sound [sound:evil.mp3] maths \(x^2\) \[y\] tex [$]z[/$] [latex]w[/latex]"
    qset = with_question(qset, id="q-sa9", type="short_answer", prompt=text, answer=text)
    import_apkg(col, export_apkg(qset, tmp_path / "out"))
    [card] = [c for c in cards(col) if c.note().guid == "q-sa9"]
    out = card.render_output()
    assert not out.question_av_tags and not out.answer_av_tags
    assert visible(out.question_text) == text
    assert "\\(" not in out.question_text and "[sound:" not in out.question_text
    assert not col.media.check().missing  # no LaTeX image or sound file is asked for


def test_cloze_without_deletion_is_refused_before_writing(qset, tmp_path):
    bad = with_question(qset, id="q-cl9", prompt="The council voted to fund the repairs.")
    for exporter in (AnkiExporter(), AnkiCsvExporter()):
        with pytest.raises(QuizgenError, match=r"q-cl9.*no \{\{c1::\.\.\.\}\} deletion"):
            exporter.export(qset=bad, out_dir=tmp_path, options={"timestamp": T1})
    assert list(tmp_path.iterdir()) == []


def test_malformed_questions_are_refused(qset, tmp_path):
    bad = copy.deepcopy(qset)
    bad.questions[0].correct = [7]
    with pytest.raises(QuizgenError, match="q-mcq1: correct index 7"):
        export_apkg(bad, tmp_path)
    bad = copy.deepcopy(qset)
    bad.questions[5].pairs.append(["lonely"])
    with pytest.raises(QuizgenError, match="q-ma1: every matching pair"):
        export_txt(bad, tmp_path)
    bad = copy.deepcopy(qset)
    bad.questions[1].id = "q-mcq1"
    with pytest.raises(QuizgenError, match="share the id q-mcq1"):
        export_apkg(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_no_temporary_files_anywhere(qset, tmp_path, monkeypatch):
    scratch = tmp_path / "system-temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where genanki would leave its DB
    out = tmp_path / "out"
    export_apkg(qset, out)
    export_txt(qset, out)
    export_apkg(qset, out)  # overwriting leaves nothing behind either
    assert sorted(p.name for p in out.iterdir()) == ["bridge-news-anki.txt", "bridge-news.apkg"]
    assert list(scratch.iterdir()) == []


def test_styling_works_offline_and_at_night():
    assert ".nightMode" in CSS and ".night_mode" in CSS
    assert "@media (max-width" in CSS
    for external in ("url(", "@import", "http:", "https:", "//"):
        assert external not in CSS


# --- the text-import file ------------------------------------------------------------------


def test_text_file_imports_with_the_same_counts(qset, col, tmp_path):
    path = export_txt(qset, tmp_path / "out")
    head = path.read_text(encoding="utf-8").splitlines()[:6]
    assert head == [
        "#separator:tab",
        "#html:true",
        "#notetype column:1",
        "#deck:Quizgen::Bridge news",
        "#tags column:4",
        "#guid column:5",
    ]
    meta = col.get_csv_metadata(str(path), None)
    assert meta.is_html and meta.deck_name == "Quizgen::Bridge news"
    assert (meta.notetype_column, meta.tags_column, meta.guid_column) == (1, 4, 5)

    log = import_txt(col, path).log
    assert len(log.new) == expected(qset)[0]
    assert (col.note_count(), col.card_count()) == expected(qset)
    for card in cards(col):
        out = card.render_output()
        assert visible(out.question_text) and visible(out.answer_text)
        assert col.decks.name(card.did) == "Quizgen::Bridge news"
    note = note_by_guid(col, "q-tf2")
    assert set(note.tags) == {"quizgen", "true_false", "understand", "statement", "bridge-news"}


def test_text_file_deck_option(qset, col, tmp_path):
    import_txt(col, export_txt(qset, tmp_path / "out", deck="History::Korea"))
    assert {col.decks.name(c.did) for c in cards(col)} == {"History::Korea"}


def test_text_file_reimport_updates_by_guid(qset, col, tmp_path):
    import_txt(col, export_txt(qset, tmp_path / "v1"))
    edited = reworded(
        qset, tmp_path, "Why did the council fund", "For what reason did the council fund"
    )
    log = import_txt(col, export_txt(edited, tmp_path / "v2")).log
    assert len(log.updated) == 1 and not log.new
    assert (col.note_count(), col.card_count()) == expected(qset)
    note = note_by_guid(col, "q-sa1")
    assert note["Front"].startswith("For what reason did the council fund")


def test_text_file_hostile_text_is_literal(hostile_qset, col, tmp_path):
    path = export_txt(hostile_qset, tmp_path / "out")
    import_txt(col, path)
    assert (col.note_count(), col.card_count()) == expected(hostile_qset)
    assert {col.decks.name(c.did) for c in cards(col)} == {f"Quizgen::Bridge news {HOSTILE}"}
    for card in cards(col):
        out = card.render_output()
        for side in (out.question_text, out.answer_text):
            assert "<script" not in side.lower()
            assert HOSTILE in visible(side)


def test_text_file_after_package_never_duplicates(qset, col, tmp_path):
    import_apkg(col, export_apkg(qset, tmp_path / "a"))
    log = import_txt(col, export_txt(qset, tmp_path / "b")).log
    assert not log.new
    assert (col.note_count(), col.card_count()) == expected(qset)


def test_make_qset_is_what_these_tests_assume():
    assert expected(make_qset()) == (11, 11)
