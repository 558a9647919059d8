"""The worksheet and its answer key as HTML: one self-contained page each, styled for print.

A page needs no other file and runs no script, so it can be mailed, put on a class site or
opened from a USB stick and printed. Every string from the question set goes through
``html.escape``: article text is shown, never parsed. Layout decisions (order, letters, line
numbers) come from worksheet.py, so this page and the PDF of the same version agree.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from ..io import atomic_write
from ..model import QUESTION_TYPES, QuestionSet
from . import worksheet
from .worksheet import Item, Worksheet

CSS = """
:root { --ink: #111; --grey: #666; --rule: #444; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 "Libertinus Serif", Georgia, "Times New Roman", serif; color: var(--ink);
  max-width: 48em; margin: 2em auto; padding: 0 1.5em; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 1em; }
h1 { font-size: 1.5em; margin: 0; line-height: 1.2; }
.kind { font-size: 1.15em; margin: .1em 0 0; }
.source { font-style: italic; color: var(--grey); font-size: .9em; margin: .2em 0 0; }
.version { border: 1.5px solid var(--ink); font-weight: bold; font-size: 1.3em; padding: .1em .5em; }
.fields { display: grid; grid-template-columns: 2fr 1fr 1fr; gap: 1.2em; margin-top: 1.2em; }
.fields span, .fill { display: flex; gap: .3em; }
.fill { flex: 1; border-bottom: .5pt solid var(--rule); }
.score { text-align: right; margin: .5em 0 0; }
hr { border: 0; border-top: 1px solid var(--ink); margin: .6em 0 1.2em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .2em; break-after: avoid; }
h2 .pts { font-weight: normal; font-size: .85em; }
.instruction { font-style: italic; margin: 0 0 .6em; break-after: avoid; }
.passage .line { display: grid; grid-template-columns: 2em 1fr; gap: .8em; }
.passage .ln { text-align: right; color: var(--grey); font-size: .75em; padding-top: .25em; }
.passage .para .lt { text-indent: 1.2em; }
.question, .entry { display: grid; grid-template-columns: 1.8em 1fr auto; gap: .3em;
  margin: .9em 0; break-inside: avoid; page-break-inside: avoid; }
.num { font-weight: bold; }
.pts { color: var(--grey); font-size: .85em; white-space: nowrap; }
.prompt { margin: 0; }
.blank { display: inline-block; border-bottom: .5pt solid var(--rule); height: 1em;
  vertical-align: baseline; }
.blank.tf { width: 4em; margin-right: .6em; }
.blank.slot { width: 2.2em; margin-right: .5em; }
.label { font-size: .65em; color: var(--grey); }
.options { list-style: none; padding: 0; margin: .5em 0 0; display: grid;
  grid-template-columns: repeat(var(--cols, 1), 1fr); gap: .4em 1em; }
.options b, .right b { display: inline-block; min-width: 1.5em; }
.matching { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; margin-top: .5em; }
.matching ol, .matching ul { margin: 0; padding: 0; list-style: none; }
.matching li { margin-bottom: .4em; }
.left .blank { width: 2.5em; margin: 0 .4em; }
.order { margin: .7em 0 0; }
.wline { border-bottom: .5pt solid var(--rule); height: 1.9em; }
.box { border: .6pt solid var(--rule); margin-top: .6em; }
.answer { margin: 0; }
.quote { margin: .2em 0 0; font-style: italic; font-size: .92em; }
.cite { font-style: normal; white-space: nowrap; }
.explanation { margin: .2em 0 0; color: var(--grey); font-size: .92em; }
footer { margin-top: 2em; color: var(--grey); font-size: .8em; display: flex;
  justify-content: space-between; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  footer { display: none; }
}
"""


def _page_css(sheet: Worksheet, kind: str) -> str:
    # Only our own words and the version letter go into CSS strings, never article text.
    size = "letter" if sheet.paper == "letter" else "A4"
    label = ("Answer key" if kind == "key" else "Worksheet") + (
        f" · Version {sheet.version}" if sheet.version else ""
    )
    return (
        f"@page {{ size: {size}; margin: 18mm 20mm 22mm;\n"
        f'  @bottom-left {{ content: "{label}"; font-size: 8.5pt; color: #666; }}\n'
        '  @bottom-right { content: "Page " counter(page) " of " counter(pages);'
        " font-size: 8.5pt; color: #666; } }\n"
    )


def _pts(n: int) -> str:
    return f'<span class="pts">({n} point{"" if n == 1 else "s"})</span>' if n else ""


def _prompt(it: Item) -> str:
    out = []
    for s in it.segments:
        if "blank" in s:
            label = f'<span class="label">({escape(s["label"])})</span>' if s["label"] else ""
            out.append(f'{label}<span class="blank" style="width: {int(s["blank"]) / 2}em"></span>')
        else:
            out.append(escape(s["text"]))
    tf = '<span class="blank tf"></span>' if it.type == "true_false" else ""
    return f'<p class="prompt">{tf}{"".join(out)}</p>'


def _question(it: Item) -> str:
    body = [_prompt(it)]
    if it.options:
        lis = "".join(f"<li><b>{o.letter}.</b> {escape(o.text)}</li>" for o in it.options)
        body.append(f'<ol class="options" style="--cols: {it.columns}">{lis}</ol>')
    if it.left:
        left = "".join(
            f'<li>{k}.<span class="blank"></span>{escape(t)}</li>' for k, t in enumerate(it.left, 1)
        )
        right = "".join(f"<li><b>{o.letter}.</b> {escape(o.text)}</li>" for o in it.right)
        body.append(
            f'<div class="matching"><ol class="left">{left}</ol><ul class="right">{right}</ul></div>'
        )
    if it.order_slots:
        slots = '<span class="blank slot"></span>' * it.order_slots
        body.append(f'<p class="order">Order (first to last): {slots}</p>')
    if it.type == "short_answer":
        body.append('<div class="lines">' + '<div class="wline"></div>' * it.lines + "</div>")
    if it.type == "essay":
        body.append(f'<div class="box" style="height: {it.lines * 1.6:.1f}em"></div>')
    return (
        f'<div class="question" id="q{it.number}" data-qid="{escape(it.qid)}">'
        f'<span class="num">{it.number}.</span><div class="body">{"".join(body)}</div>'
        f"{_pts(it.points)}</div>"
    )


def _entry(it: Item) -> str:
    parts = [f'<p class="answer"><strong>{escape(it.answer)}</strong> {_pts(it.points)}</p>']
    if it.quote:
        cite = f' <span class="cite">({escape(it.cite)})</span>' if it.cite else ""
        parts.append(f'<p class="quote">“{escape(it.quote)}”{cite}</p>')
    if it.explanation:
        parts.append(f'<p class="explanation">{escape(it.explanation)}</p>')
    return (
        f'<div class="entry" id="a{it.number}" data-qid="{escape(it.qid)}">'
        f'<span class="num">{it.number}.</span><div>{"".join(parts)}</div></div>'
    )


def page(sheet: Worksheet, kind: str) -> str:
    """One version's worksheet (``kind="worksheet"``) or answer key (``"key"``) as HTML."""
    key = kind == "key"
    head = [f"<h1>{escape(sheet.title)}</h1>"]
    if key:
        head.append('<p class="kind">Answer key</p>')
    if sheet.source:
        head.append(f'<p class="source">{escape(sheet.source)}</p>')
    version = f'<div class="version">{sheet.version}</div>' if sheet.version else ""
    out = [f"<header><div>{''.join(head)}</div>{version}</header>"]
    if not key:
        out.append(
            '<div class="fields">'
            + "".join(
                f'<span>{f}: <span class="fill"></span></span>' for f in ("Name", "Class", "Date")
            )
            + "</div>"
        )
    if sheet.points:
        score = (
            f"Total: {sheet.points} points"
            if key
            else (f'Score: <span class="blank slot"></span> / {sheet.points}')
        )
        out.append(f'<p class="score">{score}</p>')
    out.append("<hr>")
    if sheet.passage and not key:
        lines = "".join(
            f'<div class="line{" para" if ln.para_start else ""}" id="line{ln.number}">'
            f'<span class="ln">{ln.number}</span><span class="lt">{escape(ln.text)}</span></div>'
            for ln in sheet.passage
        )
        out.append(f'<section class="passage"><h2>Reading passage</h2>{lines}</section>')
    for k, part in enumerate(sheet.parts, 1):
        out.append(f'<section class="part" data-type="{part.type}">')
        out.append(f"<h2>Part {k}: {escape(part.heading)} {_pts(part.points)}</h2>")
        if not key:
            out.append(f'<p class="instruction">{escape(part.instruction)}</p>')
        out.extend(_entry(it) if key else _question(it) for it in part.items)
        out.append("</section>")
    label = "Answer key" if key else "Worksheet"
    if sheet.version:
        label += f" · Version {sheet.version}"
    out.append(f"<footer><span>{label}</span></footer>")
    title = escape(f"{sheet.title} ({label})")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="quizgen">\n'
        f"<title>{title}</title>\n<style>{CSS}{_page_css(sheet, kind)}</style>\n</head>\n"
        f'<body class="{kind}">\n' + "\n".join(out) + "\n</body>\n</html>\n"
    )


class HtmlExporter:
    name = "html"
    description = "printable worksheet and answer key (self-contained HTML pages, print CSS)"
    types = QUESTION_TYPES

    def export(self, *, qset: QuestionSet, out_dir: Path, options: dict[str, Any]) -> list[Path]:
        files = [
            (Path(out_dir) / f"{sheet.stem(qset.article.slug, kind)}.html", page(sheet, kind))
            for sheet in worksheet.build(qset, options)
            for kind in ("worksheet", "key")
        ]
        return [atomic_write(path, data) for path, data in files]
