"""Claim and cause facts: the author's argument and the reasons a text gives.

A claim is a sentence in the writer's own voice (not a quotation, not attributed) that takes
a stance (should, must, need, will, could) or argues (because, unless, only if, the fact
that ... suggests). Its slots hold the question forms for each part of the argument:
``do_q`` (what should X do?), ``why_q``/``reason``, ``unless_q``/``consequence``,
``condition_q``/``condition`` and ``evidence_q``/``evidence``. A cause fact is any
"because"/"owing to" link, attributed to the author or to the person whose words hold it.
"""

from __future__ import annotations

import re

from ..language import ask, lower_first, render, subject_of, tidy, without_also
from ..model import Fact
from ..nlp import Analysis
from ..pronouns import has_dangling_pronoun
from ..templates.filters import lcfirst
from .base import (
    QUOTE_MARKS,
    SPEECH,
    answer_text,
    bare_subject,
    clause_text,
    display_name,
    final_token,
    hypothetical,
    is_pronoun,
    kept_for_reruns,
    said_more_after,
    subject_name,
    tokens,
    usable_sentences,
    well_formed,
)
from .coref import SOMEONE, evidence_from
from .purpose import given_away, leans_on_pronoun, other_reason, short_key

STANCE = {
    "should",
    "must",
    "need",
    "have",
    "ought",
    "will",
    "could",
    "can",
    "may",
    "might",
    "would",
}
DO_MODALS = {"should", "must", "need", "ought"}
REASON_MARKS = {"because", "since", "as"}
REASON_PREPS = {"because", "owing", "due"}
EVIDENCE_VERBS = {"suggest", "show", "indicate", "prove", "demonstrate", "mean", "reveal"}


def reason_parts(verb):
    """The reason attached to a verb: an adverbial clause or a "because of" phrase. None where
    an editor's words in square brackets follow it ("because of the esteem [in which] so many
    Catholics hold nuns"): the parse stops at the bracket, and so would the key (round 140)."""
    found = _reason_parts(verb)
    if found:
        end = max(t.i for t in found) + 1
        if end < len(verb.doc) and verb.doc[end].text == "[":
            return None
    return found


def _reason_parts(verb):
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in REASON_MARKS for m in child.children
        ):
            mark = next(m for m in child.children if m.dep_ == "mark")
            if mark.lower_ == "as" and not any(t.lower_ == "because" for t in child.subtree):
                continue
            if mark.lower_ == "since" and (
                any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
                or child.tag_ == "VBD"
            ):
                continue  # "has investigated 400 contracts since the claims came to light": when
            if (
                child.pos_ in ("VERB", "AUX")
                and child.tag_ not in ("VBG", "VBN")
                and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in child.children
                )
            ):
                return None  # "because showed that ...": the source lost a word; so would the key
            return set(child.subtree)
        if (
            child.dep_ == "prep"
            and child.lower_ in REASON_PREPS
            and not _due_to_do(child)
            and not _due_to_someone(child)
        ):
            return set(child.subtree)
        if child.dep_ == "prep" and child.lower_ == "of" and verb.lower_ in ("because",):
            return set(child.subtree)
    found = _phrase_reason(verb)
    if found:
        return found
    # "because of X" parses as advmod "because" + prep "of".
    for child in verb.children:
        if child.lower_ == "because" and child.dep_ in ("advmod", "mark", "prep"):
            return set(child.subtree) | {
                t
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "of" and c.i == child.i + 1
                for t in c.subtree
            }
    return None


def _due_to_someone(word) -> bool:
    """ "in use since the 6th century BCE, due to Greek geographers such as Anaximander":
    owed to people says who began it, not why (round 145)."""
    objs = [t for t in word.subtree if t.dep_ == "pobj"]
    return bool(objs) and (
        objs[0].ent_type_ in ("PERSON", "NORP")
        or objs[0].lemma_.lower() in PEOPLE_WHO
        or (objs[0].tag_ == "NNS" and any(c.ent_type_ == "NORP" for c in objs[0].children))
    )


# People a "due to" may name as who did it.
PEOPLE_WHO = {"geographer", "scientist", "scholar", "researcher", "explorer", "engineer"}
PEOPLE_WHO |= {"inventor", "mathematician", "astronomer", "philosopher", "historian"}


def _due_to_do(word) -> bool:
    """ "the new laws, due to start next month": "due to" before a verb says when, not why
    (round 133)."""
    doc = word.doc
    return (
        word.lower_ == "due"
        and word.i + 2 < len(doc)
        and doc[word.i + 1].lower_ == "to"
        and doc[word.i + 2].tag_ == "VB"
    )


# "rose on fears of supply disruption": what markets moved on.
MOVED_ON = {"fear", "hope", "concern", "worry", "expectation", "speculation", "news", "talk"}


def _phrase_reason(verb) -> set | None:
    """A reason given by a phrase on the verb: "thanks to strong demand", "as a result of
    higher costs", "on the back of strong results", "on fears of supply disruption"."""
    if verb.dep_ == "advcl":
        return None  # "One night after the Thunder barely missed ... thanks to ...": a clause aside
    found = _phrase_reason_parts(verb)
    # A comma inside runs into the next clause ("... by Paul George, Oklahoma City").
    return found if found and not any(t.text == "," for t in found) else None


def _phrase_reason_parts(verb) -> set | None:
    kids = list(verb.children)
    for k, child in enumerate(kids):
        if child.lower_ == "thanks":
            # The parser hangs "to" on "thanks" or beside it on the verb.
            if any(c.dep_ == "prep" and c.lower_ == "to" for c in child.children):
                return set(child.subtree)
            nxt = kids[k + 1] if k + 1 < len(kids) else None
            if nxt is not None and nxt.i == child.i + 1 and nxt.lower_ == "to":
                return {child} | set(nxt.subtree)
        if child.dep_ != "prep" or child.lower_ not in ("as", "on"):
            continue
        obj = next((o for o in child.children if o.dep_ == "pobj"), None)
        if obj is None:
            continue
        of = any(o.dep_ == "prep" and o.lower_ == "of" for o in obj.children)
        if (
            (child.lower_ == "as" and obj.lower_ == "result" and of)
            or (child.lower_ == "on" and obj.lower_ == "back" and of)
            or (
                child.lower_ == "on"
                and obj.lemma_.lower() in MOVED_ON
                and len(list(obj.subtree)) > 2
            )
        ):
            return set(child.subtree)
    return None


PEOPLE_NOUNS = SOMEONE | {
    "baby",
    "boy",
    "girl",
    "child",
    "mother",
    "father",
    "son",
    "daughter",
    "patient",
    "victim",
    "driver",
    "pilot",
    "officer",
    "teacher",
    "student",
    "doctor",
    "nurse",
    "husband",
    "wife",
}


def owner_named(q: str | None, verb, reason) -> str | None:
    """ "Because the baby was born at sea, his nationality is in doubt": asked without its
    reason, "Why is his nationality in doubt?" says nobody's, so the "his" becomes "the
    baby's", the one noun the reason names that it can stand for."""
    owners = [t for t in verb.subtree if t.dep_ == "poss" and t.lower_ in ("his", "her", "its")]
    if not q or len(owners) != 1 or owners[0] in reason:
        return q
    pron = owners[0]
    subj = next((t for t in reason if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > pron.i or subj.tag_ != "NN":
        return q
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        return q
    person = subj.lemma_.lower() in PEOPLE_NOUNS
    if person != (pron.lower_ in ("his", "her")):
        return q
    # Another noun before the "its" could own it as well ("the firm said its ...").
    if not person and any(
        t.pos_ in ("NOUN", "PROPN") and t.i < pron.i and t not in reason for t in verb.subtree
    ):
        return q
    # As a word: the "his" of "this" is no pronoun.
    word = re.compile(rf"\b{re.escape(pron.text)}\b")
    if len(word.findall(q)) != 1:
        return q
    owner = " ".join(t.text for t in subj.subtree if t.i <= subj.i) + "'s"
    return word.sub(owner, q, count=1)


# Verbs that carry on someone's words without saying "say": "..., he went on", "..., she
# continued" (round 99: "According to the article, why had New Labour failed ...?" asked a
# Tory's charge as the article's own).
GOES_ON = {"continue", "conclude", "reply", "respond", "recall", "remark", "observe", "assert"}


def _speaks(tok, dep: str) -> bool:
    """Whether ``tok`` reports the words of its clause, reached by ``dep`` ("prices
    continued to rise" is no one's words: only a ccomp is what they went on to say)."""
    if tok.lemma_ in SPEECH:
        return True
    return dep == "ccomp" and (
        tok.lemma_ in GOES_ON
        or (tok.lemma_ == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children))
    )


def attribution(verb) -> tuple[object | None, object | None]:
    """The speech verb and its subject, if this verb's clause is someone's reported words."""
    tok = verb
    while tok.dep_ in ("ccomp", "conj", "xcomp", "advcl") and tok.head != tok:
        dep, tok = tok.dep_, tok.head
        if _speaks(tok, dep):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            return tok, subj
    return None, None


# Sources a report may name by what they are: "Analysts say ...", "a report by the
# National Audit Office said ...".
SOURCES = {
    "analyst", "expert", "critic", "economist", "observer", "correspondent", "researcher",
    "scientist", "campaigner", "official", "report", "study", "survey",
}  # fmt: skip


def unnamed_source(speaker) -> str | None:
    """A source named by what it is, as "According to ..." can say it: a bare plural
    ("Analysts") or one with "a" ("a report by the government's watchdog"). "The
    analysts" or "the report" would need the sentence before to say which."""
    if speaker.lemma_.lower() not in SOURCES or speaker.ent_type_:
        return None
    det = [c for c in speaker.children if c.dep_ in ("det", "poss")]
    plain = speaker.tag_ == "NNS" and not det
    if not plain and not (det and det[0].lower_ in ("a", "an")):
        return None
    words = sorted(speaker.subtree, key=lambda t: t.i)
    if any(t.text in ",()" or t.dep_ == "relcl" for t in words):
        return None  # an aside in the source: where it ends is the parse's guess
    return lower_first(render(words))


# The pronoun a speaker of each kind is said again by in their own reported words.
OWN_PRONOUNS = {"PERSON": {"he", "she"}, "ORG": {"it"}, "GPE": {"it"}}


def speaker_pronoun(verb, speech, label: str) -> tuple[str, ...]:
    """The pronoun subject of the words a named speaker reports, where it is the speaker:
    "Mr Kinnock said he thought about it ... because ...", "Yukos claimed it sought help
    ... because ...". So "According to Neil Kinnock, why did he think ...?" explains its
    "he". Only the clause the speech verb reports, with no other name before the pronoun
    ("Tory headquarters says he cannot stand" is not the headquarters)."""
    if verb.dep_ != "ccomp" or verb.head.i != speech.i:
        return ()
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in OWN_PRONOUNS.get(label, ()):
        return ()
    between = subj.doc[min(speech.i, subj.i) + 1 : subj.i]
    if any(t.pos_ == "PROPN" for t in between):
        return ()
    return (subj.lower_,)


class ClaimExtractor:
    kinds = ("claim", "cause")

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        facts = []
        opinion = analysis.cache.get("opinion", False)
        voice = "the author" if opinion else "the article"
        for sent, off in usable_sentences(analysis):
            # This extractor runs again after a wrong guess for about a quarter of all
            # articles (see ``guessing``): a sentence whose own guesses were right keeps its
            # facts.
            facts += kept_for_reruns(
                analysis,
                sent.doc,
                ("claim", sent.start),
                lambda s=sent, o=off: self._sentence(s, o, analysis, voice),
            )
        if opinion:
            from .thesis import headline, headline_claim, main_claim

            claimed = headline_claim(analysis)
            title = headline(analysis) if claimed is None else None
            slots = None
            if claimed is not None:
                text, asks, start, end = claimed
                shown = text if text[-1:] in ".!?" else text + "."
                slots = {"claim": "", "voice": "the author", "stance": "", "headline": shown}
                slots["asks"] = "yes" if asks else ""
            elif title is not None:
                # A headline that only labels the piece ("Russia's Arctic opportunity.") still
                # says which article: the argument is asked of it as a whole.
                text, start, end = title
                slots = {"claim": "", "voice": "the author", "stance": ""}
                slots["argued_in"] = " ".join(text.split()).rstrip(".:;,")
            if slots is not None:
                facts.append(
                    Fact.make(
                        "claim",
                        slots,
                        analysis.article.evidence(start, end),
                        salience=1.0 if claimed else 0.9,
                        extractor="claim",
                    )
                )

            found = main_claim(analysis)
            if found is not None:
                text, sent, off = found
                slots = {"claim": text, "voice": "the author", "stance": "", "main": "yes"}
                facts.append(
                    Fact.make(
                        "claim",
                        slots,
                        analysis.evidence(sent, off),
                        salience=1.0,
                        extractor="claim",
                    )
                )
        return facts

    def _sentence(self, sent, off, analysis: Analysis, voice: str) -> list[Fact]:
        from .event import antecedent  # event imports naming, which imports this module
        from .naming import bare_surnames, full_names_in

        facts = []
        words = tokens(sent, analysis)
        quoted = any(t.text in QUOTE_MARKS for t in words)
        evidence = analysis.evidence(sent, off)
        for verb in words:
            if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in (
                "ROOT",
                "ccomp",
                "conj",
                "advcl",
            ):
                continue
            reason = reason_parts(verb)
            slot, key, wh, target = "reason", None, "Why", reason
            if not reason:
                # No "because": a purpose, a stated reason, a means or a judgement's grounds.
                found = other_reason(verb, SPEECH)
                if found is None or leans_on_pronoun(verb, found[0]) or hypothetical(verb):
                    continue  # "why would employees be fired?": a fear, not a deed
                reason, slot, key, wh, target = found
            if _in_doubt(verb):
                # "scientists were unsure whether the whales were becoming entangled
                # because ...": a reason the article does not assert (round 38).
                continue
            if any(c.dep_ == "neg" for c in verb.children) and (
                not has_modal(verb) or slot != "reason"
            ):
                # "Laura's not quitting because her rights are under threat, but because
                # ...": the "not" may deny the reason, not the deed ("should not pin
                # hope on it because ..." denies the deed). Only a "because" says why
                # not: "should not be penalised for its dominance" gives what a penalty
                # would be for.
                continue
            speech, speaker = attribution(verb)
            who, own = voice, ()
            if speech is not None and slot == "stated":
                continue  # a reason inside someone's reported words: whose is it?
            if speech is not None:
                if speaker is None or is_pronoun(speaker):
                    continue
                name, label = subject_name(speaker, analysis)
                if said_more_after(sent, speaker, analysis):
                    continue  # "He also said ...": more reasons to come
                if label:
                    who = display_name(name, analysis)
                    who = "the " + who[4:] if who.startswith("The ") else who
                    own = speaker_pronoun(verb, speech, label)
                elif (who := unnamed_source(speaker)) is None:
                    continue
            elif quoted:
                continue
            # "He left because ...": asked of the person named before, where that is sure.
            written, before = None, None
            subj = subject_of(verb)
            if subj is not None and subj.lower_ in ("he", "she", "it") and not own:
                found = antecedent(subj, analysis)
                if found is not None:
                    _, _, written, before = found
            q = ask(verb, sent, target, wh, subj_text=written)
            q = owner_named(q, verb, reason)
            # Fronted too: "According to the news agency, why were the cafes closed?"
            said = re.search(r"(?:^|,? )[Aa]ccording to ([^,?]+)(?:, |(?=[,?]))", q or "")
            if said and speech is None:
                # "Why do old pipes hold up, according to officials?": the officials are
                # the source the question names first, not the article.
                who, q = said.group(1), (q[: said.start()] + q[said.end() :]).strip()
            ans = key or tidy(render(reason))
            # "Not least because ...": a key is the reason, not the writer's weighing of it
            ans = re.sub(r"(?i)^not least (?=because\b)", "", ans)
            if slot != "reason":
                if given_away(ans, q or ""):
                    continue
                ans = ans if slot in ("stated", "charge") else short_key(ans)
                if q and not q.startswith(wh) and lcfirst(q) == q:
                    continue  # "Thirty minutes later, why ...", "Desiring to avoid ..., why"
            if (
                not q
                or has_dangling_pronoun(q, own)
                or len(ans.split()) < 3
                or not well_formed(q, analysis)
            ):
                continue
            if wh == "Why" and re.search(r"\b(?:only|even)\b", q):
                # "Why did each team only miss one game?": the reason given is why it was
                # missed at all, not why only one (round 184)
                continue
            if speech is not None:
                q = q.replace(" " + render(speech.subtree), "")  # never happens; kept simple
            # "Why have John and Ian been rewarded?": first names alone say nobody.
            q = without_also(full_names_in(q, bare_surnames(sent, analysis)))
            shown = evidence
            if before is not None:
                shown = evidence_from(analysis, before, off + sent.end_char)
                if shown is None:
                    continue
            facts.append(
                Fact.make(
                    "cause",
                    {
                        f"{wh.lower()}_q": q,
                        slot: ans,
                        "according_to": who,
                        "effect": clause_text([t for t in verb.subtree if t not in reason]),
                    },
                    shown,
                    salience=0.8,
                    extractor="claim",
                )
            )
        if not quoted:
            fact = self._claim(sent, off, analysis, voice)
            if fact is not None:
                facts.append(fact)
        return facts

    def _claim(self, sent, off, analysis, voice) -> Fact | None:
        if bare_subject(sent):
            return None  # "Others can operate on a quarterly basis": others of what? (round 38)
        root = sent.root
        subj0 = next((c for c in root.children if c.dep_ == "nsubj"), None)
        evidence_frame = (
            root.lemma_ in EVIDENCE_VERBS and subj0 is not None and subj0.lower_ == "fact"
        )
        if (
            root.lemma_ in SPEECH
            and subj0 is not None
            and not is_pronoun(subj0)
            and not evidence_frame
        ):
            return None
        modals = [c for c in root.children if c.dep_ == "aux" and c.lower_ in STANCE]
        slots = {
            "claim": "",  # with the subject, filled in at the end for a sentence that gives a fact
            "stance": modals[0].lower_ if modals else "",
            "voice": voice,
            "subject": "",
            "subject_label": "",
            "do_q": "",
            "action": "",
            "unless_q": "",
            "consequence": "",
            "condition_q": "",
            "condition": "",
            "evidence_q": "",
            "evidence": "",
        }
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # "We need a full report on what went wrong": in the writer's own voice, what is needed.
        needs = [
            v for v in (root, *root.children) if v.lemma_ == "need" and v.dep_ in ("ROOT", "ccomp")
        ]
        need = needs[0] if needs else None
        we = (
            next((c for c in need.children if c.dep_ == "nsubj"), None)
            if need is not None
            else None
        )
        if (
            voice == "the author"
            and we is not None
            and we.lower_ in ("we", "i")
            and not any(c.dep_ == "neg" for c in need.children)
        ):
            obj = next((c for c in need.children if c.dep_ == "dobj"), None)
            if obj is not None:
                wanted = tidy(render(obj.subtree))
                if 3 <= len(wanted.split()) <= 25 and not has_dangling_pronoun(wanted):
                    slots["do_q"] = "what is needed"
                    slots["action"] = wanted
        # "X should/must/need to Y": what should X do? Not where X "also" must: what else it
        # must do stays out of the key (round 142).
        if (
            subj is not None
            and not is_pronoun(subj)
            and modals
            and modals[0].lower_ in DO_MODALS
            and not any(c.lower_ in ("also", "too") for c in root.children)
            # "Obama should be commended for ...": what is done to him, not what he should do
            # ("what should Obama do?" "Commended for ...", round 147)
            and subj.dep_ == "nsubj"
            and root.lemma_ != "be"
            and not any(c.dep_ == "auxpass" for c in root.children)
        ):
            name, _ = subject_name(subj, analysis)
            subj_text = tidy(render(subj.subtree))
            neg = " not" if any(c.dep_ == "neg" for c in root.children) else ""
            reason = reason_parts(root) or set()
            end = final_token(sent)
            vp = [
                t
                for t in root.subtree
                if t.i >= root.i and t not in reason and not (t.is_punct and t.i == end)
            ]
            action = tidy(render(vp))
            if 2 <= len(action.split()) <= 30 and not has_dangling_pronoun(
                subj_text + " " + action, ("its", "their")
            ):
                modal = modals[0].lower_
                modal = "should" if modal in ("need", "ought") else modal
                slots["do_q"] = (
                    f"what {modal} {subj_text[:1].lower() + subj_text[1:] if subj.pos_ != 'PROPN' else subj_text}{neg} do"
                )
                slots["action"] = action
        # Conditions may hang on the main verb or on a reported clause ("It should realize
        # that unless X, Y may increase").
        for head in [root, *(t for t in root.children if t.dep_ == "ccomp")]:
            for child in head.children:
                if child.dep_ != "advcl":
                    continue
                mark = next((m for m in child.children if m.dep_ == "mark"), None)
                if mark is None:
                    continue
                cond_toks = [t for t in child.subtree if t.i != mark.i and t.lower_ != "only"]
                cond = tidy(render(cond_toks))
                if mark.lower_ == "unless" and has_modal(head):
                    main_toks = [
                        t
                        for t in head.subtree
                        if t not in set(child.subtree) and not (t.dep_ == "mark" and t.head == head)
                    ]
                    # "..., especially if X": a second condition is not part of what follows.
                    extra = [c for c in head.children if c.dep_ == "advcl" and c != child]
                    for c in extra:
                        main_toks = [t for t in main_toks if t not in set(c.subtree)]
                    consequence = clause_text(
                        [t for t in main_toks if not t.is_punct or t.text == "-"]
                    )
                    if not has_dangling_pronoun(cond) and not has_dangling_pronoun(consequence):
                        slots["unless_q"] = f"What does {voice} warn could happen unless {cond}?"
                        slots["consequence"] = consequence
                elif mark.lower_ == "if" and any(t.lower_ == "only" for t in child.subtree):
                    after = max(t.i for t in child.subtree) + 1
                    if (
                        sent.start <= min(t.i for t in child.subtree) <= sent.start + 1
                        and after < sent.end
                        and sent.doc[after].pos_ == "AUX"
                    ):
                        # "Only if X can Y progress": the rest is already in a question's
                        # order, whatever the parser makes of "progress".
                        rest = tidy(render(t for t in sent.doc[after : sent.end] if not t.is_punct))
                        q, ok = f"Under what condition {rest}?", True
                    else:
                        q = ask(head, sent, set(child.subtree), "Under what condition")
                        ok = q and well_formed(q, analysis)
                    if ok and not has_dangling_pronoun(q) and not has_dangling_pronoun(cond):
                        slots["condition_q"] = q
                        slots["condition"] = "if " + re.sub(r"^if\s+", "", cond, flags=re.I)
        # "The fact that X suggests Y": what evidence supports Y?
        if root.lemma_ in EVIDENCE_VERBS and subj is not None and subj.lower_ == "fact":
            x = next((c for c in subj.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
            y = next((c for c in root.children if c.dep_ == "ccomp"), None)
            if x is not None and y is not None:
                x_toks = [
                    t
                    for t in x.subtree
                    if not (t.dep_ == "mark" and t.lower_ == "that" and t.head == x)
                ]
                x_text = re.sub(r"^that\s+", "", tidy(render(x_toks)))
                x_subj = next((c for c in x.children if c.dep_ == "nsubj"), None)
                y_text = tidy(
                    render(t for t in y.subtree if not (t.dep_ == "mark" and t.head == y))
                )
                if x_subj is not None and y_text.split()[0].lower() in ("he", "she"):
                    name, _ = subject_name(x_subj, analysis)
                    y_text = name + " " + y_text.split(" ", 1)[1]
                if not has_dangling_pronoun(y_text) and not has_dangling_pronoun(x_text):
                    slots["evidence_q"] = f"What evidence does {voice} give that {y_text}?"
                    slots["evidence"] = x_text[:1].upper() + x_text[1:]
        asks = [slots[k] for k in ("do_q", "unless_q", "condition_q", "evidence_q")]
        if not slots["stance"] and not any(asks):
            return None
        # Only now: most sentences give no claim, and the claim is a render of the whole
        # sentence.
        slots["claim"] = without_also(clause_text(sent))  # "Ireland, though, have won ..."
        # Whether the claim's first word is written small after "According to the author,":
        # the parse knows "Email" and "Worried" from a name; the template does not.
        # ("And knowing that ..." opens its claim "Knowing": compared without case.)
        opening = slots["claim"].split(" ")[0].lower()
        first = next((t for t in sent if t.is_alpha and t.lower_ == opening), None)
        slots["small_first"] = (
            first is not None and lower_first(slots["claim"], first) != slots["claim"]
        )
        if subj is not None and not is_pronoun(subj):
            # The subject as the sentence writes it, so a true/false item can swap it.
            _, label = subject_name(subj, analysis)
            written = answer_text(subj.subtree)
            if label and written in slots["claim"]:
                slots["subject"], slots["subject_label"] = written, label
        salience = 0.6 + 0.1 * sum(bool(a) for a in asks)
        return Fact.make(
            "claim", slots, analysis.evidence(sent, off), salience=salience, extractor="claim"
        )


def _in_doubt(verb) -> bool:
    """Whether the verb's clause, or one it hangs in, opens with "whether" or "if"."""
    tok = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head


def has_modal(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in STANCE for c in verb.children)


__all__ = ["ClaimExtractor", "answer_text"]
