"""The printable worksheets (pdf, html, docx), read back from the files they write.

Each format is read with a real reader (pypdf, html.parser, python-docx) and checked against
the question set itself, not against quizgen's own layout module, so a renderer that drops a
question, prints a letter the key does not use, or numbers the passage wrongly fails here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import HOSTILE, make_qset

from quizgen.errors import QuizgenError
from quizgen.exporters.docx import DocxExporter
from quizgen.exporters.html import HtmlExporter
from quizgen.exporters.pdf import PdfExporter, page_image
from quizgen.model import Article, Block, Evidence, Question, QuestionSet

EXPORTERS = {"pdf": PdfExporter, "html": HtmlExporter, "docx": DocxExporter}
FORMATS = list(EXPORTERS)


def export(fmt: str, qset: QuestionSet, out: Path, **options) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return EXPORTERS[fmt]().export(qset=qset, out_dir=out, options=options)


# -- readers: one per format, each returning plain text -------------------------------------


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.chunks: list[str] = []
        self.tags: list[str] = []
        self.lines: dict[int, str] = {}
        self._cls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "span":
            self._cls.append(dict(attrs).get("class") or "")

    def handle_endtag(self, tag):
        if tag == "span":
            self._cls.pop()

    def handle_data(self, data):
        self.chunks.append(data)
        if self._cls and self._cls[-1] == "lt":
            self.lines[len(self.lines) + 1] = data


def parse_html(path: Path) -> _Text:
    p = _Text()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


def pdf_pages(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def docx_paragraphs(path: Path) -> list[str]:
    import docx
    from docx.text.paragraph import Paragraph

    doc = docx.Document(str(path))
    # Body paragraphs and table-cell paragraphs, in reading order.
    return [Paragraph(p, doc).text for p in doc.element.body.iter(docx.oxml.ns.qn("w:p"))]


def raw_text(fmt: str, path: Path) -> str:
    if fmt == "pdf":
        return "\n".join(pdf_pages(path))
    if fmt == "html":
        return " ".join(parse_html(path).chunks)
    return "\n".join(docx_paragraphs(path))


def text(fmt: str, path: Path) -> str:
    return " ".join(raw_text(fmt, path).split())


def passage(fmt: str, path: Path) -> dict[int, str]:
    """Line number -> the words printed on that line of the reading passage."""
    if fmt == "html":
        return {n: " ".join(t.split()) for n, t in parse_html(path).lines.items()}
    if fmt == "docx":
        found = (re.match(r"^\t(\d+)\t(.*)$", p) for p in docx_paragraphs(path))
        return {int(m[1]): " ".join(m[2].split()) for m in found if m}
    lines: dict[int, str] = {}
    body = "\n".join(pdf_pages(path))
    body = body[body.index("Reading passage") : body.index("Part 1:")]
    for line in body.splitlines():
        m = re.match(r"^(\d+) (.*)$", line)
        if m and int(m[1]) == len(lines) + 1:
            lines[int(m[1])] = " ".join(m[2].split())
    return lines


def head(q: Question) -> str:
    """The start of a prompt as printed (a cloze prompt up to its first blank)."""
    return q.prompt.split("{{")[0].strip()[:28]


def prompt_pattern(q: Question) -> str:
    """A regex for the whole prompt as printed: a cloze deletion is a blank (rule, underscores
    or nothing as text), and a PDF line may break between words or after a hyphen."""
    words = []
    for w in re.sub(r"\{\{c\d+::.*?\}\}", " <BLANK> ", q.prompt).split():
        if w == "<BLANK>":
            words.append(r"[\s_]*")
        else:
            words.append(re.escape(w).replace(r"\-", r"\-\s?"))
    return r"\s*".join(words)


def regions(doc: str, qset: QuestionSet) -> dict[str, tuple[int, str]]:
    """For each question id: its number on the sheet and the text from there to the next one."""
    starts = []
    for q in qset.questions:
        found = list(re.finditer(rf"(?<!\S)(\d+)\. (?:_+ )?{prompt_pattern(q)}", doc))
        assert len(found) == 1, f"{q.id} printed {len(found)} times"
        starts.append((found[0].start(), int(found[0][1]), q.id))
    starts.sort()
    ends = [s[0] for s in starts[1:]] + [len(doc)]
    return {qid: (n, doc[pos:end]) for (pos, n, qid), end in zip(starts, ends, strict=True)}


def key_answers(doc: str, count: int) -> dict[int, str]:
    """Entry number -> the answer text up to its evidence quote."""
    out, pos = {}, 0
    for n in range(1, count + 1):
        m = re.compile(rf"(?:^| ){n}\. ").search(doc, pos)
        assert m, f"answer {n} missing from the key"
        pos = m.end()
        out[n] = doc[pos:].split("“")[0]
    return out


def letter(region: str, choice: str) -> str:
    m = re.search(rf"([A-H])\. {re.escape(choice)}(?=\s|$)", region)
    assert m, f"option {choice!r} not printed"
    return m[1]


def check_key(q: Question, region: str, answer: str) -> None:
    """The key's answer, in the letters this version printed, is the question's right answer."""
    if q.type in ("mcq", "multi_select"):
        want = sorted(letter(region, q.choices[i]) for i in q.correct)
        assert answer.startswith(", ".join(want) + " ("), (q.id, answer)
    elif q.type == "true_false":
        assert answer.startswith(q.answer), (q.id, answer)
    elif q.type == "matching":
        for left, right in q.pairs:
            k = re.search(rf"(\d)\. (?:_+ )?{re.escape(left)}", region)[1]
            assert f"{k}–{letter(region, right)}" in answer, (q.id, answer)
    elif q.type == "ordering":
        want = ", ".join(letter(region, q.choices[i]) for i in q.correct)
        assert answer.startswith(want), (q.id, answer)
    else:
        expected = re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", q.answer)
        assert expected[:20] in answer, (q.id, answer)


# -- every version, every question, each key its own ----------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_versions_hold_every_question_and_keys_match_their_letters(fmt, qset, tmp_path):
    paths = export(fmt, qset, tmp_path, versions=3, seed=7)
    names = sorted(p.name for p in paths)
    assert names == sorted(
        f"bridge-news-{kind}-{v}.{fmt}" for kind in ("worksheet", "answer-key") for v in "ABC"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # no temporary files left
    orders = []
    for v in "ABC":
        sheet = text(fmt, tmp_path / f"bridge-news-worksheet-{v}.{fmt}")
        key = text(fmt, tmp_path / f"bridge-news-answer-key-{v}.{fmt}")
        found = regions(sheet, qset)
        assert sorted(n for n, _ in found.values()) == list(range(1, len(qset.questions) + 1))
        answers = key_answers(key, len(qset.questions))
        for q in qset.questions:
            n, region = found[q.id]
            check_key(q, region, answers[n])
        assert "{{" not in sheet and "repairs" not in found["q-cl1"][1]  # nothing given away
        orders.append(
            [tuple(found[q.id][0] for q in qset.questions)]
            + [
                tuple(letter(found[q.id][1], c) for c in q.choices)
                for q in qset.questions
                if q.type in ("mcq", "multi_select", "ordering")
            ]
        )
    # Two true/false items have only two orders: each version differs from the one before.
    assert orders[0][0] != orders[1][0] != orders[2][0], "question order is not shuffled"
    for k in range(1, len(orders[0])):
        assert len({o[k] for o in orders}) == 3, "option order is not shuffled"


def test_formats_agree_on_a_version_key(qset, tmp_path):
    keys = []
    for fmt in FORMATS:
        export(fmt, qset, tmp_path / fmt, versions=2, seed=3)
        keys.append(key_answers(text(fmt, tmp_path / fmt / f"bridge-news-answer-key-B.{fmt}"), 9))
    norm = [{n: a.split(" (")[0].strip() for n, a in k.items()} for k in keys]
    assert norm[0] == norm[1] == norm[2]


def test_one_version_has_plain_names_and_the_delivered_order(qset, tmp_path):
    paths = export("pdf", qset, tmp_path)
    assert [p.name for p in paths] == ["bridge-news-worksheet.pdf", "bridge-news-answer-key.pdf"]
    sheet = text("pdf", paths[0])
    mcq = regions(sheet, qset)["q-mcq1"][1]
    assert [letter(mcq, c) for c in qset.questions[0].choices] == ["A", "B", "C", "D"]
    assert "Version" not in sheet


def test_same_input_and_seed_give_the_same_bytes(qset, tmp_path):
    for fmt in FORMATS:
        a = export(fmt, qset, tmp_path / "a", versions=2, seed=4, with_passage=True)
        b = export(fmt, qset, tmp_path / "b", versions=2, seed=4, with_passage=True)
        for pa, pb in zip(a, b, strict=True):
            assert pa.read_bytes() == pb.read_bytes(), pa.name
    import zipfile

    with zipfile.ZipFile(a[0].with_suffix(".docx")) as z:  # python-docx would stamp the time
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    c = export("pdf", qset, tmp_path / "c", versions=2, seed=5)
    d = export("pdf", qset, tmp_path / "d", versions=2, seed=6)
    assert c[2].read_bytes() != d[2].read_bytes()  # version B depends on the seed


# -- PDF specifics ---------------------------------------------------------------------------


def test_pdf_fonts_are_embedded(qset, tmp_path):
    import pypdf

    for path in export("pdf", qset, tmp_path, with_passage=True, points=True):
        fonts = 0
        for page in pypdf.PdfReader(path).pages:
            for ref in page["/Resources"]["/Font"].values():
                font = ref.get_object()
                desc = font.get("/FontDescriptor")
                if desc is None:  # a composite font keeps its descriptor one level down
                    desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                desc = desc.get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(desc), font["/BaseFont"]
                fonts += 1
        assert fonts, f"{path.name} uses no font"


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_pdf_paper(paper, size, qset, tmp_path):
    import pypdf

    path = export("pdf", qset, tmp_path, paper=paper)[0]
    box = pypdf.PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_pdf_footer_has_page_numbers_and_version(qset, tmp_path):
    export("pdf", qset, tmp_path, versions=2)
    pages = pdf_pages(tmp_path / "bridge-news-worksheet-B.pdf")
    for n, page in enumerate(pages, 1):
        assert "Version B" in page and f"Page {n} of {len(pages)}" in page


def test_pdf_never_splits_a_question_across_pages(tmp_path):
    base = make_qset()
    long_options = [
        f"option {k} is a long answer that fills a whole line of the sheet" * 2 for k in range(5)
    ]
    qs = [
        Question(
            id=f"q{k}",
            type="mcq",
            prompt=f"Question number {k:02d} asks which is right?",
            answer=long_options[0],
            choices=[f"{c} ({k})" for c in long_options],
            correct=[0],
        )
        for k in range(24)
    ]
    qset = QuestionSet(article=base.article, questions=qs)
    pages = pdf_pages(export("pdf", qset, tmp_path)[0])
    assert len(pages) > 2
    for q in qs:
        holding = [p for p in pages if head(q) in " ".join(p.split())]
        assert len(holding) == 1
        flat = " ".join(holding[0].split())
        for choice in q.choices:
            assert choice in flat, f"{q.id} split across pages"


def test_pdf_page_image_is_a_png(qset):
    png = page_image(qset, {"with_passage": True})
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000


# -- passage line numbers and the key's citations -------------------------------------------


def passage_qset() -> QuestionSet:
    """Several paragraphs, so evidence falls on single lines, across lines and across paragraphs."""
    title = "Council budget"
    paras = [
        " ".join(
            f"In meeting {p}.{s} the members of the {['budget', 'transport', 'schools'][s % 3]}"
            f" committee agreed that item {s + 1} needed {'more ' * (s % 4)}work before a vote."
            for s in range(5)
        )
        for p in range(4)
    ]
    text = title + "\n\n" + "\n\n".join(paras) + "\n"
    blocks = [Block(0, len(title), "title")]
    pos = len(title) + 2
    for para in paras:
        blocks.append(Block(pos, pos + len(para), "body"))
        pos += len(para) + 2
    art = Article(text=text, title=title, slug="budget", blocks=blocks)
    qs = []
    for k, (p, s) in enumerate([(0, 0), (0, 3), (1, 2), (2, 4), (3, 1)]):
        sentence = paras[p].split(" In meeting ")[s]
        sentence = sentence if sentence.startswith("In meeting") else "In meeting " + sentence
        start = text.index(sentence)
        ev = Evidence(sentence, start, start + len(sentence))
        qs.append(
            Question(
                id=f"s{k}",
                type="short_answer",
                prompt=f"What happened in part {k}?",
                answer=f"Answer {k}",
                evidence=ev,
            )
        )
    # Evidence that runs from the end of one paragraph into the next.
    a = text.index(paras[1][-30:])
    b = text.index(paras[2][:25]) + 25
    qs.append(
        Question(
            id="s-across",
            type="short_answer",
            prompt="What links the two parts?",
            answer="Answer x",
            evidence=Evidence(text[a:b], a, b),
        )
    )
    qs.append(
        Question(
            id="s-title",
            type="short_answer",
            prompt="What is the title about?",
            answer="The budget",
            evidence=Evidence(title, 0, len(title)),
        )
    )
    for q in qs:
        assert text[q.evidence.start : q.evidence.end] == q.evidence.text
    return QuestionSet(article=art, questions=qs)


@pytest.mark.parametrize("fmt", FORMATS)
def test_passage_line_citations_agree_with_evidence(fmt, tmp_path):
    qset = passage_qset()
    sheet, key = export(fmt, qset, tmp_path, with_passage=True)
    lines = passage(fmt, sheet)
    assert list(lines) == list(range(1, len(lines) + 1)) and len(lines) > 10
    # The printed passage is the article's body, word for word, in order.
    body = " ".join(qset.article.text[b.start : b.end] for b in qset.article.body_blocks())
    assert " ".join(lines.values()) == " ".join(body.split())
    regions_ = regions(text(fmt, sheet), qset)
    answers = key_answers(text(fmt, key), len(qset.questions))
    keytext = text(fmt, key)
    for q in qset.questions:
        n = regions_[q.id][0]
        entry = keytext.split(f"{n}. {answers[n]}", 1)[1].split(f" {n + 1}. ")[0]
        cite = re.search(r"\((?:line (\d+)|lines (\d+)-(\d+))\)", entry)
        ev = " ".join(q.evidence.text.split())
        if q.id == "s-title":
            assert cite is None, "evidence outside the passage cannot cite a line"
            continue
        assert cite, f"{q.id}: no line citation in {entry!r}"
        lo = int(cite[1] or cite[2])
        hi = int(cite[1] or cite[3])

        def span(a, b):
            return " ".join(lines[k] for k in range(a, b + 1))

        assert ev in span(lo, hi), f"{q.id}: evidence not on {cite[0]}"
        if hi > lo:  # and the citation is no wider than it has to be
            assert ev not in span(lo + 1, hi) and ev not in span(lo, hi - 1)
        assert f"“{ev}”" in entry  # the quote itself is in the key
    across = qset.questions[-2]
    assert re.search(r"\(lines \d+-\d+\)", keytext.split(across.evidence.text[-20:])[1][:40])


# -- article text is data ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_markup_characters_appear_literally(fmt, hostile_qset, tmp_path):
    sheet, key = export(fmt, hostile_qset, tmp_path, with_passage=True, points=True)
    squash = "".join(HOSTILE.split())  # PDF text may wrap anywhere inside it
    for path in (sheet, key):
        found = "".join(raw_text(fmt, path).split()).count(squash)
        # The title, and on the sheet every prompt and a matching option; in the key the answers.
        assert found >= (len(hostile_qset.questions) + 1 if path == sheet else 4), path.name
    if fmt == "html":
        for path in (sheet, key):
            parsed = parse_html(path)
            assert "script" not in parsed.tags
            assert HOSTILE in " ".join(parsed.chunks)


def test_html_is_self_contained_with_print_css(qset, tmp_path):
    sheet, key = export("html", qset, tmp_path, paper="letter", versions=2)[:2]
    page = sheet.read_text(encoding="utf-8")
    assert "@media print" in page and "size: letter" in page and "break-inside: avoid" in page
    assert not re.search(r"""(src|href)=|@import|url\(""", page)
    assert "Version A" in text("html", sheet)


def test_docx_opens_with_its_paper_and_fields(qset, tmp_path):
    import docx

    sheet, key = export("docx", qset, tmp_path, paper="letter", points=True)
    doc = docx.Document(str(sheet))
    assert round(doc.sections[0].page_width.inches, 1) == 8.5
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert "Name:" in text("docx", sheet) and "/ 18" in text("docx", sheet)
    assert "Total: 18 points" in text("docx", key)


# -- options -------------------------------------------------------------------------------------


def test_points_are_shown_and_totalled(qset, tmp_path):
    sheet, key = export("pdf", qset, tmp_path, points=True)
    flat = text("pdf", sheet)
    assert "/ 18" in flat and "(5 points)" in flat and "(1 point)" in flat
    assert "points" not in text("pdf", export("pdf", qset, tmp_path / "none")[0])


@pytest.mark.parametrize(
    "options",
    [
        {"versions": 0},
        {"versions": "two"},
        {"versions": 27},
        {"paper": "a5"},
        {"seed": "x"},
        {"points": "lots"},
    ],
)
def test_bad_options_are_a_user_error(options, qset, tmp_path):
    with pytest.raises(QuizgenError):
        export("pdf", qset, tmp_path, **options)
    assert list(tmp_path.iterdir()) == []
