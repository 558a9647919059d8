"""The attribute ruler's matches found by table look-up instead of spaCy's Matcher.

The small English model's attribute ruler sets each token's coarse tag and features from
179 Matcher patterns, forty of them with IN, NOT_IN or REGEX conditions, and the Matcher
tests those by calling a Python object for every token and condition: about a sixth of the
whole parse (28 ms of an article's 160). Which of its one-token conditions a token meets
depends only on the few attributes the patterns read (the tag, the lower-case form, the
dependency, whether it is a space), so it is worked out once for each combination of them
and looked up after that. The matches come out as the Matcher gives them (the same ids,
spans and order, so a later rule still overrides an earlier one), and the ruler sets the
attributes from them as before. A ruler with a pattern this does not read the same way (an
operator, another attribute or predicate) keeps spaCy's own matching.
"""

from __future__ import annotations

import re
import struct
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# Attributes whose value ``Doc.to_array`` reads as the Matcher does (a string's hash, or 0/1).
STRING_ATTRS = {"ORTH", "LOWER", "NORM", "TAG", "DEP"}
FLAG_ATTRS = {"IS_SPACE"}
MEMO_SIZE = 65_536


def install(nlp) -> None:
    """Give every attribute ruler of the pipeline the table look-up, where it can have it."""
    from spacy.pipeline import AttributeRuler

    for _, proc in nlp.pipeline:
        if isinstance(proc, AttributeRuler):
            use_table(proc)


def use_table(ruler: AttributeRuler) -> AttributeRuler:
    try:
        ruler.match = Table(ruler)  # an instance attribute: only this ruler's matching changes
    except Unsupported:
        return ruler
    ruler.set_annotations = Setter(ruler)
    return ruler


class Setter:
    """``AttributeRuler.set_annotations`` without a Span made for each match to find the
    token it sets: the token is the same, the attributes are set by the same function in
    the same order, and a bad index is left to spaCy's own code, to fail as it does."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.pipeline import AttributeRuler
        from spacy.tokens._retokenize import set_token_attrs

        self.ruler = ruler
        self.spacys = AttributeRuler.set_annotations
        self.set = set_token_attrs

    def __call__(self, doc: Doc, matches) -> None:
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for match in matches:
            attr_id, _, start, end = match
            index = indices[attr_id]
            target = end + index if index < 0 else start + index
            if not start <= target < end:
                self.spacys(self.ruler, doc, [match])  # raises
            self.set(doc[target], attrs[attr_id])


class Unsupported(Exception):
    """A pattern the table cannot read exactly as the Matcher does."""


class Table:
    """``AttributeRuler.match`` for one ruler, as it is when made."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.attrs import IDS

        strings = ruler.vocab.strings
        names: list[str] = []
        # Each alternative pattern as its key and a list of token tests.
        alternatives: list[tuple[int, int, list[list[tuple[str, str, Any]]]]] = []
        for i in range(len(ruler.attrs)):
            key = str(i)
            on_match, patterns = ruler.matcher.get(key)
            if on_match is not None:
                raise Unsupported
            for pattern in patterns:
                tokens = [_tests(spec) for spec in pattern]
                if not tokens:
                    raise Unsupported
                alternatives.append((i, strings[key], tokens))
                names += [name for tests in tokens for name, _, _ in tests]
        self.names = sorted(set(names))
        self.columns = [IDS[name] for name in self.names]
        at = {name: k for k, name in enumerate(self.names)}
        # Every token test once, with the column it reads; an alternative is a list of them.
        self.tests: list[list[tuple[int, str, Any]]] = []
        self.singles: list[tuple[int, int, int]] = []  # (attr id, match id, test)
        self.multis: list[tuple[int, int, list[int]]] = []
        for i, mid, tokens in alternatives:
            ids = []
            for tests in tokens:
                ids.append(len(self.tests))
                self.tests.append([(at[name], kind, value) for name, kind, value in tests])
            if len(ids) == 1:
                self.singles.append((i, mid, ids[0]))
            else:
                self.multis.append((i, mid, ids))
        self.single = {t: (i, mid) for i, mid, t in self.singles}
        self.anchors, self.always = _index(self.tests, self.names)
        self.layout = f"={len(self.columns)}Q"
        self.memo: dict[bytes, tuple] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        # Each token's values as the bytes of its row: cheaper to slice and look up than a
        # tuple of Python integers, which only a new combination needs.
        data = doc.to_array(self.columns).astype("=u8", copy=False).tobytes()
        width = 8 * len(self.columns)
        rows = [data[k : k + width] for k in range(0, len(data), width)]
        memo = self.memo
        found = []
        held = []
        starts = []  # where a longer alternative's first token matches
        for s, row in enumerate(rows):
            hit = memo.get(row)
            if hit is None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                hit = memo[row] = self._hit(struct.unpack(self.layout, row), doc.vocab.strings)
            if hit[0]:
                found += [(i, mid, s, s + 1) for i, mid in hit[0]]
            if hit[1]:
                starts.append((s, hit[1]))
            held.append(hit[2])
        seen = set()
        for s, multis in starts:
            for i, mid, ids in multis:
                n = len(ids)
                if s + n <= len(rows) and all(ids[k] in held[s + k] for k in range(1, n)):
                    match = (i, mid, s, s + n)
                    if match not in seen:  # the Matcher gives each span of a key once
                        seen.add(match)
                        found.append(match)
        found.sort()
        return found

    def _hit(self, row: tuple[int, ...], strings) -> tuple:
        """For one combination of attribute values: the one-token alternatives it matches
        (each key once, as the Matcher dedupes), the longer ones whose first token it
        matches, and the tests of longer ones it passes."""
        candidates = list(self.always)
        for k, value in enumerate(row):
            candidates += self.anchors[k].get(value, ())
        held = []
        for t in sorted(candidates):  # test ids follow the rules' order
            for col, kind, value in self.tests[t]:
                got = row[col]
                if kind == "eq" or kind == "flag":
                    ok = got == value
                elif kind == "in":
                    ok = got in value
                elif kind == "not_in":
                    ok = got not in value
                else:  # "regex": on the string, as spaCy does
                    ok = value.search(strings[got]) is not None
                if not ok:
                    break
            else:
                held.append(t)
        singles = tuple(dict.fromkeys(self.single[t] for t in held if t in self.single))
        multis = tuple(m for m in self.multis if m[2][0] in held)
        return singles, multis, frozenset(t for t in held if t not in self.single)


def _tests(spec: dict) -> list[tuple[str, str, Any]]:
    """One token's pattern as (attribute, kind, value) tests, with values as the Matcher
    compares them: hashes of strings, 0 or 1 for a flag, compiled regular expressions."""
    from spacy.strings import get_string_id

    tests = []
    for attr, value in spec.items():
        name = str(attr).upper()
        name = "ORTH" if name == "TEXT" else name
        if name in FLAG_ATTRS and isinstance(value, bool):
            tests.append((name, "flag", int(value)))
        elif name not in STRING_ATTRS:
            raise Unsupported
        elif isinstance(value, str):
            tests.append((name, "eq", get_string_id(value)))
        elif isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN", "REGEX"}:
            for op, arg in value.items():
                if op == "REGEX" and isinstance(arg, str):
                    tests.append((name, "regex", re.compile(arg)))
                elif op != "REGEX" and isinstance(arg, list | tuple):
                    if not all(isinstance(v, str) for v in arg):
                        raise Unsupported
                    kind = "in" if op == "IN" else "not_in"
                    tests.append((name, kind, frozenset(get_string_id(v) for v in arg)))
                else:
                    raise Unsupported
        else:
            raise Unsupported
    if not tests:
        raise Unsupported  # a token that matches anything: not worth a table
    return tests


# The attributes that tell tokens apart best first: a word's form, then its dependency.
ANCHOR_ORDER = ("ORTH", "LOWER", "NORM", "DEP", "TAG")


def _index(tests: list[list[tuple[int, str, Any]]], names: list[str]) -> tuple[list, list]:
    """Each test under one value that a token must have to pass it, so that a new
    combination of values is checked only against the tests that can hold: an equality on
    the most telling attribute first, then an IN list; the rest (a flag, NOT_IN, REGEX) are
    always checked."""
    anchors: list[dict[int, list[int]]] = [{} for _ in names]
    always = []
    for t, ts in enumerate(tests):
        ranked = sorted(
            ts,
            key=lambda test: ANCHOR_ORDER.index(names[test[0]]) if test[1] in ("eq", "in") else 9,
        )
        eq = [(col, v) for col, kind, v in ranked if kind == "eq"]
        within = [(col, v) for col, kind, v in ranked if kind == "in"]
        if eq:
            col, v = eq[0]
            anchors[col].setdefault(v, []).append(t)
        elif within:
            col, values = within[0]
            for v in values:
                anchors[col].setdefault(v, []).append(t)
        else:
            always.append(t)
    return anchors, always
