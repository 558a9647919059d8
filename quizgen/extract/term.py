"""Term facts: the article's key vocabulary, chosen by rarity in general English and use here.

Rarity comes from wordfreq's packaged frequency lists (no download). A term keeps the
sentence it is used in, for cloze and for matching terms to their sentences.
"""

from __future__ import annotations

import re
from collections import Counter

from ..language import strip_linkers
from ..model import Fact
from ..nlp import Analysis
from ..pronouns import has_dangling_pronoun
from .base import SPEECH, span_text, stands_alone, tokens, usable_sentences

RARE = 3.2  # Zipf frequency below which a word is worth teaching (3 = once per million words)
# Nouns carry the ideas; a blanked verb or common adjective tests wording, not the article.
POS = ("NOUN", "ADJ")
RARE_ADJ = 2.8
# Nouns for people by what they do: the rest of the sentence gives them away, and a synonym
# ("spokesman", "suspects") fits the blank as well (reviews kept 5 of 44 word blanks).
PERSON_NOUN = re.compile(r"(er|or|ist|ian|man|woman|person|ee|eer|ant|ent)s?$")


def stands_as_blank(tok) -> bool:
    """Whether the word heads its own phrase, so that its neighbours do not give it away: not
    a modifier ("_____ black holes", "broadband _____ service"), not after a modifier of its
    own ("the elections _____"), not a second name for the noun before it ("the existing
    currency, the _____"), not defined in the brackets after it. Reviews kept 2 of 12 such
    blanks, 11 of 23 others (rounds 8-44)."""
    if tok.dep_ in ("compound", "amod", "nmod", "appos"):
        return False
    if any(c.dep_ == "compound" or c.lower_ == "other" for c in tok.children):
        return False  # "methane and other _____" (round 46)
    if tok.dep_ == "nsubj" and tok.head.lemma_ in SPEECH:
        return False  # "says the _____": who said it, not a term (round 46)
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after is None or after.text != "("


def zipf(word: str) -> float:
    from ..frequency import zipf as fast  # wordfreq's value, without importing wordfreq

    return fast(word)


class TermExtractor:
    kinds = ("term",)
    per_article = 12

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        title_low = analysis.article.title.lower()
        title_stems = {_stem(w) for w in re.findall(r"[a-z]+", title_low)}
        uses: dict[str, list] = {}
        counts: Counter = Counter()
        for sent, off in usable_sentences(analysis):
            for tok in tokens(sent, analysis):
                if tok.pos_ not in POS or tok.ent_type_ or not tok.is_alpha or len(tok.text) < 5:
                    continue
                if not tok.text.islower():
                    continue
                lemma = tok.lemma_.lower()
                counts[lemma] += 1
                uses.setdefault(lemma, []).append((tok, sent, off))
        scored = []
        for lemma in uses:
            # "clothes" is common though "clothe" is not: the rarer reading decides nothing.
            rarity = max(zipf(lemma), zipf(uses[lemma][0][0].lower_))
            if rarity >= RARE or zipf(lemma) == 0:
                continue
            if PERSON_NOUN.search(lemma):
                continue  # "spokeswoman", "jurors", "carers": the sentence says who it is
            if uses[lemma][0][0].pos_ == "ADJ" and rarity >= RARE_ADJ:
                continue  # common words teach nothing; unknown ones are usually typos
            scored.append((rarity - 0.3 * min(counts[lemma], 3), lemma))
        facts = []
        for _, lemma in sorted(scored)[: self.per_article]:
            # The first use in a sentence that stands on its own.
            # The shortest sentence that stands alone: the term's context with least else in it
            # (long opening sentences are asked about already).
            alone = [
                u
                for u in uses[lemma]
                if not has_dangling_pronoun(span_text(u[1], analysis))
                and stands_alone(u[1], analysis=analysis)
                and stands_as_blank(u[0])
            ]
            if not alone:
                continue  # a blank in a sentence that leans on another teaches the wrong thing
            tok, sent, off = min(alone, key=lambda u: (len(u[1]), u[1].start))
            whole = span_text(sent, analysis).strip()
            # "However, chimps ...": the sentence without its link to one the student
            # does not see.
            text = strip_linkers(whole)
            start = tok.idx - sent.start_char - (len(whole) - len(text))
            if start < 0:
                continue  # the word was part of the linker
            text = text[:1].upper() + text[1:]
            word = text[start : start + len(tok.text)]  # "Bonobos" where it opens the sentence
            blanked = text[:start] + "_____" + text[start + len(tok.text) :]
            slots = {
                "term": word,
                "lemma": lemma,
                "pos": tok.pos_,
                "sentence": text,
                "blanked": re.sub(r"\s+", " ", blanked),
                "zipf": round(zipf(lemma), 2),
                "uses": counts[lemma],
                # "privatisation" under "Privatising Mexico's oil industry" (round 187)
                "in_title": lemma in title_low or _stem(lemma) in title_stems,
            }
            facts.append(
                Fact.make(
                    "term",
                    slots,
                    analysis.evidence(sent, off),
                    salience=0.5 + 0.1 * min(counts[lemma], 3),
                    extractor="term",
                )
            )
        return facts


def _stem(word: str) -> str:
    """The first six letters: "privatisation" and "privatising" share "privat"."""
    return word[:6] if len(word) >= 7 else word
