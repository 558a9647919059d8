"""The worksheet and its answer key as Word documents, for a teacher who wants to edit them.

Plain paragraphs, tab stops and few tables, so that a teacher can reword a question or delete
one in Word or LibreOffice without fighting the layout. Order, letters and line numbers come
from worksheet.py, so the DOCX of version B has the same key as its PDF. python-docx stamps
the time into the zip; the package is rewritten with fixed times so the same input gives the
same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..io import atomic_write
from ..model import QUESTION_TYPES, QuestionSet
from . import worksheet
from .textsafe import drop_illegal
from .worksheet import Item, Worksheet

GREY = (0x66, 0x66, 0x66)
HANG = 0.8  # cm: question numbers hang in this margin
FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)


class _Writer:
    """Builds one document; a class only so the helpers share the document and its units."""

    def __init__(self, sheet: Worksheet, kind: str):
        import docx
        from docx.shared import Cm, Mm, Pt, RGBColor

        self.Cm, self.Pt, self.RGB = Cm, Pt, RGBColor
        self.sheet, self.key = sheet, kind == "key"
        self.doc = doc = docx.Document()
        sec = doc.sections[0]
        if sheet.paper == "letter":
            sec.page_width, sec.page_height = Mm(215.9), Mm(279.4)
        else:
            sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Cm(2)
        sec.top_margin, sec.bottom_margin = Cm(1.8), Cm(2.2)
        self.width = sec.page_width - sec.left_margin - sec.right_margin
        normal = doc.styles["Normal"]
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(3)

    # -- small pieces --------------------------------------------------------------------
    def para(self, text: str = "", *, bold=False, italic=False, size=None, grey=False, indent=0.0):
        p = self.doc.add_paragraph()
        if indent:
            p.paragraph_format.left_indent = self.Cm(indent)
        if text:
            self.run(p, text, bold=bold, italic=italic, size=size, grey=grey)
        return p

    def run(self, p, text: str, *, bold=False, italic=False, size=None, grey=False):
        r = p.add_run(drop_illegal(text))
        r.bold, r.italic = bold or None, italic or None
        if size:
            r.font.size = self.Pt(size)
        if grey:
            r.font.color.rgb = self.RGB(*GREY)
        return r

    def tab(self, p, cm: float | None = None, align="left", leader=None):
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

        pos = self.Cm(cm) if cm is not None else self.width
        p.paragraph_format.tab_stops.add_tab_stop(
            pos,
            getattr(WD_TAB_ALIGNMENT, align.upper()),
            getattr(WD_TAB_LEADER, leader.upper()) if leader else WD_TAB_LEADER.SPACES,
        )

    def hanging(self, p):
        p.paragraph_format.left_indent = self.Cm(HANG)
        p.paragraph_format.first_line_indent = self.Cm(-HANG)
        self.tab(p, HANG)

    def points(self, p, n: int):
        if n:
            self.run(p, f"  ({n} point{'' if n == 1 else 's'})", size=9, grey=True)

    def rule_below(self, p):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        border = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "444444")):
            bottom.set(qn(f"w:{k}"), v)
        border.append(bottom)
        p._p.get_or_add_pPr().append(border)

    def field(self, p, instr: str):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), instr)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        p._p.append(fld)

    # -- the document --------------------------------------------------------------------
    def header(self):
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        s = self.sheet
        p = self.para()
        self.tab(p, align="right")
        self.run(p, s.title, bold=True, size=16)
        if s.version:
            self.run(p, f"\tVersion {s.version}", bold=True, size=13)
        if self.key:
            self.para("Answer key", size=13)
        if s.source:
            self.para(s.source, italic=True, size=9.5, grey=True)
        if not self.key:
            p = self.para()
            p.paragraph_format.space_before = self.Pt(10)
            w = self.width / 360000  # EMU to cm
            for label, stop in (("Name: ", w * 0.5), ("   Class: ", w * 0.75), ("   Date: ", w)):
                self.run(p, label + "\t")
                self.tab(p, stop, leader="lines")
        if s.points:
            p = self.para("Total: " if self.key else "Score: ____ / ")
            self.run(p, f"{s.points} points" if self.key else str(s.points))
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.rule_below(self.para())

    def footer(self):
        s = self.sheet
        p = self.doc.sections[0].footer.paragraphs[0]
        self.tab(p, align="right")
        label = ("Answer key" if self.key else "Worksheet") + (
            f" · Version {s.version}" if s.version else ""
        )
        self.run(p, f"{label}\tPage ", size=8.5, grey=True)
        self.field(p, "PAGE")
        self.run(p, " of ", size=8.5, grey=True)
        self.field(p, "NUMPAGES")

    def passage(self):
        self.doc.add_heading("Reading passage", level=2)
        for ln in self.sheet.passage:
            p = self.para()
            p.paragraph_format.space_after = self.Pt(1)
            p.paragraph_format.left_indent = self.Cm(1.2)
            p.paragraph_format.first_line_indent = self.Cm(-1.2)
            if ln.para_start:  # a new paragraph of the article; its lines carry on unindented
                p.paragraph_format.space_before = self.Pt(5)
            self.tab(p, 0.8, align="right")
            self.tab(p, 1.2)
            self.run(p, f"\t{ln.number}\t", size=8, grey=True)
            self.run(p, ln.text)

    def question(self, it: Item):
        paras = []
        p = self.para()
        self.hanging(p)
        self.run(p, f"{it.number}.\t", bold=True)
        if it.type == "true_false":
            self.run(p, "________  ")
        for s in it.segments:
            if "blank" in s:
                self.run(p, f"({s['label']})" if s["label"] else "", size=7, grey=True)
                self.run(p, "_" * int(s["blank"]))
            else:
                self.run(p, s["text"])
        self.points(p, it.points)
        paras.append(p)
        if it.options:
            cols = it.columns
            step = (self.width / 360000 - HANG) / cols
            for row in range(0, len(it.options), cols):
                p = self.para(indent=HANG)
                for k, o in enumerate(it.options[row : row + cols]):
                    if k:
                        self.run(p, "\t")
                        self.tab(p, k * step)
                    self.run(p, f"{o.letter}. ", bold=True)
                    self.run(p, o.text)
                paras.append(p)
        if it.left:
            table = self.doc.add_table(rows=max(len(it.left), len(it.right)), cols=2)
            for k, text in enumerate(it.left):
                cell = table.cell(k, 0).paragraphs[0]
                self.run(cell, f"{k + 1}. ____ {text}")
                paras.append(cell)
            for k, o in enumerate(it.right):
                cell = table.cell(k, 1).paragraphs[0]
                self.run(cell, f"{o.letter}. ", bold=True)
                self.run(cell, o.text)
                paras.append(cell)
        if it.order_slots:
            paras.append(
                self.para("Order (first to last):  " + "____  " * it.order_slots, indent=HANG)
            )
        if it.type == "short_answer":
            for _ in range(it.lines):
                p = self.para(indent=HANG)
                p.paragraph_format.space_before = self.Pt(12)
                self.rule_below(p)
                paras.append(p)
        if it.type == "essay":
            from docx.enum.table import WD_ROW_HEIGHT_RULE

            table = self.doc.add_table(rows=1, cols=1)
            table.style = "Table Grid"
            table.rows[0].height = self.Cm(it.lines * 0.62)
            table.rows[0].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            paras.append(table.cell(0, 0).paragraphs[0])
        self.keep_together(paras)

    def entry(self, it: Item):
        p = self.para()
        self.hanging(p)
        self.run(p, f"{it.number}.\t", bold=True)
        self.run(p, it.answer, bold=True)
        self.points(p, it.points)
        paras = [p]
        if it.quote:
            p = self.para(f"“{it.quote}”", italic=True, size=9.5, indent=HANG)
            if it.cite:
                self.run(p, f" ({it.cite})", size=9.5)
            paras.append(p)
        if it.explanation:
            paras.append(self.para(it.explanation, size=9.5, grey=True, indent=HANG))
        self.keep_together(paras)

    @staticmethod
    def keep_together(paras):
        # Word's way of not splitting a question across pages: each line holds to the next.
        for k, p in enumerate(paras):
            p.paragraph_format.keep_together = True
            p.paragraph_format.keep_with_next = k < len(paras) - 1

    def build(self) -> bytes:
        s = self.sheet
        self.header()
        self.footer()
        if s.passage and not self.key:
            self.passage()
        for k, part in enumerate(s.parts, 1):
            h = self.doc.add_heading(f"Part {k}: {part.heading}", level=2)
            self.points(h, part.points)
            if not self.key:
                p = self.para(part.instruction, italic=True)
                p.paragraph_format.keep_with_next = True
            for it in part.items:
                (self.entry if self.key else self.question)(it)
        props = self.doc.core_properties
        props.title = drop_illegal(s.title)
        props.author = props.last_modified_by = "quizgen"
        props.created = props.modified = props.last_printed = FIXED_TIME
        props.revision = 1
        buf = io.BytesIO()
        self.doc.save(buf)
        return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every member stamped 1980-01-01, so builds repeat exactly."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def document(sheet: Worksheet, kind: str) -> bytes:
    """One version's worksheet (``kind="worksheet"``) or answer key (``"key"``) as DOCX."""
    return _Writer(sheet, kind).build()


class DocxExporter:
    name = "docx"
    description = "editable worksheet and answer key (Word .docx)"
    types = QUESTION_TYPES

    def export(self, *, qset: QuestionSet, out_dir: Path, options: dict[str, Any]) -> list[Path]:
        files = [
            (Path(out_dir) / f"{sheet.stem(qset.article.slug, kind)}.docx", document(sheet, kind))
            for sheet in worksheet.build(qset, options)
            for kind in ("worksheet", "key")
        ]
        return [atomic_write(path, data) for path, data in files]
