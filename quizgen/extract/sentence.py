"""Key-sentence facts: the article's most important self-contained statements, each with one
checkable detail (a figure, a person, an organisation, a place or a year) that a true/false
or a "which statement is true?" item can change.

Importance is judged the way a reader skims: the opening sentences of a report carry its
news, and sentences that share words with the headline, name the article's main actors or
give figures carry its facts. A sentence is kept only if it stands on its own: no quotation,
no pronoun it does not explain, and a sensible length.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..kinds import CURRENCY, NATIONALITY, not_a_person
from ..language import CITATION, STOPWORDS, strip_linkers, tidy, without_also
from ..model import Fact
from ..nlp import Analysis
from ..pronouns import has_dangling_pronoun
from .base import (
    SPEECH,
    bare_subject,
    display_name,
    number_as_name,
    sent_ents,
    span_text,
    stands_alone,
    tokens,
    usable_sentences,
)
from .centrality import topic_count
from .coref import body_for, evidence_from, someone_for, with_name
from .entities import EntityIndex, strip_job
from .flips import flip_for
from .naming import PEOPLE, bare_surnames, full_names_in
from .quantity import HEDGES
from .quotes import reporters_words
from .subject import subject_for

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

STOP = STOPWORDS
DETAILS = ("MONEY", "PERCENT", "CARDINAL", "QUANTITY", "PERSON", "ORG", "GPE", "NORP", "DATE")
MIN_WORDS, MAX_WORDS = 8, 32
LEAD_MAX_WORDS = 40
# A time told from the day of the report ("on Monday", "last week", "so far"): away from
# the opening, the mark of an episode beside the story (a fixture, a visit, a price at one
# hour). Reviews kept 6 of 27 such statements and blanks, against 99 of 245 without one
# (rounds 54-68); in the opening sentence, 8 of 10.
REPORT_DAY = re.compile(
    r"\b(?:(?:on|last|this|next|since|by|until) (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:'s| night| morning| evening| afternoon)"
    r"|(?:last|this|next|earlier this|later this) (?:week|weekend|month|night)"
    r"|yesterday|today|tonight|tomorrow|\w+ (?:days|weeks|months|years) ago|so far|currently)\b"
)
CLITICS = {"'d", "'ll", "'s", "'re", "'ve", "'m"}


def _opening(text: str) -> str:
    """The sentence as a statement opens: without a linker to the one before, capitalised."""
    clean = strip_linkers(text)
    return clean[:1].upper() + clean[1:]


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in STOP and len(w) > 2}


# Verbs of a source passing news on, not of someone holding a view.
ANNOUNCE = {"announce", "report", "confirm", "reveal", "disclose"}
SEEN = {"see", "obtain", "review", "view"}  # a document "seen by Reuters"


def _source(tok) -> bool:
    """Whether the name only says where the news came from: "according to" someone, the body
    in a speaker's or anyone's description ("a spokesman for Trend Micro", "a co-author in
    Stanford's department of radiology"; round 32), or who announced what the
    sentence reports of someone else ("... postponed until 2018, NASA announced"). Swapped,
    it leaves the news true: an attribution trick, not a check (round 30). Who said,
    believes or warns something stays: there the holder of the view is the fact. Nor whom
    it was told to or who saw the papers: "Sources told Reuters", "a report seen by
    Reuters" (round 165)."""
    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_ in ("tell", "say"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.lemma_ in SEEN:
        return True
    described = False
    while tok.dep_ in ("compound", "pobj", "prep", "appos", "poss", "nmod", "amod"):
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "per":
            return True  # "per the WHO": where the fact came from (round 37)
        if tok.dep_ == "prep" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in PEOPLE:
            return True  # "a professor at Stanford", "a former board member of TiVo": who is who
        described = described or tok.dep_ in ("pobj", "appos")
        if tok.head is tok:
            return False
        tok = tok.head
    if tok.dep_ != "nsubj" or tok.head.lemma_ not in SPEECH:
        return False
    if described:
        return True
    said = [c for c in tok.head.children if c.dep_ in ("ccomp", "parataxis")]
    return tok.head.lemma_ in ANNOUNCE and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON" for c in said for s in c.children
    )


def _summary_points(facts: list[Fact], sentences, analysis: Analysis) -> None:
    """Give the opening's fact the sentences a summary of the article should take in: those
    that name the most of what it is about (the headline's and the opening's nouns, and the
    nouns it keeps coming back to), from across the article, in its order. A marking guide
    that only quotes the opening was "generic" to every reviewer of round 169; one that
    quoted the two sentences after it named no detail at all where those gave no fact, and
    missed an encyclopedia entry's main debate and a feature's real story (rounds 182-185)."""
    lead = next((f for f in facts if f.slots.get("headline")), None)
    if lead is None:
        return
    scored = []
    for rank, (sent, _) in enumerate(sentences):
        text = _opening(span_text(sent, analysis).strip())
        words = len(text.split())
        if rank == 0 or not 8 <= words <= 40 or text.endswith("?") or text.startswith("("):
            continue
        if has_dangling_pronoun(text) or not _has_verb(sent.root):
            continue
        if re.search(r"[\"“”]", text):
            continue  # someone's words, which a summary reports, not the article's own point
        if "[" in text or RELATIVE_START.match(text):
            # "[nL8N1MP0GI]", a news agency's link code; "Two days earlier, ...", which only
            # the sentence before dates (round 195)
            continue
        scored.append((-topic_count(sent, analysis), rank, text))
    points: list[tuple[int, str]] = []
    # From across the article, not one paragraph's run of sentences, where it has enough.
    for spread in (2, 1):
        for _, rank, text in sorted(scored):
            if len(points) < 3 and all(abs(rank - r) >= spread for r, _ in points):
                points.append((rank, text))
    if points:
        # quoted inside a sentence: no full stop of their own
        lead.slots["points"] = [t.rstrip(".") for _, t in sorted(points)]


DENIALS = {"deny", "dismiss", "reject", "dispute", "doubt", "refute", "rule"}


def _denied(tok) -> bool:
    """Whether a name sits under a "not", a "no" or a denial: "found no evidence that Clinton
    was behind the approval" with Trump put in is no false statement, only one the article
    never makes (round 165); nor is "did not attend" said of someone else."""
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_ in DENIALS or any(
            c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children
        ):
            return True
    return False


def _in_title(ent) -> bool:
    """Whether a name ends a title whose capitalised head the model left out of it: "the
    Directive on the Patentability of Computer-Implemented Inventions", "the Secretary of
    State for Wales". Another name there makes a title that never was (round 132)."""
    prep = ent.root.head
    head = prep.head
    return (
        ent.root.dep_ == "pobj"
        and prep.dep_ == "prep"
        and head.pos_ in ("NOUN", "PROPN")
        and head.is_title
        and not head.ent_type_
        and head.i > ent.sent.start
    )


def _in_aside(ent) -> bool:
    """Whether a name or figure sits in a clause or phrase set off by a comma to describe
    a name ("Franz Ferdinand, who recently picked up five Brit Award nominations, ended up
    in 15th place"): changed, it makes the statement false on a side detail while
    its point stays true (round 123)."""
    tok = ent.root
    while tok.head.i != tok.i:
        first = min(t.i for t in tok.subtree)
        if (
            tok.dep_ in ("relcl", "appos")
            and tok.head.pos_ == "PROPN"  # "its profits, which showed a 2.8% rise" is news
            and tok.i != ent.root.i  # the name itself in apposition says who
            and first > tok.head.i
            and tok.doc[first - 1].text == ","
        ):
            return True
        tok = tok.head
    return False


def _verb_first(sent, skipped: int, analysis: Analysis) -> bool:
    """Whether the statement, once its linkers are dropped ``skipped`` characters in, opens on
    its main verb: an inverted sentence that reads as a fragment alone."""
    start = sent.start_char + skipped
    first = next((t for t in tokens(sent, analysis) if t.idx >= start and not t.is_punct), None)
    return first is not None and first.i == sent.root.i and first.pos_ in ("VERB", "AUX")


def _has_verb(root) -> bool:
    """Whether a sentence is a clause, not a fragment ("$80m (£43m)"): a verb at its root, or
    a word the parse misread there with its own "is" or "has" and subject ("Kenenisa Bekele is
    determined to ...", where the root is "determined")."""
    if root.pos_ in ("VERB", "AUX"):
        return True
    kids = [c.dep_ for c in root.children]
    return any(d in ("aux", "auxpass", "cop") for d in kids) and any(
        d in ("nsubj", "nsubjpass") for d in kids
    )


def _only_a_relative_clause(sent: Span) -> bool:
    """Whether a sentence is a name or a noun with only a relative clause on it: "Pakistan,
    where ... the US conducted multiple drone strikes" (round 153), "A deal that ... will
    enable Iran to make nuclear weapons" (round 150) answer the sentence before them and
    state nothing alone."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    clauses = [c for c in root.children if c.dep_ == "relcl"]
    if len(clauses) != 1:
        return False
    opener = min(clauses[0].subtree, key=lambda t: t.i)
    # The small model may hang a sentence's own verb inside the clause ("Two hostages - an
    # American and an Australian - who had been held ... were released"): only a clause
    # that opens straight after the noun, on "where", "when", "which" or "that", counts.
    if opener.lower_ not in ("where", "when", "which", "that") or any(
        t.text in ("-", "–", "—") for t in sent.doc[sent.start : opener.i]
    ):
        return False
    inside = {t.i for t in clauses[0].subtree}
    return not any(t.pos_ in ("VERB", "AUX") and t.i not in inside for t in sent)


# A war, a revolution or a treaty is no body: "bringing the British Parliament to an end".
EVENT_NAME = re.compile(r"\b(?:War|Wars|Revolution|Treaty|Crisis|Uprising|Rebellion)$")
# Brackets a page emptied ("Huxley ( ; 26 July 1894 - ...)") and what a wiki's templates
# leave ("Alacant (])", "as of 2011[ [update]]", round 172).
BRACKET_HOLE = re.compile(
    r"\s*\((?:pronounced|listen)?\s*[;,][^()]*\)|\s*\([^()\w]*\)|\[\s*\[[a-z ]+\]\]"
)
# How many a poll asked is how the finding was made, not the finding: "a poll of 1,313
# people suggests two-thirds support ..." changed to 3,939 tests nothing (round 134).
SURVEYS = {"poll", "survey", "study", "sample", "questionnaire", "census"}
SURVEYING = {"survey", "poll", "question", "interview", "ask", "sample"}


# Who a report says told it: "confirmed by ... two congressional aides", "three sources said".
SOURCES = {"source", "aide", "official", "person", "people", "diplomat", "witness", "insider"}
TOLD = {"say", "confirm", "tell", "report", "reveal", "disclose"}


def _sources_counted(number: Token) -> bool:
    """Whether a number counts the report's sources: how many aides confirmed it is how
    the reporter knows, not what the student should (round 143)."""
    counted = _counted(number)
    if counted.lemma_.lower() not in SOURCES:
        return False
    while counted.dep_ == "conj" and counted.head is not counted:
        counted = counted.head
    verb = counted.head
    if counted.dep_ == "pobj" and verb.lower_ == "by":
        verb = verb.head
    elif counted.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return verb.lemma_ in TOLD or verb.lemma_ in SPEECH


def _counted(number: Token) -> Token:
    """What a number counts: "aides" for "two aides", the number itself standing alone."""
    return number.head if number.dep_ in ("nummod", "quantmod") else number


def _sample_size(number: Token) -> bool:
    counted = _counted(number)
    holder = counted.head
    # "a poll of 1,313 people", "surveyed 2,000 adults"
    of_survey = (
        counted.dep_ == "pobj" and holder.lower_ == "of" and holder.head.lemma_.lower() in SURVEYS
    )
    return of_survey or (
        counted.dep_ in ("dobj", "nsubjpass") and holder.lemma_.lower() in SURVEYING
    )


# Words with which a writer vouches for a guess: "would surely serve as a morale booster".
VOUCHING = {"surely", "certainly", "undoubtedly", "doubtless", "probably", "obviously"}


def _vouches_for_a_guess(sent: Span) -> bool:
    """Whether the main clause is a guess the writer vouches for, with no one else saying it:
    "A president with military experience would surely serve as a morale booster to the
    soldiers" (round 151). A statement to mark true or false would test the writer's hopes,
    not what the article reports."""
    root = sent.root
    kids = list(root.children)
    return (
        any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in kids)
        and any(c.dep_ == "advmod" and c.lower_ in VOUCHING for c in kids)
        and not _attributed(sent)
    )


def _attributed(sent: Span) -> bool:
    """Whether a sentence says who says it ("said", "according to")."""
    return any(t.lemma_ in SPEECH or t.lower_ == "according" for t in sent)


# A sentence that opens on a time only the one before it gives.
RELATIVE_START = re.compile(
    r"(?i)(?:(?:\w+ )?(?:days?|weeks?|months?|years?|hours?) (?:earlier|later)|earlier|later"
    r"|the (?:next|previous|following) (?:day|week|month|year)|meanwhile)\b"
)
# The labels of a detail that is a figure, not a name.
FIGURE_LABELS = frozenset(
    ("MONEY", "PERCENT", "CARDINAL", "QUANTITY", "COUNT", "YEAR", "DATE", "ORDINAL")
)
# An opening that looks back from the news to an anniversary or a distant past.
LOOKS_BACK = re.compile(
    r"(?i)\bmarks? the [\w-]+(?: [\w-]+)? anniversary\b|\b(?:years|decades|centuries) ago\b"
    r"|\bin the year \d{3,4}\b"
    r"|\bcenturies old\b"
)
# A writer's own way into a column: "How times have changed.", "There is nothing like ...",
# "The first thing to say about ...".
WRITERS_OPENING = re.compile(
    r"(?:How (?:times|things) have changed|There(?: is|'s|’s) nothing (?:like|quite like|new)"
    r"|The first thing to (?:say|note|remember))\b"
)


def _hook(sent: Span) -> bool:
    """Whether an opening only hedges a general remark, as a feature's first line does
    ("A soothing pillow and warm duvet might not always lead to better rest"): no name, no
    figure, no one who says it, and a "may" or "might" on its verb (round 135); or says
    something of everyone of a kind (round 142), of doing something or of a kind of thing
    (rounds 156 and 159); or turns to the reader ("Here's a prediction:", round 153). True on
    its wording, and not the news. A report's "could" ("Computer games could enhance
    learning, say researchers") names who says so."""
    if sent[0].lower_ == "here" and len(sent) > 1 and sent[1].lower_ in ("'s", "’s", "is"):
        return True  # "Here's a prediction: expect ...": the writer turning to the reader
    if LOOKS_BACK.search(sent.text) or WRITERS_OPENING.match(sent.text):
        # "December 9 marks the six-month anniversary of ISIL's capture of Mosul", "Sixty-six
        # years ago was the high water mark of ...", "How times have changed.": a column's
        # way in, which its summary took for the main point (rounds 183 and 191)
        return True
    verbs = [sent.root, *(c for c in sent.root.children if c.dep_ == "conj")]
    if any(t.like_num for t in sent) or _attributed(sent):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("may", "might") for v in verbs for c in v.children):
        return not sent.ents
    # "Defaulting on sovereign debt is never a good strategy": a remark on doing something,
    # by no one named (round 156).
    if not sent.ents and any(
        c.dep_ in ("csubj", "nsubj") and c.tag_ == "VBG" for c in sent.root.children
    ):
        return True
    # "Cells are the fundamental units of life": a textbook's truth about a kind, by no one
    # named, which a student can answer without the article (round 159).
    subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if (
        subj is not None
        and subj.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in subj.children)
        and sent.root.lemma_ == "be"
        and sent.root.tag_ == "VBP"
        # "are the fundamental units of life", not "are to be taught to pupils" (news)
        and any(c.dep_ in ("attr", "acomp") for c in sent.root.children)
        and not any(c.dep_ in ("xcomp", "ccomp") for c in sent.root.children)
    ):
        return True
    # "Every American president has a favorite foreign leader": a remark on everyone of a
    # kind, with no one named, leads into the news (round 142).
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and (
            subj.lower_ in EVERYONE
            or any(c.dep_ == "det" and c.lower_ in ("every", "each", "no") for c in subj.children)
        )
        and all(e.label_ == "NORP" for e in sent.ents)
    )


EVERYONE = {"everyone", "everybody", "nobody", "everything", "nothing", "no-one"}


def _sets_the_scene(sent: Span) -> bool:
    """Whether an opening's main clause says nothing but that something goes on: "Ten days
    after the Paris attacks, the security repercussions continue" (round 151). Its subject
    names no one and counts nothing, and its verb has nothing after it; what the sentence
    names only dates it."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return (
        root.pos_ == "VERB"
        and subj is not None
        and not any(t.ent_type_ or t.pos_ in ("PROPN", "PRON") or t.like_num for t in subj.subtree)
        # Nothing hangs on the verb but its subject and when it happens ("a report
        # indicates" has the news before it, a clause the verb reports).
        and all(
            c.dep_ in ("nsubj", "punct", "advmod", "npadvmod", "prt", "aux", "neg")
            or (c.dep_ == "prep" and c.i < subj.i)
            for c in root.children
        )
    )


class SentenceExtractor:
    kinds = ("sentence",)

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        index = EntityIndex.of(analysis)
        title = _content(analysis.article.title)
        actors = Counter(
            {e.name: e.mentions for e in index.entities if e.label in ("PERSON", "ORG", "GPE")}
        )
        main_actors = {name for name, _ in actors.most_common(3)}
        sentences = usable_sentences(analysis)
        facts = []
        for rank, (sent, off) in enumerate(sentences):
            text = span_text(sent, analysis).strip()
            if text.endswith("?") or not reporters_words(text):
                continue
            if text.startswith("(") or re.search(r"[.!?]\)$", text) or bare_subject(sent):
                continue  # an aside in brackets, or "Some earn as little as $11": some who?
            if _vouches_for_a_guess(sent):
                continue
            if _only_a_relative_clause(sent):
                continue  # "Pakistan, where ... the US conducted drone strikes": no statement
            clean = _opening(text)
            if _verb_first(sent, len(text) - len(strip_linkers(text)), analysis):
                continue  # "(And then) came Chazelle's drama Whiplash": no subject before it
            evidence = analysis.evidence(sent, off)
            # "The company said ...", "He also promised ...": shown with the name, where the
            # name is certain, and the evidence reaching back to where it is named.
            # "The 25-year-old Newcastle star takes over ...": shown with the name too.
            body = body_for(sent, off, analysis)
            described = None
            if body is None:
                # "In 1920, the country was conquered": the country an encyclopedia entry is on
                body = described = subject_for(sent, off, analysis)
            if body is None:
                body = described = someone_for(sent, off, analysis)
            named = None
            named_as = ""
            if body is None and (
                has_dangling_pronoun(clean) or not stands_alone(sent, analysis=analysis)
            ):
                named = with_name(sent, off, analysis)
                if named is None:
                    continue
            if body is not None or named is not None:
                first, last, name, named_at = body or (named[0], named[0], named[1], named[2])
                after = sent.doc[last.i + 1] if last.i + 1 < sent.end else None
                if after is not None and after.text.lower().replace("’", "'") in CLITICS:
                    continue  # "he'd like" is no "Kevin Kolb'd like" (round 46)
                a, b = first.idx - sent.start_char, last.idx + len(last) - sent.start_char
                shown = display_name(name, analysis)
                named_as = text[a:b] if described else ""
                if a:
                    # "... the interests of the American National Standards Institute"
                    shown = re.sub(r"^The (?=[A-Z])", "the ", shown)
                else:
                    shown = shown[:1].upper() + shown[1:]
                if re.search(rf"(?i)\b{re.escape(name)}\b", text[b:]):
                    # "The NEOWISE mission was reactivated in 2013 and renamed NEOWISE": the
                    # name the sentence gives later is no name for what it opens on (round 190)
                    continue
                text = text[:a] + shown + text[b:]
                clean = _opening(text.strip())
                evidence = evidence_from(analysis, named_at, off + sent.end_char)
                if evidence is None or has_dangling_pronoun(clean):
                    continue
                if body is None and not stands_alone(sent, first, analysis):
                    continue
            clean = without_also(clean)
            # "Li, 47, owns ..." -> "Li Shiping, 47, owns ...": alone, a statement has no
            # earlier sentence to say who "Li" is (rounds 26-32).
            surnames = bare_surnames(sent, analysis)
            given = full_names_in(clean, surnames)
            full = {b: name for b, name in surnames.items() if name in given and name not in clean}
            # The detail of "Mr Zombic" is "Zombic": now "Peter Zombic" in the statement.
            full.update({b.split(" ", 1)[1]: name for b, name in full.items() if " " in b})
            # The sentence's length as written: giving its names in full does not lengthen it.
            opening = (
                rank == 0
                and not analysis.cache.get("opinion")
                and not analysis.cache.get("opening_split")
            )
            # A report's opening may run long (news agencies' often do) and is still its news.
            if not MIN_WORDS <= len(clean.split()) <= (LEAD_MAX_WORDS if opening else MAX_WORDS):
                continue
            clean = given
            clean = re.sub(r"(?<=\w) +([,.;:!?])(?=\s|$)", r"\1", clean)  # "Chevron Corp ."
            # "Aldous Leonard Huxley ( ; 26 July 1894 - ...)": brackets whose pronunciation the
            # page lost, with what is left of them (round 139).
            clean = CITATION.sub("", BRACKET_HOLE.sub("", clean))
            ents = sent_ents(sent, analysis)
            details = [
                (full.get(v, v), lab, pool)
                for v, lab, pool in self._details(sent, ents, clean, index, full, analysis)
                # A figure in a column is its argument's context ("a tax on London, 40% of
                # which ..."), changed or not: reviews kept 9 of 33 such statements in
                # opinion pieces (rounds 150-194), against 26 of 59 without a figure.
                if not (analysis.cache.get("opinion") and lab in FIGURE_LABELS)
            ]
            detail = details[0] if details else None
            flip = flip_for(sent, clean)
            if flip is not None and analysis.cache.get("opinion") and not _attributed(sent):
                # "All the president does is increase spending" in a column: turned round, the
                # writer's own judgement is no fact to mark false (round 153).
                flip = None
            # A report's first sentence is its news: asked as a true statement, whether or not
            # it names anyone ("Peers are debating proposals to change the rules governing the
            # succession to the throne."). Not an opinion piece's, which opens on a hook ("We
            # messed up.").
            lead = (
                opening
                and _has_verb(sent.root)
                and not _hook(sent)
                and not _sets_the_scene(sent)
                # "(Māori: Aotearoa [aɔˈtɛaɾɔa])" is no news; "$80m (£43m)" and "(HP)" are news.
                and not re.search(r"\[|\([^)]*:", clean)
            )
            if detail is None and flip is None and not lead:
                continue
            value, label, pool = detail or ("", "", "")
            names = {index.lookup(e.text).name for e in ents if index.lookup(e.text)}
            salience = (
                0.4
                + (0.3 if rank < 3 else 0.1 if rank < 8 else 0.0)
                + 0.1 * min(len(_content(clean) & title), 3)
                + (0.15 if names & main_actors else 0.0)
                + (0.1 if label in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") else 0.0)
            )
            slots = {
                # 'the show was "disappointing."' ends already: no stray full stop after it
                "text": clean if re.search(r"[.!?][\"”’')]*$", clean) else clean + ".",
                "detail": value,
                "detail_label": label,
                "detail_pool": pool,
                "rank": rank,
                "flip": list(flip) if flip else [],
            }
            if named_as:
                # "The 25-year-old Newcastle star", shown as the name: it no longer points back.
                slots["named_as"] = named_as
            if lead:
                # Also where a detail could be changed: when no stand-in fits, the news is
                # still asked as it stands (round 58 lost "could cut up to 45,000 jobs").
                slots["lead"] = True
                headline = " ".join(analysis.article.title.split()).rstrip(".:;,")
                if 2 <= len(headline.split()) <= 25:
                    slots["headline"] = headline  # which article a summary is asked of
            if rank > 0 and REPORT_DAY.search(clean):
                slots["dated_by_report"] = True
            if len(details) > 1:
                # Where the first has no stand-in, a false form may change another.
                slots["alternatives"] = [list(d) for d in details[1:]]
            facts.append(
                Fact.make(
                    "sentence",
                    slots,
                    evidence,
                    salience=round(min(salience, 1.0), 3),
                    extractor="sentence",
                )
            )
        _summary_points(facts, sentences, analysis)
        return facts

    @staticmethod
    def _details(sent, ents, clean, index, full, analysis):
        """The details a false version may change, most checkable first (``ents``: the
        sentence's entities; ``full``: the names ``clean`` gives in full, "Ms Shah" as
        "Priya Shah")."""
        ents = sorted(ents, key=lambda e: DETAILS.index(e.label_) if e.label_ in DETAILS else 99)
        for ent in ents:
            ent_text = span_text(ent, analysis)
            if ent.label_ not in DETAILS or full.get(ent_text, ent_text) not in clean:
                continue
            if _in_aside(ent):
                continue  # "Franz Ferdinand, who picked up five Brit nominations, ended ..."
            if ent.label_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
                before = sent.doc[ent.start - 1] if ent.start > sent.start else None
                if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper():
                    continue  # "Radio 1", "Channel 4": a number inside a name
                name_after = sent.doc[ent.end] if ent.end < sent.end else None
                if (
                    name_after is not None
                    and name_after.ent_type_ in ("PERSON", "ORG")
                    and name_after.is_title
                    and name_after.dep_ != "compound"  # "40 Airbus planes" counts planes
                ):
                    continue  # "50 Cent's rap collective": a name that opens on a number
                after = sent.doc[ent.end].text if ent.end < sent.end else ""
                if re.match(r"(?i)(gmt|bst|utc|am|pm|hrs|edt|est)\b", after) or re.search(
                    r"(?i)(gmt|bst|utc)$", ent_text
                ):
                    continue  # a clock time ("1800 GMT"): when a show airs is no fact to learn
                if re.fullmatch(r"\d{1,2}:\d\d", ent_text.strip()):
                    continue  # "at 10:56" on the game clock: a moment, not a fact (round 137)
                if re.search(r"\d/\d", ent_text):
                    continue  # betting odds ("2/9") or a date written with slashes
                beside = sent.doc[max(ent.start - 1, 0) : ent.end + 1].text
                if ent.label_ == "MONEY" and not CURRENCY.search(beside):
                    continue  # "40 A300s to UPS", which the model took for a sum
                if ent.label_ == "MONEY" and any(
                    t.pos_ == "PROPN"
                    and t.is_title
                    and len(t) > 2
                    and not NATIONALITY.fullmatch(t.text)  # "Australian dollars"
                    for t in ent
                    if t.i > sent.start
                ):
                    continue  # "50 Cent", which the model took for a sum (round 77)
                if re.match(
                    r"\s*\(\s*[£$€¥]?\d",
                    span_text(sent, analysis)[ent.end_char - sent.start_char :],
                ):
                    continue  # "$676m (£352m)": a changed figure beside its conversion
                if ent.start > sent.start and number_as_name(ent):
                    continue
                if _sample_size(ent.root) or _sources_counted(ent.root):
                    continue
                if (
                    ent.root.dep_ in ("compound", "amod", "nmod")
                    and ent.root.head.pos_ == "PROPN"
                    and ent.root.head.ent_type_
                ):
                    continue  # "the 16-inch MacBook Pro": a size that names a model
                opened = sent.doc[sent.start : ent.start].text
                if opened.count("(") > opened.count(")"):
                    continue  # "(£1.8bn)": a conversion of the figure before it, not a fact
                if not any(c.isdigit() for c in ent_text) and not re.fullmatch(
                    r"(?i)(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)", ent_text
                ):
                    continue  # "a million", "dozens": no exact value to change
                if re.match(
                    r"\s*[-–—(:]\s*[^-–—():]*\band\b",
                    span_text(sent, analysis)[ent.end_char - sent.start_char :],
                ):
                    continue  # "two - the US and Australia - voted no": the list counts it
                if re.search(r"\bbetween\b", sent.doc[max(ent.start - 4, 0) : ent.start].text):
                    continue  # "between 150,000 and 300,000": one end of a range is no fact
                near = sent.doc[max(ent.start - 2, sent.start) : min(ent.end + 2, sent.end)].text
                if re.search(r"\d\S*\s+(to|and)\s+\S*\d", near):
                    continue  # "A$7.17 to A$8.24", "2003 and 2004": half of a range or a pair
                if re.search(r"\d[A-Za-z]", ent_text) and not re.search(
                    r"\d(bn|m|k|s|th|st|nd|rd|km|kg|mph|ft|in)\b", ent_text
                ):
                    continue  # "3.75G", "MP3": a number inside a name
                around = sent.doc[max(ent.start - 2, 0) : ent.end + 2].text
                if re.search(r"\d\s*[-–]\s*\d", around):
                    continue  # a score or a range ("won 2-0"): half of it is no fact
                amount = re.sub(HEDGES, "", ent_text, flags=re.I).strip(" -–—")
                if not any(c.isdigit() for c in amount):
                    # "four bidders": changed for a true/false, never blanked. Not "the two
                    # sides", a pair the reader knows, nor a count the sentence then lists.
                    rest = sent.doc[ent.end : sent.end].text
                    if ent.start and sent.doc[ent.start - 1].lower_ == "the":
                        continue
                    if ent.start > sent.start and ent_text[:1].isupper():
                        continue  # "the Six Nations": a name, not a count
                    if "," in rest and " and " in rest:
                        continue
                    if re.match(r"\s*(?:[\w'-]+ ){0,2}[—–:]", rest) and " and " in rest[:80]:
                        continue  # "Two hostages — an American and an Australian —" (round 37)
                    yield amount, "COUNT", "quantity.amount[unit=COUNT]"
                    continue
                # Stand-ins measure the same thing: another count of people for people.
                head = ent.root
                counted = ""
                if ent.label_ == "CARDINAL" and head.dep_ in ("nummod", "quantmod"):
                    counted = head.head.lemma_.lower() if head.head.pos_ == "NOUN" else ""
                measure = f"{ent.label_}:{counted}" if counted else ent.label_
                yield amount, ent.label_, f"quantity.amount[measure={measure}]"
                continue
            if ent.label_ == "DATE":
                if not re.fullmatch(r"(?:in |)(1[5-9]\d\d|20\d\d)", ent_text):
                    continue  # only a bare year has same-kind stand-ins that are clearly wrong
                if re.match(
                    r":\s*[A-Z]", span_text(sent, analysis)[ent.end_char - sent.start_char :]
                ):
                    continue  # "2001: A Space Odyssey": a year inside a title (round 37)
                yield ent_text, "YEAR", "sentence.detail[detail_label=YEAR]"
                continue
            if ent.root.dep_ in ("compound", "amod", "nmod"):
                continue  # "Hollywood directors": a name used as a modifier
            if ent.end < sent.end and sent.doc[ent.end].like_num:
                continue  # "Firefighters Local 134": the number is part of the name
            if (
                ent.root.dep_ == "poss"
                and ent.root.head.pos_ == "PROPN"
                and ent.root.head.ent_type_
            ):
                continue  # "NASA's Johnson Space Center": the thing's name says whose
            if any(c.dep_ == "amod" and c.tag_ in ("JJR", "JJS") for c in ent.root.children):
                continue  # "smaller MacBooks": a size of a product, which no body stands in for
            if _in_title(ent):
                continue
            if ent.root.dep_ == "conj" or any(c.dep_ == "conj" for c in ent.root.children):
                continue  # one of a list: a stand-in must be of the list's kind, which is unknown
            canon = index.lookup(ent_text)
            if canon is None or canon.label not in ("PERSON", "ORG", "GPE"):
                continue
            if ent.root.pos_ != "PROPN":
                continue  # "MPs", "Britons": a group, not a name another name can replace
            if canon.label != ent.label_:
                continue  # the model is unsure what this is: a swap could be absurd
            if canon.label == "ORG" and EVENT_NAME.search(canon.name):
                continue  # "the American Revolutionary War", which the model took for a body
            if canon.label == "PERSON" and not_a_person(canon.name):
                continue  # "the Prevention of Terrorism Bill", which the model took for a person
            if any(c.dep_ == "appos" for c in ent.root.children) or ent.root.dep_ == "appos":
                continue  # "Peter Zombic, the head of Universal Music": the role says who
            if _source(ent.root):
                continue
            if _denied(ent.root):
                continue
            # A body for a body that acts in the article, never a game or a prize.
            key = "actor" if canon.label == "ORG" else "label"
            # "Superintendent Jennifer McCormick": the title stays, only the name changes.
            name = strip_job(tidy(ent_text)) if canon.label == "PERSON" else tidy(ent_text)
            yield name, canon.label, f"entity.name[{key}={canon.label}]"
