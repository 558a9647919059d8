"""What "the game" or "the country" is in an article about one thing.

An encyclopedia entry is headed by its subject's name and opens by saying what kind of thing
it is: "Asteroids is a space-themed ... arcade video game", "Azerbaijan ... is a
transcontinental country". Later sentences call it by that kind ("In 1920, the country was
conquered ..."), which a question shown on its own cannot keep. Here "the country" is read as
Azerbaijan, but only where the article never uses the word for anything else: "a multiplayer
arcade game later renamed Cosmos" in the entry on Asteroids leaves "the game" unsure, as
"182 countries" does not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .base import in_quotes, tokens

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..nlp import Analysis

# "Asteroids (video game)": the page's note of which Asteroids it is, not part of the name.
TITLE_NOTE = re.compile(r"\s*\([^)]*\)\s*$")


def article_subject(analysis: Analysis) -> tuple[str, frozenset[str]] | None:
    """The name the article is about, as its first sentence writes it ("the American
    National Standards Institute"), and the nouns that stand for it ("institute",
    "organization"); None where the article does not open on its headline's name."""
    if "article_subject" not in analysis.cache:
        analysis.cache["article_subject"] = _subject(analysis)
    return analysis.cache["article_subject"]


def _subject(analysis: Analysis) -> tuple[str, frozenset[str]] | None:
    title = TITLE_NOTE.sub("", analysis.article.title).strip()
    sents = analysis.sentences()
    if not title or not sents or len(title.split()) > 6:
        return None
    first = sents[0][0]
    text = first.text
    named = re.match(rf"(?:the )?{re.escape(title)}\b", text, re.I)
    if named is None or first.root.lemma_ != "be":
        return None
    # Its kind, from the verb: "is a ... country"; and the headline's last word, where the
    # name is made of a kind: "the Institute".
    nouns = {c.lemma_.lower() for c in first.root.children if c.dep_ == "attr" and c.pos_ == "NOUN"}
    name = first.doc.char_span(
        first.start_char, first.start_char + named.end(), alignment_mode="contract"
    )
    last = name[-1] if name is not None and len(name) else None
    if (
        last is not None
        and last.lower_ == title.split()[-1].lower()
        and last.pos_ in ("NOUN", "PROPN")
    ):
        nouns.add(last.lower_)
    nouns = {n for n in nouns if _only_for_it(n, first, analysis)}
    if not nouns:
        return None
    return text[: named.end()], frozenset(nouns)


def _only_for_it(noun: str, first: Span, analysis: Analysis) -> bool:
    """Whether every use of ``noun`` for one thing after the opening is a bare "the X" (or
    says what something is: "Azerbaijan is a developing country"): no "a game", no "the
    other country", which would leave "the game" unsure."""
    for sent, _ in analysis.sentences():
        if sent.doc is first.doc and sent.start == first.start:
            continue
        for tok in tokens(sent, analysis):
            if tok.lemma_.lower() != noun and tok.lower_ != noun:
                continue
            if tok.dep_ == "attr" and tok.head.lemma_ == "be":
                continue
            if tok.tag_ in ("NNS", "NNPS"):
                continue  # "182 countries" are others, but not one of them is "the country"
            if tok.tag_ == "NNP" and not _bare(tok):
                continue  # part of a name: "United States of America Standards Institute"
            if not _bare(tok):
                return False
    return True


def _bare(tok: Token) -> bool:
    """ "the country", "the country's": nothing on the noun but its "the"."""
    return (
        tok.tag_ in ("NN", "NNP")
        and tok.i > 0
        and tok.doc[tok.i - 1].lower_ == "the"
        and [c.lower_ for c in tok.children if c.dep_ != "case"] == ["the"]
    )


def subject_for(
    sent: Span, offset: int, analysis: Analysis
) -> tuple[Token, Token, str, int] | None:
    """For a sentence that calls the article's subject "the country" once: the phrase's first
    and last tokens, the subject's name and where the sentence starts (the headline names it
    there too). None where the article is not about one such thing."""
    subject = article_subject(analysis)
    first = analysis.sentences()[0][0]
    if subject is None or (sent.doc is first.doc and sent.start == first.start):
        return None
    name, nouns = subject
    bare = [
        t
        for t in tokens(sent, analysis)
        if (t.lemma_.lower() in nouns or t.lower_ in nouns)
        and t.pos_ in ("NOUN", "PROPN")
        and _bare(t)
    ]
    if len(bare) != 1 or in_quotes(bare[0]):
        return None
    noun = bare[0]
    return noun.doc[noun.i - 1], noun, name, offset + sent.start_char
