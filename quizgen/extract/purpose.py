"""Purpose, stated reason and means: what a deed was done for ("Teachers surrounded the
Statehouse to call for better pay"), the reason its doer gave in the same breath (", saying
..."), and how it was done ("by appointing Dave Collins"). Reviewers ask, round after round,
for why- and how-questions about the article's point; these are ones the article answers,
so the claim extractor asks "Why ...?" and "How ...?" of them as it does of a "because".

An infinitive is a purpose only where it hangs on a deed. Many hang on a word that wants
one ("the first player to record", "took steps to avoid", "is on track to be"); the parser
often attaches those to the verb as well, so they are refused by the words around them.
"""

from __future__ import annotations

import re

from ..language import render, subject_of
from ..pronouns import PRONOUNS

# Verbs whose "to" clause completes them rather than giving a purpose ("is set to", "took
# three hours to", "made efforts to", "got to").
NOT_DEEDS = {
    "be",
    "become",
    "seem",
    "appear",
    "have",
    "get",
    "go",
    "come",
    "vote",
    "take",
    "make",
    "need",
    "want",
    "try",
    "expect",
    "plan",
    "hope",
    "continue",
    "begin",
    "start",
    "fail",
    "manage",
    "decide",
    "agree",
    "refuse",
    "help",
    "allow",
    "enable",
    "ask",
    "tell",
    "urge",
    "force",
    "seek",
    "say",
    "tend",
    "remain",
    "stand",
    "look",
    "wait",
    "cost",
    # A "to" after these says what followed or how far, not what for: "won three straight
    # games to put the Raiders in first place", "extended to apply to other children".
    "win",
    "finish",
    "rise",
    "fall",
    "climb",
    "jump",
    "drop",
    "grow",
    "score",
    "beat",
    "extend",
    "expand",
}
# Purposes a student could give without the article: meetings are held to discuss, permits
# obtained to test, observatories used to study (round 40).
SELF_EVIDENT = {"discuss", "study", "test", "get", "do", "see", "talk", "meet", "examine"}
SELF_EVIDENT |= {"consider", "review", "look", "help", "work"}
# "used the telescope to map Titan": the parser often calls their purpose a complement, as it
# rightly does after "persuaded him to", whose "to" is no purpose.
INSTRUMENT_VERBS = {"use", "employ", "spend", "deploy", "hire", "send", "build", "raise"}
INSTRUMENT_VERBS |= {"create", "form", "launch", "borrow"}
# Nouns and adjectives that take an infinitive of their own: "steps to avoid", "able to".
WANTING_WORDS = {
    "steps",
    "step",
    "way",
    "ways",
    "time",
    "chance",
    "effort",
    "efforts",
    "plan",
    "plans",
    "right",
    "decision",
    "attempt",
    "power",
    "ability",
    "opportunity",
    "need",
    "pressure",
    "move",
    "call",
    "calls",
    "deadline",
    "permission",
    "approval",
    "track",
    "able",
    "likely",
    "unlikely",
    "set",
    "ready",
    "willing",
    "eager",
    "enough",
    "due",
    "about",
    "going",
    "first",
    "last",
    "only",
    "next",
}
RANKING = {"first", "last", "only", "second", "third", "latest", "youngest", "oldest"}
# Words a key cannot lean on: the question names the doer, the key does not. ("that" and
# "there" are too often a conjunction or a place to count.)
LEANING = PRONOUNS - {"that", "there"}
POINTING = {"it", "them", "this", "that", "these", "those", "him", "her"}
BID_NOUNS = {"bid", "effort", "attempt", "order"}


# A win's "to": what came of it, not what it was for ("defeated Khachanov and Rublev 6-4,
# 7-6 to clinch the tie", "capitalized on their chance to break"; round 62).
RESULTS = {
    "beat",
    "defeat",
    "win",
    "capitalize",
    "capitalise",
    "overcome",
    "edge",
    "rout",
    "thrash",
}


def purpose_parts(verb) -> set | None:
    """The tokens of a purpose clause after ``verb`` ("to call for better pay", "in a bid to
    win back voters"), or None."""
    if verb.lemma_ in NOT_DEEDS or verb.tag_ == "VBG" or verb.lemma_ in RESULTS:
        return None
    if any(c.dep_ in ("dobj", "attr", "npadvmod") and _ranked(c) for c in verb.children):
        return None  # "became the first player in history to record ..."
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.tag_ == "VB" and (
            c.dep_ == "advcl" or (c.dep_ == "xcomp" and verb.lemma_ in INSTRUMENT_VERBS)
        ):
            to = c.doc[c.i - 1]
            if to.lower_ != "to" or to.head != c:
                continue
            after = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else c
            if after.dep_ == "compound" and after.pos_ == "PROPN":
                continue  # "introduced him to actor Nicolas Cage": "to" was a preposition
            if c.lemma_ in SELF_EVIDENT:
                return None
            if c.lemma_ in ("become", "finish", "end", "number"):
                # "overtook Ferdinand to become third": what came of it (round 51); "moved up
                # one place to number three": where it ended (round 58)
                return None
            before = c.doc[to.i - 1]
            if before.lower_ in WANTING_WORDS and before.i > verb.i:
                return None
            return _whole(c)
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ in BID_NOUNS:
                    if any(a.dep_ in ("acl", "relcl") and a.tag_ == "VB" for a in p.children):
                        return _whole(c)
    return None


def _ranked(tok) -> bool:
    return tok.tag_ == "JJS" or any(
        m.lower_ in RANKING or m.tag_ == "JJS" for m in tok.children if m.dep_ in ("amod", "advmod")
    )


def _whole(head) -> set | None:
    toks = set(head.subtree)
    if any(t.lower_ in LEANING for t in toks):
        return None  # "to introduce himself" after a plural subject: the parse went wrong
    if min(toks, key=lambda t: t.i).lower_ == "for":
        return None  # "for boardrooms to move on": whose purpose is unclear
    return toks


def leans_on_pronoun(verb, purpose) -> bool:
    """ "Why will Microsoft expand it?", "Why do that lead users?": the deed's own words
    point back to something the question does not name."""
    subj = subject_of(verb)
    if subj is not None and subj.tag_ in ("WP", "WDT"):
        return True  # "Why had who been investigated?": the relative clause's subject
    words = set(verb.subtree) | (set(subj.subtree) if subj is not None else set())
    return any(
        t.pos_ == "PRON"
        and t.lower_ in POINTING
        and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        # "a scheme that ...": a relative pronoun names its noun, unless it is the subject
        # the question is asked of ("names that ... lead users to ...").
        and (t.tag_ != "WDT" or t == subj)
        for t in words
        if t not in purpose
    )


def short_key(text: str) -> str:
    """A key up to a comma that starts an aside ("to study Europa, which astrobiologists
    regard as ..."): the aside is the article's comment, not the purpose. A comma inside a
    list ("the arts, culture and heritage") is no aside (round 40)."""
    m = re.search(r", (?=(which|who|whose|where|while|including|a|an|the)\b)", text)
    if m and len(text[: m.start()].split()) >= 3:
        return text[: m.start()]
    return text


# Words a stated reason cannot lean on: "said they failed", "claimed that it has ...".
VAGUE = {"it", "they", "them", "this", "these", "those", "its", "their"}
# "Souness dropped Bellamy, claiming the Welshman had feigned injury": the doer's own reason,
# given in the same breath. The key says who gave it ("Souness claimed ...").
STATING = {
    "saying": "said",
    "arguing": "argued",
    "claiming": "claimed",
    "citing": "cited",
    "insisting": "insisted",
}


def stated_reason(verb, speech_verbs) -> tuple[set, str] | None:
    """The tokens of a ", saying ..." clause after a deed and its key ("Souness claimed the
    Welshman had feigned injury"), or None. A deed that is itself speech ("announced ...,
    saying") gives its content, not its reason."""
    if verb.lemma_ in speech_verbs or verb.pos_ != "VERB":
        return None
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or c.lower_ not in STATING:
            continue
        comma = c.doc[c.i - 1]
        if comma.text != ",":
            return None
        toks = set(c.subtree)
        if any(t.text in (":", '"', "“", "”", "'", "‘", "’") or t.lower_ == "only" for t in toks):
            return None  # a quotation follows: its words are no tidy key
        subj = subject_of(verb)
        if subj is None or subj.pos_ == "PRON":
            return None
        who = [t for t in subj.subtree if t.dep_ not in ("relcl", "appos", "acl")]
        if len(who) > 8 or any(t.dep_ in ("relcl", "appos", "acl") for t in subj.children):
            return None
        rest = sorted(toks - {c}, key=lambda t: t.i)
        if len(rest) < 3 or any(t.lower_ in VAGUE for t in rest):
            return None
        name = render(subj.subtree)
        body = render(rest).rstrip(".,;")
        return toks | {comma}, f"{name} {STATING[c.lower_]} {body}"
    return None


RESPONDING = {"respond", "react", "reply", "retaliate", "answer", "hit"}


def means_parts(verb, speech_verbs) -> set | None:
    """The tokens of a "by doing" phrase after a deed ("ended its search by appointing Dave
    Collins"), or None. Only a main verb's: under "say" the question would ask how someone
    said it."""
    if verb.lemma_ in speech_verbs or verb.dep_ not in ("ROOT", "conj"):
        return None
    if verb.lemma_ in JUDGING:
        # "has charged Assange with espionage by publishing secret files": the doing is
        # the one judged, not the judge's means (round 136).
        return None
    if verb.lemma_ in RESPONDING and not any(c.lower_ == "to" for c in verb.children):
        return None  # "Washington responded by crossing the Delaware": to what? (round 140)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i:
            if any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
                return _whole(c)
    return None


# A judgement and its grounds: "three fans were arrested for throwing coins", "Dr Fox accused
# Mr Blair of telling lies". The grounds are why the deed was done, or what was charged.
JUDGING = {
    "criticise",
    "criticize",
    "praise",
    "condemn",
    "thank",
    "fine",
    "punish",
    "sue",
    "ban",
    "sack",
    "suspend",
    "arrest",
    "jail",
    "convict",
    "reward",
    "commend",
    "slam",
    "apologise",
    "apologize",
    "penalise",
    "penalize",
    "fire",
    "dismiss",
    "prosecute",
    "hail",
    "censure",
    "rebuke",
    "reprimand",
    "accuse",
    "charge",
}
CHARGING = {"accuse": "of", "charge": "with"}
# "banned for ten games", "jailed for life": how long, not why.
SPANS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
SPAN_WORDS = {"life", "time", "years", "months", "weeks", "days", "games", "matches", "season"}


def grounds_parts(verb) -> tuple[set, bool] | None:
    """The tokens of a judgement's grounds ("for throwing coins", "of telling lies") and
    whether they are a charge (asked "What ... accused of?", keyed without its "of"), or
    None."""
    if verb.lemma_ not in JUDGING or verb.pos_ != "VERB":
        return None
    prep = CHARGING.get(verb.lemma_, "for")
    # The parser hangs "of hiding ..." on the object as often as on the verb.
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for c in [*verb.children, *(g for o in objects for g in o.children)]:
        if c.dep_ != "prep" or c.lower_ != prep or c.i < verb.i:
            continue
        objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
        if len(objs) != 1:
            return None
        if any(g.dep_ == "conj" and g.pos_ == "ADP" for g in c.children):
            # "apologised for his actions and to Arsenal's Robert Pires": the key would run
            # on into to whom (round 126)
            return None
        obj = objs[0]
        if obj.tag_ != "VBG" and (
            any(t.ent_type_ in SPANS for t in obj.subtree)  # "for a total of 35 years"
            or obj.lower_ in SPAN_WORDS
            or any(g.dep_ == "nummod" for g in obj.children)
            or obj.pos_ == "PRON"
        ):
            return None
        toks = set(c.subtree)
        if any(t.lower_ in VAGUE - {"its", "their"} for t in toks):
            return None
        return toks, prep != "for"
    return None


# Participles that give what drove a change: "growth accelerated, helped by strong consumer
# spending"; "shares fell, hit by fears of a slowdown".
DRIVERS = {"help", "boost", "drive", "fuel", "hit", "hurt", "dent", "buoy", "spur", "lift"}
DRIVERS |= {"push", "trigger", "hamper", "drag", "weigh", "underpin", "power", "prompt"}


def driver_parts(verb) -> tuple[set, str] | None:
    """The tokens of a ", helped by ..." clause after a deed, and its key (what did the
    helping), or None."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or c.tag_ not in ("VBN", "VBD"):
            continue
        if c.lemma_ not in DRIVERS or c.doc[c.i - 1].text != ",":
            continue
        if any(k.dep_ == "conj" and verb.i < k.i < c.i for k in verb.children):
            return None  # "fell to 4.3% and is expected to remain ..., helped by": which?
        # The tagger may read "dragged down by" as a past tense with a plain "by".
        agent = next(
            (a for a in c.children if a.dep_ in ("agent", "prep") and a.lower_ == "by"), None
        )
        what = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None
        if what is None or what.pos_ == "PRON":
            return None
        toks = set(c.subtree)
        if any(t.is_quote for t in toks):
            return None
        # The comma before the clause goes with it where the clause ends the sentence or
        # another comma closes it, so that the question keeps no stray comma.
        end = c.doc[max(t.i for t in toks) + 1 : max(t.i for t in toks) + 2]
        comma = {c.doc[c.i - 1]} if end.text in (",", ".") else set()
        return toks | comma, render(what.subtree)
    return None


def other_reason(verb, speech_verbs):
    """For a verb with no "because": the first of a purpose, a stated reason, a means and a
    judgement's grounds that it has, as (tokens, slot, key, wh-word, tokens the question
    leaves out), or None. ``key`` is None where the key is the tokens' own words."""
    found = purpose_parts(verb)
    if found:
        return found, "purpose", None, "Why", found
    driver = driver_parts(verb)
    if driver:
        return driver[0], "reason", driver[1], "Why", driver[0]
    stated = stated_reason(verb, speech_verbs)
    if stated:
        return stated[0], "stated", stated[1], "Why", stated[0]
    found = means_parts(verb, speech_verbs)
    if found:
        return found, "means", None, "How", found
    grounds = grounds_parts(verb)
    if grounds:
        toks, charge = grounds
        if not charge:
            return toks, "grounds", None, "Why", toks
        # "What did Dr Fox accuse Mr Blair of?": the "of" stays in the question.
        prep = min(toks, key=lambda t: t.i)
        return toks, "charge", render(toks - {prep}), "What", toks - {prep}
    found = after_parts(verb)
    if found:
        return found[0], "reason", found[1], "Why", found[0]
    return None


# Deeds and moves that news reports give the cause of with "after": "was handed a ban after
# testing positive", "was declared insolvent after it emerged that ...". Not "lose", which
# is as often a game lost after the other side's moves.
FOLLOWS_ON = JUDGING | {"withdraw", "quit", "resign", "declare", "hand", "cancel", "postpone"}
FOLLOWS_ON |= {"scrap", "abandon", "rise", "fall", "drop", "slump", "soar", "jump", "plunge"}
FOLLOWS_ON |= {"tumble", "slide", "collapse", "close", "halt"}


SCORE = re.compile(r"\d+-\d+")
# Comings and goings: what happened "after he arrived" happened then, not because of it.
ARRIVALS = {"arrive", "land", "return", "leave", "enter", "reach", "come", "go", "board"}
# What a time is counted in: "two days after", "hours after".
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "moment"}
# What an "after" or "following" phrase gives as a cause when it names one of these.
CAUSES = {"criticism", "row", "protest", "complaint", "allegation", "claim", "revelation"}
CAUSES |= {"warning", "ruling", "intervention", "pressure", "outcry", "concern", "fear"}
CAUSES |= {"injury", "failure", "scandal", "dispute", "clash", "investigation", "inquiry"}


def after_parts(verb) -> tuple[set, str] | None:
    """The tokens of an "after" that gives why a deed was done or a figure moved, and its key,
    or None. Only what happened as the cause: something someone did ("after testing
    positive", keyed "Testing positive ..."), a clause of its own ("after it emerged that
    ...", keyed "Because it emerged that ..."), or a noun for a cause after "after" or
    "following" ("after a row over ...", keyed "Because of a row over ..."). Not a time
    ("after five minutes", "a day after launching"), an occasion ("after the match"), nor a
    deed still to come ("are likely to rise after the election": no past tense)."""
    if verb.lemma_ not in FOLLOWS_ON or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
        return None
    if any(SCORE.fullmatch(t.text) for t in verb.subtree):
        return None  # "... after Vasek Pospisil edged Reilly Opelka 7-6 (5)": a game's moves
    for c in verb.children:
        if c.i < verb.i or c.lower_ not in ("after", "following") or c.dep_ != "prep":
            continue
        if any(g.dep_ == "npadvmod" for g in c.children) or c.doc[c.i - 1].like_num:
            return None  # "a day after launching": when, not why
        toks = set(c.subtree)
        ing = [g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
        if len(ing) == 1 and c.lower_ == "after":
            if verb.lemma_ in JUDGING and any(g.dep_ == "nsubj" for g in verb.children):
                # "Officers arrested Tays after stopping his vehicle": the judge's own
                # doing, before the deed, not why it was done (round 137); "was banned after
                # testing positive" is the one judged's.
                return None
            key = render(sorted(ing[0].subtree, key=lambda t: t.i))
            return toks, key[:1].upper() + key[1:]
        # "changed his mind following intervention from allies", "suspended after a row
        # with ...": a noun for something that causes, not an occasion ("after the match").
        what = [g for g in c.children if g.dep_ == "pobj"]
        if len(what) == 1 and what[0].lemma_.lower() in CAUSES:
            return toks, "Because of " + render(sorted(what[0].subtree, key=lambda t: t.i))
        return None
    for c in verb.children:
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "after"), None)
        if c.dep_ != "advcl" or mark is None or c.i < verb.i:
            continue
        if not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            return None
        if c.lemma_ in ARRIVALS:
            return None  # "arrested ... after he arrived at Dulles airport": when (round 146)
        before = mark.doc[mark.i - 1] if mark.i else mark
        if any(g.dep_ == "npadvmod" for g in mark.children) or before.lemma_.lower() in TIME_UNITS:
            return None  # "just two days after Saipov drove a truck ...": when (round 144)
        toks = set(c.subtree)
        key = render(sorted((t for t in toks if t.i != mark.i), key=lambda t: t.i))
        return toks, "Because " + key
    return None


def given_away(key: str, question: str) -> bool:
    """A short key whose words the question already holds: "Why do fishermen use lines 30
    miles long?" -> "To hook fish" (round 41)."""
    words = [w for w in re.findall(r"[a-z]+", key.lower()) if len(w) > 3]
    if not words or len(words) > 3:
        return False
    asked = re.findall(r"[a-z]+", question.lower())
    return any(a.startswith(w) for w in words for a in asked)
