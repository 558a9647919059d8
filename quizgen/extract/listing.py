"""List facts: three or more things the article names together ("Europay, Mastercard and
Visa"), for choose-all-that-apply items whose wrong options are other things of the kind."""

from __future__ import annotations

import re

from ..language import render, tidy
from ..model import Fact
from ..nlp import Analysis
from ..pronouns import has_dangling_pronoun
from .base import sent_ents, stands_alone, usable_sentences
from .entities import EntityIndex

# A list of examples, not of all the members: "stars such as ...", "below the likes of ...",
# "... were just some of the actors".
EXAMPLES_BEFORE = re.compile(
    r"\b(such(?: \w+){0,2} as|including|like|the likes of|among them|for example|e\.g\.)\W*$",
    re.I,
)
EXAMPLES_AFTER = re.compile(
    r"\W*(?:were|are|was|is)?\s*(?:just |only )?(?:some|among|a few|two|three)\b", re.I
)


def _item_tokens(tok):
    """An item of a list without the items coordinated after it."""
    skip = set()
    for c in tok.children:
        if c.dep_ in ("conj", "cc", "punct", "appos"):
            skip |= set(c.subtree)
    return [t for t in tok.subtree if t not in skip]


def _list_heads(doc) -> list[int]:
    """The tokens that may head a list, in order: those with a coordinated word after them
    (``Token.conjuncts`` follows the "conj" children to the right). Found from the doc's
    arrays, so that the other words need no Token object and no walk of their children."""
    from spacy.attrs import DEP, HEAD
    from spacy.symbols import conj

    found = set()
    for j, (dep, offset) in enumerate(doc.to_array([DEP, HEAD]).astype("int64").tolist()):
        if dep == conj and offset < 0:
            found.add(j + offset)
    return sorted(found)


class ListExtractor:
    kinds = ("list",)

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        index = EntityIndex.of(analysis)
        facts = []
        heads: dict[int, list[int]] = {}
        for sent, off in usable_sentences(analysis):
            doc = sent.doc
            if id(doc) not in heads:
                heads[id(doc)] = _list_heads(doc)
            for i in heads[id(doc)]:
                if not sent.start <= i < sent.end:
                    continue
                tok = doc[i]
                if tok.dep_ == "conj" or len(tok.conjuncts) < 2:
                    continue  # only the head of a list, once
                members = [tok, *tok.conjuncts]
                spans = [_item_tokens(m) for m in members]
                items = [tidy(render(sp)) for sp in spans]
                labels = set()
                whole = True
                for m, item in zip(members, items, strict=True):
                    ent = next(
                        (e for e in sent_ents(sent, analysis) if e.start <= m.i < e.end), None
                    )
                    labels.add(ent.label_ if ent is not None else m.pos_)
                    # "The Aviator, Million Dollar Baby": a name cut into words is no member.
                    whole = whole and (ent is None or tidy(ent.text) == item)
                if (
                    len(labels) != 1
                    or not whole
                    or not all(1 <= len(i.split()) <= 4 for i in items)
                ):
                    continue
                if len(items) > 4:
                    continue  # six whalers' homelands, seven states: a list to recite, not learn
                label = labels.pop()
                if label not in ("PERSON", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "NOUN", "PROPN"):
                    continue
                # Entities by their index names, so wrong options are the same kind of thing.
                names = items
                if label not in ("NOUN", "PROPN"):
                    # Not a name of another kind: "Malaysia" is no "Malaysian Airlines".
                    found = [index.lookup(i) for i in items]
                    names = [
                        e.name if e is not None and e.label == label else i
                        for e, i in zip(found, items, strict=True)
                    ]
                start = min(t.idx for sp in spans for t in sp) - sent.start_char
                end = max(t.idx + len(t) for sp in spans for t in sp) - sent.start_char
                text = sent.text
                if not re.search(r"\b(and|or|nor)\b|&", text[start:end]):
                    continue  # "in Seattle, Washington, United States": one place, named in full
                if EXAMPLES_BEFORE.search(text[:start]) or EXAMPLES_AFTER.match(text[end:]):
                    continue  # some of many: another option may be true as well (round 45)
                if text[:start].rstrip().endswith("("):
                    continue  # "Afro-Eurasia (Europe, Asia and Africa)": the name says them
                if not stands_alone(sent, analysis=analysis):
                    continue  # "During the Age of Discovery, it was known for ...": what was?
                blanked = re.sub(r"\s+", " ", text[:start] + "_____" + text[end:]).strip()
                if has_dangling_pronoun(blanked) or re.search(r"[.!?] [A-Z]", blanked[:-1]):
                    continue  # two sentences the model took for one
                slots = {"items": names, "label": label, "blanked": blanked, "count": len(names)}
                facts.append(
                    Fact.make(
                        "list",
                        {**slots, "key": "; ".join(names)},
                        analysis.evidence(sent, off),
                        salience=0.6,
                        extractor="list",
                    )
                )
        return facts
