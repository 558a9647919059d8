"""The worksheet and its answer key as PDF, laid out by Typst.

The layout lives in worksheet.typ; the questions reach it only as JSON in ``sys.inputs``, so
article text is data to Typst and can never run as markup. The template is compiled from
memory, so no temporary file is left behind, and with the document date removed the same input
gives the same bytes. Typst embeds (a subset of) every font it uses; Libertinus Serif ships
inside Typst itself, so a machine with no fonts installed prints the same worksheet.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import QuizgenError
from ..io import atomic_write
from ..model import QUESTION_TYPES, QuestionSet
from . import worksheet
from .textsafe import drop_illegal
from .worksheet import Worksheet

KINDS = ("worksheet", "key")


def render(sheet: Worksheet, kind: str = "worksheet", fmt: str = "pdf", ppi: float | None = None):
    """Compile one version's worksheet or key: PDF bytes, or for ``png`` a list of page images."""
    import typst

    template = resources.files(__package__).joinpath("worksheet.typ").read_bytes()
    data = json.dumps(_drawable(sheet.to_data(kind)), ensure_ascii=False)
    try:
        out = typst.compile(template, format=fmt, ppi=ppi, sys_inputs={"data": data})
    except typst.TypstError as exc:
        raise QuizgenError(f"Typst could not lay out the {kind}: {exc.message}") from exc
    if fmt == "png" and isinstance(out, bytes):  # Typst returns bare bytes for one page
        return [out]
    return out


def _drawable(value: Any) -> Any:
    """The worksheet data with control characters dropped from every string."""
    if isinstance(value, str):
        return drop_illegal(value)
    if isinstance(value, dict):
        return {k: _drawable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_drawable(v) for v in value]
    return value


def page_image(qset: QuestionSet, options: dict[str, Any], *, page: int = 1, ppi: float = 110):
    """One page of the first version's worksheet as PNG bytes (the README's picture)."""
    pages = render(worksheet.build(qset, options)[0], "worksheet", "png", ppi)
    if not 1 <= page <= len(pages):
        raise QuizgenError(f"the worksheet has {len(pages)} page(s), not {page}")
    return pages[page - 1]


class PdfExporter:
    name = "pdf"
    description = "printable worksheet and answer key (PDF): versions, line-numbered passage"
    types = QUESTION_TYPES

    def export(self, *, qset: QuestionSet, out_dir: Path, options: dict[str, Any]) -> list[Path]:
        # Lay out every file before writing any, so a failure leaves no partial set of versions.
        files = [
            (Path(out_dir) / f"{sheet.stem(qset.article.slug, kind)}.pdf", render(sheet, kind))
            for sheet in worksheet.build(qset, options)
            for kind in KINDS
        ]
        return [atomic_write(path, data) for path, data in files]
