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
from collections import defaultdict
from typing import TYPE_CHECKING

from ..kinds import ROLE_KINDS, is_country
from .base import in_quotes
from .claim import PEOPLE_NOUNS
from .coref import WHO_STAND_INS
from .entities import TITLE_NOUNS
from .entity import OFFICES

if TYPE_CHECKING:
    from spacy.tokens import Span

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


def named_heads(analysis: Analysis) -> dict[str, str]:
    """Each noun the article writes after one name only, with that name: "plant" ->
    "Bushehr"."""
    memo = analysis.cache.get("named_heads")
    if memo is not None:
        return memo
    names: dict[str, set[str]] = defaultdict(set)
    for doc in analysis.docs:
        for tok in doc:
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
        head: name
        for head, found in names.items()
        if len(found) == 1
        and (name := next(iter(found)))
        and head not in PEOPLE
        and len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text)) >= 2
    }
    analysis.cache["named_heads"] = memo
    return memo


def named_phrases(sent: Span, analysis: Analysis) -> dict[str, str]:
    """ "the plant" -> "the Bushehr plant" for this sentence's bare "the" + noun."""
    heads = named_heads(analysis)
    found = {}
    for tok in sent:
        if tok.lower_ != "the" or tok.dep_ != "det" or in_quotes(tok):
            continue
        head = tok.head
        if head.i != tok.i + 1 or head.pos_ != "NOUN" or head.lemma_.lower() not in heads:
            continue
        name = heads[head.lemma_.lower()]
        found[f"the {head.text}"] = f"the {name} {head.text}"
    return found


def name_in(text: str, named: dict[str, str]) -> str:
    """``text`` with each bare phrase of ``named`` said in full, outside quotation marks."""
    if not named or not text:
        return text
    parts = re.split(r'("[^"]*"|“[^”]*”)', text)
    for k in range(0, len(parts), 2):  # the even parts stand outside quotation marks
        for bare, full in named.items():
            pattern = rf"(?<![\w'])({bare[0]}|{bare[0].upper()}){re.escape(bare[1:])}(?!\w)"
            parts[k] = re.sub(pattern, lambda m, full=full: m.group(1) + full[1:], parts[k])
    return "".join(parts)
