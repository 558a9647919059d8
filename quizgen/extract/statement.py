"""Statement facts: who said, believes, warned or demanded what.

Indirect speech ("Trump said he had no pressing schedule") keeps its clause; direct speech
('"Most banks simply upgrade," he said') keeps the quotation. A speaker given only as
"he" or "she" is named from the text before it, since a question must name who spoke.
"""

from __future__ import annotations

import re

from .. import wordre
from ..language import render, tidy, without_also
from ..model import Fact
from ..nlp import Analysis
from ..pronouns import has_dangling_pronoun
from .base import (
    QUOTE_MARKS,
    SPEECH,
    display_name,
    is_pronoun,
    resolve_pronoun,
    subject_name,
    tokens,
    usable_sentences,
)
from .coref import evidence_from, mentions_of, person_for
from .entities import EntityIndex
from .quotes import QuoteReader


def _named_in(name: str, text: str, analysis: Analysis) -> bool:
    """Whether ``text`` names the person ``name`` by any of the article's names for them."""
    ent = EntityIndex.of(analysis).lookup(name)
    names = {name, name.split()[-1], *(ent.all_names() if ent is not None else ())}
    return any(wordre.found(text, n) for n in names)


GROUP_SPEAKERS = re.compile(
    r"^(many|some|most|few)( people| observers| analysts| critics| experts)?$|^(critics|sceptics|skeptics|others|analysts|experts)$",
    re.I,
)
WH_STARTS = {"whether", "if", "how", "what", "why", "when", "where", "who", "which"}
# Verbs that report words or beliefs; "suggest", "show" and the like report evidence.
REPORTING = SPEECH - {
    "report",
    "accuse",
    "tip",
    "point",
    "show",
    "describe",
    "call",
    "suggest",
    "forecast",
    "indicate",
}


class StatementExtractor:
    kinds = ("statement",)

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        facts = []
        read = set()
        for sent, off in usable_sentences(analysis):
            for verb in tokens(sent, analysis):
                if verb.lemma_ not in REPORTING or verb.pos_ not in ("VERB",):
                    continue
                if any(
                    c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ != "to") for c in verb.children
                ):
                    continue  # "did not believe", "will say": the plain past would misreport it
                if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children):
                    # "asked whether she believed humans were the primary cause": a question
                    # put to her, not her belief (round 171)
                    continue
                content = next((c for c in verb.children if c.dep_ == "ccomp"), None)
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                lead = ""
                if subj is None and verb.dep_ == "xcomp":
                    # "many people tend to believe ...": the subject is the governing verb's.
                    subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
                    lead = verb.head.lemma_ + " to "
                if content is None or subj is None:
                    continue
                # "expects the loss to be offset": an infinitive, whose subject is the object
                infinitive = any(
                    c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in content.children
                )
                if not infinitive and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in content.children
                ):
                    continue  # "said that had time to think again": its subject went elsewhere
                if verb.lemma_ == "tell" and not any(
                    c.dep_ in ("dobj", "dative") for c in verb.children
                ):
                    continue  # "X told that ..." is not English; "X told BBC News that ..." is
                group = GROUP_SPEAKERS.match(render(subj.subtree))
                named_before = False
                named_at = None
                if is_pronoun(subj):
                    if subj.lower_ in ("we", "i"):
                        continue  # the author speaking: a claim, not a statement
                    name = resolve_pronoun(subj, analysis, off)
                    named_at = None
                    if not name:
                        # Named further back ("Frank Field criticised ... . He said ..."),
                        # where nobody else has been named since.
                        found = person_for(subj, analysis, off)
                        if found is None:
                            continue
                        name, named_at = found
                    if _named_in(name, render(content.subtree), analysis):
                        # "He noted that the evidence against O.J. did not ...": a pronoun and
                        # a name in one sentence are two people (round 140).
                        continue
                    label = "PERSON"
                    named_before = True
                elif group:
                    name, label = tidy(render(subj.subtree)).lower(), "GROUP"
                else:
                    name, label = subject_name(subj, analysis)
                    if label not in ("PERSON", "ORG", "GPE", "NORP"):
                        continue
                toks = sorted(content.subtree, key=lambda t: t.i)
                for more in verb.children:
                    # "said fines would be levied on employers and licences would be removed":
                    # a second clause the parse hangs on "said" straight after the first is
                    # the rest of what was said, not to be cut off (round 132).
                    if more.dep_ == "ccomp" and more.i > content.i and toks:
                        rest = sorted(more.subtree, key=lambda t: t.i)
                        if rest[0].i == toks[-1].i + 1:
                            toks += rest
                # The clause opens a quotation: the words are the speaker's own. A few quoted
                # words inside reported speech ('warned that unless the industry accepted "new
                # realties" ...') stay reported speech, with their marks.
                first = toks[0]
                quoted = first.text in QUOTE_MARKS or (
                    first.i > sent.start and sent.doc[first.i - 1].text in QUOTE_MARKS
                )
                if quoted:
                    toks = [t for t in toks if t.text not in QUOTE_MARKS]
                if toks and toks[0].dep_ == "mark" and toks[0].lower_ == "that":
                    toks = toks[1:]
                while toks and toks[0].lower_ in ("but", "and", "so", ","):
                    toks = toks[1:]  # "said that but the government ...": the link is not said
                opener = toks[0].lower_ if toks else ""
                if opener in ("whereby", "wherein") or (
                    opener in ("which", "who") and verb.lemma_ != "ask"
                ):
                    # a relative clause the parser took for what was said ("announced a
                    # deal with Cisco whereby Firefox would ...")
                    continue
                said = tidy(render(toks)).rstrip(" ,.")
                if not quoted:
                    said = without_also(said)
                if len(said.split()) < 4 or said.split()[-1].lower() in ("but", "and", "or", "so"):
                    continue  # a fragment, or a quotation cut off mid-sentence
                if quoted and has_dangling_pronoun(said):
                    continue  # "I", "my", "he" inside a quotation: nobody knows who they are
                if has_dangling_pronoun(said, ("he", "his", "him", "she", "her")):
                    continue  # "predicts that it will soon become their equal": it and their?
                if label == "PERSON" and _opens_on_pronoun(toks):
                    # "Jack Straw said that unless it was put up for discussion ...": a person
                    # is no "it", and the clause names nothing before it (round 120).
                    continue
                if quoted:
                    said = said[:1].upper() + said[1:]
                elif toks[0].pos_ != "PROPN" and not said[:2].isupper():
                    said = said[:1].lower() + said[1:]
                # "refused to reveal whether ...": no "that" before a wh-clause, nor before
                # an infinitive ("expects that the loss to be offset", round 54).
                that = "" if toks[0].lower_ in WH_STARTS or infinitive else " that"
                past = (
                    verb.text.lower() if not lead else verb.head.text.lower() + " to " + verb.lemma_
                )
                slots = {
                    "speaker": name,
                    "speaker_mentions": mentions_of(name, analysis),
                    "speaker_label": label,
                    "verb": past,
                    "verb_lemma": verb.lemma_,
                    "content": said,
                    "quoted": quoted,
                    "who_q": "",
                    "claim": "",
                }
                if label != "GROUP":
                    who = {"ORG": "Which organisation"}.get(label, "Who")
                    if quoted:
                        # "told BBC News" loses its object with the quotation moved: say "said".
                        spoke = "said" if verb.lemma_ in ("tell", "add") else past
                        slots["who_q"] = f'{who} {spoke}, "{said}"?'
                    else:
                        slots["who_q"] = f"{who} {past}{that} {said}?"
                    shown = display_name(name, analysis)
                    slots["claim"] = (
                        f'{shown} {past}, "{said}"' if quoted else f"{shown} {past}{that} {said}"
                    ) + "."
                else:
                    slots["claim"] = f"{name[:1].upper()}{name[1:]} {past}{that} {said}."
                    slots["what_q"] = f"What do {name} {lead}{verb.lemma_}?"
                evidence = analysis.evidence(sent, off)
                if named_before and named_at is not None:
                    evidence = evidence_from(analysis, named_at, off + sent.end_char)
                    if evidence is None or len(evidence.text.split()) > 90:
                        continue
                elif named_before:
                    # "..., he said": the evidence reaches back to where he is named.
                    sents = list(sent.doc.sents)
                    k = next(i for i, x in enumerate(sents) if x.start == sent.start)
                    if k:
                        start = off + sents[k - 1].start_char
                        evidence = analysis.article.evidence(start, off + sent.end_char)
                read.add(off + sent.start_char)
                facts.append(
                    Fact.make(
                        "statement",
                        slots,
                        evidence,
                        salience=0.6 if label == "PERSON" else 0.5,
                        extractor="statement",
                    )
                )
        return facts + QuoteReader(analysis).read(read)


def _opens_on_pronoun(toks) -> bool:
    """Whether reported words open on an "it" or "they" (not "it is clear that") before
    they name anything it could stand for."""
    for t in toks:
        if t.pos_ in ("NOUN", "PROPN"):
            return False
        if t.lower_ in ("it", "its", "they", "them", "their") and t.dep_ != "expl":
            # "said that it was vital that ...": the clause after it is what "it" stands for.
            return not (
                t.lower_ == "it"
                and t.dep_ == "nsubj"
                and any(c.dep_ in ("ccomp", "csubj", "xcomp") for c in t.head.children)
            )
    return False
