"""Direct quotations and who spoke them, read from the quotation marks rather than the parse.

News copy quotes people in a few fixed shapes: 'Mr Peston told BBC News: "My understanding
is ..."', '"Banks need to consider protection," Mr Thiemann said.', '"It's unusual," he
said.' The small parser often leaves such a quotation unattached to its verb, so the
statement extractor's reading of "said that ..." misses it; here the marks give the words,
and the parse gives only the speaker.

A speaker written "he" or "she" is the person last quoted, as a reporter writes it, but only
while no other person has been named since (outside the quotations).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..language import STOPWORDS, tidy
from ..model import Fact
from ..pronouns import has_dangling_pronoun
from .base import (
    QUOTE_MARKS,
    in_quotes,
    is_pronoun,
    sent_ents,
    span_text,
    subject_name,
    tokens,
)
from .coref import evidence_from, mentions_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span, Token

    from ..nlp import Analysis

QUOTE_VERBS = {"say", "add", "tell", "warn", "insist", "claim", "explain", "argue", "admit"}
# A quotation is the speaker's own words, so "I", "we" and "you" are theirs; a third
# person or a pointing word still needs the sentences around it.
SPEAKERS_OWN = ("i", "me", "my", "myself", "we", "us", "our", "ourselves", "you", "your")
MIN_WORDS, MAX_WORDS = 7, 35


def segments(words: Iterable[Token], end_char: int) -> list[tuple[int, int]]:
    """Character spans (within the doc) of the quotations in a sentence's words. A quotation
    left open runs to the end of the sentence (``end_char``): news copy closes it only where
    it stops."""
    out, start = [], None
    for tok in words:
        if tok.text not in QUOTE_MARKS:
            continue
        opening = tok.text == "“" or (tok.text == '"' and start is None)
        if opening and start is None:
            start = tok.idx + len(tok)
        elif start is not None:
            out.append((start, tok.idx))
            start = None
    if start is not None:
        out.append((start, end_char))
    return out


def attribution(words: Iterable[Token]) -> Token | None:
    """The reporting verb outside the quotation marks, if the sentence's words have one."""
    for tok in words:
        if tok.lemma_ in QUOTE_VERBS and tok.pos_ == "VERB" and not in_quotes(tok):
            if any(c.dep_ == "neg" for c in tok.children):
                return None
            return tok
    return None


def quoted_words(text: str) -> str | None:
    """A quotation fit to quote in a question: a whole sentence of the speaker's, of a
    sensible length, that needs nothing from the sentences around it."""
    text = tidy(text).strip().rstrip(",").strip()
    words = text.split()
    if not (MIN_WORDS <= len(words) <= MAX_WORDS):
        return None
    if not text[:1].isupper() or words[0].lower() in ("and", "but", "so", "or", "because"):
        return None  # a fragment ("golden rule"), or a sentence that leans on the one before
    if "'" in re.sub(r"\b'\b|s'(?=\s|$)|\w'(?=\w)", "", text) or '"' in text:
        return None  # a quotation inside the quotation: whose words are they?
    text = text.rstrip(".")
    if text.endswith(("...", "…", ":", ";", "-")) or has_dangling_pronoun(text, SPEAKERS_OWN):
        return None
    content = [w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in STOPWORDS]
    if len(content) < 4:
        return None  # "Just to be here really": a remark, not a view worth attributing
    return text


def reporters_words(text: str) -> bool:
    """A sentence in the reporter's words: no quotation marks, or only a few quoted words
    inside it ('Ferguson said his counterpart was "a disgrace".'), closed where they open."""
    pieces = re.split(r'["“”]', text)
    if len(pieces) == 1:
        return True
    if len(pieces) % 2 == 0 or not pieces[0].strip():
        return False  # a quotation left open, or one the sentence starts with: someone's words
    return all(len(p.split()) <= 6 for p in pieces[1::2])


class QuoteReader:
    """Walks an article's sentences in order, remembering who was quoted last."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.last: tuple[str, str, int] | None = None  # name, label, where named
        self.others: set[str] = set()
        self.said_last: tuple[int, int] | None = None  # where an attributed sentence ended

    def read(self, skip: set[int]) -> list[Fact]:
        """Facts for the quotations in sentences that start at none of ``skip``'s offsets
        (those the statement extractor has already read)."""
        facts = []
        for sent, off in self.analysis.sentences():
            fact = self._sentence(sent, off, off + sent.start_char in skip)
            if fact is not None:
                facts.append(fact)
        return facts

    def _people_outside_quotes(self, sent: Span) -> set[str]:
        from .entities import EntityIndex

        index = EntityIndex.of(self.analysis)
        found = set()
        for ent in sent_ents(sent, self.analysis):
            if ent.label_ == "PERSON" and not in_quotes(ent[0]):
                hit = index.lookup(ent.text)
                found.add(hit.name if hit is not None else ent.text)
        return found

    def _speaker(self, verb: Token) -> tuple[str, str] | None:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        if is_pronoun(subj):
            if subj.lower_ not in ("he", "she") or self.last is None:
                return None
            name, label, _ = self.last
            if label != "PERSON" or self.others - {name}:
                return None  # someone else has been named since: "he" is not certain
            return name, label
        name, label = subject_name(subj, self.analysis)
        if label not in ("PERSON", "ORG"):
            return None
        return name, label

    def _sentence(self, sent: Span, off: int, skip: bool) -> Fact | None:
        words = tokens(sent, self.analysis)
        verb = attribution(words)
        people = self._people_outside_quotes(sent)
        follows = self.said_last == (off, sent.start)
        self.said_last = None
        text = span_text(sent, self.analysis)
        if verb is None and follows and text.lstrip()[:1] in QUOTE_MARKS:
            # '"Most banks simply upgrade."' straight after '"...," he said.': the same voice.
            name, label, _ = self.last
            pronoun = True
        else:
            speaker = self._speaker(verb) if verb is not None else None
            if speaker is None:
                self.others |= people
                return None
            name, label = speaker
            pronoun = is_pronoun_subject(verb)
        self.said_last = (off, sent.end)
        # "Where named" stays with the sentence that names the speaker through a run of
        # "he said"s, so the evidence can reach back to it.
        named_at = self.last[2] if pronoun and self.last else off + sent.start_char
        self.last = (name, label, named_at)
        self.others = people - {name}
        if skip:
            return None
        spans = [
            (a, b)
            for a, b in segments(words, sent.end_char)
            if verb is None or not a <= verb.idx < b
        ]
        if not spans:
            return None
        base = sent.start_char
        said = quoted_words(text[spans[0][0] - base : spans[0][1] - base])
        if said is None:
            return None
        evidence = evidence_from(self.analysis, named_at, off + sent.end_char)
        if evidence is None:
            return None  # page furniture between the name and the words
        if len(evidence.text.split()) > 90:
            return None  # named too far back for the evidence to show who spoke
        slots = {
            "speaker": name,
            "speaker_mentions": mentions_of(name, self.analysis),
            "speaker_label": label,
            "verb": "said",
            "verb_lemma": "say",
            "content": said,
            "quoted": True,
            "who_q": f'{"Which organisation" if label == "ORG" else "Who"} said, "{said}"?',
            "claim": "",
            "direct": True,
        }
        return Fact.make(
            "statement",
            slots,
            evidence,
            salience=0.6 if label == "PERSON" else 0.5,
            extractor="statement",
        )


def is_pronoun_subject(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and is_pronoun(subj)
