"""The LMS question banks, each read back by a real consumer or by a reader written to the
consumer's own rules: text2qti, lxml, openpyxl, jsonschema, the csv module, and a GIFT reader
that follows Moodle's question/format/gift/format.php step by step."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest
from conftest import HOSTILE, make_qset

from quizgen import registry
from quizgen.errors import QuizgenError
from quizgen.exporters import (
    blackboard,
    blooket,
    csvbank,
    gift,
    jsonbank,
    kahoot,
    markdown,
    moodle,
    qti,
    quizlet,
)
from quizgen.exporters.bankutil import cloze_text
from quizgen.exporters.textsafe import html_plain, one_line
from quizgen.model import QUESTION_TYPES, Question

EXPORTERS = {
    "json": jsonbank.JsonExporter,
    "yaml": jsonbank.YamlExporter,
    "csv": csvbank.CsvExporter,
    "gift": gift.GiftExporter,
    "moodle": moodle.MoodleExporter,
    "qti": qti.QtiExporter,
    "blackboard": blackboard.BlackboardExporter,
    "quizlet": quizlet.QuizletExporter,
    "kahoot": kahoot.KahootExporter,
    "blooket": blooket.BlooketExporter,
    "markdown": markdown.MarkdownExporter,
}


# What a spreadsheet runs as a formula (OWASP); kept here so a change in textsafe shows.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Markup of every kind our formats use, for the options and matching stems too.
PAYLOAD = "<b>x</b> &amp; {~#=:} [y] \\ $m$ *e* _u_ `c` 'q' \"d\" -- ... %5%"


@pytest.fixture
def everywhere():
    """hostile_qset, with markup in options, matching stems and the cloze answer as well."""
    qs = make_qset(HOSTILE)
    for q in qs.questions:
        if q.type != "true_false":
            q.choices = [f"{c} {PAYLOAD}" for c in q.choices]
        q.pairs = [[f"{a} {PAYLOAD}", b] for a, b in q.pairs]
        if q.type == "cloze":
            q.prompt = q.prompt.replace("::repairs}}", f"::repairs {PAYLOAD}}}}}")
            q.answer = f"repairs {PAYLOAD}"
    return qs


def export(name, qset, out: Path, **options):
    """Run an exporter the way the pipeline does: only the types it carries."""
    exp = EXPORTERS[name]()
    carried = [q for q in qset.questions if q.type in exp.types]
    sub = type(qset)(qset.article, carried, qset.seed, qset.title)
    out.mkdir(parents=True, exist_ok=True)
    paths = exp.export(qset=sub, out_dir=out, options=options)
    return paths, exp


def by_id(qset):
    return {q.id: q for q in qset.questions}


def shown(q: Question) -> str:
    """What a student reads as the question."""
    return one_line(cloze_text(q.prompt) if q.type == "cloze" else q.prompt)


def no_formula(value: str) -> bool:
    return not value.startswith(FORMULA_STARTS)


# --- registry and shared behaviour ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_registered_under_its_name(name):
    exp = registry.load("exporters", name)
    assert type(exp) is EXPORTERS[name]
    assert exp.name == name and exp.description
    assert set(exp.types) <= set(QUESTION_TYPES)


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_same_input_same_bytes(name, everywhere, tmp_path):
    (a,), _ = export(name, everywhere, tmp_path / "a")
    (b,), _ = export(name, everywhere, tmp_path / "b")
    assert a.name == b.name and a.name.startswith("bridge-news")
    assert a.read_bytes() == b.read_bytes()
    assert [p.name for p in (tmp_path / "a").iterdir()] == [a.name]  # no temporary left


def test_names_follow_the_slug(qset, tmp_path):
    suffixes = {}
    for name in EXPORTERS:
        (path,), _ = export(name, qset, tmp_path)
        suffixes[name] = path.name.removeprefix("bridge-news")
    assert suffixes == {
        "json": ".json", "yaml": ".yaml", "csv": ".csv", "gift": ".gift.txt",
        "moodle": ".moodle.xml", "qti": ".qti.zip", "blackboard": ".blackboard.txt",
        "quizlet": ".quizlet.txt", "kahoot": ".kahoot.xlsx", "blooket": ".blooket.csv",
        "markdown": ".text2qti.md",
    }  # fmt: skip


def test_nothing_written_when_nothing_fits(qset, tmp_path):
    essays = type(qset)(qset.article, [q for q in qset.questions if q.type == "essay"])
    exp = kahoot.KahootExporter()
    assert exp.export(qset=essays, out_dir=tmp_path, options={}) == []
    assert exp.skipped == ["q-es1"]
    assert exp.skip_reasons == {"q-es1": "kahoot does not carry essay questions"}
    assert list(tmp_path.iterdir()) == []


# --- JSON and YAML banks --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["json", "yaml"])
def test_bank_round_trip_is_byte_identical(name, everywhere, tmp_path):
    (path,), _ = export(name, everywhere, tmp_path / "one")
    back = jsonbank.load_bank(path)
    assert back.to_dict() == everywhere.to_dict()
    (again,), _ = export(name, back, tmp_path / "two")
    assert again.read_bytes() == path.read_bytes()


def test_yaml_and_json_hold_the_same_bank(qset, tmp_path):
    (j,), _ = export("json", qset, tmp_path)
    (y,), _ = export("yaml", qset, tmp_path)
    assert jsonbank.load_bank(j).to_dict() == jsonbank.load_bank(y).to_dict()


def test_json_bank_matches_schema_and_evidence(everywhere, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((files("quizgen") / "schema" / "question-bank.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    (path,), _ = export("json", everywhere, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert {q["type"] for q in data["questions"]} == set(QUESTION_TYPES)
    for q in data["questions"]:
        ev = q["evidence"]
        assert data["article"]["text"][ev["start"] : ev["end"]] == ev["text"] != ""
    # The schema is strict enough to catch drift: an unknown field or type fails.
    bad = json.loads(json.dumps(data))
    bad["questions"][0]["type"] = "riddle"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("b.json", "{not json", "not valid JSON"),
        ("b.yaml", "article: [unclosed", "not valid YAML"),
        ("b.json", "[1, 2]", "must be a mapping"),
        ("b.txt", "{}", "ends in .json, .yaml or .yml"),
        ("b.json", '{"article": {"text": "abc"}, "questions": [{"id": "x", "type": "riddle", '
         '"prompt": "p", "answer": "a"}]}', "unknown type 'riddle'"),
        ("b.json", '{"article": {"text": "abc"}, "questions": [{"id": "x", "type": "essay", '
         '"prompt": "p", "answer": "a", "evidence": {"text": "zz", "start": 0, "end": 2}}]}',
         "evidence is not the article's text"),
        ("b.json", '{"article": {"text": "abc"}, "questions": [{"id": "x", "type": "mcq"}]}',
         "has no 'prompt'"),
    ],
)  # fmt: skip
def test_malformed_bank_is_a_user_error(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QuizgenError, match=re.escape(message)):
        jsonbank.load_bank(path)


def test_hand_edited_yaml_scalars_are_read_as_text(qset, tmp_path):
    (path,), _ = export("yaml", qset, tmp_path)
    edited = path.read_text(encoding="utf-8").replace("date: '2024-05-04'", "date: 2024-05-04")
    assert edited != path.read_text(encoding="utf-8")
    path.write_text(edited, encoding="utf-8")
    assert jsonbank.load_bank(path).article.date == "2024-05-04"


# --- CSV-like formats: nothing can start a formula ------------------------------------------


def formula_qset():
    """Every text field starts with something a spreadsheet would run."""
    qs = make_qset()
    starts = ["=1+1", "+CMD()", "-2+3", "@SUM(A1)", "\t=tab", "\r=cr"]
    for n, q in enumerate(qs.questions):
        q.prompt = starts[n % len(starts)] + " " + q.prompt
        q.answer = starts[(n + 1) % len(starts)] + q.answer
        q.explanation = starts[(n + 2) % len(starts)]
        q.choices = [starts[(n + k) % len(starts)] + c for k, c in enumerate(q.choices)]
        q.pairs = [[starts[k % 6] + a, starts[(k + 1) % 6] + b] for k, (a, b) in enumerate(q.pairs)]
        q.tags = ["=tag"]
    return qs


def csv_cells(name, path):
    if name == "csv":
        return [c for r in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for c in r]
    if name == "blooket":
        return [c for r in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) for c in r]
    return [c for line in path.read_text(encoding="utf-8").splitlines() for c in line.split("\t")]


@pytest.mark.parametrize("name", ["csv", "blooket", "blackboard", "quizlet"])
def test_no_cell_starts_a_formula(name, tmp_path):
    (path,), _ = export(name, formula_qset(), tmp_path)
    cells = csv_cells(name, path)
    assert len(cells) > 10
    assert [c for c in cells if not no_formula(c)] == []
    if name != "blackboard":  # blackboard writes HTML references instead of an apostrophe
        assert any(c.startswith("'=1+1") for c in cells)


def test_csv_rows_carry_every_question(everywhere, tmp_path):
    (path,), _ = export("csv", everywhere, tmp_path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == list(csvbank.COLUMNS)
    qs = by_id(everywhere)
    assert [r["id"] for r in rows] == list(qs)
    for r in rows:
        q = qs[r["id"]]
        assert r["type"] == q.type
        assert r["prompt"] == (cloze_text(q.prompt) if q.type == "cloze" else q.prompt)
        assert r["explanation"] == q.explanation and r["evidence"] == q.evidence.text
    ma = next(r for r in rows if r["type"] == "matching")
    left, right = qs[ma["id"]].pairs[0]
    assert ma["choices"].splitlines()[0] == f"{left} \u2192 {right}"


# --- GIFT, read back by Moodle's own rules --------------------------------------------------

_ESCAPES = [("\\:", "&&058;"), ("\\#", "&&035;"), ("\\=", "&&061;"), ("\\{", "&&123;"),
            ("\\}", "&&125;"), ("\\~", "&&126;"), ("\\n", "&&010")]  # fmt: skip
_WEIGHT = re.compile(r"^%\-*([0-9]{1,2})\.?([0-9]*)%")


def _pre(s):
    s = s.replace("\\\\", "&&092;")
    for a, b in _ESCAPES:
        s = s.replace(a, b)
    return s.replace("&&092;", "\\")


def _post(s):
    for b, a in [(b, a[1:]) for a, b in _ESCAPES[:-1]] + [("&&010", "\n")]:
        s = s.replace(b, a)
    return s


def _fmt(text, default="moodle"):
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        if text[1:end] in ("moodle", "html", "plain", "markdown"):
            fmt, text = text[1:end], text[end + 1 :]
    return _post(text).strip(), fmt


def _weight(answer):
    answer = answer[1:]
    end = answer.find("%")
    return float(answer[:end]) / 100, answer[end + 1 :]


def _comment(answer, fmt):
    bits = answer.split("#", 1)
    return _fmt(bits[0].strip(), fmt)[0], (_fmt(bits[1].strip(), fmt)[0] if len(bits) > 1 else "")


def _split_nonempty(text, sep):
    parts = text.split(sep)
    parts[0] = parts[0].strip()
    return parts[1:] if parts[0] in ("", "0") else parts


def gift_read(lines):
    """One question, read as qformat_gift::readquestion reads it."""
    lines = [" " if line.strip().startswith("//") else line for line in lines]
    text = "\n".join(lines).strip()
    text = _pre(text)
    if text.startswith("$CATEGORY:"):
        return {"qtype": "category", "category": text[10:].strip()}
    q = {"name": None}
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        q["name"], text = _post(text[:end]), text[end + 2 :].strip()
    start, finish = text.find("{"), text.find("}")
    assert start != -1 and finish != -1, text
    length = finish - start
    answertext = text[start + 1 : start + length].strip()
    if text.endswith("}"):
        qtext = text[:start] + text[start + length + 1 :]
    else:
        qtext = text[:start] + "_____" + text[start + length + 1 :]
    gf = answertext.rfind("####")
    general = ""
    if gf != -1:
        general, answertext = answertext[gf + 4 :], answertext[:gf].strip()
    q["questiontext"], fmt = _fmt(qtext)
    q["format"] = fmt
    q["generalfeedback"] = _fmt(general, fmt)[0]
    if answertext == "":
        q["qtype"] = "essay"
    elif answertext[0] == "#":
        q["qtype"] = "numerical"
    elif "~" in answertext:
        q["qtype"] = "multichoice"
        q["single"] = "=" in answertext
        q["answers"] = []
        for a in _split_nonempty(answertext.replace("=", "~="), "~"):
            a = a.strip()
            if a[0] == "=":
                w, a = 1.0, a[1:]
            elif _WEIGHT.match(a):
                w, a = _weight(a)
            else:
                w = 0.0
            q["answers"].append((_comment(a, fmt)[0], w))
    elif "=" in answertext and "->" in answertext:
        q["qtype"] = "match"
        q["pairs"] = []
        for a in _split_nonempty(answertext, "="):
            a = a.strip()
            m = a.find("->")
            q["pairs"].append((_fmt(a[:m], fmt)[0], _post(a[m + 2 :]).strip()))
    else:
        check = answertext
        if answertext.find("#") > 0:
            check = answertext[: answertext.find("#")].strip()
        if check in ("T", "TRUE", "F", "FALSE"):
            q["qtype"] = "truefalse"
            q["correct"] = _fmt(answertext.split("#", 2)[0].strip(), fmt)[0] in ("T", "TRUE")
        else:
            q["qtype"] = "shortanswer"
            q["answers"] = []
            for a in _split_nonempty(answertext, "="):
                a = a.strip()
                w, a = _weight(a) if _WEIGHT.match(a) else (1.0, a)
                q["answers"].append((_comment(a, fmt)[0], w))
    return q


def gift_parse(text):
    """Split into questions at blank lines, as qformat_gift::readquestions does."""
    blocks, cur = [], []
    for line in text.split("\n"):
        if line.strip() in ("", "0"):
            if cur:
                blocks.append(cur)
            cur = []
        else:
            cur.append(line.strip())
    if cur:
        blocks.append(cur)
    return [gift_read(b) for b in blocks]


def shortanswer_matches(response, pattern):
    """qtype_shortanswer's compare_string_with_wildcard, case-insensitive."""
    bits = re.split(r"(?<!\\)\*+", pattern)
    regex = "^" + ".*".join(re.escape(b.replace("\\*", "*")) for b in bits) + "$"
    return re.match(regex, response, re.IGNORECASE | re.DOTALL) is not None


def _html(text):
    return html_plain(text)


def test_gift_reads_back_by_moodles_rules(everywhere, tmp_path):
    (path,), exp = export("gift", everywhere, tmp_path)
    assert exp.skipped == []
    parsed = gift_parse(path.read_text(encoding="utf-8"))
    cat, questions = parsed[0], parsed[1:]
    assert cat["qtype"] == "category"
    names = re.split(r"(?<!/)/(?!/)", cat["category"])
    assert [n.replace("//", "/").strip() for n in names] == ["quizgen", everywhere.display_title]
    qs = by_id(everywhere)
    kinds = {"mcq": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer",
             "cloze": "shortanswer", "matching": "match", "multi_select": "multichoice",
             "essay": "essay"}  # fmt: skip
    assert [g["name"] for g in questions] == [q.id for q in everywhere.questions if q.type in kinds]
    for g in questions:
        q = qs[g["name"]]
        assert g["qtype"] == kinds[q.type], q.id
        assert g["format"] == "html"
        text = _html(g["questiontext"])
        if q.type == "cloze":
            assert text == cloze_text(q.prompt)
        else:
            assert text == q.prompt
        fb = _html(g["generalfeedback"])
        if q.type == "essay":
            assert fb == q.answer
        else:
            assert fb == q.explanation
        if q.type == "mcq":
            assert g["single"]
            assert [(_html(a), w) for a, w in g["answers"]] == [
                (c, 1.0 if i in q.correct else 0.0) for i, c in enumerate(q.choices)
            ]
        if q.type == "multi_select":
            assert not g["single"]
            assert [_html(a) for a, _ in g["answers"]] == q.choices
            assert round(sum(w for _, w in g["answers"] if w > 0), 2) == 1.0
            assert all((w > 0) == (i in q.correct) for i, (_, w) in enumerate(g["answers"]))
        if q.type == "true_false":
            assert g["correct"] == (q.answer == "True")
        if q.type in ("short_answer", "cloze"):
            ((pattern, w),) = g["answers"]
            expected = q.answer
            assert w == 1.0 and shortanswer_matches(expected, pattern)
            assert not shortanswer_matches(expected + " and more", pattern)  # no stray wildcard
        if q.type == "matching":
            assert [(_html(a), b) for a, b in g["pairs"]] == [tuple(p) for p in q.pairs]


def test_gift_missing_word_at_the_end_and_reports_what_it_cannot_hold(tmp_path):
    qs = make_qset()
    cl = next(q for q in qs.questions if q.type == "cloze")
    cl.prompt = "The money went to the {{c1::repairs}}"
    two = Question(id="q-cl2", type="cloze", prompt="{{c1::Alice}} met {{c2::Bob}}.", answer="x")
    arrow = Question(id="q-sa2", type="short_answer", prompt="Which way?", answer="left -> right")
    qs.questions += [two, arrow]
    (path,), exp = export("gift", qs, tmp_path)
    assert exp.skipped == ["q-cl2", "q-sa2"]
    assert exp.skip_reasons == {
        "q-cl2": "GIFT's missing-word format holds exactly one blank",
        "q-sa2": "GIFT cannot hold '->' in a short answer",
    }
    parsed = {g.get("name"): g for g in gift_parse(path.read_text(encoding="utf-8"))}
    assert parsed["q-cl1"]["questiontext"] == "The money went to the _____"
    assert parsed["q-cl1"]["answers"] == [("repairs", 1.0)]


def test_gift_keeps_wildcards_and_brackets_literal(tmp_path):
    qs = make_qset()
    sa = next(q for q in qs.questions if q.type == "short_answer")
    sa.answer = "5 * 3 = 15 % [plain] \\* #"
    mcq = next(q for q in qs.questions if q.type == "mcq")
    mcq.choices[1] = "%50% off"
    mcq.choices[2] = "[plain]text"
    mcq.prompt = "[html]Who? line one\nline two"
    (path,), _ = export("gift", qs, tmp_path)
    parsed = {g.get("name"): g for g in gift_parse(path.read_text(encoding="utf-8"))}
    ((pattern, _),) = parsed["q-sa1"]["answers"]
    assert shortanswer_matches(sa.answer, pattern)
    assert not shortanswer_matches("5 x 3 = 15 % [plain] * #", pattern)
    g = parsed["q-mcq1"]
    assert _html(g["questiontext"]) == mcq.prompt
    assert [(_html(a), w) for a, w in g["answers"]] == [
        ("Alice Smith", 1.0), ("%50% off", 0.0), ("[plain]text", 0.0), ("Dan Brown", 0.0)
    ]  # fmt: skip


# --- Moodle XML and QTI through lxml ---------------------------------------------------------


def html_text_of(fragment: str) -> str:
    """The text a browser shows for an HTML fragment; fails if it holds an element we did not
    write (a <script> from the article would be one)."""
    from lxml import html as lhtml

    root = lhtml.fragment_fromstring(f"<div>{fragment}</div>")
    assert {el.tag for el in root.iter()} <= {"div", "br"}, fragment
    return root.text_content()


def test_moodle_xml_structure_and_fractions(everywhere, tmp_path):
    from lxml import etree

    (path,), exp = export("moodle", everywhere, tmp_path)
    assert exp.skipped == []
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot()
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert (
        questions[0].findtext("category/text")
        == f"quizgen/{everywhere.display_title.replace('/', '//')}"
    )
    kinds = {"mcq": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer",
             "cloze": "cloze", "matching": "matching", "multi_select": "multichoice",
             "essay": "essay"}  # fmt: skip
    qs = by_id(everywhere)
    seen = []
    for el in questions[1:]:
        q = qs[el.findtext("name/text")]
        seen.append(q.id)
        assert el.get("type") == kinds[q.type]
        assert el.find("questiontext").get("format") == "html"
        text = el.findtext("questiontext/text")
        fracs = [float(a.get("fraction")) for a in el.findall("answer")]
        if q.type != "cloze":
            assert html_text_of(text) == q.prompt
        if q.type == "mcq":
            assert el.findtext("single") == "true"
            assert fracs.count(100) == 1 and fracs.count(0) == len(fracs) - 1
            assert [html_text_of(a.findtext("text")) for a in el.findall("answer")] == q.choices
            assert fracs[q.correct[0]] == 100
        if q.type == "multi_select":
            assert el.findtext("single") == "false"
            assert round(sum(f for f in fracs if f > 0), 2) == 100
            assert [f > 0 for f in fracs] == [i in q.correct for i in range(len(q.choices))]
        if q.type == "true_false":
            answers = {a.findtext("text"): float(a.get("fraction")) for a in el.findall("answer")}
            assert answers == (
                {"true": 100, "false": 0} if q.answer == "True" else {"true": 0, "false": 100}
            )
        if q.type == "short_answer":
            (a,) = el.findall("answer")
            assert float(a.get("fraction")) == 100
            assert shortanswer_matches(q.answer, a.findtext("text"))
        if q.type == "matching":
            subs = [
                (html_text_of(s.findtext("text")), s.findtext("answer/text"))
                for s in el.findall("subquestion")
            ]
            assert subs == [tuple(p) for p in q.pairs]
        if q.type == "essay":
            assert html_text_of(el.findtext("graderinfo/text")) == q.answer
        if q.type == "cloze":
            (field,) = [html.unescape(f) for f in re.findall(r"\{1:SHORTANSWER:=([^}]*)\}", text)]
            assert shortanswer_matches(q.answer, field)
            assert not shortanswer_matches(q.answer + "x", field)
            outside = re.sub(r"\{1:SHORTANSWER:=[^}]*\}", "_____", text)
            assert "{" not in html_text_of(outside).replace(HOSTILE, "")
            assert html_text_of(outside) == cloze_text(q.prompt)
    assert seen == [q.id for q in everywhere.questions if q.type in kinds]


def test_moodle_cloze_answer_survives_multianswer_parsing(tmp_path):
    """Moodle finds a cloze field's answer with ANSWER_ALTERNATIVE_ANSWER_REGEX (an answer ends
    at an unescaped ~ # or }), then html_entity_decode()s it."""
    from lxml import etree

    qs = make_qset()
    cl = next(q for q in qs.questions if q.type == "cloze")
    cl.prompt = "Type {{c1::a~b#c}d\\e*f}} and {{c2::<x> & y}} here {1:SA:=no}."
    (path,), _ = export("moodle", qs, tmp_path)
    root = etree.parse(str(path)).getroot()
    text = next(e for e in root.iter("question") if e.get("type") == "cloze").findtext(
        "questiontext/text"
    )
    field = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW):=(.+?(?<!\\|&)(?<!&amp;))(?=[~#}])\}")
    found = [
        html.unescape(m.group(3)).replace("\\}", "}").replace("\\#", "#")
        for m in field.finditer(text)
    ]
    assert found == ["a~b#c}d\\e\\*f", "<x> & y"]  # \* keeps the star literal for shortanswer
    assert shortanswer_matches("a~b#c}d\\e*f", found[0])


def qti_package(path):
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        infos = zf.infolist()
        manifest = etree.fromstring(zf.read("imsmanifest.xml"))
        ns = {"cp": qti.NS_CP, "q": qti.NS_QTI}
        hrefs = [f.get("href") for f in manifest.iterfind(".//cp:resource/cp:file", ns)]
        docs = {h: etree.fromstring(zf.read(h)) for h in hrefs}
    return names, infos, manifest, docs, ns


def test_qti_package_is_what_canvas_imports(everywhere, tmp_path):
    (path,), exp = export("qti", everywhere, tmp_path)
    assert exp.skipped == []
    names, infos, manifest, docs, ns = qti_package(path)
    assert names[0] == "imsmanifest.xml" and set(docs) <= set(names) and len(docs) == 2
    assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}
    res = manifest.find(".//cp:resource[@type='imsqti_xmlv1p2']", ns)
    dep = res.find("cp:dependency", ns).get("identifierref")
    assert manifest.find(f".//cp:resource[@identifier='{dep}']", ns) is not None
    assessment = docs[res.find("cp:file", ns).get("href")]
    assert assessment.tag == f"{{{qti.NS_QTI}}}questestinterop"
    qs = by_id(everywhere)
    kinds = {"mcq": "multiple_choice_question", "true_false": "true_false_question",
             "short_answer": "short_answer_question", "cloze": "fill_in_multiple_blanks_question",
             "matching": "matching_question", "multi_select": "multiple_answers_question",
             "essay": "essay_question"}  # fmt: skip
    items = assessment.findall(".//q:item", ns)
    assert [i.get("title") for i in items] == [
        q.id for q in everywhere.questions if q.type in kinds
    ]
    for item in items:
        q = qs[item.get("title")]
        meta = {
            f.findtext("q:fieldlabel", namespaces=ns): f.findtext("q:fieldentry", namespaces=ns)
            for f in item.iterfind(".//q:qtimetadatafield", ns)
        }
        assert meta["question_type"] == kinds[q.type]
        prompt = item.findtext("q:presentation/q:material/q:mattext", namespaces=ns)
        if q.type == "cloze":
            assert html_text_of(prompt) == cloze_text(q.prompt).replace("_____", "[blank_1]")
        else:
            assert html_text_of(prompt) == q.prompt
        labels = {
            lab.get("ident"): lab.findtext(".//q:mattext", namespaces=ns)
            for lab in item.iterfind(".//q:response_label", ns)
        }
        scoring = [
            c for c in item.iterfind(".//q:respcondition", ns) if c.find("q:setvar", ns) is not None
        ]
        if q.type in ("mcq", "true_false"):
            (cond,) = scoring
            assert cond.findtext("q:setvar", namespaces=ns) == "100"
            right = labels[cond.findtext(".//q:varequal", namespaces=ns)]
            assert html_text_of(right) == (q.choices[q.correct[0]] if q.type == "mcq" else q.answer)
        if q.type == "multi_select":
            (cond,) = scoring
            wanted = {
                html_text_of(labels[v.text])
                for v in cond.iterfind("q:conditionvar/q:and/q:varequal", ns)
            }
            unwanted = {
                html_text_of(labels[v.text]) for v in cond.iterfind(".//q:not/q:varequal", ns)
            }
            assert wanted == {q.choices[i] for i in q.correct}
            assert wanted | unwanted == set(q.choices) and not wanted & unwanted
        if q.type == "short_answer":
            (cond,) = scoring
            assert cond.findtext(".//q:varequal", namespaces=ns) == q.answer
        if q.type in ("matching", "cloze"):
            total = sum(float(c.findtext("q:setvar", namespaces=ns)) for c in scoring)
            assert abs(total - 100) < 0.05
            for c in scoring:
                assert c.find("q:setvar", ns).get("action") == "Add"
        if q.type == "matching":
            got = []
            for lid in item.iterfind(".//q:response_lid", ns):
                cond = next(
                    c
                    for c in scoring
                    if c.find(".//q:varequal", ns).get("respident") == lid.get("ident")
                )
                got.append((lid.findtext("q:material/q:mattext", namespaces=ns),
                            labels[cond.findtext(".//q:varequal", namespaces=ns)]))  # fmt: skip
            assert got == [tuple(p) for p in q.pairs]
        if q.type == "cloze":
            (lid,) = item.findall(".//q:response_lid", ns)
            assert lid.get("ident") == "response_blank_1"
            assert list(labels.values()) == [q.answer]
    meta_doc = next(d for h, d in docs.items() if h.endswith("assessment_meta.xml"))
    assert meta_doc.findtext(f"{{{qti.NS_CANVAS}}}title") == everywhere.display_title


# --- Kahoot through openpyxl ----------------------------------------------------------------


def test_kahoot_sheet_is_within_kahoots_limits(hostile_qset, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    qs = make_qset()
    long = next(q for q in qs.questions if q.type == "mcq")
    long_copy = Question(**{**long.__dict__, "id": "q-long", "prompt": "Why? " + "x" * 130})
    wide = Question(**{**long.__dict__, "id": "q-wide", "choices": long.choices + ["Eve"]})
    odd = Question(**{**long.__dict__, "id": "q-formula", "prompt": '=HYPERLINK("x")'})
    qs.questions += [long_copy, wide, odd]
    (path,), exp = export("kahoot", qs, tmp_path)
    assert exp.skipped == ["q-long", "q-wide"]
    assert exp.skip_reasons == {
        "q-long": "its question is 135 characters (Kahoot allows 120)",
        "q-wide": "it has 5 answers (Kahoot allows 4)",
    }
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.cell(8, 2).value.startswith("Question - max 120")
    rows = [r for r in ws.iter_rows(min_row=9, max_col=8) if r[1].value is not None]
    kept = [q for q in qs.questions if q.type in ("mcq", "true_false") and q.id not in exp.skipped]
    assert len(rows) == len(kept)
    for n, (row, q) in enumerate(zip(rows, kept, strict=True), 1):
        num, question, *answers, limit, right = (c.value for c in row)
        assert num == n and question == q.prompt
        assert len(question) <= 120
        answers = [a for a in answers if a is not None]
        assert 2 <= len(answers) <= 4 and all(len(a) <= 75 for a in answers)
        assert limit in (5, 10, 20, 30, 60, 90, 120, 240)
        assert answers[right - 1] == (q.choices[q.correct[0]] if q.type == "mcq" else q.answer)
        assert all(c.data_type != "f" for c in row)
    assert rows[-1][1].value == '=HYPERLINK("x")' and rows[-1][1].data_type == "s"
    # The hostile set: what fits goes in literally, what does not is reported.
    (path,), exp = export("kahoot", hostile_qset, tmp_path / "hostile")
    ws = openpyxl.load_workbook(path).worksheets[0]
    texts = [ws.cell(r, 2).value for r in range(9, ws.max_row + 1)]
    fitting = [
        q
        for q in hostile_qset.questions
        if q.type in ("mcq", "true_false") and len(q.prompt) <= 120
    ]
    assert texts == [q.prompt for q in fitting] and all(HOSTILE in t for t in texts)
    assert set(exp.skipped) == {
        q.id for q in hostile_qset.questions if q.type in ("mcq", "true_false") and q not in fitting
    }


# --- Blooket, Blackboard, Quizlet -----------------------------------------------------------


def test_blooket_template(everywhere, tmp_path):
    (path,), exp = export("blooket", everywhere, tmp_path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0][0].startswith("Blooket") and rows[1][:2] == ["Question #", "Question Text"]
    kept = [q for q in everywhere.questions if q.type in ("mcq", "true_false", "multi_select")]
    assert exp.skipped == []
    for n, (row, q) in enumerate(zip(rows[2:], kept, strict=True), 1):
        assert len(row) == 8 and row[0] == str(n) and row[1] == q.prompt
        assert 0 < int(row[6]) <= 300
        picked = [row[1 + int(k)] for k in row[7].split(",")]
        options = q.choices if q.type != "true_false" else ["True", "False"]
        assert picked == [options[i] for i in sorted(q.correct)]


def test_blackboard_upload_lines(everywhere, tmp_path):
    (path,), exp = export("blackboard", everywhere, tmp_path)
    assert exp.skipped == []
    raw = path.read_bytes().decode("utf-8")
    assert raw.endswith("\r\n")
    lines = [line.split("\t") for line in raw.split("\r\n")[:-1]]
    codes = {"mcq": "MC", "true_false": "TF", "short_answer": "SR", "cloze": "FIB",
             "matching": "MAT", "ordering": "ORD", "multi_select": "MA", "essay": "ESS"}  # fmt: skip
    for fields, q in zip(lines, everywhere.questions, strict=True):
        assert fields[0] == codes[q.type]
        assert html_text_of(fields[1]) == shown(q)
        if q.type in ("mcq", "multi_select"):
            assert [html_text_of(f) for f in fields[2::2]] == q.choices
            assert fields[3::2] == [
                "correct" if i in q.correct else "incorrect" for i in range(len(q.choices))
            ]
        if q.type == "true_false":
            assert fields[2] == q.answer.lower()
        if q.type == "ordering":
            assert [html_text_of(f) for f in fields[2:]] == [q.choices[i] for i in q.correct]
        if q.type == "matching":
            assert [html_text_of(f) for f in fields[2:]] == [x for p in q.pairs for x in p]
        if q.type == "cloze":
            assert fields[2:] == [q.answer]


def test_blackboard_several_blanks(tmp_path):
    qs = make_qset()
    cl = next(q for q in qs.questions if q.type == "cloze")
    cl.prompt = "{{c1::Alice}} [sic] met {{c2::Bob}}."
    (path,), _ = export("blackboard", qs, tmp_path)
    line = next(x for x in path.read_text().splitlines() if x.startswith("FIB_PLUS"))
    assert line.split("\t") == [
        "FIB_PLUS",
        "[blank1] &#91;sic&#93; met [blank2].",
        "blank1",
        "Alice",
        "",
        "blank2",
        "Bob",
    ]


def test_quizlet_cards(everywhere, tmp_path):
    (path,), exp = export("quizlet", everywhere, tmp_path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    cards = [line.split("\t") for line in lines[:-1]]
    kept = [q for q in everywhere.questions if q.type in quizlet.QuizletExporter.types]
    assert all(len(c) == 2 for c in cards) and len(cards) == len(kept)
    for (term, definition), q in zip(cards, kept, strict=True):
        assert term == shown(q) and definition
    assert dict(cards)[shown(kept[0])] == kept[0].choices[0]


# --- text2qti converts our Markdown ---------------------------------------------------------


def test_text2qti_converts_our_markdown(everywhere, tmp_path):
    from lxml import etree

    work = tmp_path / "out"
    (path,), exp = export("markdown", everywhere, work)
    assert exp.skipped == []
    # Run where quizgen wrote it, beside quizgen's own QTI export, which must survive.
    (ours,), _ = export("qti", everywhere, work)
    before = ours.read_bytes()
    source = path
    cli = Path(sys.executable).with_name("text2qti")
    if not cli.exists():
        pytest.skip("the text2qti command is not installed beside this Python")
    # HOME points at tmp_path: text2qti writes its config file there on first run.
    env = {"HOME": str(tmp_path), "PATH": str(cli.parent), "LANG": "C.UTF-8"}
    done = subprocess.run(
        [str(cli), str(source)], cwd=work, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    zpath = work / "bridge-news.text2qti.zip"
    assert zpath.exists()
    assert ours.read_bytes() == before
    with zipfile.ZipFile(zpath) as zf:
        xml = next(
            n
            for n in zf.namelist()
            if n.endswith(".xml") and "assessment_meta" not in n and n != "imsmanifest.xml"
        )
        root = etree.fromstring(zf.read(xml))
    ns = {"q": qti.NS_QTI}
    kinds = {"mcq": "multiple_choice_question", "true_false": "true_false_question",
             "short_answer": "short_answer_question", "cloze": "short_answer_question",
             "multi_select": "multiple_answers_question", "essay": "essay_question"}  # fmt: skip
    kept = [q for q in everywhere.questions if q.type in kinds]
    items = root.findall(".//q:item", ns)
    assert [i.get("title") for i in items] == [q.id for q in kept]
    for item, q in zip(items, kept, strict=True):
        label = item.find(".//q:qtimetadatafield[q:fieldlabel='question_type']", ns)
        assert label.findtext("q:fieldentry", namespaces=ns) == kinds[q.type]
        prompt = item.findtext("q:presentation/q:material/q:mattext", namespaces=ns)
        inner = re.fullmatch(r"<p>(.*)</p>", prompt, re.DOTALL).group(1)
        assert html_text_of(inner) == shown(q), q.id
        if q.type in ("mcq", "multi_select"):
            options = [html_text_of(m.text.removeprefix("<p>").removesuffix("</p>"))
                       for m in item.iterfind(".//q:response_label//q:mattext", ns)]  # fmt: skip
            assert options == q.choices
        if q.type in ("short_answer", "cloze"):
            answers = [v.text for v in item.iterfind(".//q:varequal", ns)]
            assert answers == [one_line(q.answer)]


def test_markdown_escapes_what_markdown_and_smartypants_change():
    text = "A -- b --- c... \"q\" 'a' 1. *x* _y_ `z` [l](u) <b>&amp; $x$ \\num{5} ~~~ # h"
    escaped = markdown.md(text)
    from text2qti.config import Config
    from text2qti.markdown import Markdown

    rendered = Markdown(Config()).md_to_html(escaped, strip_p_tags=True)
    assert html_text_of(rendered) == text
    assert html_text_of(Markdown(Config()).md_to_html(markdown.md("1. list"), True)) == "1. list"
    assert html_text_of(Markdown(Config()).md_to_html(markdown.md("- item"), True)) == "- item"
