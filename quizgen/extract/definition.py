"""Definition facts: "X is Y" sentences, which say what a thing is or how the writer judges it.

"The Royal Society ... is a learned society" gives "What is the Royal Society?"; "The silver
lining is that the two countries are willing to take the peace process forward" gives
"According to the author, what is the silver lining?"; "What is really disturbing ... is the
fact that it took four days ..." gives "According to the author, what is really disturbing?".
The question keeps the sentence's own subject, so it is as clear as the article.
"""

from __future__ import annotations

import re

from ..language import render, strip_linkers, tidy
from ..model import Fact
from ..nlp import Analysis
from ..pronouns import has_dangling_pronoun
from .base import QUOTE_MARKS, is_pronoun, tokens, usable_sentences

# A noun phrase or a clause; an adjective ("is large") describes rather than defines.
COMPLEMENTS = ("attr", "ccomp", "xcomp")
JUDGEMENTS = {
    "challenge",
    "problem",
    "question",
    "aim",
    "goal",
    "plan",
    "task",
    "lesson",
    "solution",
    "priority",
    "danger",
    "risk",
    "point",
    "truth",
    "reality",
    "lining",
    "irony",
    "worry",
    "fear",
    "hope",
    "answer",
    "issue",
    "difficulty",
    "concern",
    "reason",
    "result",
    "idea",
    "key",
    "message",
    "conclusion",
    "fact",
    "objective",
    "purpose",
    "important",
}
MODALS = {"will", "would", "could", "can", "may", "might", "should", "must"}


def _text(tokens) -> str:
    return tidy(render(t for t in tokens if not t.is_space)).rstrip(" ,.;")


class DefinitionExtractor:
    kinds = ("definition",)

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        voice = "the author" if analysis.cache.get("opinion") else "the article"
        title_words = {
            w.lower() for w in re.findall(r"[A-Za-z]+", analysis.article.title) if len(w) > 3
        }
        facts = []
        for sent, off in usable_sentences(analysis):
            if any(t.text in QUOTE_MARKS for t in tokens(sent, analysis)):
                continue
            root = sent.root
            if root.lemma_ != "be" or any(c.dep_ == "neg" for c in root.children):
                continue
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "csubj")), None)
            comp = next((c for c in root.children if c.dep_ in COMPLEMENTS and c.i > root.i), None)
            if subj is None or comp is None or is_pronoun(subj):
                continue
            aside = {t for c in subj.children if c.dep_ == "appos" for t in c.subtree}
            subj_toks = [
                t for t in subj.subtree if t not in aside and (not t.is_punct or t.text == "-")
            ]
            subject = strip_linkers(_text(subj_toks))
            answer = _text(comp.subtree)
            answer = re.sub(r"^(the fact )?that\s+", "", answer, flags=re.I)
            if not 1 <= len(subject.split()) <= 12 or not 3 <= len(answer.split()) <= 30:
                continue
            if has_dangling_pronoun(subject) or subject.lower() in ("the author", "the writer"):
                continue  # the byline's biography, not the article's matter
            aux = [c for c in root.children if c.dep_ == "aux"]
            if aux and aux[0].lower_ not in MODALS:
                continue  # "has been": the question would need the perfect; rarely worth it
            # "The challenge is to reach ...", "The silver lining is that ...": a clause
            # defines only a subject that names a judgement; otherwise it is a parse of
            # something else ("The deal is for the industry to refuse ...").
            if comp.dep_ in ("ccomp", "xcomp") and subj.dep_ != "csubj":
                if subj.lemma_.lower() not in JUDGEMENTS:
                    continue
            # Define things, not people ("what is the French star?", "what is Bill Thompson?"),
            # and only things the article names or judges ("what is speed?" asks nothing).
            if subj.dep_ != "csubj":
                named = subj.ent_type_ in (
                    "ORG",
                    "GPE",
                    "PRODUCT",
                    "EVENT",
                    "LAW",
                    "WORK_OF_ART",
                    "FAC",
                    "LOC",
                    "NORP",
                )
                person = subj.ent_type_ == "PERSON" or comp.ent_type_ == "PERSON"
                topic = subj.lemma_.lower() in title_words  # "the summit" of a summit story
                judged = subj.lemma_.lower() in JUDGEMENTS or any(
                    t.tag_ == "JJS" for t in subj.subtree
                )
                # "What is Denmark?" or "what is the tunnel?" has as many right answers as
                # the article has sentences about it: only a judgement is defined by one.
                if person or not judged or not (named or topic or judged):
                    continue
            if subj.dep_ == "csubj":
                if not subject.lower().startswith("what "):
                    continue
                question = f"According to {voice}, {subject[:1].lower() + subject[1:]}?"
            else:
                if subj.pos_ != "PROPN" and not subj.ent_type_ and len(subject.split()) > 8:
                    continue
                # "X and Y are"; "X or Y is".
                plural = subj.tag_ in ("NNS", "NNPS") or (
                    any(c.dep_ == "conj" for c in subj.children)
                    and not any(c.dep_ == "cc" and c.lower_ == "or" for c in subj.children)
                )
                verb = f"{aux[0].lower_} be" if aux else ("are" if plural else "is")
                first = next(iter(subj.subtree))
                keep = first.pos_ == "PROPN" or sum(c.isupper() for c in first.text) > 1  # "EA"
                shown = subject if keep else subject[:1].lower() + subject[1:]
                if aux:
                    question = f"According to {voice}, what {aux[0].lower_} {shown} be?"
                else:
                    question = f"According to {voice}, what {verb} {shown}?"
            # A judgement ("the most important lesson is that ...") can be argued with.
            judged = subj.dep_ != "csubj" and (
                subj.lemma_.lower() in JUDGEMENTS
                or any(t.tag_ == "JJS" or t.lower_ == "most" for t in subj.subtree)
            )
            # The view an essay asks about, as a clause: "that the two countries are willing
            # ...", or the judgement whole where its complement is a noun phrase ("that the
            # Ahr's speciality is complex wines ...", not "that Complex wines ...").
            view = answer if comp.dep_ == "ccomp" else ""
            if judged and not view and subj.dep_ != "csubj":
                view = f"{shown} {verb} {answer[:1].lower() + answer[1:]}"
            slots = {
                "judgement": judged,
                "subject": subject,
                "definition": answer[:1].upper() + answer[1:],
                "question": question,
                "voice": voice,
            }
            if judged and view and not has_dangling_pronoun(view.split()[0]):
                slots["view"] = view  # "this stems from ...": from what?
            facts.append(
                Fact.make(
                    "definition",
                    slots,
                    analysis.evidence(sent, off),
                    salience=0.8,
                    extractor="definition",
                )
            )
        return facts
