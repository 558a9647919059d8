"""A QTI 1.2 package (zip) in the dialect Canvas classic quizzes import.

The layout is the one Canvas exports and text2qti writes: ``imsmanifest.xml`` names an
``imsqti_xmlv1p2`` resource, ``<id>/<id>.xml`` holds the items and ``<id>/assessment_meta.xml``
the quiz settings. Each item says its Canvas type in ``itemmetadata``; choice identifiers are
numbers, as in Canvas's own exports, because Canvas stores matching and blank answers by them.
Rich text is HTML-escaped inside ``mattext texttype="text/html"``, and ElementTree escapes it
again as XML, so article text stays data in both layers. The zip's bytes depend only on the
question set.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET

from ..model import Question, QuestionSet, stable_id
from .bankutil import (
    BankExporter,
    Blank,
    Unwritable,
    attribution,
    choices_ok,
    cloze_parts,
    essay_guide,
    feedback,
    sub,
    truth,
    zip_bytes,
)
from .textsafe import clean, html_text, one_line

NS_QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
NS_CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
NS_CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def mattext(parent: ET.Element, text: str, texttype: str = "text/html") -> None:
    sub(sub(parent, "material"), "mattext", text, texttype=texttype)


def field(meta: ET.Element, label: str, entry: str) -> None:
    f = sub(meta, "qtimetadatafield")
    sub(f, "fieldlabel", label)
    sub(f, "fieldentry", entry)


def item_ident(q: Question) -> str:
    return "quizgen_" + hashlib.sha1(q.id.encode("utf-8")).hexdigest()[:16]


class Item:
    """One ``<item>`` being built: its presentation and response processing."""

    def __init__(
        self,
        section: ET.Element,
        q: Question,
        qtype: str,
        prompt_html: str,
        n: int,
        fb: str | None = None,
    ):
        self.q, self.n = q, n
        self.el = sub(section, "item", ident=item_ident(q), title=one_line(q.id))
        meta = sub(sub(self.el, "itemmetadata"), "qtimetadata")
        field(meta, "question_type", qtype)
        field(meta, "points_possible", "1.0")
        field(meta, "assessment_question_identifierref", item_ident(q) + "_ref")
        self.pres = sub(self.el, "presentation")
        mattext(self.pres, prompt_html)
        self.proc = sub(self.el, "resprocessing")
        outcomes = sub(self.proc, "outcomes")
        sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
        self.fb = feedback(q) if fb is None else fb
        if self.fb:
            cond = sub(self.proc, "respcondition", **{"continue": "Yes"})
            sub(sub(cond, "conditionvar"), "other")
            sub(cond, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")

    def ident(self, j: int) -> str:
        """A numeric choice id, unique within the item."""
        return str(1000 * self.n + j)

    def choices(self, texts: list[str], cardinality: str) -> list[str]:
        lid = sub(self.pres, "response_lid", ident="response1", rcardinality=cardinality)
        render = sub(lid, "render_choice")
        ids = []
        for j, text in enumerate(texts):
            ids.append(self.ident(j))
            label = sub(render, "response_label", ident=ids[-1])
            mattext(label, html_text(text))
        return ids

    def score(self, value: str, action: str = "Set", cont: str = "No") -> ET.Element:
        """A scoring condition; the caller fills in the returned ``conditionvar``."""
        cond = sub(self.proc, "respcondition", **{"continue": cont})
        var = sub(cond, "conditionvar")
        sub(cond, "setvar", value, action=action, varname="SCORE")
        return var

    def finish(self) -> None:
        if self.fb:
            fb = sub(self.el, "itemfeedback", ident="general_fb")
            mattext(sub(fb, "flow_mat"), html_text(self.fb))


def add_item(section: ET.Element, q: Question, n: int) -> None:
    if q.type in ("mcq", "multi_select"):
        why = choices_ok(q)
        if why:
            raise Unwritable(why)
        single = q.type == "mcq" and len(q.correct) == 1
        qtype = "multiple_choice_question" if single else "multiple_answers_question"
        it = Item(section, q, qtype, html_text(q.prompt), n)
        ids = it.choices(q.choices, "Single" if single else "Multiple")
        var = it.score("100")
        if single:
            sub(var, "varequal", ids[q.correct[0]], respident="response1")
        else:
            both = sub(var, "and")
            for j, cid in enumerate(ids):
                parent = both if j in q.correct else sub(both, "not")
                sub(parent, "varequal", cid, respident="response1")
    elif q.type == "true_false":
        key = truth(q)
        if key is None:
            raise Unwritable("its key is neither true nor false")
        it = Item(section, q, "true_false_question", html_text(q.prompt), n)
        ids = it.choices(["True", "False"], "Single")
        var = it.score("100")
        sub(var, "varequal", ids[0 if key else 1], respident="response1")
    elif q.type == "short_answer":
        answer = one_line(q.answer)
        if not answer:
            raise Unwritable("its answer is empty")
        it = Item(section, q, "short_answer_question", html_text(q.prompt), n)
        text_response(it)
        var = it.score("100")
        sub(var, "varequal", answer, respident="response1")
    elif q.type == "essay":
        it = Item(section, q, "essay_question", html_text(q.prompt), n, fb=essay_guide(q))
        text_response(it)
        cond = sub(it.proc, "respcondition", **{"continue": "No"})
        sub(sub(cond, "conditionvar"), "other")
    elif q.type == "matching":
        it = matching(section, q, n)
    elif q.type == "cloze":
        it = blanks(section, q, n)
    else:
        raise Unwritable(f"QTI export does not carry {q.type} questions")
    it.finish()


def text_response(it: Item) -> None:
    resp = sub(it.pres, "response_str", ident="response1", rcardinality="Single")
    sub(sub(resp, "render_fib"), "response_label", ident="answer1", rshuffle="No")


def matching(section: ET.Element, q: Question, n: int) -> Item:
    """Canvas matching: one menu per left item, each offering every right-hand answer."""
    if len(q.pairs) < 2:
        raise Unwritable("a matching question needs at least two pairs")
    it = Item(section, q, "matching_question", html_text(q.prompt), n)
    rights: list[str] = []
    for _, right in q.pairs:
        if one_line(right) not in rights:
            rights.append(one_line(right))
    right_ids = {text: it.ident(500 + j) for j, text in enumerate(rights)}
    share = f"{100 / len(q.pairs):.2f}"
    for j, (left, right) in enumerate(q.pairs):
        rid = f"response_{it.ident(j)}"
        lid = sub(it.pres, "response_lid", ident=rid)
        mattext(lid, one_line(left), "text/plain")
        render = sub(lid, "render_choice")
        for text in rights:
            label = sub(render, "response_label", ident=right_ids[text])
            mattext(label, text, "text/plain")
        var = it.score(share, action="Add", cont="Yes")
        sub(var, "varequal", right_ids[one_line(right)], respident=rid)
    return it


def blanks(section: ET.Element, q: Question, n: int) -> Item:
    """A cloze as Canvas's fill-in-multiple-blanks: ``[blank_1]`` in the text, one answer each.
    Brackets of the article's own are written as character references so Canvas never takes
    them for a blank."""
    parts = cloze_parts(clean(q.prompt).strip())
    gaps = [p for p in parts if isinstance(p, Blank)]
    if not gaps:
        raise Unwritable("its prompt has no {{c1::...}} blank")
    html, k = [], 0
    for part in parts:
        if isinstance(part, Blank):
            k += 1
            html.append(f"[blank_{k}]")
        else:
            html.append(html_text(part, strip=False).replace("[", "&#91;").replace("]", "&#93;"))
    it = Item(section, q, "fill_in_multiple_blanks_question", "".join(html), n)
    share = f"{100 / len(gaps):.2f}"
    for k, gap in enumerate(gaps, 1):
        answer = one_line(gap.answer)
        if not answer:
            raise Unwritable("a blank has no answer")
        rid = f"response_blank_{k}"
        lid = sub(it.pres, "response_lid", ident=rid)
        mattext(lid, f"blank_{k}", "text/plain")
        label = sub(sub(lid, "render_choice"), "response_label", ident=it.ident(k))
        mattext(label, answer, "text/plain")
        var = it.score(share, action="Add", cont="Yes")
        sub(var, "varequal", it.ident(k), respident=rid)
    return it


def manifest(aid: str) -> ET.Element:
    root = ET.Element("manifest", {"identifier": f"{aid}_manifest", "xmlns": NS_CP})
    meta = sub(root, "metadata")
    sub(meta, "schema", "IMS Content")
    sub(meta, "schemaversion", "1.1.3")
    sub(root, "organizations")
    res = sub(root, "resources")
    r = sub(res, "resource", identifier=aid, type="imsqti_xmlv1p2")
    sub(r, "file", href=f"{aid}/{aid}.xml")
    sub(r, "dependency", identifierref=f"{aid}_meta")
    m = sub(
        res,
        "resource",
        identifier=f"{aid}_meta",
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{aid}/assessment_meta.xml",
    )
    sub(m, "file", href=f"{aid}/assessment_meta.xml")
    return root


def quiz_meta(aid: str, qset: QuestionSet, count: int) -> ET.Element:
    root = ET.Element("quiz", {"identifier": aid, "xmlns": NS_CANVAS})
    for tag, value in (
        ("title", one_line(qset.display_title)),
        ("description", html_text(attribution(qset))),
        ("shuffle_answers", "true"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "practice_quiz"),
        ("points_possible", f"{float(count):.1f}"),
        ("show_correct_answers", "true"),
        ("allowed_attempts", "-1"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ):
        sub(root, tag, value)
    return root


def xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return (XML_HEAD + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


class QtiExporter(BankExporter):
    name = "qti"
    description = "QTI 1.2 zip for Canvas classic quizzes (Import content > QTI .zip)"
    types = ("mcq", "true_false", "short_answer", "cloze", "matching", "multi_select", "essay")
    suffix = ".qti.zip"

    def write(self, qset, questions, options):
        aid = stable_id("quizgen", qset.article.slug, [q.id for q in questions]).replace("-", "_")
        root = ET.Element("questestinterop", {"xmlns": NS_QTI})
        assessment = sub(root, "assessment", ident=aid, title=one_line(qset.display_title))
        field(sub(assessment, "qtimetadata"), "cc_maxattempts", "1")
        section = sub(assessment, "section", ident="root_section")
        count = 0
        for n, q in enumerate(questions, 1):
            mark = len(section)
            try:
                add_item(section, q, n)
                count += 1
            except Unwritable as why:
                del section[mark:]
                self.skip(q, str(why))
        if not count:
            return None
        return zip_bytes(
            [
                ("imsmanifest.xml", xml_bytes(manifest(aid))),
                (f"{aid}/{aid}.xml", xml_bytes(root)),
                (f"{aid}/assessment_meta.xml", xml_bytes(quiz_meta(aid, qset, count))),
            ]
        )
