"""Entity facts: the people, organisations and places an article names, with their roles."""

from __future__ import annotations

import re

from ..model import Fact
from ..nlp import Analysis
from ..wordre import found, spans
from .base import doc_ents
from .coref import genders
from .entities import EntityIndex, role_of

OFFICES = {
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "chancellor",
    "secretary",
    "governor",
    "mayor",
    "senator",
    "ambassador",
    "leader",
    "premier",
    "king",
    "queen",
    "chairman",
    "chairwoman",
    "commissioner",
    "judge",
    "general",
    "envoy",
}


# Role nouns for a body, not a person: "the Catholic movement Opus Dei".
BODY_ROLES = {
    "movement",
    "organisation",
    "organization",
    "group",
    "company",
    "firm",
    "charity",
    "party",
    "union",
    "association",
    "agency",
    "body",
    "band",
    "club",
    "team",
    "network",
    "campaign",
    "sect",
    "church",
    "society",
    "institute",
    "foundation",
    "trust",
    "consultancy",
    "website",
    "magazine",
    "newspaper",
}


# A product's model code, which the model may take for a body ("GRX-810", an alloy, stood in
# for NASA in "... has spun off more than 2,000 technologies", round 152): no actor.
MODEL_CODE = re.compile(r"[A-Z]{1,5}-?\d[\w-]*")


class EntityExtractor:
    kinds = ("entity",)

    def extract(self, *, analysis: Analysis) -> list[Fact]:
        index = EntityIndex.of(analysis)
        roles: dict[str, tuple[str, object, int]] = {}
        first: dict[str, tuple[object, int]] = {}
        # Names that do something somewhere in the article ("Yukos said", "Gazprom bid"):
        # only they are wrong options for "who did it?", not a game or a prize the
        # model took for an organisation.
        acts: set[str] = set()
        # Names the model took for people that the article calls a body.
        bodies: set[str] = set()
        for doc, off in zip(analysis.docs, analysis.offsets, strict=True):
            for ent in doc_ents(doc, analysis):
                canon = index.lookup(ent.text)
                if canon is None:
                    continue
                first.setdefault(canon.name, (ent.sent, off))
                if (
                    ent.root.dep_ == "nsubj"
                    and ent.root.head.pos_ in ("VERB", "AUX")
                    and not MODEL_CODE.fullmatch(canon.name)
                ):
                    acts.add(canon.name)
                if ent.label_ not in ("PERSON", "ORG") or canon.name in roles:
                    continue
                role = role_of(ent)
                # "the Catholic movement Opus Dei", not "an analyst at the research firm".
                head = re.split(r"\s+(?:at|of|for|with|from|in|on|to|and|who|which)\s+", role or "")
                if ent.label_ == "PERSON" and role and head[0].lower().split()[-1] in BODY_ROLES:
                    bodies.add(canon.name)
                vague = role and role.lower().split()[-1] in (
                    "man",
                    "woman",
                    "person",
                    "one",
                    "people",
                    "figure",
                )
                if role and re.match(r"(?i)(its|his|her|their)\b", role):
                    role = ""  # "Its chairman": whose?
                if role and re.search(
                    r"(?i)\b(sir|dame|lord|lady|professor|prof|dr|mr|mrs|ms|mp)$", role
                ):
                    role = ""  # "chairman Sir": the role ran into the name's title
                if role and re.match(r"(?i)(former|ex|then|late|acting|outgoing)\b", role):
                    role = ""  # "Who is the former US president?" asks general knowledge
                if role and " and " in role:
                    role = ""  # "the education secretary and a close friend": of whom?
                if role and not vague and not canon.all_names() & {role}:
                    roles[canon.name] = (role, ent.sent, off)
        # "Who is the spokesman?" has one answer only if one person is a spokesman.
        all_roles = [r[0].lower() for r in roles.values()]
        gender = genders(analysis)
        facts = []
        for ent in index.entities:
            if ent.label == "PERSON" and ent.name in bodies:
                ent.label = "ORG"
            slots = {
                "name": ent.name,
                "label": ent.label,
                "aliases": sorted(ent.aliases - {ent.name}),
                "mentions": ent.mentions,
                "role": "",
                "the": ent.the,
                "actor": ent.label if ent.name in acts or ent.label == "PERSON" else "",
            }
            if ent.label == "PERSON" and ent.name in gender:
                slots["gender"] = gender[ent.name]  # only where known, as ids go by slots
            if ent.name in roles:
                role, sent, off = roles[ent.name]
                slots["role"] = role
                # An office ("Foreign Ministry spokesman") is worth knowing even for a name
                # the article gives once; a job ("senior economist at a bank") is not.
                slots["official"] = bool(OFFICES & set(role.lower().split()))
                # A bare "spokesman" is ambiguous if anyone else is a spokesman of something.
                low = role.lower()
                others = [r for r in all_roles if r != low] + ([low] * (all_roles.count(low) - 1))
                bare = len(low.split()) == 1
                slots["unique"] = (
                    low not in others
                    and not (bare and any(low in r.split() for r in others))
                    # "Prime Minister" beside "Israeli prime minister": two holders.
                    and not any(_same_office(low, r) for r in others)
                    and not _role_elsewhere(low, ent, analysis.article.text)
                )
                evidence = analysis.evidence(sent, off)
            elif ent.name in first:
                evidence = analysis.evidence(*first[ent.name])
            else:
                continue
            salience = min(1.0, 0.3 + 0.1 * ent.mentions + (0.3 if slots["role"] else 0))
            facts.append(
                Fact.make("entity", slots, evidence, salience=salience, extractor="entity")
            )
        return facts


# Words that make an office another one: "shadow foreign secretary", "deputy leader".
SECOND_OFFICE = "shadow|deputy|vice|assistant|junior|former"


def _role_elsewhere(role: str, ent, text: str) -> bool:
    """Whether the article also uses the role without this person's name beside it ("the
    prime minister has made clear ..." about someone else), for anyone but a main actor (the
    small model misses many names, so the most-named person cannot be trusted to be him):
    then "Who is the prime minister?" may have another answer."""
    if ent.mentions >= 5:
        return False  # the unnamed "the prime minister" is most likely the story's own
    words = {w.lower() for n in ent.all_names() for w in n.split() if len(w) > 2}
    words -= set(role.lower().split())  # "Prime Minister Yitzhak Shamir" as an alias
    for start, end in spans(text, role, ignore_case=True):
        if re.search(rf"(?i)\b({SECOND_OFFICE}|opposition)\W*$", text[max(0, start - 15) : start]):
            continue  # "shadow foreign secretary" is another office
        near = text[max(0, start - 40) : end + 40].lower()
        if not any(found(near, w) for w in words):
            return True
    return False


def _same_office(a: str, b: str) -> bool:
    """ "Israeli prime minister" and "prime minister" may be one office; "shadow foreign
    secretary" and "foreign secretary" are two."""
    short, long = sorted((a, b), key=len)
    if not long.endswith(" " + short):
        return False
    return not re.search(rf"\b({SECOND_OFFICE})\b", long[: -len(short)])
