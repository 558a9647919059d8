"""Which plant "the plant" is, where the article says so itself.

An article names a thing once in full ("the Bushehr plant", "the Mozilla community", "the
Obama administration") and then writes "the plant". A question that keeps "the plant" leaves
a student asking "which?", and the article's subject noun is too common for selection to
refuse ("the constitution" in a story about the EU constitution). So where the article puts
exactly one name before the noun, and names that thing more than once, a question says
"the Bushehr plant". Words inside quotation marks are the speaker's and are never changed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..kinds import ROLE_KINDS, is_country, not_a_person, surname
from ..language import quoted_at
from ..wordre import spans
from .base import doc_tokens, in_quotes, sent_ents, span_text, tokens
from .claim import PEOPLE_NOUNS
from .coref import UNIQUE, WHO_STAND_INS
from .entities import TITLE_NOUNS, EntityIndex
from .entity import OFFICES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..nlp import Analysis

# "the leader" is a person, whom a party's name before it does not name: "Han Dong-hoon,
# the leader of the PPP" is not "the Democratic Party leader".
PEOPLE = (
    WHO_STAND_INS
    | PEOPLE_NOUNS
    | OFFICES
    | {w for t in TITLE_NOUNS for w in t.split()}
    | {w for kind in ROLE_KINDS.values() for w in kind}
)
# A country, a region or a people before a noun ("the U.S. economy", "British farmers")
# tells one of several apart, rarely the one the article means by "the economy".
NOT_NAMING = {"NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL"}
# Nouns that end the names of bodies and stand for that body alone once it is named: never
# a firm, a bank or a party, which an article calls by a short name ("Barclays ... the bank").
BODIES = {"committee", "commission", "council", "court", "tribunal", "inquiry", "agency"}
BODIES |= {"authority", "assembly", "parliament", "senate", "congress", "board", "panel"}
BODIES |= {"foundation", "institute", "federation", "association", "league", "ombudsman"}
# A quotation, straight or curly: the speaker's words, which a question never changes.
QUOTED = re.compile(r'("[^"]*"|“[^”]*”)')


def named_heads(analysis: Analysis) -> dict[str, tuple[str, int]]:
    """Each noun the article writes after one name only, with that name and where the
    article first gives it (-1: anywhere): "plant" -> ("Bushehr {}", -1), "committee" ->
    ("Public Accounts Committee", 120)."""
    memo = analysis.cache.get("named_heads")
    if memo is not None:
        return memo
    names: dict[str, set[str]] = defaultdict(set)
    for doc in analysis.docs:
        for tok in doc_tokens(doc, analysis):
            if tok.pos_ != "NOUN" or tok.dep_ == "compound":
                continue
            parts = [c for c in tok.lefts if c.dep_ == "compound"]
            if not parts:
                continue
            name = doc[min(c.left_edge.i for c in parts) : tok.i]
            one_name = all(t.ent_type_ and t.ent_type_ == name[0].ent_type_ for t in name)
            if (one_name or all(t.pos_ == "PROPN" for t in name)) and not in_quotes(tok):
                names[tok.lemma_.lower()].add(name.text)
                types = {t.ent_type_ for t in name}
                if types & NOT_NAMING or ("GPE" in types and is_country(name.text)):
                    names[tok.lemma_.lower()].add("")  # never this noun's name
    text = analysis.article.text
    memo = {
        head: (f"{name} {{}}", -1)
        for head, found in names.items()
        if len(found) == 1
        and (name := next(iter(found)))
        and head not in PEOPLE
        and sum(1 for _ in spans(text, name)) >= 2
    }
    # "the Public Accounts Committee ... the committee": a body named once in full, whose
    # name ends in the noun, where no other name of the article ends in it (round 110).
    ends: dict[str, list] = defaultdict(list)
    for ent in EntityIndex.of(analysis).of_label("ORG", "FAC"):
        words = ent.name.split()
        if len(words) > 1 and words[-1][:1].isupper():
            ends[words[-1].lower()].append(ent)
    # Not where another body leads the article: "the agency" in a NASA release is NASA, not
    # the European Space Agency it names once (round 174).
    bodies = EntityIndex.of(analysis).of_label("ORG")
    for head, ents in ends.items():
        if head in BODIES and len(ents) == 1 and head not in names:
            if any(b.mentions > 2 * max(ents[0].mentions, 1) for b in bodies):
                continue
            memo[head] = (ents[0].name, ents[0].first)
    analysis.cache["named_heads"] = memo
    return memo


def named_phrases(sent: Span, analysis: Analysis) -> dict[str, str]:
    """ "the plant" -> "the Bushehr plant" for this sentence's bare "the" + noun."""
    heads = named_heads(analysis)
    found = {}
    for tok in tokens(sent, analysis):
        if tok.lower_ != "the" or tok.dep_ != "det" or in_quotes(tok):
            continue
        head = tok.head
        if head.i != tok.i + 1 or head.pos_ != "NOUN" or head.lemma_.lower() not in heads:
            continue
        if tok.text == "The" and head.text[:1].isupper() and (tok.i > sent.start or head.ent_type_):
            continue  # "The Interview", a film's title, is no "the Kim interview" (round 140)
        if any(c.dep_ == "prep" and c.lower_ in ("of", "by", "from") for c in head.children):
            # "the administration of US President George W Bush" says whose (round 114), "the
            # report by the Government Accountability Office" whose (round 166)
            continue
        if sum(1 for e in sent.ents if e.label_ == "ORG" and e.end <= tok.i) >= 2:
            # "cleared the chairman of the House Intelligence Committee ... leadership of the
            # panel's Russia investigation": after two bodies, which panel is a guess; the one
            # named "Ethics panel" elsewhere was the wrong one (round 175).
            continue
        name, first = heads[head.lemma_.lower()]
        bare = name.format("").strip()
        if bare and bare in sent.doc[head.i : head.right_edge.i + 1].text:
            continue  # "the attack on the Army Public School" says which (round 150)
        if first >= 0 and (
            first > tok.idx + analysis.offset_of(tok.doc)
            or head.tag_ != "NN"
            or name in sent.doc[sent.start : tok.i].text
        ):
            continue  # not yet named, "the committees", or named earlier in the sentence
        found[f"the {head.text}"] = "the " + name.format(head.text)
    found.update(_named_works(sent, analysis))
    return found


# Nouns a work is called by: "the 2002 movie" is the one film the article has named.
WORK_NOUNS = {"film", "movie", "album", "book", "novel", "single", "song", "musical", "play"}
WORK_NOUNS |= {"documentary", "series", "sitcom", "opera", "biopic", "game"}


def _named_works(sent: Span, analysis: Analysis) -> dict[str, str]:
    """ "the 2002 movie" -> "the 2002 movie Tears of the Sun", where the article names one
    work of art only, before this sentence and not in it (round 123)."""
    works = EntityIndex.of(analysis).of_label("WORK_OF_ART")
    if len(works) != 1:
        return {}
    work = works[0]
    found = {}
    for tok in tokens(sent, analysis):
        if tok.lower_ != "the" or tok.dep_ != "det" or in_quotes(tok):
            continue
        head = tok.head
        if head.lemma_.lower() not in WORK_NOUNS or head.tag_ != "NN" or head.i < tok.i:
            continue
        between = sent.doc[tok.i + 1 : head.i]
        if any(not (t.like_num or t.pos_ == "ADJ") for t in between):
            continue  # "the Robert Harris best-seller": says whose already
        after = sent.doc[head.i + 1] if head.i + 1 < len(sent.doc) else None
        if after is not None and (after.text in ("'s", "’s") or after.pos_ == "PROPN"):
            continue  # "the film's director"; "the film Ray" names it
        if any(
            c.dep_ in ("prep", "relcl", "acl", "appos")
            and c.i > head.i
            and sent.doc[c.left_edge.i - 1].text != ","
            for c in head.children
        ):
            continue  # "the film about ...", "the book he wrote": it says which
        if work.first > tok.idx + analysis.offset_of(tok.doc) or work.name in span_text(
            sent, analysis
        ):
            continue
        phrase = sent.doc[tok.i : head.i + 1].text
        found["the" + phrase[3:]] = f"the{phrase[3:]} {work.name}"
    return found


def spelt_out(sent: Span, analysis: Analysis) -> dict[str, str]:
    """The acronyms a sentence uses for names the article spells out elsewhere, each with its
    long form: "The CBC was founded in 1971" -> {"CBC": "Congressional Black Caucus"}, the
    name a question shown on its own must give (round 146), where the article brings the
    acronym in after its long form. Not where the long form is in the sentence already, nor
    inside a quotation."""
    from .entities import _linked

    index = EntityIndex.of(analysis)
    text = span_text(sent, analysis)
    found = {}
    for m in re.finditer(r"\b[A-Z]{2,5}\b", text):
        short = m.group()
        ent = index.lookup(short)
        if ent is None or ent.name == short or ent.name in text or len(ent.name.split()) < 2:
            continue
        if quoted_at(text, m.start()):
            continue  # a speaker's acronym is the speaker's
        # Only an acronym the writer thought needed spelling out: "Congressional Black
        # Caucus (CBC)". "US" or "BT" the article uses bare (and "BT Together" is no "BT").
        if f"{ent.name} ({short})" in analysis.article.text and _linked(
            short, ent.name, states=False
        ):
            found[short] = ent.name
    return found


def name_in(text: str, named: dict[str, str]) -> str:
    """``text`` with each bare phrase of ``named`` said in full, outside quotation marks."""
    if not named or not text:
        return text
    parts = QUOTED.split(text)
    for k in range(0, len(parts), 2):  # the even parts stand outside quotation marks
        for bare, full in named.items():
            # (not inside a cloze's blank, "{{c1::CBC}}", whose key stays as written)
            pattern = rf"(?<![\w':])({bare[0]}|{bare[0].upper()}){re.escape(bare[1:])}(?!\w)"
            parts[k] = re.sub(pattern, lambda m, full=full: m.group(1) + full[1:], parts[k])
    return "".join(parts)


PLAIN_TITLES = {"mr", "mrs", "ms", "miss"}


def _name_part_counts(analysis: Analysis) -> tuple[Counter, Counter]:
    """How many people have each surname and each first name: counted once an article."""
    counts = analysis.cache.get("name_part_counts")
    if counts is None:
        index = EntityIndex.of(analysis)
        names = [e.name.split() for e in index.entities if e.label == "PERSON"]
        counts = analysis.cache["name_part_counts"] = (
            Counter(n[-1] for n in names),
            Counter(n[0] for n in names),
        )
    return counts


# Entities that are never a name: figures and times.
FIGURE_LABELS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def _one_word_names(sent: Span, analysis: Analysis) -> list[tuple[str, str, bool]]:
    """Each one-word name of the sentence as ``_as_written`` gives it. The small model calls
    many a bare surname an organisation ("Viotti, director of La Fenice", "Connors rejected
    ...") or nothing at all ("Souness"), so those count too; ``bare_surnames`` gives them a
    person's full name only where the article has one."""
    memo = analysis.cache.setdefault("one_word_names", {})
    kept = memo.get((id(sent.doc), sent.start))
    if kept is not None and kept[0] is sent.doc:
        return kept[1]  # asked by both ``bare_surnames`` and ``shared_surnames``
    found = []
    covered: set[int] = set()
    for ent in sent_ents(sent, analysis):
        covered.update(range(ent.start, ent.end))
        if ent.label_ in FIGURE_LABELS or ent.end - ent.start > 2:
            continue
        last = span_text(ent, analysis).rsplit(" ", 1)[-1]
        written = _as_written(ent, sent, any_label=last[:1].isupper() and last.isalpha())
        if written is not None:
            found.append(written)
    # Words no entity covers, read from the token list (no Span or Token made for each).
    toks = tokens(sent, analysis)
    for j, tok in enumerate(toks):
        text = tok.text
        if not (text[:1].isupper() and text.isalpha()) or tok.i in covered:
            continue
        if tok.pos_ != "PROPN" and not (tok.pos_ == "NOUN" and j > 0):
            continue
        if tok.lower_ in PLAIN_TITLES or in_quotes(tok):
            continue
        written = _after(toks[j - 1] if j else None, text)
        if written is not None:
            found.append(written)
    memo[(id(sent.doc), sent.start)] = (sent.doc, found)
    return found


def _as_written(ent: Span, sent: Span, any_label: bool = False) -> tuple[str, str, bool] | None:
    """A one-word name as the sentence writes it, with Mr, Mrs, Ms or Miss where it has one
    (the model takes the title into the name or not): (shown, bare, titled), or None for a
    name of more words or inside a quotation. Only a person's, unless ``any_label``."""
    if (ent.label_ != "PERSON" and not any_label) or in_quotes(ent[0]):
        return None
    if len(ent) == 2 and ent[0].lower_ in PLAIN_TITLES:
        return ent.text, ent[1].text, True
    if len(ent) != 1:
        return None
    return _after(sent.doc[ent.start - 1] if ent.start > sent.start else None, ent.text)


def _after(before: Token | None, name: str) -> tuple[str, str, bool] | None:
    """A one-word name as written after the word ``before`` (None at a sentence's start)."""
    if before is not None and before.lower_ in PLAIN_TITLES:
        return f"{before.text} {name}", name, True
    if before is not None and (before.pos_ == "PROPN" or before.text.endswith(".")):
        return None  # "Dr. Kim", "Coach Reid", "Lord Falconer": the title is the name's
    return name, name, False


def shared_surnames(sent: Span, analysis: Analysis) -> list[str]:
    """The sentence's titled surnames that two of the article's people share: "Mr
    Richter" in a story with Scott and Steven Richter (round 57) says not which, nor does a
    "Mr Howard" named only so beside a Howard Flight. Only with the title: a bare "Richter"
    would also match "Scott Richter" elsewhere."""
    people, firsts = _name_part_counts(analysis)
    written = _one_word_names(sent, analysis)
    return [
        shown
        for shown, bare, titled in written
        # "Mr Howard", whom the article never names in full, beside Howard Flight: a student
        # takes him for Mr Flight (round 71).
        if titled and (people[bare] >= 2 or (people[bare] == 0 and firsts[bare] >= 1))
    ]


WORD_CHAR = re.compile(r"\w")


def _bare_use(name: str, text: str) -> bool:
    """Whether ``text`` has ``name`` as a whole word not after "the" or "The": what the
    regular expression ``(?<!\bthe )(?<!\bThe )\bNAME\b`` finds, without compiling one for
    every name (about 3% of extraction's time)."""
    for k, _ in spans(text, name, b=True):
        after_the = text[max(k - 4, 0) : k] in ("the ", "The ") and (
            k == 4 or not WORD_CHAR.match(text[k - 5])
        )
        if not after_the:
            return True
    return False


def bare_surnames(sent: Span, analysis: Analysis) -> dict[str, str]:
    """This sentence's bare surnames, each with the person's name in full as the article gives
    it ("Li" -> "Li Shiping"), and "Ms Hewitt" -> "Patricia Hewitt"; not after another
    title ("Dr Kim"), not inside a quotation, and not where two people share the surname.
    Found once a sentence: the sentence extractor and the sentence marks both ask."""
    memo = analysis.cache.setdefault("bare_surnames", {})
    key = (id(sent.doc), sent.start)
    kept = memo.get(key)
    if kept is not None and kept[0] is sent.doc:
        return kept[1]
    index = EntityIndex.of(analysis)
    people, firsts = _name_part_counts(analysis)
    found: dict[str, str] = {}
    text = span_text(sent, analysis)
    # "Ms Hewitt stressed ...": out of the article a reader asks who she is (rounds 54 and
    # 55), and "Patricia Hewitt" says it.
    for shown, bare, titled in _one_word_names(sent, analysis):
        if shown in found or bare.lower() in UNIQUE:
            continue  # "the Moon" is no "Blue Moon" lander (round 62): there is one moon
        if not _bare_use(shown, text):
            continue  # "The Bedford star": a town or a team before a noun, no David Bedford
        canon = index.lookup(bare)
        if canon is not None and canon.label not in ("PERSON", "NAME") and canon.mentions > 1:
            continue  # "Ford" for the carmaker the article keeps naming, not Harrison Ford
        if (titled or canon is None) and (
            canon is None or canon.label != "PERSON" or surname(canon.name) != bare
        ):
            # "Mr Howard" is Michael Howard, though the name "Howard" went to Howard Flight:
            # after Mr or Ms a name is a surname (round 71).
            owners = [
                e
                for e in index.entities
                if e.label == "PERSON" and len(e.name.split()) > 1 and surname(e.name) == bare
            ]
            canon = owners[0] if len(owners) == 1 else canon
        if canon is None or canon.label != "PERSON":
            continue
        words = canon.name.split()
        if len(words) < 2 or bare not in (words[0], words[-1]) or not_a_person(canon.name):
            continue  # "Bill" is no surname of the "Prevention of Terrorism Bill"
        if any(w.isupper() and len(w) <= 3 and not w.endswith(".") for w in words):
            continue  # "Browns DL Sheldon Richardson": a team and a position run into the name
        # A surname, or a first name the article uses alone ("Andrew and his Foundation",
        # round 39), where only one person has it; never "Mr" with a first name.
        if words[-1] == bare and people[bare] == 1:
            found[shown] = canon.name
        elif (
            words[0] == bare
            and firsts[bare] == 1
            and not titled
            and len(words) == 2
            # "closed in Lesotho" is the country, not a "Lesotho Hats" the model took for a
            # person (round 133).
            and not is_country(bare)
        ):
            found[shown] = canon.name
    memo[key] = (sent.doc, found)
    return found


def full_names_in(text: str, surnames: dict[str, str]) -> str:
    """``text`` with the first bare use of each surname given in full, outside quotation
    marks, where the full name is not there already."""
    for bare, full in surnames.items():
        if not text or full in text:
            continue
        parts = QUOTED.split(text)
        for k in range(0, len(parts), 2):  # the even parts stand outside quotation marks
            # Not inside a title: "the book, Brown's Britain"
            found = re.search(rf"(?<![\w'’.-]){re.escape(bare)}(?![\w-])(?!['’]s [A-Z])", parts[k])
            if found:
                parts[k] = parts[k][: found.start()] + full + parts[k][found.end() :]
                break
        text = "".join(parts)
    return text
