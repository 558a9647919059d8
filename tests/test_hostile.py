"""The hostile corpus in tests/hostile/: each article is built with every format, and each output
is opened by the program that consumes it (or a reader written to its rules). The payloads must
stay inert: shown as text, never run, fetched, played or expanded.

The articles are English prose that carries its payloads inside sentences, so that questions
are really made from them; a test checks that they are.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from quizgen import registry
from quizgen.cli import cli

CORPUS = Path(__file__).with_name("hostile")
ARTICLES = sorted(p.name for p in CORPUS.iterdir() if p.name != "nul.txt")
FORMATS = [p.name for p in registry.plugins("exporters")]

# Pieces of the payloads. Where a question carries one, every reader that shows text to a
# person must show it as it is.
MARKERS = (
    "<script>",
    "onerror",
    "javascript:",
    "#import",
    '#read("/etc/',
    "=HYPERLINK(",
    "-2+3",
    "@SUM(",
    "+cmd|",
    "[sound:",
    "[latex]",
    "{{Front}}",
    "{1:MULTICHOICE:",
    "~",
    "*bold*",
    "`raw`",
    "&xxe;",
    "&lol9;",
    "\\(y^2\\)",
)
# What would make a page run code or fetch something if an article smuggled it in.
ACTIVE_TAGS = {
    "script", "iframe", "frame", "object", "embed", "img", "svg", "math", "form", "input",
    "button", "a", "link", "base", "video", "audio", "source", "applet",
}  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Bidi controls, and right-to-left letters and marks: a PDF gives text back in the order it is
# drawn, and neutral characters beside a right-to-left one may move ("<:\u05b0script>").
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200f\u061c\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
SECRET = "root:x:0:0"  # the first line of /etc/passwd, should anything have read it


# --- building ----------------------------------------------------------------------------------


@dataclass
class Build:
    name: str
    out: Path
    output: str
    bank: dict

    def file(self, suffix: str) -> Path | None:
        path = self.out / f"{self.bank['article']['slug']}{suffix}"
        return path if path.exists() else None

    def texts(self, types=None, explanation: bool = True) -> list[str]:
        """Every text a student or teacher reads in the questions (of the given types)."""
        out = []
        for q in self.bank["questions"]:
            if types is None or q["type"] in types:
                out += [q["prompt"], q["answer"], *q["choices"]]
                out += [s for pair in q.get("pairs") or [] for s in pair]
                out += [q["explanation"]] if explanation else []
        return out

    def markers(self, types=None, explanation: bool = True, visual: bool = False) -> list[str]:
        """The markers the questions carry. ``visual``: only from texts without bidi controls,
        for a format whose text comes back in the order it is drawn (a PDF draws the text
        after a right-to-left override reversed, as a reader sees it)."""
        texts = self.texts(types, explanation)
        joined = "\n".join(t for t in texts if not (visual and BIDI.search(t)))
        return [m for m in MARKERS if m in joined]


def run_build(name: str, out: Path) -> Build:
    """`quizgen build ARTICLE -f <every format>`, as a user runs it."""
    args = ["build", str(CORPUS / name), "-o", str(out)]
    result = CliRunner().invoke(cli, [*args, *[a for f in FORMATS for a in ("-f", f)]])
    assert result.exit_code == 0, result.output
    bank = json.loads(next(out.glob("*.json")).read_text("utf-8"))
    return Build(name, out, result.output, bank)


@pytest.fixture(scope="module")
def build_of(tmp_path_factory):
    done: dict[str, Build] = {}

    def get(name: str) -> Build:
        if name not in done:
            done[name] = run_build(name, tmp_path_factory.mktemp(name.replace(".", "-")))
        return done[name]

    return get


@pytest.fixture(scope="module", params=ARTICLES)
def built(request, build_of) -> Build:
    return build_of(request.param)


# --- reading HTML --------------------------------------------------------------------------------


class Markup(HTMLParser):
    """Every element and attribute of an HTML page or fragment, and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.chunks: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]
        self.skip += tag in ("style", "script")
        self.chunks.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.skip -= tag in ("style", "script")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script") and self.skip > 0
        self.chunks.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).replace("\u2060", "").split())


def inert_html(source: str, where: str) -> Markup:
    """Parse HTML as a browser would and fail if anything in it could run or fetch."""
    page = Markup()
    page.feed(source)
    page.close()
    assert not set(page.tags) & ACTIVE_TAGS, (where, sorted(set(page.tags) & ACTIVE_TAGS))
    for key, value in page.attrs:
        assert not key.startswith("on"), (where, key, value)
        squashed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
        assert "javascript:" not in squashed, (where, key, value)
        assert not (key == "http-equiv" and squashed == "refresh"), where
    return page


def squash(text: str) -> str:
    """Text without whitespace: PDF text extraction puts spaces where the layout suggests,
    and gives back the invisible word joiner and soft hyphen where it likes."""
    return "".join(text.split()).replace("\u2060", "").replace("\xad", "")


# --- the corpus is really used -------------------------------------------------------------------


def test_every_format_is_checked_here():
    """A new exporter needs a consumer check in this file before the corpus can pass."""
    assert set(FORMATS) <= set(CHECKED), sorted(set(FORMATS) - set(CHECKED))


def test_payloads_reach_the_questions(built):
    found = built.markers()
    print(f"\n{built.name}: {len(built.bank['questions'])} questions carry {found}")
    assert found, f"no question of {built.name} carries a payload, so nothing is tested"


def test_nothing_was_read_fetched_or_expanded(built):
    """No output holds /etc/passwd or an expanded entity; zips are searched inside."""
    for path in built.out.iterdir():
        blobs = [path.read_bytes()]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                blobs += [zf.read(n) for n in zf.namelist()]
        for blob in blobs:
            assert SECRET.encode() not in blob, path
            assert b"lollollol" not in blob, path
        assert path.stat().st_size < 2_000_000, path


def test_no_temporary_files_left(built):
    assert not [p for p in built.out.iterdir() if p.name.endswith(".part")]


# --- each format in its consumer -----------------------------------------------------------------


def check_anki_package(b: Build, tmp_path: Path) -> None:
    from anki.collection import Collection
    from test_export_anki import expected, import_apkg

    from quizgen.model import QuestionSet

    (tmp_path / "apkg").mkdir()
    col = Collection(str(tmp_path / "apkg" / "collection.anki2"))
    try:
        import_apkg(col, b.file(".apkg"))
        assert (col.note_count(), col.card_count()) == expected(QuestionSet.from_dict(b.bank))
        shown = shown_cards(col, "anki card")
    finally:
        col.close()
    for marker in b.markers():
        assert marker in shown, marker


def shown_cards(col, label: str) -> str:
    """The text of every card as Anki renders it, each side checked to be inert HTML that
    plays no sound and asks for no media (no [sound:], no LaTeX image)."""
    from test_export_anki import cards

    seen = []
    for card in cards(col):
        out = card.render_output()
        for side in (out.question_text, out.answer_text):
            seen.append(inert_html(side, f"{label} {card.id}").text)
        assert not out.question_av_tags and not out.answer_av_tags  # no [sound:] played
    assert not col.media.check().missing  # no LaTeX image, no sound file asked for
    return "\n".join(seen)


def check_anki_text(b: Build, tmp_path: Path) -> None:
    from anki.collection import Collection
    from test_export_anki import import_txt

    path = b.file("-anki.txt")
    rows = [r for r in csv.reader(io.StringIO(path.read_text("utf-8")), delimiter="\t")]
    cells = [c for r in rows if r and not r[0].startswith("#") for c in r]
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []
    (tmp_path / "txt").mkdir()
    col = Collection(str(tmp_path / "txt" / "collection.anki2"))
    try:
        import_txt(col, path)
        assert col.note_count() == len(cells) // 5
        shown = shown_cards(col, "anki text card")
    finally:
        col.close()
    for marker in b.markers():
        assert marker in shown, marker


def check_html(b: Build, tmp_path: Path) -> None:
    shown = ""
    for kind in ("-worksheet.html", "-answer-key.html"):
        shown += inert_html(b.file(kind).read_text("utf-8"), kind).text
    for marker in b.markers(explanation=False):
        assert marker in shown, marker


def check_pdf(b: Build, tmp_path: Path) -> None:
    from pypdf import PdfReader

    shown = ""
    for kind in ("-worksheet.pdf", "-answer-key.pdf"):
        text = "\n".join(page.extract_text() for page in PdfReader(b.file(kind)).pages)
        assert "root:" not in text  # Typst's #read never ran
        shown += squash(text)
    # Typst markup in the article shows as the characters typed, never as code or formatting.
    for marker in b.markers(explanation=False, visual=True):
        assert squash(marker) in shown, marker


def check_docx(b: Build, tmp_path: Path) -> None:
    import docx
    from lxml import etree
    from test_export_worksheet import docx_paragraphs

    shown = ""
    for kind in ("-worksheet.docx", "-answer-key.docx"):
        path = b.file(kind)
        doc = docx.Document(str(path))
        assert not [r for r in doc.part.rels.values() if r.is_external], kind  # nothing fetched
        body = etree.tostring(doc.element)
        instr = re.findall(rb'w:instr="([^"]*)"', body) + re.findall(
            rb"<w:instrText[^>]*>([^<]*)<", body
        )
        assert {i.strip() for i in instr} <= {b"PAGE", b"NUMPAGES"}, instr  # only page numbers
        shown += "\n".join(docx_paragraphs(path))
    for marker in b.markers(explanation=False):
        assert marker in shown, marker


def check_csv_like(b: Build, tmp_path: Path) -> None:
    from test_export_banks import csv_cells

    for name, suffix in (
        ("csv", ".csv"),
        ("blooket", ".blooket.csv"),
        ("blackboard", ".blackboard.txt"),
        ("quizlet", ".quizlet.txt"),
    ):
        path = b.file(suffix)
        if path is None:  # nothing of a type it carries
            continue
        cells = csv_cells(name, path)
        assert [c for c in cells if c.startswith(FORMULA_STARTS)] == [], name


def check_xlsx(b: Build, tmp_path: Path) -> None:
    import openpyxl

    path = b.file(".kahoot.xlsx")
    if path is None:  # no question within Kahoot's limits
        return
    for sheet in openpyxl.load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for c in row:
                # Text that starts with "=" is fine in a cell typed as text; a formula is not.
                assert c.data_type != "f", (c.coordinate, c.value)


def _xml(data: bytes):
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False
    )
    root = etree.fromstring(data, parser)
    assert root.getroottree().docinfo.internalDTD is None  # no entity declarations at all
    assert not [e for e in root.iter() if isinstance(e, etree._Entity)]
    return root


def check_moodle(b: Build, tmp_path: Path) -> None:
    if b.file(".moodle.xml") is None:  # nothing of a type it carries
        return
    root = _xml(b.file(".moodle.xml").read_bytes())
    fields = root.xpath("//*[@format='html']/text")
    assert fields
    for f in fields:
        inert_html(f.text or "", "moodle")


def check_qti(b: Build, tmp_path: Path) -> None:
    if b.file(".qti.zip") is None:
        return
    with zipfile.ZipFile(b.file(".qti.zip")) as zf:
        docs = [_xml(zf.read(n)) for n in zf.namelist() if n.endswith(".xml")]
    html_fields = [
        m for d in docs for m in d.iter("{*}mattext") if m.get("texttype") == "text/html"
    ]
    assert html_fields
    for m in html_fields:
        inert_html(m.text or "", "qti")


def check_gift(b: Build, tmp_path: Path) -> None:
    from test_export_banks import gift_parse

    from quizgen.exporters.textsafe import html_plain

    if b.file(".gift.txt") is None:
        return
    parsed = [q for q in gift_parse(b.file(".gift.txt").read_text("utf-8"))]
    questions = [q for q in parsed if q["qtype"] != "category"]
    ids = {q["id"] for q in b.bank["questions"]}
    assert questions and {q["name"] for q in questions} <= ids
    for q in questions:
        inert_html(q["questiontext"], "gift")
        assert html_plain(q["questiontext"]).strip()


def check_banks(b: Build, tmp_path: Path) -> None:
    from quizgen.exporters.jsonbank import load_bank

    assert load_bank(b.file(".json")).to_dict() == load_bank(b.file(".yaml")).to_dict()
    data = yaml.safe_load(b.file(".yaml").read_text("utf-8"))
    assert data["questions"] == b.bank["questions"]  # every payload kept as a plain string


def check_text2qti(b: Build, tmp_path: Path) -> None:
    """The Markdown is for text2qti, which turns it into the HTML of a QTI package."""
    md = [p for p in b.out.iterdir() if p.name.endswith(".md")]
    if not md:
        return
    tool = Path(sys.executable).with_name("text2qti")
    if not tool.exists():
        pytest.skip("the text2qti command is not installed beside this Python")
    work = tmp_path / "t2q"
    work.mkdir()
    (work / "quiz.md").write_bytes(md[0].read_bytes())
    env = {"HOME": str(tmp_path), "PATH": str(tool.parent), "LANG": "C.UTF-8"}
    done = subprocess.run([str(tool), "quiz.md"], cwd=work, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(work / "quiz.zip") as zf:
        docs = [_xml(zf.read(n)) for n in zf.namelist() if n.endswith(".xml")]
    for d in docs:
        for m in d.iter("{*}mattext"):
            inert_html(m.text or "", "text2qti")


CHECKED = {
    "anki": check_anki_package,
    "anki-csv": check_anki_text,
    "html": check_html,
    "pdf": check_pdf,
    "docx": check_docx,
    "csv": check_csv_like,
    "blooket": check_csv_like,
    "blackboard": check_csv_like,
    "quizlet": check_csv_like,
    "kahoot": check_xlsx,
    "moodle": check_moodle,
    "qti": check_qti,
    "gift": check_gift,
    "json": check_banks,
    "yaml": check_banks,
    "markdown": check_text2qti,
}


@pytest.mark.parametrize("fmt", sorted(CHECKED))
def test_output_is_inert_in_its_consumer(built, fmt, tmp_path):
    CHECKED[fmt](built, tmp_path)


# One file each format writes: every check below must have run on something.
WRITES = {
    "anki": ".apkg", "anki-csv": "-anki.txt", "html": "-worksheet.html", "pdf": "-worksheet.pdf",
    "docx": "-worksheet.docx", "csv": ".csv", "blooket": ".blooket.csv",
    "blackboard": ".blackboard.txt", "quizlet": ".quizlet.txt", "kahoot": ".kahoot.xlsx",
    "moodle": ".moodle.xml", "qti": ".qti.zip", "gift": ".gift.txt", "json": ".json",
    "yaml": ".yaml",
}  # fmt: skip


@pytest.mark.parametrize("fmt", sorted(CHECKED))
def test_each_format_wrote_a_file_for_some_article(fmt, build_of):
    if fmt == "markdown":  # its suffix is the exporter's to choose
        assert any(list(build_of(name).out.glob("*.md")) for name in ARTICLES)
    else:
        assert any(build_of(name).file(WRITES[fmt]) for name in ARTICLES), fmt


# --- items that must be refused, or that need a closer look -------------------------------------


def test_nul_bytes_are_refused_as_binary(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(CORPUS / "nul.txt"), "-o", str(out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "binary" in lines[0]
    assert not out.exists() or not os.listdir(out)


def test_entity_bomb_is_text_not_entities(build_of):
    b = build_of("xml-bomb.html")
    text = b.bank["article"]["text"]
    assert "&lol9;" in text and "&xxe;" in text  # kept as the characters on the page
    assert "lol" not in text.replace("&lol9;", "")
    assert "ENTITY" not in text


def test_script_and_comment_in_the_page_never_reach_the_article(build_of):
    b = build_of("xss-page.html")
    text = b.bank["article"]["text"]
    for gone in ("document.location", 'alert("inline")', "secret editor", "Enable scripts"):
        assert gone not in text
    # What the page shows as text (escaped markup) is article text, and is asked about.
    assert '<script>alert("visitor")</script>' in text


def test_anki_cloze_markup_in_the_article_is_never_a_deletion():
    """Cloze prompts are Anki syntax, so a sentence with the article's own '{{c1::...}}'
    must never become a blank: it would be an extra deletion on the card."""
    from quizgen.templates.filters import cloze

    sentence = (CORPUS / "anki.txt").read_text("utf-8").split("\n\n")[3]
    assert "{{c1::mitochondria}}" in sentence
    assert cloze(sentence, "author") == ""


def test_anki_text_file_formula_guard_still_shows_the_text(qset, tmp_path):
    """A field that starts like a formula starts with a character reference instead; Anki
    shows the character itself."""
    from anki.collection import Collection
    from test_export_anki import cards, export_txt, import_txt

    qset.questions[0].prompt = "=1+1 is what the mayor typed"
    path = export_txt(qset, tmp_path / "out")
    first = path.read_text("utf-8").splitlines()[6].split("\t")[1]
    assert first.startswith("&#61;1+1")
    (tmp_path / "col").mkdir()
    col = Collection(str(tmp_path / "col" / "collection.anki2"))
    try:
        import_txt(col, path)
        fronts = [inert_html(c.question(), "anki").text for c in cards(col)]
    finally:
        col.close()
    assert any(f.startswith("=1+1 is what the mayor typed") for f in fronts), fronts
