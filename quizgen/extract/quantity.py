"""Quantity facts: the figures an article gives, with a how-many/how-much question.

"In January 2003 the Slammer worm knocked out 13,000 cash machines" gives "How many cash
machines did the Slammer worm knock out in January 2003?" with the answer "13,000".
"""

from __future__ import annotations

import re

from ..kinds import HEDGE_WORDS
from ..language import ask, render, tidy
from ..model import Fact
from ..nlp import Analysis
from ..pronouns import has_dangling_pronoun
from .base import clause_text, number_as_name, sent_ents, usable_sentences, well_formed

HEDGES = r"^(" + "|".join(HEDGE_WORDS) + r")\s+"
LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def _wh(ent, noun_toks) -> str:
    rest = tidy(
        render(
            t
            for t in noun_toks
            if t.i not in range(ent.start, ent.end) and t.dep_ not in ("det", "quantmod")
        )
    )
    rest = rest.lstrip(" ,")
    if ent.label_ == "PERCENT":
        return "What percentage" + (f" {rest}" if rest.startswith("of ") else "")
    if ent.label_ == "MONEY":
        return "How much" if not rest else ""  # "How much day" is not a question
    if not rest or rest.startswith("of "):
        return ""
    return f"How many {rest}"


# A figure a student can give back: "12,575", "£15,000", "36%", "1.3 million". Not a range
# ("between 4.7% and 4.8%"), an estimate or an odds price ("5/4").
PLAIN_AMOUNT = re.compile(r"[£$€]?\d[\d,]*(?:\.\d+)?(?:%| ?(?:m|bn|million|billion|trillion)\b)?")
PLACES = {"GPE", "NORP", "LOC"}
# "10 times more powerful than existing processors" counts no thing.
COMPARING = {"more", "less", "fewer", "than", "times"}
RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b", re.I)
# Words a question cannot lean on: it names no one who could be "they".
# ("he" and "his" after a name are the name's: ``has_dangling_pronoun`` tells.)
LEANING = re.compile(r"\b(?:it|its|they|them|their|this|these|those|we|our)\b", re.I)


def _stands_alone(q: str, ent, toks, sent) -> bool:
    """Whether "How many ...?" reads as a question of its own, asked of a plain figure.

    - What is counted is a run of common words ("net cafes"), with a place's name at most
      ("England caps"); a sum ("How much ...?") counts nothing. Another name or
      a number inside comes from a garbled parse ("How many m. Britain's ...", "How many
      Wikid Records label ...").
    - No pronoun: "How many broadband subscribers does it currently have?"
    - It names someone, something or some time of the article: "How many workers lost
      their jobs?" asks about workers nobody can place.
    """
    if ent.text in q or not PLAIN_AMOUNT.fullmatch(ent.text.strip()):
        return False
    counted = [t for t in toks if t.i not in range(ent.start, ent.end)]
    if not counted and ent.label_ != "MONEY":
        return False
    counts = ent.root.head if ent.root.dep_ == "nummod" else None
    if re.search(r"(?i)\bhow many\b", q) and counts is not None and counts.tag_ in ("NN", "NNP"):
        return False  # "How many mark did the number top?": a count is of a plural
    if any(
        t.pos_ in ("NUM", "PUNCT", "PRON")
        or t.lower_ in COMPARING
        # "England caps", "households in Britain": of names, only a place's or a people's.
        or not (t.is_lower or t.ent_type_ in PLACES)
        for t in counted
    ):
        return False
    # A comma joins on a clause or an aside the move garbles ("How many children were dying
    # unnecessarily every day more was needed, including ..."); a relative word left inside
    # lost its clause ("How many viewers did which draw ...?").
    # (One comma after a phrase put first is the question's own: "By the autumn, how many".)
    if (
        "," in re.sub(r"^[^,]+, (?=how many|how much|what percentage)", "", q)
        or RELATIVE.search(q.split(" ", 1)[-1])
        or len(q.split()) > 18
    ):
        return False
    if LEANING.search(q) or has_dangling_pronoun(q):
        return False
    return any(
        e.text in q
        for e in sent.ents
        if e.label_ not in ("CARDINAL", "ORDINAL") and (e.start, e.end) != (ent.start, ent.end)
    )


class QuantityExtractor:
    kinds = ("quantity",)

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        facts = []
        for sent, off in usable_sentences(analysis):
            for ent in sent_ents(sent, analysis):
                if ent.label_ not in LABELS or not any(c.isdigit() for c in ent.text):
                    continue
                if number_as_name(ent):
                    continue
                head = ent.root
                # The noun phrase the number counts: "13,000 cash machines".
                np = (
                    head.head
                    if head.dep_ in ("nummod", "quantmod") and head.head.pos_ in ("NOUN", "PROPN")
                    else head
                )
                verb = np.head
                while (
                    verb.pos_ not in ("VERB", "AUX")
                    and verb.dep_
                    in ("pobj", "prep", "dobj", "nsubj", "attr", "compound", "amod", "npadvmod")
                    and verb.head != verb
                ):
                    verb = verb.head
                # "Only 42%": the blank is the figure; "only" stays in the sentence.
                amount = re.sub(HEDGES, "", ent.text, flags=re.I).strip(" -–—")
                if not amount or not any(c.isdigit() for c in amount):
                    continue
                # "less than 40%": a blank keeps the hedge beside it, but a question asking
                # "What percentage ...?" would be keyed with half of what the article says.
                hedged = amount != ent.text.strip(" -–—")
                # What the figure measures: a count of people is no wrong option for a
                # count of card numbers; sums and percentages go with their own kind.
                counted = np.lemma_.lower() if np is not head and ent.label_ == "CARDINAL" else ""
                slots = {
                    "amount": amount,
                    "unit": ent.label_,
                    "measure": f"{ent.label_}:{counted}" if counted else ent.label_,
                    "statement": clause_text(sent),
                    "how_q": "",
                }
                # A figure inside dashes or brackets is an aside; moving it garbles the stem.
                # (The hyphen of "high-speed" is no dash.)
                clause = list(verb.subtree)
                plain = not any(
                    t.text in ("(", ")", '"', "“", "”")
                    or (t.text in ("-", "–", "—") and (t.whitespace_ or t.doc[t.i - 1].whitespace_))
                    for t in clause
                )
                # "a program that granted 59,000 Haitians temporary visas": asked of a relative
                # clause, "did that grant" says nothing of what (round 155).
                relative = any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")
                    for c in verb.children
                )
                if (
                    plain
                    and not hedged
                    and not relative
                    and verb.pos_ in ("VERB", "AUX")
                    and np.dep_
                    in (
                        "dobj",
                        "nsubj",
                        "nsubjpass",
                        "attr",
                    )
                ):
                    toks = list(np.subtree)
                    if len(toks) <= 12:
                        wh = _wh(ent, toks)
                        if wh:
                            target = None if np.dep_ in ("nsubj", "nsubjpass") else set(toks)
                            # A subject question keeps the verb's own number: "How many
                            # machines were", not "Who was".
                            # The true/false shows the whole sentence, which names
                            # what an "it" in the question is.
                            q = ask(verb, sent, target, wh, singular=False)
                            if q and _stands_alone(q, ent, toks, sent) and well_formed(q, analysis):
                                slots["how_q"] = q
                facts.append(
                    Fact.make(
                        "quantity",
                        slots,
                        analysis.evidence(sent, off),
                        salience=0.6,
                        extractor="quantity",
                    )
                )
        return facts
