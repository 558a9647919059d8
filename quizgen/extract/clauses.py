"""Two questions on a clause that ask for more than a name: what the subject means (or was
made) to do ("What is the UK government planning to do?"), and which of the article's
things the subject is ("What has fallen to a new record low against the euro?")."""

from __future__ import annotations

import re

from ..language import ask, render, tidy
from ..pronouns import has_dangling_pronoun
from .base import well_formed

# Verbs whose "to" clause is what the subject means to do, or was made to do: "The
# government is planning to return children to Albania" asks "What is ... planning to do?".
INTENT = {
    "plan",
    "aim",
    "want",
    "hope",
    "agree",
    "decide",
    "refuse",
    "promise",
    "threaten",
    "vow",
    "seek",
    "try",
    "attempt",
    "intend",
    "fail",
    "pledge",
    "prepare",
    "offer",
    "vote",
    "choose",
    "opt",
    "propose",
    "struggle",
    "urge",
    "ask",
    "force",
    "order",
    "persuade",
    "encourage",
    "expect",
}
OBJECT_PRONOUNS = re.compile(r"\b(it|its|them|this|these|those|that|him|her|there)\b", re.I)


def what_to_do(verb, sent, drop, written, analysis) -> tuple[str, str]:
    """ "What is the government planning to do?" and its key, "return children to Albania";
    empty where the verb has no "to" clause of intent, or the question would not stand."""
    if verb.lemma_ not in INTENT or any(c.dep_ == "neg" for c in verb.children):
        return "", ""
    if verb.lemma_ == "expect" and not any(c.dep_ == "auxpass" for c in verb.children):
        return "", ""  # "X is expected to": what others expect X to do, said of X
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if xcomp is None:
        return "", ""
    to = next((c for c in xcomp.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i != xcomp.i - 1 or xcomp.lemma_ in ("be", "have", "do"):
        return "", ""
    # The "to" clause must end the clause: anything after it would be left stranded.
    toks = sorted(set(xcomp.subtree) - {to}, key=lambda t: t.i)
    after = [t for t in verb.subtree if t.i > toks[-1].i and not t.is_punct and t not in drop]
    # "ordered to pay compensation by the court": the agent is the order's, not the payment's.
    if after or any(t.dep_ in ("ccomp", "advcl", "agent") for t in toks):
        return "", ""
    answer = tidy(render(toks))
    if not 2 <= len(answer.split()) <= 14 or OBJECT_PRONOUNS.search(answer):
        return "", ""
    q = ask(verb, sent, set(toks), "What", drop=drop, subj_text=written)
    ends = list(re.finditer(r"\bto(?=\s*[?,])", q or ""))
    if len(ends) != 1:
        return "", ""
    q = q[: ends[0].end()] + " do" + q[ends[0].end() :]
    if has_dangling_pronoun(q) or not well_formed(q, analysis):
        return "", ""
    return q, answer[:1].upper() + answer[1:]


# People named by what they are: asked "Who", where anything else is asked "What".
PEOPLE_NOUNS = {
    "people",
    "person",
    "minister",
    "official",
    "police",
    "critic",
    "analyst",
    "expert",
    "fan",
    "voter",
    "worker",
    "child",
    "student",
    "staff",
    "doctor",
    "teacher",
    "resident",
    "campaigner",
    "charity",
    "lawyer",
    "judge",
    "member",
    "investor",
    "shareholder",
    "consumer",
    "customer",
    "user",
    "parent",
    "family",
    "leader",
    "executive",
    "union",
    "researcher",
    "scientist",
    "trader",
    "gamer",
    "patient",
    "driver",
    "passenger",
    "employee",
    "carer",
    "manufacturer",
    "maker",
    "producer",
    "candidate",
    "participant",
    "buyer",
    "seller",
    "owner",
    "viewer",
    "listener",
    "reader",
}


POINTING_DETS = {
    "this",
    "that",
    "these",
    "those",
    "such",
    "other",
    "each",
    "all",
    "both",
    "some",
    "any",
    "many",
    "every",
    "no",
    "most",
}


# "The new rules", "the fresh action": these point back to what was said before.
DEICTIC = {"new", "fresh", "total", "final", "latest", "recent", "current", "same", "former"}


def plain_subject(subj, analysis) -> str:
    """ "What has fallen to a new record low against the euro?": the wh-word for a subject
    that names no entity but one of the things the article is about ("the dollar", "cash
    machine networks"); '' for anything vaguer ("the move", "some", a long description)."""
    from .coref import STAND_INS, topic_words

    toks = list(subj.subtree)
    if (
        subj.pos_ != "NOUN"
        or subj.lemma_.lower() not in topic_words(analysis)
        or subj.lemma_.lower() in STAND_INS
        or len(toks) > 6
        or any(t.dep_ in ("relcl", "acl", "appos", "prep", "cc", "poss") for t in toks)
        or any(t.like_num or t.pos_ == "PRON" or t.ent_type_ for t in toks)
        or any(t.lower_ in POINTING_DETS for t in toks)
        # "A bookmaker has stopped ...": a subject the article only now brings in is not a
        # key a reader could give ("which bookmaker?").
        or toks[0].lower_ in ("a", "an")
        # "The participants", "Police": a bare noun is too plain a key to be worth asking
        # for; "the reggae industry" or "dial-up users" says what the article is about.
        or not any(t.dep_ in ("amod", "compound", "nmod") and t.lower_ not in DEICTIC for t in toks)
    ):
        return ""
    return "Who" if subj.lemma_.lower() in PEOPLE_NOUNS else "What"
