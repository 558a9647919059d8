"""The author's main claim in an opinion piece: the sentence of the writer's own voice that
says most of what the headline says.

A column's headline states its argument ("Trump-Kim summit will build more trust"), and the
writer states it again near the start or at the end. So the candidates are the writer's own
sentences that argue (a word of stance such as "should" or "will"; no one else's words, no
reporting verb) in the first three or the last two paragraphs, scored by the headline's words
they share, and a sentence is chosen only where it clearly leads: two headline words at least,
and more than any other candidate. The headline itself, where it states or asks the argument,
is set for discussion (``headline_claim``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..language import STOPWORDS, strip_linkers
from ..pronouns import has_dangling_pronoun
from .base import SPEECH, in_quotes, usable_sentences

if TYPE_CHECKING:
    from ..nlp import Analysis

STANCE = {"should", "must", "need", "will", "would", "have", "has", "can", "cannot"}
MIN_WORDS, MAX_WORDS = 10, 45
# The stance words that argue rather than tell ("will" also tells what is planned).
ARGUED = {"should", "must", "need", "would", "can", "cannot"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOPWORDS and len(w) > 2}


def main_claim(analysis: Analysis) -> tuple[str, object, int] | None:
    """(text, sentence, offset) of the author's main claim, or None where none clearly leads."""
    title = _words(analysis.article.title)
    if len(title) < 2:
        return None
    sents = usable_sentences(analysis)
    paragraphs = sorted({off for _, off in sents})
    ends = set(paragraphs[:3] + paragraphs[-2:])
    scored = []
    for k, (sent, off) in enumerate(sents):
        if off not in ends:
            continue
        text = strip_linkers(sent.text.strip())
        words = text.split()
        if not MIN_WORDS <= len(words) <= MAX_WORDS or text.endswith("?"):
            continue
        if re.search(r"\d", text):
            continue  # a figure is a fact the argument rests on, not the argument
        if any(in_quotes(t) for t in sent) or any(t.text in '"“”' for t in sent):
            continue  # someone else's words
        if any(t.lemma_ in SPEECH and t.dep_ in ("ROOT", "parataxis") for t in sent):
            continue  # "X said ...": a report, not the writer's claim
        if has_dangling_pronoun(text[:1].upper() + text[1:], ("we", "our", "us")):
            continue
        if not any(t.lower_ in STANCE and t.dep_ in ("aux", "ROOT") for t in sent):
            continue  # "There is an employer looking to hire ...": it tells, it argues nothing
        if k == 0 and not any(
            t.lower_ in ARGUED and (t.dep_ == "ROOT" or (t.dep_ == "aux" and t.head == sent.root))
            for t in sent
        ):
            # A column opens on a scene or the news it answers ("On an industrial estate ...
            # hulks a big orange shed", "The announcement ... came as a surprise"): its first
            # sentence is its claim only where it argues (round 147).
            continue
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        scored.append((len(title & lemmas), text, sent, off))
    scored.sort(key=lambda s: -s[0])
    if not scored or scored[0][0] < 2:
        return None
    if len(scored) > 1 and scored[1][0] >= scored[0][0]:
        return None  # two sentences say the headline as well: no clear main claim
    _, text, sent, off = scored[0]
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + ".", sent, off


def headline(analysis: Analysis) -> tuple[str, int, int] | None:
    """(text, start, end) of the headline the page shows as its title block, or None."""
    block = next((b for b in analysis.article.blocks if b.kind == "title"), None)
    if block is None:
        return None
    raw = analysis.article.text[block.start : block.end]
    text = raw.strip()
    if not 2 <= len(text.split()) <= 30 or "\n" in text:
        return None
    start = block.start + raw.index(text)
    return text, start, start + len(text)


def headline_claim(analysis: Analysis) -> tuple[str, bool, int, int] | None:
    """(text, asks, start, end) of an opinion piece's headline where it states or asks the
    argument ("Fossil fuels are no catastrophe. They have made our lives better.", "Can solar
    power replace oil in the Middle East?"), or None for a label of a headline ("Russia's
    Arctic opportunity.") or one the page does not show as its title block. ``asks``: the
    headline is a question the article answers."""
    found = headline(analysis) if analysis.model else None
    if found is None:
        return None
    text, start, end = found
    if len(text.split()) < 4 or text != " ".join(text.split()):
        return None
    if re.search(r"\d", text) or _capitalised(text):
        # "Average Page Weight Increases 15% in 2014": a report's headline, which tells a
        # figure or an event rather than argues (round 147, over the 165 other stories)
        return None
    if SCARE_QUOTES.search(text):
        # "Torturing Muslims is an 'awesome' way to get things done": a word in quotes is
        # someone else's, said with irony; the column argues against it (round 183).
        return None
    # "Why Tunisia succeeded where Egypt failed." asks too, without its question mark.
    asks = text.endswith("?") or bool(WH_OPENING.match(text))
    if not (text.endswith("?") or _says(text, analysis, asks)):
        return None
    return text, asks, start, end


# One to three words in quotation marks inside a headline: "an 'awesome' way".
SCARE_QUOTES = re.compile(r"(?:^|\s)['‘\"“][\w-]+(?: [\w-]+){0,2}['’\"”](?=[\s,.;:!?]|$)")


def _capitalised(text: str) -> bool:
    """Whether a headline is in title case, as news sites write theirs; columns' headlines
    read as sentences."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)[1:] if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


WH_OPENING = re.compile(
    r"(?:Why|How|What|Where|When|Who|Which|Can|Could|Should|Will|Is|Are|Do|Does)\b"
)


def _takes_a_stance(doc, root) -> bool:
    """Whether a headline's clause takes a stance rather than tells an event in headline
    English: a modal ("will build more trust"), a "not" or "no", "is" or "are" ("Fossil fuels
    are no catastrophe", "is failing"), a comparison, or a call ("Let's ..."). "School bans
    Santa from winter concert", "Town told to keep Christ out of Christmas parade" and "Zika
    virus spurs global health emergency" report (rounds 153, 158, 159), though a column
    argues about what they report."""
    return (
        any(
            t.tag_ == "MD"
            or t.dep_ == "neg"
            or (t.lower_ == "no" and t.dep_ == "det")  # not the "No" of "Ho Ho No:"
            or t.lower_ in ("never", "need", "needs")
            for t in doc
        )
        or any(t.lower_ in ("is", "are", "'s", "’s", "be") and t.pos_ == "AUX" for t in doc)
        or any(t.tag_ in ("JJR", "JJS", "RBR", "RBS") for t in doc)
        or (root.tag_ == "VB" and root.i == 0)
        or doc[0].lower_ == "let"
    )


def _says(text: str, analysis: Analysis, asks: bool) -> bool:
    """Whether a headline states an argument: a clause whose verb governs it ("Fossil fuels
    are no catastrophe"), or a call ("Let's recruit ..."); not a label ("The big orange shed
    that holds the key to ...") nor the writer's own story ("I survived the Bhopal gas
    tragedy"), which argue nothing to agree with."""
    from .base import _question_pipeline

    if re.search(r"\b(?:I|me|my)\b", text):
        return False
    nlp, steps = _question_pipeline(analysis.model)
    doc = nlp.make_doc(text)
    for step in steps:
        doc = step(doc)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # A headline that asks ("Where Afghan law fails women.") needs no stance of its own.
    if root is not None and not asks and not _takes_a_stance(doc, root):
        return False
    return root is not None and (
        root.tag_ in ("VBZ", "VBP", "VBD", "MD", "VB")
        or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "VBD", "MD") for c in root.children)
        or (root.pos_ in ("NOUN", "ADJ") and any(c.dep_ == "cop" for c in root.children))
    )
