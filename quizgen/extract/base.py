"""What the extractors share: walking the sentences, naming subjects, judging attribution."""

from __future__ import annotations

import re
import weakref
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..kinds import ROLE_KINDS
from ..language import STOPWORDS, clean_answer, doc_text, render, strip_linkers, tidy, typed_twice
from ..pronouns import PERSON_NOUNS, PRONOUNS, THIS_TIMES, has_dangling_pronoun
from .entities import EntityIndex, clean_mention

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Doc, Span, Token

    from ..model import Fact
    from ..nlp import Analysis

SPEECH = {
    "say",
    "tell",
    "warn",
    "believe",
    "argue",
    "claim",
    "insist",
    "suggest",
    "add",
    "state",
    "announce",
    "demand",
    "urge",
    "predict",
    "think",
    "accuse",
    "admit",
    "deny",
    "stress",
    "explain",
    "note",
    "report",
    "reveal",
    "confirm",
    "write",
    "declare",
    "estimate",
    "acknowledge",
    "maintain",
    "fear",
    "hope",
    "expect",
    "allege",
    "concede",
    "complain",
    "describe",
    "call",
    "tip",
    "forecast",
    "indicate",
    "show",
    "point",
}
# What someone asks for, beside what they say.
WANTING = {"want", "seek", "ask", "propose", "call", "urge", "demand", "press", "push", "plan"}
PEOPLE_LABELS = ("PERSON", "ORG", "GPE", "NORP")
MIN_WORDS, MAX_WORDS = 6, 60


def wh_for(label: str, verb: Token | None = None) -> str:
    """ "Who" for people, and for organisations and states that act ("Who demanded ...?");
    "What" for a thing, or for any named body described by "is" ("What is the oldest ...?")."""
    if label == "PERSON":
        return "Who"
    if verb is not None and (
        # "is concerned that ...": a body in a state of mind acts as people do
        (verb.lemma_ == "be" and not any(c.dep_ == "acomp" for c in verb.children))
        or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    ):
        return "What"
    return "Who" if label in PEOPLE_LABELS else "What"


# A column's closing line about its writer (round 40: "a byline at the foot of the article").
AUTHOR_BIO = re.compile(
    r"(?:The (?:author|writer)|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}) (?:is|was|has been) "
    r"(?:a|an|the)\b[^.]{0,150}?\b(?:commentator|columnist|writer|contributor|editor|professor"
    r"|fellow|researcher|author|journalist|correspondent|analyst|lecturer|blogger|novelist"
    r"|reporter|host|presenter)s?\b[^.]*\.?$"
)


def _first_sentence(text: str) -> str:
    """The text up to its first full stop that ends a sentence (not "Mr.", not "9 p.m."),
    read without a parse: a byline's note is short and plainly written."""
    m = re.search(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.(?= [A-Z])", text)
    return text[: m.end()] if m else text


# A dramatic pause or a cut in the text, with a space on each side (not "I'm A Celebrity...
# Get Me Out Of Here"): the sentence is not whole (round 136).
SPACED_ELLIPSIS = re.compile(r"\s(?:\.\.\.|…)\s")
# A label in capitals before a colon: "DEAR FEELING:" in an advice column, "UPDATE:".
CAPS_LABEL = re.compile(r"[A-Z]{2,}(?:[ '’][A-Z]{2,})*:\s")
# "isn ‘t": a contraction the source broke.
BROKEN_NOT = re.compile(r"\wn [‘’']t\b")
# A round-up's paragraph on another game ("Blue Jackets 5, Canadiens 2: Dubois had two goals
# ...") or a note beside the story ("Note: Hathaway was ejected ..."), round 137.
SIDE_LABEL = re.compile(
    r"(?:[A-Z][\w.'’-]*\s){1,3}\d+, (?:[A-Z][\w.'’-]*\s){1,3}\d+:\s"
    r"|(?:Note|Notes|Editor's note|Editor’s note|Update|Correction|Related|Read more):\s"
    # "Victor N. Burton: Dealing in methamphetamine, ...": an entry of a list of names
    r"|(?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w.'’-]*:\s"
)
# "Akamai declined to comment", "did not immediately respond to a request for comment": news
# copy's note that someone said nothing (reviews kept neither such sentence, rounds 100-142).
NO_COMMENT = re.compile(
    r"\b(?:declined|refused|did not|didn['’]t|could not|couldn['’]t|was not|were not|"
    r"wasn['’]t|weren['’]t|has not|have not|had not) (?:immediately )?(?:yet )?(?:to )?"
    r"(?:comment|elaborate|be reached|(?:been )?available for comment|"
    r"respond(?:ed)? to (?:[\w'’]+ ){0,2}(?:requests?|emails?|e-mails?|messages?|calls?|inquir\w+)|"
    r"return(?:ed)? (?:[\w'’]+ ){0,2}(?:requests?|emails?|e-mails?|messages?|calls?))\b"
    r"|\b(?:had|has|have) no (?:immediate )?comment\b"
    # "Reuters was unable to reach Peter Strzok for comment" (round 146)
    r"|\b(?:unable to|could not|couldn['’]t|failed to) (?:immediately )?reach\b.{0,60}\bfor comment\b",
    re.I,
)
# How to reach or follow the writer, and the page's own prompts: "Dr Ablow can be reached at
# info@...", "CLICK HERE TO FOLLOW TODD ON FACEBOOK" (round 147 asked the first as the
# author's claim).
CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[a-z]{2,}|(?<![\w@])@[A-Za-z_]\w{2,}\b|\bcan be reached (?:at|by|on)\b"
    r"|\bclick here\b|\bfollow (?:\w+ ){1,3}on (?:twitter|facebook|instagram)\b",
    re.I,
)
# A figure the source lost ("with an area of about."), left by a page's dropped template.
LOST_FIGURE = re.compile(
    r"\b(?:(?:of|at|to|by) (?:about|approximately|around|nearly|almost|roughly|some)|than) ?\.$"
)
# The same inside a sentence: "the fourth largest province by area at , and".
LOST_FIGURE_INSIDE = re.compile(r"\b(?:at|of|approximately) ,\s")
# What a page shows beside the text: "see below", "the tree is as below", "(see above)".
ELSEWHERE_ON_PAGE = re.compile(
    r"\b(?:see|as|shown|listed|given|illustrated|described) (?:below|above)\b"
    r"|\b(?:table|figure|diagram|list|tree|chart|image|map|graph)s? (?:below|above)\b"
    r"|\bthe following (?:table|figure|diagram|list|tree|chart|image|map|graph)s?\b",
    re.I,
)
# A fact-check's label for the claim it checks, on a line of its own.
CLAIM_LABEL = re.compile(r"(?:the |what was )?claim(?:s|ed)?:?$", re.I)


def usable_sentences(analysis: Analysis) -> list[tuple[Span, int]]:
    """Sentences worth asking about: prose of a sensible length, not a question, not the
    middle of a quotation that runs over several sentences, not what a page sets beside the
    story (a fact-check's claim, a round-up's other games, an embedded tweet), and not half
    of a sentence the splitter cut."""
    if "usable" in analysis.cache:
        return analysis.cache["usable"]
    from spacy.attrs import IS_PUNCT, IS_SPACE

    out = []
    last = len(analysis.docs) - 1
    for k, (doc, off) in enumerate(zip(analysis.docs, analysis.offsets, strict=True)):
        if k == last and k and AUTHOR_BIO.match(_first_sentence(doc_text(doc).strip())):
            # "Bill Thompson is a regular commentator on ...": the byline, not news; a note
            # of several sentences too ("John Stossel is the host of ... Stossel also
            # appears ... Click here ...", round 153).
            continue
        if CLAIM_LABEL.match(_line_before(analysis.article.text, off)):
            continue  # a fact-check's "Claim": what it checks (and may find false), not news
        if SIDE_LABEL.match(doc_text(doc)):
            continue  # "Blue Jackets 5, Canadiens 2: ...", "Note: ...": a round-up's side item
        if _tweet(doc, off, analysis):
            continue
        open_quote = False
        # Each token's "is a word" (not punctuation, not a space) read once for the doc
        # from its arrays, not from a new Token object for every word of every sentence.
        flags = doc.to_array([IS_PUNCT, IS_SPACE])
        word = (flags[:, 0] == 0) & (flags[:, 1] == 0)
        sents = list(doc.sents)
        following = analysis.docs[k + 1].text.lstrip()[:1] if k < last else ""
        for j, sent in enumerate(sents):
            text = span_text(sent, analysis)
            inside = open_quote
            if any(q in text for q in QUOTE_MARKS):  # no mark, no token that is one
                open_quote = _quote_open_after(tokens(sent, analysis), open_quote)
            # Within an open quotation (news copy often drops the closing mark), a sentence
            # that speaks as "I", "we" or "you", or closes the quotation, is someone's words;
            # so is one the quotation goes on after, a new mark opening the next sentence
            # without closing it (the way a quotation runs on over paragraphs).
            nxt = sents[j + 1].text.lstrip()[:1] if j + 1 < len(sents) else following
            if inside and (
                any(t.lower_ in SPEAKER_WORDS and t.pos_ == "PRON" for t in tokens(sent, analysis))
                or text.rstrip().endswith(('"', "”"))
                or (open_quote and nxt in ('"', "“"))
            ):
                continue
            text = text.strip()
            if "   " in text:
                continue  # punctuation lost in the source ("rates   the number of calls")
            if not (MIN_WORDS <= int(word[sent.start : sent.end].sum()) <= MAX_WORDS):
                continue
            if text.endswith("?") or not re.search(r"[.!\"'”’)]$", text):
                continue
            if _title_case(text):
                continue  # a headline repeated in the body, not a sentence of it
            if SPACED_ELLIPSIS.search(text) or CAPS_LABEL.match(text) or BROKEN_NOT.search(text):
                continue  # "Braun ... and The Carlyle Group", "DEAR FEELING: Of course ..."
            if (
                LOST_FIGURE.search(text)
                or LOST_FIGURE_INSIDE.search(text)
                or ELSEWHERE_ON_PAGE.search(text)
            ):
                continue  # "with an area of about.", "the phylogenetic tree ... is as below"
            if _split_at_name(sents, j, analysis):
                continue
            if CONTACT.search(text):
                continue
            silent = NO_COMMENT.search(text)
            if silent and not re.search(r"\b(?:which|who)(?: \w+)?\W*$", text[: silent.start()]):
                continue  # not "The firm, which declined to comment, is to cut 500 jobs."
            if _split_inside(text, sent):
                if not out:
                    # The report's first sentence is cut up: the next one is not its news.
                    analysis.cache["opening_split"] = True
                continue
            out.append((sent, off))
    analysis.cache["usable"] = out
    return out


# How a page shows a tweet it embeds: "— Dele (@dele_official) November 19, 2019".
TWEET_SIGNATURE = re.compile(r"[—–-]+ [^\n]{1,80}\(@\w+\)")


def _line_before(text: str, off: int) -> str:
    """The last line of ``text`` with words on it before ``off``, stripped: read in place,
    not by copying all the text before every paragraph."""
    end = off
    while end and text[end - 1].isspace():
        end -= 1
    return text[text.rfind("\n", 0, end) + 1 : end].strip()


def _tweet(doc: Doc, off: int, analysis: Analysis) -> bool:
    """Whether a paragraph is an embedded tweet, someone's own words in the first person
    ("I can't thank this man enough"), which a page shows without quotation marks."""
    text = doc_text(doc)
    page = analysis.article.text
    after = SPACE_RUN.match(page, off + len(text)).end()
    return "pic.twitter.com" in text or TWEET_SIGNATURE.match(page, after) is not None


SPACE_RUN = re.compile(r"\s*")


def _split_at_name(sents: list[Span], j: int, analysis: Analysis) -> bool:
    """Whether the splitter cut a name at its full stop: "the ID. SPACE VIZZION is the seventh
    EV" gives "... the ID." and "SPACE VIZZION is ..." (round 137). Either side of such a cut
    is half a sentence."""

    def cut(before: Span, after: Span) -> bool:
        return bool(
            re.search(r"\b[A-Z]{1,3}\.$", span_text(before, analysis).rstrip())
            and re.match(r"[A-Z]{3,}\b", span_text(after, analysis).lstrip())
        )

    return (j > 0 and cut(sents[j - 1], sents[j])) or (
        j + 1 < len(sents) and cut(sents[j], sents[j + 1])
    )


def _split_inside(text: str, sent: Span) -> bool:
    """Whether the sentence is the tail of one the splitter cut at a stray full stop or
    exclamation mark ("established in May 2003. with both parties having a 40% stake",
    "followed Salaam Bombay! with Mississippi Masala"): it opens with a small word that is
    no name ("eBay", "iPod" and "de Villepin" open sentences small)."""
    first = text.split(" ", 1)[0]
    return first[:1].islower() and first.isalpha() and first.islower() and not sent[0].ent_type_


def _title_case(text: str) -> bool:
    """Whether most longer words are capitalised ("Russia's Nuclear Help to Iran Stirs
    Questions About Its 'Improved' Relations With U.S."): a headline, not prose."""
    words = re.findall(r"[A-Za-z][A-Za-z'’]{3,}", text)
    if len(words) < 5 or sum(w[0].isupper() for w in words) < 0.75 * len(words):
        return False
    # Names crowd a sentence too ("Stapleton Roy heads the Kissinger Institute on China"):
    # only a headline capitalises its small words ("About", "With").
    return any(w[0].isupper() and w.lower() in STOPWORDS for w in words[1:])


SPEAKER_WORDS = {"i", "me", "my", "we", "us", "our", "you", "your"}
QUOTE_MARKS = ('"', "“", "”")


def _quote_open_after(words: Iterable[Token], open_quote: bool) -> bool:
    """Whether a quotation is open after ``words``. A straight mark with a space before it
    and a word after it opens one, even where one is open already: news copy runs a
    quotation on with a new opening mark and no closing one ('... talent. "We currently
    have ...'); one with a space or the end after it closes; any other turns the state."""
    for t in words:
        if t.text == "“":
            open_quote = True
        elif t.text == "”":
            open_quote = False
        elif t.text == '"':
            doc = t.doc
            after = doc[t.i + 1] if t.i + 1 < len(doc) else None
            spaced_before = t.i == 0 or bool(doc[t.i - 1].whitespace_)
            if after is not None and not t.whitespace_ and spaced_before and not after.is_punct:
                open_quote = True
            elif t.whitespace_ or after is None or (after.is_punct and not spaced_before):
                open_quote = False
            else:
                open_quote = not open_quote
    return open_quote


def hypothetical(verb: Token) -> bool:
    """A would/could/might/may clause: a fear or a hope, not something that happened."""
    return any(
        c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in verb.children
    )


def in_quotes(tok: Token) -> bool:
    """Whether a token stands inside quotation marks within its sentence."""
    doc = tok.doc
    found = _QUOTED.get(id(doc))
    if found is None or found[0]() is not doc:
        if len(_QUOTED) >= 1024:
            _QUOTED.clear()  # entries of docs gone; only a few articles' docs are in use
        found = _QUOTED[id(doc)] = (weakref.ref(doc), _quote_states(doc))
    return found[1][tok.i]


# Each doc's answers, found in one walk: the extractors and the sentence marks ask about
# 130 tokens an article, and each question walked its sentence from the start, making a new
# Token object for every word. Weak references, so that a batch keeps no old doc alive.
_QUOTED: dict[int, tuple[weakref.ref, list[bool]]] = {}


def _quote_states(doc: Doc) -> list[bool]:
    """For every token of ``doc``, whether a quotation opened earlier in its sentence is
    still open (a straight quote opens and closes in turn)."""
    import numpy
    from spacy.attrs import ORTH, SENT_START, TAG

    # From the doc's arrays: only a quotation mark (by its text or its tag) changes the
    # state, and a sentence's start resets it, so only those tokens are visited; the state
    # holds over the words between them (no Token object, no Python number for each word).
    strings = doc.vocab.strings
    arrays = doc.to_array([ORTH, TAG, SENT_START])
    orth, tag = arrays[:, 0], arrays[:, 1]
    straight = strings['"']
    opening, closing = strings["“"], strings["”"]
    tagged = (strings["``"], strings["''"])
    marks = (orth == straight) | (orth == opening) | (orth == closing)
    marks |= (tag == tagged[0]) | (tag == tagged[1])
    starts = arrays[:, 2] == 1
    states = [False] * len(arrays)
    opened = False
    last = 0
    for i in numpy.flatnonzero(marks | starts).tolist():
        if opened:
            states[last:i] = [True] * (i - last)
        if starts[i]:
            opened = False
        states[i] = opened
        if marks[i]:
            o = orth[i]
            if tag[i] in tagged or o == straight:
                opened = not opened
            elif o == opening:
                opened = True
            else:
                opened = False  # a closing mark
        last = i + 1
    if opened:
        states[last:] = [True] * (len(arrays) - last)
    return states


def subject_name(subj: Token, analysis: Analysis) -> tuple[str, str]:
    """The subject's clearest name and its entity label ('' where it names no entity)."""
    # Kept for the article: several extractors ask about the same subjects, and a run that
    # guessed a verdict wrong (see ``guessing``) asks again.
    memo = analysis.cache.setdefault("subject_names", {})
    key = (id(subj.doc), subj.i)
    found = memo.get(key)
    if found is None or found[0] is not subj.doc:
        found = memo[key] = (subj.doc, _subject_name(subj, analysis))
    return found[1]


def _subject_name(subj: Token, analysis: Analysis) -> tuple[str, str]:
    index = EntityIndex.of(analysis)
    toks = list(subj.subtree)
    text = clean_mention(render(toks))
    ent = index.lookup(text)
    if ent is None:
        # "United States President Donald Trump": the name inside a titled phrase.
        for e in doc_ents(subj.doc, analysis):
            if e.start >= toks[0].i and e.end <= toks[-1].i + 1 and subj.i in range(e.start, e.end):
                ent = index.lookup(e.text)
                break
    if ent is not None:
        return ent.name, ent.label
    return text, ""


def _per_doc(analysis: Analysis, name: str, doc: Doc, make):
    """``make(doc)``, kept in the analysis for as long as it holds the doc."""
    memo = analysis.cache.setdefault(name, {})
    found = memo.get(id(doc))
    if found is None or found[0] is not doc:
        found = memo[id(doc)] = (doc, make(doc))
    return found[1]


def doc_ents(doc: Doc, analysis: Analysis) -> tuple[Span, ...]:
    """``doc.ents``, made once for the article: spaCy builds a new span of every entity, from
    a walk over every token, each time it is asked."""
    return _per_doc(analysis, "doc_ents", doc, lambda d: d.ents)


def doc_tokens(doc: Doc, analysis: Analysis) -> list[Token]:
    """The doc's tokens as one list, made once for the article: spaCy makes a new Token
    object for every word each time a doc or a sentence is walked, and the extractors walk
    each sentence a dozen times (a fifth of their time went to making Token objects)."""
    return _per_doc(analysis, "doc_tokens", doc, list)


def tokens(sent: Span, analysis: Analysis) -> list[Token]:
    """A sentence's tokens, from ``doc_tokens``."""
    return doc_tokens(sent.doc, analysis)[sent.start : sent.end]


def span_text(span: Span, analysis: Analysis) -> str:
    """``span.text``, cut from the doc's text joined once (``doc_text``): spaCy joins the
    text of a span from a new Token object for each of its words every time it is asked."""
    return doc_text(span.doc)[span.start_char : span.end_char]


# Words that stand for a noun the sentence before gave: "Some earn as little as $11".
BARE = {"some", "many", "most", "others", "several", "few", "both", "all", "one", "another"}
# Nouns that are always some field's or some study's: "Methods have improved" (of what?).
OF_SOMETHING = {"method", "technique", "approach", "procedure", "finding", "result"}


def final_token(sent: Span) -> int:
    """Where the sentence's last token that is not white space stands: two spaces after its
    full stop leave a space token at its end, and a statement built from it would end ".."."""
    i = sent.end - 1
    while i > sent.start and sent.doc[i].is_space:
        i -= 1
    return i


def bare_subject(sent) -> bool:
    """Whether the subject is a bare "Some", "Others", "Many": a word standing for a noun
    an earlier sentence gave; or a bare "Methods" or "Results", whose field or study an
    earlier sentence gave (round 143)."""
    subj = [t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    if any(
        (t.lower_ in BARE or (t.lemma_.lower() in OF_SOMETHING and t.tag_ == "NNS"))
        and not any(
            c.dep_ in ("prep", "amod", "relcl", "acl", "det", "compound", "poss", "nummod")
            for c in t.children
        )
        for t in subj
    ):
        return True
    # "... showed that 4.8 billion were fired off": a count standing for the noun (texts)
    # an earlier sentence gave (round 59), in the main clause or the one it reports.
    clauses = [sent.root, *(c for c in sent.root.children if c.dep_ in ("ccomp", "conj"))]
    return any(
        t.dep_ in ("nsubj", "nsubjpass")
        and t.pos_ == "NUM"
        and not any(c.dep_ == "prep" for c in t.children)
        # "267 films are eligible ... but only five will be chosen": the count's noun is
        # counted earlier in the same sentence, the clause it joins.
        and not (v.dep_ == "conj" and _counted_before(t, sent))
        for v in clauses
        for t in v.children
    )


def _counted_before(count: Token, sent) -> bool:
    return any(
        w.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in w.children)
        for w in sent.doc[sent.start : count.i]
    )


def number_as_name(ent: Span) -> bool:
    """Whether a bare number names a thing rather than counting: "a 911 operator", "the 777
    program" (a plane), a number after "a" or before a singular noun. Changed, it gives
    nonsense ("The 388 program", round 35), not a wrong figure."""
    if ent.label_ != "CARDINAL":
        return False
    if re.fullmatch(r"[A-Za-z]+-?\d+\w*", ent.text.strip()):
        return True  # "his F4 label", "the G8", "PS2": letters and a number make a name
    if ent.start == 0:
        return False
    doc = ent.doc
    before = doc[ent.start - 1].lower_
    if before in ("a", "an"):
        return True
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        before in ("the", "its", "this", "that")
        and re.fullmatch(r"\d{3,}", ent.text) is not None
        and after is not None
        and after.tag_ in ("NN", "NNP")
    )


def sent_ents(sent: Span, analysis: Analysis) -> list[Span]:
    """``sent.ents``, taken as spaCy takes it from the doc's entities, but from ``doc_ents``."""
    ents = []
    for ent in doc_ents(sent.doc, analysis):
        if ent.start >= sent.start:
            if ent.end <= sent.end:
                ents.append(ent)
            else:
                break
    return ents


# Subjects that are no "he" or "she": a body or a document.
NOT_SOMEONE = set(
    "company firm group bank club team party report study government court committee council "
    "board agency ministry department survey poll paper book letter statement plan deal "
    "move decision case country city state union association".split()
)


def unnamed_someone(sent: Span) -> bool:
    """Whether the sentence's subject is someone it does not name ("The strongman expressed
    hope that Obama wins", "..., said a spokesman"): a "he" after it may be that someone, not
    the name it gives (round 86: "But he played down reports" became "G8 played down")."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.pos_ == "NOUN"
        and not subj.ent_type_
        and subj.tag_ == "NN"
        and any(c.lower_ in ("the", "a", "an") for c in subj.children)
        and subj.lemma_.lower() not in NOT_SOMEONE
    )


def resolve_pronoun(tok: Token, analysis: Analysis, offset: int) -> str | None:
    """The person a he/she refers to, where the text leaves no doubt: the person who is the
    subject of this sentence or the one before, in the same paragraph, when exactly one
    person is. Used only where quizgen needs a name to make a question; None when unsure."""
    if tok.lower_ not in ("he", "she"):
        return None
    index = EntityIndex.of(analysis)
    sents = list(tok.doc.sents)
    k = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    people = set()
    for sent in sents[max(0, k - 1) : k + 1]:
        if sent.start < tok.sent.start and unnamed_someone(sent):
            return None
        for t in sent:
            if t.i >= tok.i:
                break
            if t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == "PERSON":
                ent = next((e for e in sent_ents(sent, analysis) if e.start <= t.i < e.end), None)
                found = index.lookup(ent.text) if ent is not None else None
                if found is not None and found.label == "PERSON":
                    people.add(found.name)
    if len(people) != 1:
        return None
    name = people.pop()
    return name if may_be(name, tok, analysis) else None


def may_be(name: str, pronoun: Token, analysis: Analysis) -> bool:
    """Whether "he" or "she" may stand for ``name``: not where the article shows the person
    is of the other sex ("whether she believed ..." had become George W. Bush's belief,
    round 171)."""
    from .coref import genders

    known = genders(analysis).get(name)
    return known is None or known == ("f" if pronoun.lower_ == "she" else "m")


def is_pronoun(tok: Token) -> bool:
    # "US" is a country, not "us".
    return tok.pos_ == "PRON" or (tok.lower_ in PRONOUNS and not tok.text.isupper())


def said_more_after(sent: Span, subj: Token, analysis: Analysis) -> bool:
    """Whether the next sentence adds to what ``subj`` said or wanted here: "He also called
    for ...", "Mr Lishman also urged ...". A key taken from this sentence alone leaves that
    out, and a student who gives it is marked wrong (round 100)."""
    sents = analysis.sentences()
    where = analysis.cache.get("sentence_index")
    if where is None:
        where = analysis.cache["sentence_index"] = {
            (id(s.doc), s.start): i for i, (s, _) in enumerate(sents)
        }
    i = where.get((id(sent.doc), sent.start))
    if i is None or i + 1 >= len(sents):
        return False
    root = sents[i + 1][0].root
    if root.lemma_ not in SPEECH | WANTING or not any(
        c.dep_ == "advmod" and c.lower_ == "also" for c in root.children
    ):
        return False  # "He also resigned": a further deed, not more of what he asked for
    other = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if other is None:
        return False
    if other.lower_ in ("he", "she", "they", "it"):
        return True
    return other.pos_ == "PROPN" and other.text == subj.text


def clause_text(tokens, drop=()) -> str:
    """A clause as a statement: linkers dropped, first letter capitalised."""
    text = strip_linkers(render(t for t in tokens if t not in drop and not t.is_space))
    text = text.rstrip(" ,;:")
    return text[:1].upper() + text[1:] if text else text


def answer_text(tokens) -> str:
    return clean_answer(render(tokens))


def self_contained(text: str, allowed=()) -> bool:
    return bool(text) and not has_dangling_pronoun(text, allowed)


def sentence_case(text: str) -> str:
    text = tidy(text)
    return text[:1].upper() + text[1:] if text else text


def display_name(name: str, analysis: Analysis) -> str:
    """A name as a sentence starts it: "The British Medical Association", "Donald Trump"."""
    ent = EntityIndex.of(analysis).lookup(name)
    if ent is not None and ent.the:
        return "The " + ent.name
    return name[:1].upper() + name[1:]


BROKEN_WH = re.compile(r"^(how many|how much|what percentage)\b(?: of)?\s*(or|and|,|%|\d)", re.I)


def well_formed(question: str | None, analysis: Analysis) -> bool:
    """Parse a generated question again and keep it only if it reads as one: a verb at its
    root, a subject, and no words the parser could not attach. Moving a parse sometimes
    leaves a fragment ("How many or 12.9% did ..."); this catches most of them."""
    text = _to_parse(question)
    if text is None:
        return False
    memo = analysis.cache.setdefault("well_formed", {})
    if text not in memo:
        if not analysis.model:
            memo[text] = True
        elif GUESSES in analysis.cache:
            # Extraction is guessing (see ``guessing``): the text is parsed later, in a batch.
            analysis.cache[GUESSES].append(text)
            return True
        else:
            judge([text], analysis)
    return memo[text]


# Where ``well_formed`` lists the texts whose verdict it guessed, while ``guessing`` runs.
GUESSES = "well_formed_guessed"


def judge(texts: list[str], analysis: Analysis) -> None:
    """Parse texts for ``well_formed`` and keep their verdicts (see ``judge_many``)."""
    judge_many([(analysis, t) for t in texts])


def judge_many(asked: list[tuple[Analysis, str]]) -> None:
    """Parse each analysis's texts for ``well_formed`` and keep their verdicts. spaCy's cost
    for a short text is mostly per call, so a batch of questions costs well under half as
    much each, and a batch's articles together less again; the parse of each text is the
    same in a batch as alone, whatever else is in it."""
    pending: dict[str, dict[str, list[dict]]] = {}  # model -> text -> the memos waiting
    for analysis, text in asked:
        memo = analysis.cache.setdefault("well_formed", {})
        if text in memo:
            continue
        if not analysis.model:
            memo[text] = True
            continue
        waiting = pending.setdefault(analysis.model, {}).setdefault(text, [])
        if not any(m is memo for m in waiting):
            waiting.append(memo)
    for model, texts in pending.items():
        nlp, steps = _question_pipeline(model)
        # Each component over the whole batch, as ``nlp.pipe`` runs them, without its
        # per-call wrapping (a fifth of the time for a handful of short texts).
        docs = [nlp.make_doc(t) for t in texts]
        for step in steps:
            docs = list(step.pipe(docs, batch_size=256))
        for (text, memos), doc in zip(texts.items(), docs, strict=True):
            verdict = _reads_as_question(doc)
            for memo in memos:
                memo[text] = verdict


def guessing(runs: list, analysis: Analysis) -> list:
    """``guessing_many`` for the runs of one analysis."""
    return guessing_many([(analysis, run) for run in runs])


def guessing_many(runs: list[tuple[Analysis, Callable]]) -> list:
    """Each run's result (a run is an analysis and a function of it), computed as if every
    question were parsed one by one as it is asked.

    Extractors judge each question as they make it, and what they do next depends on the
    verdict, so the questions cannot be gathered first. Instead every run goes ahead with
    each question not yet judged taken as well formed (nine in ten are); all those questions,
    of every analysis, are then parsed in one batch. A run whose guesses were all right saw
    exactly the verdicts a parse would have given, so its result stands; the others run again
    with the verdicts now known, guessing only for questions they had not asked before.
    Extractors are deterministic and keep nothing between calls but what each analysis
    caches from its own parse, so runs of different analyses do not touch each other.
    """
    results: list = [None] * len(runs)
    todo = list(range(len(runs)))
    while todo:
        guesses: dict[int, list[str]] = {}
        failed: set[int] = set()
        for i in todo:
            analysis, run = runs[i]
            guessed = guesses[i] = analysis.cache[GUESSES] = []
            try:
                results[i] = run()
            except Exception:
                # A path only a wrong guess opened may fail; one the real verdicts open is
                # an error.
                if not guessed:
                    raise
                failed.add(i)
            finally:
                del analysis.cache[GUESSES]
        judge_many([(runs[i][0], t) for i in todo for t in guesses[i]])
        todo = [
            i
            for i in todo
            if i in failed or not all(runs[i][0].cache["well_formed"][t] for t in guesses[i])
        ]
    return results


def kept_for_reruns(analysis: Analysis, doc: Doc, key, compute) -> list[Fact]:
    """``compute()``'s facts (a part of one run that depends only on ``doc``, ``key`` and
    the verdicts it asks for), worked out again in a repeated run only where one of the
    verdicts it guessed was wrong: with every guess right, the repeat would ask the same
    questions, get the same verdicts and make the same facts. Each call gets its own copies,
    since callers add slots to the facts they are given."""
    memo = analysis.cache.setdefault("kept_for_reruns", {})
    verdicts = analysis.cache.setdefault("well_formed", {})
    found = memo.get((id(doc), key))
    if found is None or found[0] is not doc or not all(verdicts.get(t) for t in found[2]):
        guesses = analysis.cache.get(GUESSES)
        start = len(guesses) if guesses is not None else 0
        facts = compute()
        guessed = guesses[start:] if guesses is not None else []
        found = memo[(id(doc), key)] = (doc, [_copy(f) for f in facts], guessed)
    return [_copy(f) for f in found[1]]


def _copy(fact: Fact) -> Fact:
    return replace(fact, slots=dict(fact.slots))


def _to_parse(question: str | None) -> str | None:
    """The text whose parse decides ``well_formed``, or None where no parse is needed."""
    if not question:
        return None
    if BROKEN_WH.search(question) or typed_twice(question):
        return None
    if question.startswith("Under what condition "):
        return "When " + question[len("Under what condition ") :]  # the parser reads it so
    return question


@cache
def _question_pipeline(model: str):
    """The model, and the components a question's parse runs. Only the tags and the parse
    are read: the entity recogniser (half the time of a short text) and the lemmatizer run
    after them and change neither, so they are left out; the attribute ruler, which sets the
    coarse tags, keeps only its rules that set one of ``RULED``."""
    from spacy.pipeline import AttributeRuler

    from ..nlp import load

    nlp = load(model)
    steps = []
    for name, proc in nlp.pipeline:
        if name in ("ner", "lemmatizer"):
            continue
        steps.append(_slim_ruler(proc) if isinstance(proc, AttributeRuler) else proc)
    return nlp, steps


# What ``_reads_as_question`` reads that the attribute ruler can set.
RULED = {"POS", "TAG", "DEP"}


def _slim_ruler(ruler):
    """A copy of the ruler with only its rules that set one of ``RULED``, each setting only
    those. Rules are matched on the tagger's and parser's output, never on each other's, and
    a later rule overrides an earlier one, so the attributes kept come out as the whole
    ruler sets them; two thirds of the rules also set MORPH or LEMMA, and a third set nothing
    else (the ruler's matcher was a third of a question's parse)."""
    from spacy.pipeline import AttributeRuler

    from ..ruler import use_table

    slim = AttributeRuler(ruler.vocab, name=ruler.name, validate=False)
    slim.add_patterns(
        [
            {**p, "attrs": {k: v for k, v in p["attrs"].items() if k in RULED}}
            for p in ruler.patterns
            if RULED.intersection(p["attrs"])
        ]
    )
    return use_table(slim)


def _reads_as_question(doc: Doc) -> bool:
    root = [t for t in doc if t.dep_ == "ROOT"]
    return (
        len(root) == 1
        and (root[0].pos_ in ("VERB", "AUX") or _misread_root(root[0]))
        and not any(t.dep_ in ("dep", "parataxis") for t in doc)
        and any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "attr") for t in doc)
        # "When did the tunnel reopened ...?": "did" wants the plain verb.
        and not any(
            t.lower_ in ("did", "does", "do")
            and t.dep_ == "aux"
            and t.head.tag_ in ("VBD", "VBN", "VBZ")
            for t in doc
        )
        # Two clauses run together: two subjects on one verb, or an object followed by a
        # clause with no "that" ("assume full ownership it was owned by ...").
        and sum(1 for c in root[0].children if c.dep_ in ("nsubj", "nsubjpass")) <= 1
        and not _run_on(root[0])
        # "Why was that 'in part'?": a "that" or "this" for a subject points back (round 85).
        and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in DEMONSTRATIVES
            for c in root[0].children
        )
    )


DEMONSTRATIVES = {"that", "this", "these", "those"}
ASKING_AUX = {"did", "does", "do", "will", "would", "can", "could", "should", "may", "might"}


def _misread_root(root: Token) -> bool:
    """A question's root that the tagger or parser misread where the clause is still whole.
    "Why did profits at Renault fall by a third?": the tagger may call "fall", "rise" or
    "cut" a noun where the parse still hangs a "did" and a subject on it."""
    kids = list(root.children)
    return (
        root.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ in ASKING_AUX for c in kids)
        and any(c.dep_ == "nsubj" for c in kids)
    ) or (
        # "Why is the government also under pressure from ...?": the parse may make the
        # preposition after a fronted "is" the root, with the "is" and the subject on it.
        root.pos_ == "ADP"
        and any(c.dep_ == "aux" and c.lower_ in BE_FORMS and c.i < root.i for c in kids)
        and any(c.dep_ == "nsubj" for c in kids)
    )


BE_FORMS = {"is", "are", "was", "were"}


# Word forms, not lemmas: the question's re-parse runs without the lemmatizer.
TELLING = re.compile(r"^(tell|told|inform|warn|remind|assur|convinc|persuad|show|teach|taught)")


def _run_on(root: Token) -> bool:
    """ "assume full ownership it was owned by": an object, then a clause with its own subject
    and no "that", on a verb that does not take both ("told the minister he would ...")."""
    kids = list(root.children)
    if TELLING.match(root.lower_) or not any(c.dep_ == "dobj" for c in kids):
        return False
    return any(
        c.dep_ == "ccomp"
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        and not any(g.dep_ == "mark" for g in c.children)
        # "What does Beijing want Trump to do?": an infinitive with its doer, no new clause.
        and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in kids
    )


SUBJ_DEPS = ("nsubj", "nsubjpass")
OWNING_DEPS = ("nsubj", "nsubjpass", "poss")


def not_a_pronoun(tok: Token, start: int) -> bool:
    """Whether an "I", "me", "my" or "you" at ``tok`` is a word of something else: a title
    written with capitals around it ("I Believe in You", "Lose My Breath", "I'm A
    Celebrity"; round 58 took a chart report for a column), a name the tokenizer read as
    "I'm" ("Im Kwon-Taek"), or a word joined by hyphens ("pay-as-you-go"). ``start`` is
    where the sentence starts, whose first word has its capital anyway."""
    doc, i = tok.doc, tok.i
    word = tok.text
    if word in ("My", "Me") and i > start:
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if word == "I" and not tok.whitespace_ and nxt is not None and nxt.text == "m":
        return True
    if word.lower() in ("you", "your") and (
        (i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_)
        or (nxt is not None and nxt.text == "-" and not tok.whitespace_)
    ):
        return True
    j = i + 1
    while j < len(doc) and doc[j].text.startswith(("'", "’")):
        j += 1  # "I'll Stand By You"
    return word == "I" and j < len(doc) and doc[j].text[:1].isupper()


THIRD_PERSON = {"he", "she", "him", "his", "her", "himself", "herself"}
PLURAL_PERSON = {"they", "them", "their", "themselves"}
FIRST_SECOND = {"we", "us", "our", "i", "me", "my", "you", "your"}
GROUP_NOUNS = set(
    "band team group family couple pair club party government company firm side squad crew "
    "board committee council union duo trio".split()
)
ROLE_WORDS = {w for kind in ROLE_KINDS.values() for w in kind}
NAMED = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW")


def _in_opening_phrase(tok: Token) -> bool:
    """Whether a token sits in a phrase that opens its sentence before the subject and hangs
    on the main verb ("During the Middle Ages, ...", "In Europe, ...")."""
    root = tok.sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or tok.i >= subj.i:
        return False
    node = tok
    while node.head != node and node.head != root:
        node = node.head
    return node.dep_ in ("prep", "advcl", "npadvmod", "advmod") and node.i < subj.i


def stands_alone(span: Span, named: Token | None = None, analysis: Analysis | None = None) -> bool:
    """Whether a sentence can be shown on its own: every pronoun has something before it
    to refer to (a person for "he", a group for "they"), no "this"/"that" points back, and
    a sentence that names nothing at all does not open on "The economy" or "The firm".
    ``named`` is a pronoun the caller shows as the person's name; ``analysis``, where
    given, supplies the span's tokens (see ``tokens``)."""
    words = tokens(span, analysis) if analysis is not None else list(span)
    before: list[Token] = []
    for tok in words:
        low = tok.lower_
        if tok == named or tok.pos_ != "PRON" and low not in DEMONSTRATIVES:
            before.append(tok)
            continue
        if low in FIRST_SECOND and tok.text != "US":
            if not_a_pronoun(tok, span.start):
                before.append(tok)
                continue
            return False
        if low in THIRD_PERSON or low in PLURAL_PERSON or low in ("it", "its"):
            if tok.dep_ != "expl" and not _referent_before(tok, before, named):
                return False
        elif low == "this" and tok.dep_ == "det" and tok.head.lemma_.lower() in THIS_TIMES:
            pass  # "this year": the writer's own
        elif low in ("this", "these", "those") or (low == "that" and tok.dep_ == "det"):
            return False
        elif low == "that" and tok.dep_ == "dobj" and tok.head.lemma_ in SPEECH:
            return False  # "Donald Trump has said that more than once": said what?
        before.append(tok)
    first = next((t for t in words if not t.is_punct), None)
    if first is not None and first.lower_ == "the" and not any(t.ent_type_ in NAMED for t in words):
        # "The economy grew": which? "The inclusion of downloaded music in the chart" says,
        # as do a name the model did not mark ("The IAAF") and a kind of trade ("The reggae
        # industry"). "The unemployment rate" still needs its country (round 127).
        head = first.head
        return head.pos_ == "PROPN" or any(
            c.dep_ in ("prep", "acl", "relcl")
            or (c.dep_ == "compound" and c.pos_ == "NOUN" and head.lemma_ in TRADES)
            for c in head.children
        )
    return True


# "It is clear that ...", "It remains to be seen ...": an "it" that stands for the clause
# after it, not for something before.
EMPTY_IT_HEADS = {"be", "seem", "appear", "remain", "emerge", "become", "happen", "matter"}
EMPTY_IT_HEADS |= {"follow", "look", "sound", "take", "cost", "mean", "make"}


def _body_word(tok: Token) -> bool:
    """Whether a name's word belongs to a place's or a body's name ("Rugby" in "International
    Rugby Board"): an organisation with a word such as "Board" or "Council" in it."""
    from ..kinds import BODY_WORDS

    if tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"):
        return True
    if tok.ent_type_ != "ORG":
        return False
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(doc[k].lower_ in BODY_WORDS for k in range(start, end))


TRADES = {"industry", "sector"}


def _it_is_one(xcomp: Token) -> bool:
    """Whether "it seems to be ..." says what a thing named before is: "For Trump, it seems
    to be Shinzo Abe" (round 142), not "It seems to be the case that ...", whose "it" stands
    for the clause after it."""
    return (
        xcomp.lemma_ == "be"
        and any(c.dep_ == "attr" for c in xcomp.children)
        and not any(
            t.dep_ in ("ccomp", "xcomp", "advcl", "acl", "relcl", "csubj")
            for t in xcomp.subtree
            if t is not xcomp
        )
    )


def _plural_verb(verb: Token) -> bool:
    """Whether a verb, or the "are" or "have" on it, is plural."""
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(w.lower_ in ("are", "have", "were") or w.tag_ == "VBP" for w in words)


def _referent_before(tok: Token, before: list[Token], named: Token | None) -> bool:
    """Whether something before a pronoun can be what it stands for. Two places cannot: the
    scene-setting phrase before the main clause's subject ("Unlike the Army, they are ...":
    not the Army), and the subject of the pronoun's own verb ("Indonesians could join
    them": not the Indonesians), round 40."""
    # Only a word before the main clause's subject can be in the opening phrase: the walk up
    # its heads is made for those alone.
    subj = next((c for c in tok.sent.root.children if c.dep_ in SUBJ_DEPS), None)
    limit = subj.i if subj is not None else -1

    def opening(t: Token) -> bool:
        return t.i < limit and _in_opening_phrase(t)

    if not opening(tok):
        # A subject or an owner there still can be ("After Smith's resignation, he ...").
        before = [t for t in before if not opening(t) or t.dep_ in OWNING_DEPS]
    if tok.dep_ in SUBJ_DEPS:
        # The same for the pronoun's own clause, where it is not the sentence's main one: "In
        # Virginia, they voted ...; in Mississippi, they voted ..." (round 62's story).
        scene = {
            x.i for c in tok.head.children if c.dep_ == "prep" and c.i < tok.i for x in c.subtree
        }
        before = [t for t in before if t.i not in scene or t.dep_ in OWNING_DEPS]
    if tok.dep_ == "dobj":
        own = next((c for c in tok.head.children if c.dep_ in SUBJ_DEPS), None)
        if own is not None:
            before = [t for t in before if t not in own.subtree]
    low = tok.lower_
    if low in THIRD_PERSON and tok.dep_ == "nsubj" and tok.head.lemma_ in SPEECH:
        # "..., he added": a speaker is a person the sentence names, not "Labour" or
        # "Rochdale" (round 51).
        return any(t.ent_type_ == "PERSON" or t == named for t in before)
    if low in THIRD_PERSON:
        # A name before it (the small model sometimes calls a person an organisation), but
        # not a body named for what it is: "the International Rugby Board confirmed that he
        # ..." names nobody "he" can be.
        return any(
            t.ent_type_ == "PERSON"
            or t == named
            or (t.pos_ == "PROPN" and not _body_word(t))
            # "A 20-year-old man is selling space on his forehead": someone the sentence
            # brings in, not one it points back to ("the man" is refused as such).
            or (t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS)
            # "Scotland's justice minister has warned fans that she ...": a post that says
            # whose (round 113 lost a story's lead to it).
            or (
                t.pos_ == "NOUN"
                and t.lemma_.lower() in ROLE_WORDS
                and any(c.dep_ in ("poss", "compound") for c in t.children)
            )
            for t in before
        )
    if low in PLURAL_PERSON:
        # "his band's guitarist at their biggest gig": British English gives a group "they".
        return any(
            t.tag_ in ("NNS", "NNPS")
            or t.ent_type_ in ("ORG", "GPE", "NORP")
            or (t.pos_ == "NOUN" and t.lemma_.lower() in GROUP_NOUNS)
            # "Southampton are set to unveil ... as their new manager": a name with a plural
            # verb is a team, whatever the model calls it.
            or (t.pos_ == "PROPN" and t.dep_ in SUBJ_DEPS and _plural_verb(t.head))
            for t in before
        )
    if tok.dep_ == "nsubj" and any(
        c.dep_ in ("ccomp", "csubj")
        or (c.dep_ == "xcomp" and tok.head.lemma_ in EMPTY_IT_HEADS and not _it_is_one(c))
        for c in tok.head.children
    ):
        return True  # "It is clear that ...": the clause after it; "it began exploring" is no dummy
    # A thing before it, not a time or the scene of an opening phrase ("During the Middle
    # Ages, its use ...": "its" is not the Middle Ages').
    return any(
        t.pos_ in ("NOUN", "PROPN")
        and t.ent_type_ not in ("DATE", "TIME", "EVENT")
        # "Van Rossum first released it": a person is no "it"
        and not (t.ent_type_ == "PERSON" and tok.dep_ in ("dobj", "pobj", "nsubjpass"))
        and not opening(t)
        for t in before
    )
