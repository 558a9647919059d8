"""Position facts: what each party wants, demands, opposes or looks for.

"Pyongyang believes in a gradual approach ... while demanding that the US progressively lift
the sanctions. But the US looks for complete, verifiable and irreversible denuclearization"
gives two parties and their positions, which make matching items (party to position), true
or false items that swap the party, and "what does X look for?" questions whose wrong
options are the other parties' positions.
"""

from __future__ import annotations

from ..language import ask, render, tidy
from ..model import Fact
from ..nlp import Analysis
from ..pronouns import has_dangling_pronoun
from .base import (
    QUOTE_MARKS,
    final_token,
    is_pronoun,
    said_more_after,
    subject_name,
    tokens,
    usable_sentences,
    well_formed,
)

POSITION_VERBS = {
    "want",
    "demand",
    "seek",
    "call",
    "urge",
    "insist",
    "propose",
    "oppose",
    "reject",
    "support",
    "back",
    "favour",
    "favor",
    "push",
    "press",
    "prefer",
    "refuse",
    "look",
    "believe",
    "advocate",
    "resist",
    "welcome",
    "criticise",
    "criticize",
    "condemn",
}
# Verbs whose object is told what to do ("urged the government to set up ..."). After others
# the "to" clause belongs to the object: "seek EU approval to distil wine" (round 43).
TELLING = {"want", "urge", "press", "push", "call", "prefer", "advocate", "demand"}
# Verbs whose position follows a preposition: "look for", "call for", "believe in".
PARTICLE = {
    "look": "for",
    "call": "for",
    "push": "for",
    "press": "for",
    "believe": "in",
    "insist": "on",
}
PARTIES = ("PERSON", "ORG", "GPE", "NORP")
BODIES = {
    "member",
    "committee",
    "government",
    "minister",
    "union",
    "campaigner",
    "critic",
    "report",
    "mp",
    "official",
    "council",
    "court",
    "judge",
    "police",
    "party",
    "group",
    "board",
    "panel",
    "inquiry",
    "opposition",
    "regulator",
    "watchdog",
    "charity",
}


def _subject(verb):
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "Pyongyang believes ... while demanding ...": the participle's subject is the head's.
    if subj is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ in ("VBG", "VB"):
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subj


def _position(verb, told):
    """The tokens of what is wanted. ``told`` is ``_wanted_of(verb)``."""
    # "urged the government to set up a task force": what is wanted is the "to" clause.
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if (
        xcomp is not None
        and verb.lemma_ in TELLING
        and any(c.dep_ == "dobj" for c in verb.children)
    ):
        return [
            t
            for t in xcomp.subtree
            if not (t.dep_ == "aux" and t.lower_ == "to" and t.head == xcomp)
        ]
    if told is not None:
        return told[0]
    particle = PARTICLE.get(verb.lemma_)
    for child in verb.children:
        if particle and child.dep_ == "prep" and child.lower_ == particle:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return list(pobj.subtree)
        if not particle and child.dep_ in ("dobj", "ccomp", "xcomp"):
            toks = list(child.subtree)
            after = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ in ("xcomp", "advcl")
                    and c.i > child.i
                    and c.doc[c.i - 1].lower_ == "to"
                    and c.doc[c.i - 1].head == c
                ),
                None,
            )
            if child.dep_ == "dobj" and after is not None:
                # "seek EU approval to distil wine": what is sought is the approval to do it;
                # left in the question, "seek to distil" would read as one verb.
                toks += sorted(after.subtree, key=lambda t: t.i)
            return toks
    return None


def _wanted_of(verb) -> tuple[list, set] | None:
    """ "Beijing wants Trump to eliminate the 15% tariffs ..., as well as provide ...": the
    parser makes "Trump to eliminate" a clause of its own. What is wanted is the first deed,
    without its doer (who stays in the question) and without the deeds added after it,
    which the question leaves out too (the second value)."""
    clause = next(
        (
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and c.tag_ == "VB"
            and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == c.i - 1 for a in c.children)
        ),
        None,
    )
    doer = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause else None
    if doer is None:
        return None
    deeds = [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i]
    end = min((t.i for c in deeds for t in c.subtree), default=len(clause.doc))
    toks = [t for t in clause.subtree if t.i < end and t not in doer.subtree]
    toks = [t for t in toks if t.i != clause.i - 1]  # its "to"
    while toks and (
        toks[-1].is_punct or toks[-1].dep_ == "cc" or toks[-1].lower_ in ("as", "well")
    ):
        toks.pop()
    later = {t for t in clause.subtree if t.i >= (toks[-1].i + 1 if toks else end)}
    return toks, later | {clause.doc[clause.i - 1]}  # the "to" comes back as "to do?"


class PositionExtractor:
    kinds = ("position",)

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        facts = []
        for sent, off in usable_sentences(analysis):
            words = tokens(sent, analysis)
            if any(t.text in QUOTE_MARKS for t in words):
                continue  # a quotation's positions are its speaker's, asked as statements
            for verb in words:
                if verb.lemma_ not in POSITION_VERBS or verb.pos_ != "VERB":
                    continue
                subj = _subject(verb)
                if subj is None or is_pronoun(subj):
                    continue
                party, label = subject_name(subj, analysis)
                if label not in PARTIES:
                    if subj.lemma_.lower() not in BODIES:
                        continue
                    # "Members urged ...", "The committee wants ...": a body named by a noun.
                    party, label = tidy(render(subj.subtree)), "BODY"
                told = _wanted_of(verb)
                toks = _position(verb, told)
                if not toks or not 2 <= len(toks) <= 20:
                    continue
                # "demanding that the US lift ...": the answer keeps its "that".
                position = tidy(render(toks)).rstrip(" ,.")
                if not position or has_dangling_pronoun(position):
                    continue
                asked = set(toks)
                urged = (
                    toks
                    and toks[0].head.dep_ == "xcomp"
                    or any(t.dep_ == "xcomp" for t in toks[:1])
                )
                if told is not None:
                    urged = True  # "What does Beijing want Trump to do?"
                elif (
                    verb.lemma_ in TELLING
                    and any(c.dep_ == "xcomp" for c in verb.children)
                    and any(c.dep_ == "dobj" for c in verb.children)
                ):
                    # "What did the committee urge the government to do?"
                    xcomp = next(c for c in verb.children if c.dep_ == "xcomp")
                    asked = set(xcomp.subtree)
                    urged = True
                else:
                    urged = False
                # "As rebel forces maneuvered, Gadhafi urged Obama to ...": the scene-setting
                # clause would be moved to the end, past where "to do" goes.
                scene = (
                    {
                        t
                        for c in verb.children
                        if c.dep_ == "advcl" and c.i < subj.i
                        for t in c.subtree
                    }
                    if urged
                    else set()
                )
                if told is not None:
                    scene |= told[1]
                # "What does Beijing also want ...?": also besides what? The question stands
                # alone without it.
                scene |= {c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "also"}
                # ", with vintners receiving compensation": a side circumstance, which left
                # behind the object's gap reads as part of what is asked.
                for c in verb.children:
                    if (
                        c.dep_ == "prep"
                        and c.lower_ == "with"
                        and c.i > max(x.i for x in asked)
                        and any(g.tag_ == "VBG" for g in c.subtree)
                    ):
                        scene |= set(c.subtree)
                        if c.doc[c.i - 1].is_punct:
                            scene.add(c.doc[c.i - 1])  # its comma
                q = (
                    ask(verb, sent, asked, "What", drop=scene)
                    if verb.dep_ in ("ROOT", "ccomp")
                    else None
                )
                if q and urged:
                    q = q[:-1] + " to do?"
                last = max(t.i for t in asked)
                if q and any(
                    c.dep_ == "advcl"
                    and c.i > last
                    and c.tag_ == "VBG"
                    and not any(m.dep_ in ("mark", "nsubj", "advmod") for m in c.children)
                    for c in verb.children
                ):
                    # "What are regulators demanding leaving thousands without alerts?": with
                    # the object gone, a clause after it reads as part of the question; and
                    # ", leaving ..." may well belong to the object's own clause (round 36).
                    q = None
                if q and (has_dangling_pronoun(q) or not well_formed(q, analysis)):
                    q = None
                if q and said_more_after(sent, subj, analysis):
                    q = None  # "He also called for ...": the key would be half the answer
                written = tidy(render(subj.subtree))
                slots = {
                    "party": party,
                    "party_label": label,
                    "verb": verb.text,
                    "verb_lemma": verb.lemma_,
                    "position": position[:1].upper() + position[1:],
                    "what_q": q or "",
                    "statement": "",
                }
                # "Pyongyang wants X": one checkable line for a true/false item.
                if verb.dep_ == "ROOT" and verb.tag_ != "VBG" and written in sent.text:
                    # Its own punctuation stays ("the 15% tariffs"); its full stop is added.
                    # From its "will" or "has" on: "The government will seek ...", not "seek".
                    start = min(
                        [verb.i]
                        + [
                            c.i
                            for c in verb.children
                            if c.dep_ in ("aux", "auxpass", "neg") and subj.i < c.i < verb.i
                        ]
                    )
                    end = final_token(sent)
                    vp = [
                        t for t in verb.subtree if t.i >= start and not (t.is_punct and t.i == end)
                    ]
                    slots["statement"] = f"{written} {tidy(render(vp))}."
                    slots["party_written"] = written
                facts.append(
                    Fact.make(
                        "position",
                        slots,
                        analysis.evidence(sent, off),
                        salience=0.8,
                        extractor="position",
                    )
                )
        return facts
