"""Turning parsed clauses into questions: wh-movement, do-support, agreement.

Questions are built by transforming the parse (subject, auxiliaries, verb, the part asked
about) rather than by blanking a word, so "The US looks for complete ... denuclearization
before easing any sanctions" becomes "What does the US look for before easing any
sanctions?". Everything here works on spaCy tokens and returns plain strings, which the
extractors store in a fact's slots for the templates to use.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from .kinds import PARTY_WORDS
from .wordre import spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words that carry no content when comparing what two sentences are about.
STOPWORDS = frozenset(
    "the a an of to in on and or for is are was be with by at as will has have that its it "
    "from over did does do according article author what who when where why which how".split()
)
SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
# Sentence openers that only link to the previous sentence; a question drops them.
LINKERS = {
    "but",
    "and",
    "so",
    "yet",
    "also",
    "however",
    "still",
    "besides",
    "therefore",
    "already",
    "meanwhile",
    "moreover",
    "furthermore",
    "instead",
    "thus",
    "hence",
    "now",
    "then",
    "indeed",
    "currently",
    "as it is",
    "or",
    "nevertheless",
    "nonetheless",
    "in addition",
    "additionally",
    "anyway",
    "in return",
    "in response",
    "in retaliation",
    "for instance",
    "for example",
    "in contrast",
    "by contrast",
    "conversely",
    "ergo",
    "consequently",
    "accordingly",
    "as a result",
    "even so",
    "all the same",
    "in other words",
    "on the other hand",
    "again",
    "elsewhere",  # "Elsewhere, a refinery in Houston was closed": elsewhere than where? (round 60)
    "closer to home",  # closer than what? (round 62)
}
# The writer's comment on a sentence ("Bizarrely, a plane skidded off the runway"): dropped
# only where a comma closes it, since a statement in a question is the article's, not its tone.
COMMENT_OPENERS = {
    # the writer's aside to the reader ("Okay, sure, The Interview might feature ...")
    "okay",
    "ok",
    "sure",
    # and a step of the writer's list ("First, the researchers discounted ...", "Fourth, you
    # cannot ..."): the first of what?
    "first",
    "firstly",
    "second",
    "secondly",
    "third",
    "thirdly",
    "fourth",
    "fifth",
    "finally",
    "lastly",
    "bizarrely",
    "interestingly",
    "ironically",
    "curiously",
    "remarkably",
    "surprisingly",
    "unsurprisingly",
    "oddly",
    "strangely",
    "sadly",
    "happily",
    "luckily",
    "fortunately",
    "unfortunately",
    "tragically",
    "notably",
    "importantly",
    # more important than what came before: a comparison the statement cannot keep (round 151)
    "more importantly",
    "even more importantly",
    "most importantly",
    "just as importantly",
    "equally importantly",
    "crucially",
    "predictably",
    "inevitably",
    "understandably",
    "admittedly",
    "frankly",
    "incidentally",
    "naturally",
    "separately",
    "similarly",
    "likewise",
    "of course",
    "in fact",
    "after all",
    "in turn",
    "to be sure",
    "needless to say",
    "as expected",
    "clearly",
    "obviously",
    "of note",
}


def render(tokens: Iterable[Token]) -> str:
    """Tokens (not necessarily contiguous) as text, with the sentence's own spacing."""
    toks = sorted(set(tokens), key=lambda t: t.i)
    if not toks:
        return ""
    out = []
    for k, t in enumerate(toks):
        out.append(t.text)
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None:
            out.append(t.whitespace_ if nxt.i == t.i + 1 else " ")
    return tidy("".join(out))


# Compiled once: tidy runs for every piece of text a question is made of.
# A reference's number in brackets ("nitrogen [1]", "[12, 13]"), which points to a list the
# question does not have (round 154).
CITATION = re.compile(r"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]")
TIDY = [
    (CITATION, ""),
    (re.compile(r"\s+([,.;:!?%)])"), r"\1"),
    # "did n't", "What 's": a clitic the parser split off joins its word again.
    (re.compile(r"(?<=\w)\s+(n't|n’t|'s|’s|'re|’re|'ve|’ve|'ll|’ll|'d|’d|'m|’m)\b"), r"\1"),
    (re.compile(r"([(])\s+"), r"\1"),
    (re.compile(r",\s*,"), ","),
    (re.compile(r"^[,;:\-–—\s]+|[,;:\-–—\s]+$"), ""),
]
SPACES = re.compile(r"\s+")


# Kept for the process (bounded): three texts in five come back (a clause rendered by several
# extractors, a text tidied by ``render`` and again by its caller), and each is six passes.
@lru_cache(maxsize=1 << 14)
def tidy(text: str) -> str:
    text = SPACES.sub(" ", text).strip()
    for pattern, repl in TIDY:
        text = pattern.sub(repl, text)
    return text


def subtree(tok: Token) -> set[Token]:
    return set(tok.subtree)


def subject_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    # "Kim and Trump are likely to reach": the subject hangs on the governing verb.
    if verb.dep_ in ("xcomp", "conj") and verb.head != verb:
        subj = subject_of(verb.head) if verb.dep_ == "conj" else None
        if subj is not None and _disagrees(verb, subj):
            # "Rosenstein discussed the topic, and suggested attempts ... were a waste of
            # time": a "were" the parser joined to "discussed" is another clause's (round 144).
            return None
        return subj
    return None


def _disagrees(verb: Token, subj: Token) -> bool:
    """Whether a verb's own form says it has another subject: plural "were" for one person."""
    plural_verb = verb.lower_ in ("were", "are") or verb.tag_ == "VBP"
    single_verb = verb.lower_ in ("was", "is", "has") or verb.tag_ == "VBZ"
    joined = any(c.dep_ == "conj" for c in subj.children)
    if plural_verb:
        return subj.tag_ in ("NN", "NNP") and not joined
    return single_verb and subj.tag_ in ("NNS", "NNPS")


def is_be(tok: Token) -> bool:
    return tok.lemma_ == "be"


def third_singular(verb: str) -> str:
    irregular = {"are": "is", "were": "was", "have": "has", "do": "does", "go": "goes"}
    low = verb.lower()
    if low in irregular:
        return irregular[low]
    if re.search(r"(s|sh|ch|x|z|o)$", low):
        return verb + "es"
    if re.search(r"[^aeiou]y$", low):
        return verb[:-1] + "ies"
    return verb + "s"


def do_form(verb: Token, subj: Token | None = None) -> str:
    if verb.tag_ == "VBD" or verb.tag_ == "VBN":
        return "did"
    if verb.tag_ == "VBZ":
        return "does"
    # "Clint Eastwood get" is the parser's slip: one named subject takes "does".
    if (
        subj is not None
        and subj.tag_ in ("NN", "NNP")
        and not any(c.dep_ == "conj" for c in subj.children)
    ):
        return "does"
    return "do"


def lead_tokens(sent: Span, subj: Token) -> set[Token]:
    """Tokens of the sentence that stand before the subject (fronted phrases, linkers)."""
    subj_start = min(t.i for t in subj.subtree)
    return {t for t in sent if t.i < subj_start}


def quoted_at(text: str, i: int) -> bool:
    """Whether a double quotation mark is open at ``i`` in ``text``: the words there are a
    speaker's. (Single quotes are left out: they are as often apostrophes.)"""
    return len(re.findall(r'["“”]', text[:i])) % 2 == 1


def without_also(text: str) -> str:
    """ "X are also facing poverty" -> "X are facing poverty": the "also" leans on a sentence
    the question does not show."""
    # "did X however decide"; "acidic solutions thus have a pH": thus, since what went before
    # (not "thus far", which says until now).
    text = re.sub(
        r"(?<=\w) (?:also|however|thus|therefore|hence|consequently) (?=\w)(?!far\b)", " ", text
    )

    # "Foster, however, declared ...": the same for a linker set off by commas, but never
    # inside a quotation, whose words are the speaker's.
    def drop(m: re.Match) -> str:
        return m.group() if quoted_at(text, m.start()) else ""

    return re.sub(
        r"(?<=\w), (however|though|meanwhile|in turn|instead|therefore|too|also|in fact"
        r"|for instance|for example)"
        r",(?= \w)",
        drop,
        text,
        flags=re.I,
    )


# "LONDON —", "WASHINGTON (Reuters) -": a news agency's dateline before the first sentence.
DATELINE = re.compile(
    r"^[A-Z][A-Z.,'/ ]{2,}(\s*\([^)]{1,40}\))?\s*(?:[—–]\s*|-+\s+)(?=[A-Z0-9])"
    # "SHEBOYGAN, Wis. --", "ALAMEDA, Calif. —": a city in capitals, its state abbreviated
    r"|^[A-Z][A-Z.' ]{2,}(?:, [A-Z][a-z]{1,4}\.)+\s*[—–-]+\s*"
    # "Dekalb, Ill. — Mike Glass threw ...": the city written as a name (round 135)
    r"|^[A-Z][a-z]+(?: [A-Z][a-z]+)*, (?!Jr\.|Sr\.)[A-Z][a-z]{1,4}\.\s*[—–-]+\s*"
    # "DUBAI, United Arab Emirates —", "WASHINGTON/KHOBAR, Saudi Arabia (Reuters) -": a city
    # in capitals, its country written out (round 165)
    r"|^[A-Z][A-Z.'/ ]{2,}, [A-Z][a-z]+(?: [A-Z][a-z]+){0,3}(?:\s*\([^)]{1,40}\))?"
    r"\s*(?:[—–]\s*|-+\s+(?=[A-Z0-9]))"
    # "(Reuters) -": the agency alone
    r"|^\([A-Z][\w .&-]{1,30}\)\s*[—–-]+\s*"
    # "WASHINGTON The U.S. Federal Reserve ...": a page that lost the dateline's dash
    # (six letters or more, so that an acronym opening a sentence stays)
    r"|^[A-Z]{6,}(?: [A-Z]{2,})*\s+(?=(?:The|A|An) \S)"
    # "Tripoli, Libya (CNN) --": a place in any case, but then an outlet in brackets
    r"|^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?"
    r"\s*\([A-Z][\w .&-]{1,30}\)\s*[—–-]+\s*"
    # "(CNN) President Donald Trump ...": the outlet in brackets, its dash lost (round 36)
    r"|^\([A-Z][A-Za-z]{1,12}\)\s+(?=[A-Z])"
    # "Indianapolis – Several thousand teachers ...": a place written as a name, then a
    # spaced dash and a new sentence (an aside after a name goes on in lower case)
    r"|^[A-Z][a-z]+(?:,? [A-Z][a-z.]+){0,2} [—–] (?=[A-Z][a-z]+ [a-z])"
    # "Washington, DC, United States: Getting to the Moon ...": places, then a colon (round 62)
    r"|^[A-Z][a-z]+(?: [A-Z][a-z]+)*(?:, [A-Z][A-Za-z]+(?: [A-Z][a-z]+)*){1,3}: (?=[A-Z])"
)


# "(Refiles Nov. 30 story to cut extraneous word) By Katanga Johnson and Makini Brice": an
# agency's note on a corrected story and its byline, before the dateline. Left in, the
# reporters became answers and options ("Makini Brice WASHINGTON", round 182). A name here
# is words in capitals and small letters, so the dateline's "WASHINGTON" is not one.
_BY_NAME = r"[A-Z][a-z][\w'’.-]*(?: (?:[A-Z]\.|[A-Z][a-z][\w'’.-]*))*"
NEWS_LEAD_IN = re.compile(
    r"^\s*(?:\(\(?(?:Refiles|Updates|Corrects|Adds|Repeats|Fixes|This (?:story|version)"
    r"|This \w+ \d+ story)\b[^()]*(?:\([^()]*\)[^()]*)*\)\)?\s*)?"
    rf"(?:By {_BY_NAME}(?:(?:, | and | & ){_BY_NAME})*\s+)?"
)


# "UPDATE, Mar. 5, 2024: The team ...": a label on the page's history, not the news (round 196).
UPDATE_LABEL = re.compile(r"\s*UPDATE\b[^:]{0,25}:\s+(?=[A-Z])")


def lead_in_end(text: str) -> int:
    """Where a news block's text starts: after a correction note, a byline and a dateline
    (see NEWS_LEAD_IN and DATELINE), or after an update label; 0 where it has none."""
    update = UPDATE_LABEL.match(text)
    if update:
        return update.end()
    note = NEWS_LEAD_IN.match(text)
    start = note.end() if note else 0
    cut = DATELINE.match(text[start:])
    if cut:
        return start + cut.end()
    # A note or byline counts only before a dateline; "By Tuesday, ..." is no byline.
    return 0


# Sorted once: strip_linkers runs for every clause an extractor renders.
LINKERS_LONGEST_FIRST = sorted(LINKERS, key=len, reverse=True)
# "So far", "So much", "Now that", "As a result of": the phrase, not a linker.
LINKER_PHRASE = re.compile(r"(far|much|many|long|that|of)\b")


# Kept for the process (bounded): two calls in three are for a clause already stripped (the
# same sentence's statement made by several extractors).
@lru_cache(maxsize=1 << 14)
def strip_linkers(text: str) -> str:
    text = DATELINE.sub("", text)
    # "Earlier Mr Kennedy said ...": earlier than the sentence before; not "Earlier this month".
    # With its comma it goes whatever follows ("Earlier, ex-Conservative chancellor ...").
    text = re.sub(r"^(?:Earlier|Later)(?:, | (?=[A-Z]))", "", text)
    low = text.lower()
    changed = True
    while changed:
        changed = False
        for w in LINKERS_LONGEST_FIRST:
            if not low.startswith(w):
                continue  # most texts start with no linker: no pattern need be tried
            if low == w:
                return ""
            if low.startswith(w + " ") and LINKER_PHRASE.match(low, len(w) + 1):
                continue
            if w == "besides" and re.match(r"[a-z]+ing\b", low[len(w) + 1 :]):
                # "Besides having more oomph, Nissan said ...": a preposition, whose clause
                # would hang without it (round 135).
                continue
            if low.startswith(w + " ") or low.startswith(w + ","):
                text = text[len(w) :].lstrip(" ,")
                low = text.lower()
                changed = True
        for w in COMMENT_OPENERS:
            if low == w:
                return ""  # "First" put before a question, its comma gone
            if low.startswith(w + ","):
                text = text[len(w) + 1 :].lstrip(" ")
                low = text.lower()
                changed = True
    return text


NAME_TYPES = {
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "EVENT",
    "WORK_OF_ART",
    "PRODUCT",
    "LAW",
}


HONORIFICS = ("mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "prof")


def _common(word: str) -> bool:
    """A word common enough in English ("veteran", "glamour") to be read as one where nothing
    else says it is a name."""
    from .frequency import zipf

    return word.isalpha() and zipf(word) >= 3.5


SMALL_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,;")


def _capitalised_within(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` with its capital inside a sentence, as a name."""
    return any(
        k >= 2 and text[k - 1] == " " and text[k - 2] in SMALL_OR_COMMA
        for k, _ in spans(text, word, b=True)
    )


# Weak keys, so that a batch keeps no old doc alive.
_DOC_TEXTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once for each doc: spaCy joins it again from a new Token object
    for every word each time it is asked (a tenth of extraction's time went to it)."""
    found = _DOC_TEXTS.get(doc)
    if found is None:
        found = _DOC_TEXTS[doc] = doc.text
    return found


def lower_first(text: str, keep: Token | None = None) -> str:
    """Lower-case the first letter unless the first word is a name or an acronym."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if any(c.isupper() for c in first[1:]) and not first.isupper():
        return text  # "AutoLink", "McDonald's", "YouTube": a capital inside makes a name
    if re.sub(r"['’]s$", "", first).lower() in PARTY_WORDS:
        return text  # "Labour on Monday postponed ...", "Conservative shadow ..." (round 74)
    if keep is not None and keep.pos_ in ("ADP", "SCONJ") and not keep.ent_type_:
        # "From Tuesday", "Under President Chavez": a preposition moved to the end is small,
        # whatever name follows it.
        return text[0].lower() + text[1:]
    if (
        keep is not None
        and keep.is_sent_start
        and not (first.isupper() and len(first) > 1)  # "AMBER alerts": capitals are a name
        and keep.pos_ == "PROPN"
        and not keep.ent_type_
        and _common(keep.lower_)
        and keep.lower_.rstrip(".") not in HONORIFICS
        # a name the text capitalises mid-sentence too ("... said Apple") stays one
        and not _capitalised_within(keep.text, doc_text(keep.doc))
    ):
        # "Veteran star Ossie Davis", "Glamour was brought": a common word the small model
        # tags as a name only because it opens the sentence.
        return text[0].lower() + text[1:]
    if keep is not None and (keep.pos_ == "PROPN" or keep.ent_type_ in NAME_TYPES):
        return text  # "Hollywood stars", "Convention Place station": a name, whatever its tag
    if keep is not None and keep.like_num and keep.is_alpha:
        return text[0].lower() + text[1:]  # "Five Mozambicans": a count, however it opens
    if keep is not None and first[:1].isupper() and first.lower() != "the":
        # "Wolves chief executive": the article writes it with a capital mid-sentence too.
        if _capitalised_within(first, doc_text(keep.doc)):
            return text
    if keep is not None and keep.i + 1 < len(keep.doc):
        nxt = keep.doc[keep.i + 1]
        # "the UK government", "the Academy Awards", "the DSTT": a name's "The" is written
        # small inside a sentence, as newspapers do.
        # Not a verb or an adverb before the name: "Come Friday, many teenagers ..." (round
        # 153's check of the editorials).
        named = keep.lower_ != "the" and keep.pos_ not in ("VERB", "AUX", "ADV", "PRON")
        if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and first[:1].isupper() and named:
            return text
    if first.rstrip(".").lower() in HONORIFICS:
        return text
    if first.isupper() and len(first) > 1 or first == "I":
        return text
    return text[0].lower() + text[1:]


CONTRASTING = ("while", "whereas", "although", "though", "whilst")


def clause_tokens(verb: Token, sent: Span) -> set[Token]:
    """The verb's clause within the sentence, without the final punctuation."""
    toks = {t for t in verb.subtree if t.i >= sent.start and t.i < sent.end}
    return {t for t in toks if not (t.is_punct and t.i == max(x.i for x in toks))}


def ask(
    verb: Token,
    sent: Span,
    target: set[Token] | None,
    wh: str,
    singular: bool = True,
    drop: set[Token] | None = None,
    subj_text: str | None = None,
    lonely_it: bool = False,
) -> str | None:
    """A wh-question about ``target`` (a set of tokens in the verb's clause), or about the
    subject when ``target`` is None. Returns None where the clause has no usable shape, or
    leans on an "it" it does not name, unless ``lonely_it`` (a caller that shows the whole
    sentence beside it)."""
    subj = subject_of(verb)
    if subj is None and wh == "Why" and target is not None and is_be(verb):
        # "There has been speculation about ... because ...": "Why has there been ...?"
        # (Not "How many citizens are there?", which loses what the sentence counted in.)
        subj = next((c for c in verb.children if c.dep_ == "expl" and c.i < verb.i), None)
    if subj is None:
        return None
    subj_toks = subtree(subj)
    # "Napier, a remand prisoner at the time, raised ...": moved behind "did", the aside
    # loses its closing comma, so it goes ("When did Napier raise ...?").
    aside: set[Token] = set()
    for c in subj.children:
        if c.dep_ == "appos" and c.i > subj.i:
            span = sorted(c.subtree, key=lambda t: t.i)
            aside |= set(span)
            doc = subj.doc
            for k in (span[0].i - 1, span[-1].i + 1):
                if 0 <= k < len(doc) and doc[k].text == ",":
                    aside.add(doc[k])
    if aside and target is not None:
        subj_toks = {t for t in subj_toks if t not in aside}
        drop = set(drop or set()) | aside
    clause = clause_tokens(verb, sent) - (drop or set())
    # A subordinate clause asked on its own loses its "as", "while" or "that".
    clause -= {c for c in verb.children if c.dep_ == "mark"}
    # "clashed with Roy Keane and referee Graham Poll had to separate them": a conjoined
    # verb straight after a name or noun has lost its own subject to the parse, and a
    # question would run the two clauses together.
    for c in verb.children:
        if (
            c.dep_ == "conj"
            and c.i > verb.i
            and c.pos_ in ("VERB", "AUX")
            and not any(g.dep_ in SUBJ for g in c.children)
            and c.doc[c.i - 1].pos_ in ("NOUN", "PROPN")
        ):
            return None
    # A conjoined clause with its own subject ("..., and Washington could pledge ...") is a
    # second statement; a conjoined verb phrase is dropped when asking about a complement.
    for c in verb.children:
        if (
            c.dep_ == "conj"
            and c.i > verb.i
            and (target is not None or any(g.dep_ in SUBJ for g in c.children))
        ):
            drop = set(c.subtree)
            drop |= {t for t in verb.children if t.dep_ in ("cc", "punct") and verb.i < t.i < c.i}
            clause -= drop
    # "..., while the remaining five are serving life sentences": a second statement set
    # beside the first, which a question about the first does not ask.
    for c in verb.children:
        if (
            c.dep_ == "advcl"
            and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ in CONTRASTING for m in c.children)
        ):
            side = sorted(c.subtree, key=lambda t: t.i)
            before = sent.doc[side[0].i - 1] if side[0].i > sent.start else None
            if before is not None and before.text == ",":
                clause -= set(side) | {before}
    auxes = sorted(
        (c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i),
        key=lambda t: t.i,
    )
    if not auxes and verb.dep_ == "conj" and verb.tag_ == "VBN":
        # "was suspended and sued by his employers": the first verb's "was" is the second's
        # too, not "why did he sue by his employers?" (round 106).
        auxes = sorted(
            (c for c in verb.head.children if c.dep_ in ("aux", "auxpass") and c.i < verb.head.i),
            key=lambda t: t.i,
        )
    clause -= _relative_days(clause, target)
    subj_start = min(x.i for x in subj_toks)
    fronted = {t for t in clause if t.i < subj_start and t not in auxes}
    kept = [t for t in fronted if target is None or t not in target]
    # "Since the Cray-1 was installed in 1976, speed has leaped 500,000 times": the year is
    # when the clause under "since" happened, not when the speed leaped; so it is where the
    # parse hangs the year on that clause, and where it stands inside a clause put first,
    # whatever the parse says.
    if target and (
        _under_clause(target, verb)
        or (any(t.i < subj_start for t in target) and any(t.pos_ in ("VERB", "AUX") for t in kept))
    ):
        return None
    # A fronted phrase stays in front of the question ("In 1997, Clinton imposed an embargo
    # on Sudan, which was suspected of ..." -> "In 1997, who imposed ...?"): moved to the end
    # it would hang on whatever ends the sentence. It goes when it is what is asked ("When
    # did ...?"), and so do sentence linkers such as "But" or "Already".
    fronted_text = strip_linkers(render(kept)).strip(" ,")
    words = [t for t in kept if not t.is_punct]
    if all(t.tag_ in ("WRB", "WDT", "IN", "CC") for t in words):
        fronted_text = ""  # "When X arrived ...": the "When" alone says nothing
    elif len(words) == 1 and words[0].pos_ == "ADV" and not words[0].nbor(1).is_punct:
        if words[0].lower_ in MEANING_ADVERBS:
            return None  # "Increasingly startups are located in ...": not "Where are startups?"
        fronted_text = ""  # "even as the Cowboys endured ...": the "even" went with the "as"
    elif re.search(r"(?i)(\b(and|or|but)|--|[-–—])$", fronted_text):
        return None  # "When faced with ... -- and, which ...": a phrase cut in two
    elif any(t.tag_ == "VBN" and t.head not in fronted for t in words) or any(
        t.lower_ in ("his", "her", "their", "its") for t in words
    ):
        # "Typically used only to keep people safe, what did the alert ask ...?" hangs on
        # the "what"; "Following the death of his father, who ...?" names no one before
        # "his". Both describe the subject, which the question keeps or asks for.
        fronted_text = ""
    tail = sorted((t for t in clause if t.i > verb.i), key=lambda t: t.i)
    after_subj = {t for t in clause if t.i > max(x.i for x in subj_toks) and t.i < verb.i}
    middle = {t for t in after_subj if t not in auxes}
    rest = [t for t in tail if target is None or t not in target]
    # "greater help ... than the freeze would bring": a comparison cannot lose one side.
    if (
        target
        and any(t.tag_ in ("JJR", "RBR") for t in target)
        and any(t.lower_ == "than" for t in rest)
    ):
        return None
    if (
        target is not None
        and not fronted_text
        and not rest
        and any(t.pos_ in ("VERB", "AUX") for t in kept)
    ):
        # "Often, when a critical flaw is announced, spates of viruses follow because ...":
        # "Why do spates of viruses follow?" follows nothing once the clause before it goes
        # (round 133).
        return None
    shown = [*rest, *middle, *kept]
    if target is not None:
        shown += subj_toks
    if not lonely_it and _lonely_it(shown):
        return None
    rest_text = render(rest)
    if target is None:
        if singular and len(auxes) == 1 and auxes[0].lower_ in ("do", "does") and verb.tag_ == "VB":
            # "But Bailey does see some hope": without its "but", the stress has nothing to
            # answer, so "Who sees some hope?".
            auxes, verb_text = [], third_singular(verb.lemma_)
        else:
            verb_text = verb.text
        verb_words = (
            [t.text for t in auxes] + [render(middle)] if middle else [t.text for t in auxes]
        )
        words = [w for w in verb_words if w] + [verb_text]
        # "Who" takes a singular verb: "Kim and Trump are likely" -> "Who is likely".
        if not singular:
            return _fronted(fronted_text, tidy(f"{wh} {' '.join(words)} {rest_text}") + "?")
        if words and subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "cc" for c in subj.children):
            words[0] = (
                third_singular(words[0])
                if words[0].lower() in ("are", "were", "have", "do")
                else words[0]
            )
            if words[0] == verb.text and verb.tag_ == "VBP":
                words[0] = third_singular(verb.lemma_)
        if is_be(verb) and any(c.dep_ == "attr" and c.tag_ == "NNS" for c in verb.children):
            return None  # "St Helens are obvious partners": not "Who is obvious partners?"
        if len(words) == 1 and verb.tag_ == "VBP":
            words[0] = third_singular(verb.text)
        elif words[0].lower() in ("are", "were", "have", "do"):
            # "The League Managers Association have offered": a body may take a plural verb,
            # but "Which organisation" takes a singular one.
            words[0] = third_singular(words[0])
        return _fronted(fronted_text, tidy(f"{wh} {' '.join(words)} {rest_text}") + "?")
    # ``subj_text`` names what a pronoun subject stands for ("it" -> "the Royal Society").
    subj_text = subj_text or lower_first(render(subj_toks), min(subj_toks, key=lambda t: t.i))
    # "AMBER alerts, which use the same system, ask ...": the clause's closing comma hangs on
    # the verb, not on the subject, but the subject's opening one needs it.
    doc, end = verb.doc, max(t.i for t in subj_toks)
    closed = doc[end].text == "," or (end + 1 < len(doc) and doc[end + 1].text == ",")
    if closed and "," in subj_text and not subj_text.endswith(","):
        subj_text += ","
    perfect = (
        wh in ("When", "Where")
        and verb.tag_ == "VBN"
        and auxes
        and spelt_out(auxes[0]) in ("has", "have")
        and not middle
    )
    if perfect and len(auxes) == 1:
        # "When has Hill died?" is not English: a time or a place asks the past ("When did
        # Hill die?"), and so does a passive ("When was he named ...?").
        q = f"{wh} did {subj_text} {verb.lemma_} {rest_text}"
    elif perfect and len(auxes) == 2 and auxes[1].lower_ == "been":
        was = "were" if spelt_out(auxes[0]) == "have" else "was"
        q = f"{wh} {was} {subj_text} {verb.text} {rest_text}"
    elif auxes:
        first, *others = auxes
        mid = " ".join([t.text for t in others] + ([render(middle)] if middle else []))
        q = f"{wh} {spelt_out(first)} {subj_text} {mid} {verb.text} {rest_text}"
    elif is_be(verb):
        q = f"{wh} {spelt_out(verb)} {subj_text} {render(middle)} {rest_text}"  # "it's" -> "is it"
    else:
        q = f"{wh} {do_form(verb, subj)} {subj_text} {render(middle)} {verb.lemma_} {rest_text}"
    return _fronted(fronted_text, re.sub(r"(?<=[a-z])\.\?$", "?", tidy(q) + "?"))  # "win.?"


def _under_clause(target: set[Token], verb: Token) -> bool:
    """Whether ``target`` hangs on a clause below ``verb`` (an adverbial, relative or
    reported one), not on the verb itself."""
    top = next((t for t in target if t.head not in target or t.head.i == t.i), None)
    hop = top.head if top is not None else verb
    while hop.i != verb.i and hop.head.i != hop.i:
        if hop.dep_ in ("advcl", "relcl", "acl", "ccomp"):
            return True
        hop = hop.head
    return False


# Adverbs that change what the clause says (how often, how far, a trend): a question that
# drops one asks something else (round 33).
MEANING_ADVERBS = frozenset(
    "increasingly decreasingly rarely seldom never always often usually mostly largely mainly "
    "partly almost nearly hardly barely scarcely occasionally sometimes frequently generally "
    "typically".split()
)


def _fronted(front: str, question: str) -> str:
    """The question behind the phrase its sentence put first: "In 1997, who imposed ...?"."""
    if not front:
        return question
    wh = question.split(" ", 1)[0]
    # "Which" and "Who" are written small after the phrase; "I" and names keep their capital.
    if wh in ("Who", "Whom", "Whose", "What", "When", "Where", "Which", "Why", "How"):
        question = question[:1].lower() + question[1:]
    if not any(c.isupper() for c in front[1:].split(" ", 1)[0]):  # "eBay" keeps its shape
        front = front[:1].upper() + front[1:]
    return tidy(f"{front}, {question}")


RELATIVE_DAY = re.compile(
    r"(?i)^(on )?((last|this|next|earlier this|later this) (week|weekend|month|year|spring|summer"
    r"|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|yesterday|today|tomorrow|(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"( morning| afternoon| evening| night)?)$"
)


def _relative_days(clause: set[Token], target: set[Token] | None) -> set[Token]:
    """ "last week", "on Tuesday": a day counted from the article's date, which a question
    read on its own cannot place, so a question about something else leaves it out."""
    out: set[Token] = set()
    for t in clause:
        if target and t in target:
            continue
        on = t.dep_ == "pobj" and t.head.lower_ == "on"  # not "at the end of last week"
        if t.dep_ == "npadvmod" and t.head.lower_ == "dated":
            continue  # "a letter dated Monday to three senators": the date is the letter's
        if (t.dep_ == "npadvmod" or on) and t.ent_type_ == "DATE":
            phrase = set(t.subtree) | ({t.head} if on else set())
            text = render(phrase)
            if RELATIVE_DAY.match(text) and not (target and phrase & target):
                out |= phrase
    return out


def _lonely_it(shown: Iterable[Token]) -> bool:
    """An object "it" with no thing named before it in what the question shows ("When did
    Van Rossum first release it?"): the thing released is the article's, not the question's."""
    toks = sorted(shown, key=lambda t: t.i)
    for k, t in enumerate(toks):
        if t.lower_ == "it" and t.dep_ in ("dobj", "pobj", "dative"):
            if not any(
                x.pos_ == "NOUN" or (x.pos_ == "PROPN" and x.ent_type_ != "PERSON")
                for x in toks[:k]
            ):
                return True
    return False


# Contracted auxiliaries, which cannot open a question: "Johnson's won" -> "What has ...".
CONTRACTED = {"'ve": "have", "'re": "are", "'ll": "will", "'m": "am", "ca": "can", "wo": "will"}


def spelt_out(aux: Token) -> str:
    """An auxiliary as a question's second word: "'s" is "has" before a participle and "is"
    before anything else; "'d" is "had" before a participle and "would" before anything else."""
    word = aux.text.lower().replace("’", "'")
    if word in ("'s", "'d"):
        # "has won" (perfect) but "is told" (passive) and "is happy" (the verb itself). The
        # small model calls every "'s" before a participle passive, so an object or "been"
        # tells the perfect.
        head = aux.head
        participle = (
            aux.dep_ in ("aux", "auxpass")
            and head.tag_ == "VBN"
            and (
                aux.dep_ == "aux"
                or head.lemma_ == "be"
                or any(c.dep_ == "dobj" for c in head.children)
            )
        )
        return {"'s": ("is", "has"), "'d": ("would", "had")}[word][participle]
    return CONTRACTED.get(word, word)


def state(verb: Token, sent: Span, drop: set[Token], subj_text: str | None = None) -> str | None:
    """The verb's clause as a short statement, without ``drop`` (a date, a source) and
    without linkers: "the Slammer worm knocked out 13,000 cash machines"."""
    clause = clause_tokens(verb, sent) - drop
    clause -= {c for c in verb.children if c.dep_ == "mark"}
    for c in verb.children:
        if c.dep_ == "conj" and any(g.dep_ in SUBJ for g in c.children):
            clause -= set(c.subtree)
    if not clause:
        return None
    text = strip_linkers(render(clause))
    if subj_text:
        subj = subject_of(verb)
        if subj is not None:
            text = text.replace(render(subj.subtree), subj_text, 1)
    text = tidy(text)
    return text[:1].upper() + text[1:] if text else None


def clean_answer(text: str) -> str:
    """An answer without a leading article and a trailing possessive or punctuation."""
    text = tidy(text)
    text = (
        re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
        if re.match(r"^(the|a|an)\s+[A-Z]", text)
        else text
    )
    text = re.sub(r"['’]s?$", "", text)
    return text.strip(" .,;:")


def typed_twice(text: str) -> bool:
    """Whether ``text`` has a word typed twice ("to to", "The the"), not a name that says
    itself twice ("Duran Duran", "Bora Bora": round 113 lost a story's lead to it)."""
    return any(
        not (m.group(1)[:1].isupper() and m.group(2)[:1].isupper())
        for m in re.finditer(r"\b(\w+) (\1)\b", text, re.I)
    )
