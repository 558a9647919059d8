"""Event facts: who did what, and when and where, from each main clause.

The questions are made here, by moving the parse (see ``quizgen.language.ask``), and stored
as slots: ``who_q`` with its answer ``subject``, ``when_q``/``when``, ``where_q``/``where``
and ``what_q``/``what``. A slot is left empty where the clause cannot give a
self-contained question, and the templates test for that.
"""

from __future__ import annotations

from ..language import ask, has_dangling_pronoun
from ..model import Fact
from ..nlp import Analysis
from .base import (
    SPEECH,
    answer_text,
    clause_text,
    is_pronoun,
    subject_name,
    usable_sentences,
    well_formed,
    wh_for,
)
from .entities import EntityIndex

HUMAN_NOUNS = {
    "people",
    "person",
    "expert",
    "analyst",
    "official",
    "critic",
    "fan",
    "player",
    "minister",
    "worker",
    "customer",
    "user",
    "voter",
    "resident",
    "student",
    "teacher",
    "doctor",
    "scientist",
    "researcher",
    "leader",
    "spokesman",
    "spokeswoman",
    "manager",
    "investor",
    "economist",
    "campaigner",
    "politician",
    "executive",
    "staff",
    "member",
    "family",
    "child",
}
TIME_PREPS = {"on", "in", "at", "during", "since", "by", "until", "before", "after"}
PLACE_PREPS = {"in", "at", "to", "from", "near", "inside", "across"}


def _ok(question: str | None, answer: str, analysis: Analysis) -> bool:
    if not question or not answer:
        return False
    if answer.lower() in question.lower():
        return False
    return not has_dangling_pronoun(question) and well_formed(question, analysis)


class EventExtractor:
    kinds = ("event",)

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        index = EntityIndex.of(analysis)
        facts = []
        for sent, off in usable_sentences(analysis):
            # Subordinate clauses too, for a named actor: "As Kim reached Vietnam on Tuesday".
            subordinate = [t for t in sent if t.dep_ in ("advcl", "ccomp") and t.pos_ == "VERB"]
            for verb in [sent.root, *subordinate]:
                fact = self._event(verb, sent, off, analysis, index, main=verb == sent.root)
                if fact is not None:
                    facts.append(fact)
        return facts

    def _event(self, verb, sent, off, analysis, index, main: bool):
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in SPEECH:
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or is_pronoun(subj) or subj.lower_ in ("there", "what", "which"):
            return None
        name, label = subject_name(subj, analysis)
        if not main and not label:
            return None  # a subordinate clause is worth asking about only for a named actor
        slots = {
            "subject": name,
            "subject_label": label,
            "statement": clause_text(sent) if main else "",
            "who_q": "",
            "when_q": "",
            "when": "",
            "where_q": "",
            "where": "",
            "what_q": "",
            "what": "",
            "object_label": "",
        }
        # "Kim and Trump are likely to ...": no single name answers "Who".
        if label and not any(c.dep_ == "conj" for c in subj.children):
            q = ask(verb, sent, None, wh_for(label))
            # A subordinate clause alone is often too thin to ask about ("Who leaves office?").
            if _ok(q, name, analysis) and (main or len(q.split()) >= 7):
                slots["who_q"] = q
        elif (
            not label
            and main
            and verb.lemma_ != "be"  # "X is Y" asks for a definition, not for X
            and subj.pos_ == "NOUN"
            and 2 <= len(list(subj.subtree)) <= 8
        ):
            # "Cash machine networks could soon be more susceptible to computer viruses":
            # what the article says a thing does is worth asking when the thing is specific.
            wh = "Who" if subj.lemma_.lower() in HUMAN_NOUNS else "What"
            answer = answer_text(subj.subtree)
            q = ask(verb, sent, None, wh, singular=False)
            if _ok(q, answer, analysis) and not has_dangling_pronoun(answer):
                slots["who_q"], slots["subject"] = q, answer[:1].upper() + answer[1:]
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in TIME_PREPS | PLACE_PREPS:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                ents = [e for e in sent.ents if e.start <= pobj.i < e.end]
                if not ents:
                    continue
                ent = ents[0]
                target = set(child.subtree)
                if ent.label_ == "DATE" and child.lower_ in TIME_PREPS and not slots["when"]:
                    q = ask(verb, sent, target, "When")
                    ans = answer_text(child.subtree)
                    if _ok(q, ans, analysis):
                        slots["when_q"], slots["when"] = q, ans
                elif ent.label_ in ("GPE", "LOC", "FAC") and child.lower_ in PLACE_PREPS:
                    if child.lower_ in ("to", "from"):
                        continue  # "Where" loses the direction
                    q = ask(verb, sent, target, "Where")
                    canon = index.lookup(ent.text)
                    ans = canon.name if canon else answer_text(ent)
                    if _ok(q, ans, analysis) and not slots["where"]:
                        slots["where_q"], slots["where"] = q, ans
            elif child.dep_ == "npadvmod" and child.ent_type_ == "DATE" and not slots["when"]:
                q = ask(verb, sent, set(child.subtree), "When")
                ans = answer_text(child.subtree)
                if _ok(q, ans, analysis):
                    slots["when_q"], slots["when"] = q, ans
            elif child.dep_ == "dobj" and not is_pronoun(child) and not slots["what"]:
                toks = list(child.subtree)
                if len(toks) > 12:
                    continue
                obj_ents = [e for e in sent.ents if e.root == child]
                wh = "Who" if obj_ents and obj_ents[0].label_ == "PERSON" else "What"
                q = ask(verb, sent, set(toks), wh)
                ans = answer_text(toks)
                if _ok(q, ans, analysis):
                    slots["what_q"], slots["what"] = q, ans
                    slots["object_label"] = obj_ents[0].label_ if obj_ents else ""
        if not any(slots[k] for k in ("who_q", "when_q", "where_q", "what_q")):
            return None
        salience = 0.5 + 0.1 * sum(bool(slots[k]) for k in ("who_q", "when_q", "where_q"))
        return Fact.make(
            "event", slots, analysis.evidence(sent, off), salience=salience, extractor="event"
        )
