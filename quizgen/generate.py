"""Applying templates to facts, and choosing wrong options.

Distractor pools are named in templates as ``kind.slot`` with optional filters, for example
``entity.name[label=PERSON]`` or ``cause.reason``: the values of that slot over the article's
facts of that kind. Wrong options are never the answer, an alias of it, a near-spelling of
it, or something already in the prompt; they are chosen to be close in length to the answer
so that length gives nothing away.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from dataclasses import asdict, replace
from typing import Any

from .errors import QuizgenError
from .language import has_dangling_pronoun
from .model import Fact, Question, stable_id
from .templates import Template

POOL_RE = re.compile(r"^(\w+)\.(\w+)(?:\[(\w+)=([^\]]*)\])?$")


def _h(*parts: Any) -> int:
    return int(hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12], 16)


def norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "chairman",
    "chief",
    "executive",
    "director",
    "governor",
    "senator",
    "judge",
    "king",
    "queen",
    "prince",
    "general",
    "professor",
    "manager",
    "coach",
    "captain",
    "spokesman",
    "spokeswoman",
    "leader",
    "boss",
    "striker",
}
NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
WORD_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.I)
NUMBER = re.compile(r"\d|" + WORD_NUMBER.pattern, re.I)
MAGNITUDE = re.compile(r"(bn|billion|m|million|k|thousand|trillion|tn|%)\b", re.I)


def _value(text: str) -> float | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if m:
        return float(m.group().replace(",", ""))
    w = WORD_NUMBER.search(text)
    return float(NUMBER_WORDS.index(w.group().lower()) + 2) if w else None


def same_kind_number(a: str, b: str) -> bool:
    """Whether ``b`` can stand for ``a`` in a false statement: the same currency, the same
    scale word (bn, m, %), and a value of the same order."""
    cur = lambda t: re.findall(r"[$£€¥]", t)[:1]  # noqa: E731
    mag = lambda t: [x.lower() for x in MAGNITUDE.findall(t)][:1]  # noqa: E731
    if cur(a) != cur(b) or mag(a) != mag(b):
        return False
    va, vb = _value(a), _value(b)
    if va is None or vb is None or va == vb or va <= 0 or vb <= 0:
        return False
    return 0.1 <= vb / va <= 10


def perturb(number: str, h: int) -> str:
    """A different value written the same way: same currency, scale word and decimals."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", number)
    if not m:
        return _perturb_word(number, h)
    raw = m.group()
    value = float(raw.replace(",", ""))
    if re.fullmatch(r"(1[5-9]|20)\d\d", raw):  # a year: a few years off
        new = value + (2 + h % 3) * (1 if h % 2 else -1)
    else:
        factor = (2, 3, 0.5)[h % 3] if value >= 4 else (2, 3)[h % 2]
        new = value * factor
        if "%" in number and new > 100:
            new = value / 2
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    text = f"{new:,.{decimals}f}" if "," in raw else f"{new:.{decimals}f}"
    if text == raw or new <= 0:
        return ""
    return number[: m.start()] + text + number[m.end() :]


def _perturb_word(number: str, h: int) -> str:
    """ "two companies" -> "four companies": a small number written as a word stays a word."""
    m = WORD_NUMBER.search(number)
    if not m:
        return ""
    value = NUMBER_WORDS.index(m.group().lower()) + 2
    # Far enough off to be plainly wrong to a reader of the article: double, half, or two more.
    if h % 2:
        new = value * 2 if value * 2 <= 12 else value // 2
    else:
        new = value + 2 if value + 2 <= 12 else value - 3
    word = NUMBER_WORDS[new - 2]
    word = word.capitalize() if m.group()[0].isupper() else word
    return number[: m.start()] + word + number[m.end() :]


@functools.cache
def countries() -> frozenset[str]:
    from importlib import resources

    text = resources.files("quizgen").joinpath("data/countries.txt").read_text("utf-8")
    return frozenset(norm(line) for line in text.splitlines() if line and not line.startswith("#"))


def is_country(name: str) -> bool:
    """A state, or a capital, which news writing uses for its state ("Pyongyang believes")."""
    from .extract.entities import capitals

    key = norm(re.sub(r"^the\s+", "", name, flags=re.I))
    return key in countries() or key in {norm(c) for c in capitals()}


def near_spelling(a: str, b: str) -> bool:
    """Two ways of writing one name: a misspelt acronym ("ABD" beside "ADB"), or an acronym
    and the long form it shortens with its letters in another order."""

    def letters(t: str) -> str:
        t = t.strip()
        if t.isupper() and " " not in t:
            return "".join(sorted(t))
        words = [w for w in re.findall(r"[A-Za-z]+", t) if w.lower() not in ("of", "the", "and")]
        return "".join(sorted(w[0].upper() for w in words)) if len(words) > 1 else ""

    la, lb = letters(a), letters(b)
    acronym = (a.strip().isupper() and " " not in a.strip()) or (
        b.strip().isupper() and " " not in b.strip()
    )
    return acronym and len(la) >= 2 and la == lb and norm(a) != norm(b)


def within(a: str, b: str) -> bool:
    """Whether one place holds the other: a capital and its state, or a state and the nation
    it belongs to ("London" and "England", "Scotland" and "the UK")."""
    from .extract.entities import capitals

    key = lambda t: norm(re.sub(r"^the\s+", "", t, flags=re.I))  # noqa: E731
    ka, kb = key(a), key(b)
    for capital, states in capitals().items():
        names = {key(s) for s in states}
        if (ka == key(capital) and kb in names) or (kb == key(capital) and ka in names):
            return True
    return frozenset((ka, kb)) in NESTED_PLACES


NESTED_PLACES = {
    frozenset(p)
    for p in [
        ("london", "england"),
        ("london", "uk"),
        ("london", "britain"),
        ("england", "uk"),
        ("england", "britain"),
        ("scotland", "uk"),
        ("scotland", "britain"),
        ("wales", "uk"),
        ("wales", "britain"),
        ("edinburgh", "scotland"),
        ("cardiff", "wales"),
        ("belfast", "northern ireland"),
        ("northern ireland", "uk"),
    ]
}


def common_word(text: str) -> bool:
    """A single everyday word ("Council", "Welsh"): a description, not a name."""
    from .frequency import zipf  # wordfreq's value, without importing wordfreq

    return " " not in text.strip() and zipf(text.lower()) >= 4.0


GENERIC = {
    "central",
    "bank",
    "federal",
    "reserve",
    "committee",
    "market",
    "open",
    "government",
    "council",
    "court",
    "ministry",
    "department",
    "office",
    "agency",
    "commission",
    "board",
    "house",
    "national",
    "state",
    "the",
    "of",
    "and",
    "for",
    "union",
    "party",
    "group",
    "company",
    "authority",
    "service",
    "services",
    "fund",
    "institute",
    "association",
}


def generic(text: str) -> bool:
    """A description written with capitals ("the Central Bank", "the Open Market Committee"):
    it may be another name for a body the article names, so it is never a wrong option."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    return bool(words) and all(w in GENERIC for w in words)


def parallel(cand: str, answer: str) -> bool:
    """Whether a wrong option has the same form as the answer: a name for a name, not an
    everyday word ("Council"), so that form gives nothing away."""
    if common_word(cand) and not common_word(answer):
        return False
    if generic(cand) or generic(answer):
        return False
    if is_country(cand) != is_country(answer):
        return False  # countries with countries, towns and grounds with their own kind
    return True


class Aliases:
    """Which names are the same thing, from the entity facts' alias lists."""

    def __init__(self, facts: list[Fact]):
        self.group: dict[str, int] = {}
        for k, f in enumerate(facts):
            if f.kind == "entity":
                for name in [f.slots.get("name", ""), *f.slots.get("aliases", [])]:
                    self.group.setdefault(norm(name), k)

    def same(self, a: str, b: str) -> bool:
        na, nb = norm(a), norm(b)
        if not na or not nb:
            return False
        if na == nb:
            return True
        ga, gb = self.group.get(na), self.group.get(nb)
        if ga is not None and ga == gb:
            return True
        # A surname or a part of a longer name is the same thing.
        wa, wb = na.split(), nb.split()
        if len(wa) == 1 and wa[0] in wb or len(wb) == 1 and wb[0] in wa:
            return True
        # "Van Nistelrooy" and "Ruud van Nistelrooy": one name ends the other.
        short, long = sorted((wa, wb), key=len)
        if len(short) >= 2 and long[-len(short) :] == short:
            return True
        return difflib.SequenceMatcher(None, na, nb).ratio() > 0.85


def made_by(tpl: Template, fact: Fact, qid: str, salience: float, **fields: Any) -> Question:
    """A question with what every template gives it: type, Bloom level, difficulty, tags,
    the fact it quotes, and a score of the fact's salience times the template's priority."""
    return Question(
        id=qid,
        type=tpl.type,
        evidence=fact.evidence,
        fact_id=fact.id,
        template_id=tpl.id,
        bloom=tpl.bloom,
        difficulty=tpl.difficulty,
        tags=list(tpl.tags),
        score=salience * tpl.priority,
        **fields,
    )


class Generator:
    def __init__(self, facts: list[Fact], templates: list[Template], seed: int = 0):
        self.facts = facts
        self.templates = templates
        self.seed = seed
        self.aliases = Aliases(facts)
        self.labels = {
            norm(f.slots.get("name", "")): f.slots.get("label", "")
            for f in facts
            if f.kind == "entity"
        }
        self.mentions = {
            norm(f.slots.get("name", "")): int(f.slots.get("mentions", 0))
            for f in facts
            if f.kind == "entity"
        }
        # Whether the article writes each name with "the" ("the US", "the BMA").
        self.the = {
            norm(f.slots.get("name", "")): bool(f.slots.get("the"))
            for f in facts
            if f.kind == "entity"
        }
        self.failures: dict[str, int] = {}
        self.other_form: dict[str, Question] = {}

    def pool(self, spec: str) -> list[str]:
        m = POOL_RE.match(spec.strip())
        if not m:
            raise QuizgenError(f"bad distractor pool '{spec}' (expected kind.slot[key=value])")
        kind, slot, key, want = m.groups()
        values: list[str] = []
        for f in self.facts:
            # "[label=PERSON|ORG]": any of the listed values.
            if f.kind != kind or (key and str(f.slots.get(key, "")) not in want.split("|")):
                continue
            v = f.slots.get(slot)
            if isinstance(v, str) and v and v not in values:
                values.append(v)
        return values

    def distractors(self, answer: str, prompt: str, spec: str, count: int, salt: str) -> list[str]:
        """Wrong options from the first pool that has enough; "a || b" names a fallback pool
        whose values are used only to make up what the first one lacks."""
        chosen: list[str] = []
        for part in spec.split("||"):
            found = self._from_pool(answer, prompt, part, count - len(chosen), salt, chosen)
            chosen.extend(found)
            if len(chosen) >= count:
                break
        return chosen[:count]

    def _from_pool(self, answer, prompt, spec, count, salt, already) -> list[str]:
        chosen: list[str] = []
        # Groups of the names the prompt already mentions: "United States" must not be
        # offered (or swapped in) where the prompt says "the US".
        text = f" {norm(prompt)} "
        present = {g for name, g in self.aliases.group.items() if name and f" {name} " in text}
        for cand in self.pool(spec):
            if self.aliases.group.get(norm(cand)) in present or not parallel(cand, answer):
                continue
            if any(self.aliases.same(cand, c) for c in already):
                continue
            if self.aliases.same(cand, answer) or any(self.aliases.same(cand, c) for c in chosen):
                continue
            if norm(cand) and norm(cand) in norm(prompt):
                continue
            if norm(answer) in norm(cand) or norm(cand) in norm(answer):
                continue
            if any(near_spelling(cand, other) for other in (answer, *already, *chosen)):
                continue
            if has_dangling_pronoun(cand):
                continue  # "Its founder": whose?
            chosen.append(cand)
        # The article's main actors first (a name met once is a weak stand-in), then the
        # closest in length, ties broken by a seeded hash so runs repeat exactly.
        chosen.sort(
            key=lambda c: (
                self.mentions.get(norm(c), 2) < 2,
                abs(len(c) - len(answer)) // 12,
                _h(self.seed, salt, c),
            )
        )
        return chosen[:count]

    def run(self) -> list[Question]:
        questions: list[Question] = []
        for tpl in self.templates:
            facts = [f for f in self.facts if f.kind == tpl.kind]
            if tpl.group and tpl.type == "mcq":
                questions.extend(self._safe(self._statements, tpl, facts) or [])
                continue
            if tpl.group:
                q = self._safe(self._group, tpl, facts)
                if q is not None:
                    questions.append(q)
                continue
            for fact in facts:
                q = self._safe(self._single, tpl, fact)
                if q is not None:
                    questions.append(q)
                    # A true/false comes in both forms; selection keeps one, so that it can
                    # balance the keys of the set it delivers.
                    if q.id in self.other_form:
                        questions.append(self.other_form.pop(q.id))
        return questions

    def _safe(self, fn, tpl: Template, arg):
        from jinja2 import TemplateError

        try:
            return fn(tpl, arg)
        except (TemplateError, TypeError, ValueError, KeyError, AttributeError) as exc:
            # One fact that a template cannot handle must not stop the build.
            self.failures[tpl.id] = self.failures.get(tpl.id, 0) + 1
            self.last_error = f"{tpl.origin}: {exc}"
            return None

    def _context(self, fact: Fact) -> dict[str, Any]:
        d = asdict(fact)
        return {"slots": d["slots"], "fact": d, "evidence": d["evidence"]}

    def _single(self, tpl: Template, fact: Fact) -> Question | None:
        ctx = self._context(fact)
        if not tpl.test(ctx):
            return None
        prompt = tpl.render(tpl.prompt, ctx)
        answer = tpl.render(tpl.answer, ctx) if tpl.answer else ""
        if not prompt:
            return None
        explanation = tpl.render(tpl.explanation, ctx) if tpl.explanation else ""
        q = made_by(
            tpl,
            fact,
            stable_id("q", tpl.id, fact.id),
            fact.salience,
            prompt=prompt,
            answer=answer,
            explanation=explanation,
        )
        if tpl.type in ("mcq", "multi_select"):
            spec = tpl.render(tpl.distractors.get("pool", ""), ctx)
            count = int(tpl.distractors.get("count", 3))
            # multi_select: every right option comes from the ``answers`` expression.
            rights = [str(a) for a in tpl.value(tpl.answers, ctx)] if tpl.answers else [answer]
            rights = [r for r in rights if r]
            if not rights:
                return None
            # "first_min": so many wrong options must come from the first pool ("who said"
            # needs another speaker: with one speaker in the article the item asks nothing).
            first_min = int(tpl.distractors.get("first_min", 0))
            if first_min:
                first = spec.split("||")[0]
                if len(self._from_pool(rights[0], prompt, first, first_min, q.id, [])) < first_min:
                    return None
            # Names in the source sentence are never wrong options: "Hewitt, along with
            # Roddick and Safin" makes Roddick a second right answer.
            seen = " ".join([prompt, *rights, fact.evidence.text])
            wrong = self.distractors(rights[0], seen, spec, count, q.id)
            wrong = [w for w in wrong if not any(self.aliases.same(w, r) for r in rights)]
            if len(wrong) < count:
                if tpl.fallback_type == "short_answer" and tpl.type == "mcq":
                    q.type = "short_answer"
                    return q
                return None
            # Every option gets the same first-letter case, so case gives nothing away.
            options = [o[:1].upper() + o[1:] for o in (*rights, *wrong)]
            order = sorted(range(len(options)), key=lambda k: _h(self.seed, q.id, k))
            q.choices = [options[k] for k in order]
            q.correct = sorted(order.index(k) for k in range(len(rights)))
            q.answer = "; ".join(options[: len(rights)])
        elif tpl.type == "true_false":
            if not self._true_false(tpl, fact, ctx, q):
                return None
        elif tpl.type == "cloze":
            if "{{c1::" not in prompt:
                return None
        return q

    def _true_false(self, tpl: Template, fact: Fact, ctx: dict[str, Any], q: Question) -> bool:
        """Half the facts (by a seeded hash) give the false form: one checkable detail swapped.
        A statement that has no same-kind swap gives no item at all, true or false, so that
        the keys stay balanced and "True" is not a safe guess."""
        q.choices = ["True", "False"]
        swap = tpl.false_form.get("swap")
        changed = self.swapped(tpl, fact, ctx, q.prompt, q.id) if swap else None
        if swap and changed is None:
            return False
        if changed is None:
            q.correct, q.answer = [0], "True"
            return True
        true_form = replace(q, choices=list(q.choices), correct=[0], answer="True")
        false_form = replace(q, choices=list(q.choices), correct=[1], answer="False")
        false_form.prompt, original, wrong = changed
        false_form.explanation = f"False: it was {original}, not {wrong}. {q.explanation}".strip()
        first, second = (
            (false_form, true_form)
            if _h(self.seed, fact.id, tpl.id) % 2
            else (
                true_form,
                false_form,
            )
        )
        for field_name in ("prompt", "answer", "correct", "explanation"):
            setattr(q, field_name, getattr(first, field_name))
        second.id = stable_id("q", tpl.id, fact.id, "other form")
        second.score = q.score - 1e-6  # the seeded form first, where nothing else decides
        self.other_form[q.id] = second
        return True

    def swapped(
        self, tpl: Template, fact: Fact, ctx: dict[str, Any], text: str, salt: str, avoid=()
    ):
        """``text`` with the template's swap slot replaced by a wrong value of the same kind,
        or None. A false statement must be false because of the fact, not absurd on its face:
        a person for a person without a title that does not fit, a place that takes "the" for
        one that does, a sum in the same currency and of the same order for a sum."""
        swap = tpl.false_form.get("swap")
        original = str(fact.slots.get(swap, "")) if swap else ""
        m = re.search(rf"(?<!\w){re.escape(original)}(?!\w)", text) if original else None
        if m is None:
            return None
        if not NUMBER.search(original) and re.search(r",| and | or ", original):
            return None  # "Indonesia, Malaysia and India": a list is not one detail to change
        if not NUMBER.search(original) and (
            re.match(
                r"(,\s*[A-Z][\w'.-]*(\s[A-Z][\w'.-]*)*\s*(,|and\b|or\b)|\s(and|or)\s[A-Z])",
                text[m.end() :],
            )
            or re.search(r"[A-Z][\w'.-]*(,| and| or)\s$", text[: m.start()])
        ):
            return (
                None  # one of a list ("Indonesia, Malaysia and India"): a stand-in may be another
            )
        before = text[: m.start()].split()
        hedge = " ".join(before[-2:]).lower()
        if NUMBER.search(original) and re.search(
            r"\b(more than|less than|fewer than|over|under|at least|up to|almost|nearly|about|around|some)$",
            hedge,
        ):
            return None  # "more than 310" is not made false by "more than 620"
        if before and before[-1].strip(",").lower().rstrip(".") in TITLES:
            return None  # "President Tim Ghriskey": a new name would not hold the title
        after = text[m.end() :].split()
        if len(before) >= 2 and before[-1] == "of" and before[-2][:1].isupper():
            return None  # "Lord Chief Justice of England and Wales": part of a longer name
        if (
            after
            and (after[0][:1].isupper() or after[0].startswith("("))
            and not NUMBER.search(original)
        ):
            return None  # "England Rugby", "Asian Development Bank (ADB)": the name runs on
        person = self.labels.get(norm(original)) == "PERSON" or any(
            self.aliases.same(original, n) for n, lab in self.labels.items() if lab == "PERSON"
        )
        if person and re.search(r"\b(he|him|his|she|her|hers)\b", text[m.end() :], re.I):
            return None  # a he or she later in the sentence may not fit the new person
        spec = tpl.render(tpl.false_form.get("pool", ""), ctx)
        with_the = bool(before) and before[-1].lower() == "the"
        # The article's main actors first: an analyst quoted once is no stand-in for a
        # candidate in an election.
        # A figure with no same-kind stand-in in the article gets a nearby one of the same
        # form ("25 children" -> "50 children"): false by the article, plausible on its face.
        extra = (
            [perturb(original, _h(self.seed, salt, original))] if NUMBER.search(original) else []
        )
        cands = [c for c in extra if c] + sorted(
            self.distractors(original, text, spec, 8, salt),
            key=lambda c: -self.mentions.get(norm(c), 0),
        )
        for cand in cands:
            if norm(cand) in avoid:
                continue
            # A country for a country, a city for a city: never "Ibrox" for "Scotland".
            if not NUMBER.search(original) and is_country(original) != is_country(cand):
                continue
            # "London" for "England" may still be true: never a place inside the other.
            if not NUMBER.search(original) and within(original, cand):
                continue
            once = self.mentions.get(norm(cand), 0) < 2
            if not NUMBER.search(original) and once and self.labels.get(norm(cand)) != "PERSON":
                continue  # a place or body met once ("Ibrox", "Oscars") is often of another kind
            if NUMBER.search(original):
                if not same_kind_number(original, cand):
                    continue
            elif self.the.get(norm(cand), False) != with_the:
                continue
            head = text[: m.start()]
            # "a Archos study" -> "an Archos study".
            art = re.search(r"\b(a|an|A|An) $", head)
            if art:
                from .templates.filters import a_an

                word = a_an(cand).split(" ", 1)[0]
                word = word.capitalize() if art.group(1)[0].isupper() else word
                head = head[: art.start()] + word + " "
            return head + cand + text[m.end() :], original, cand
        return None

    def _statements(self, tpl: Template, facts: list[Fact]) -> list[Question]:
        """ "Which of these statements is true?": four key sentences, one as the article has
        it and three each with one detail changed. The sentences differ, so no option can be
        found by comparing the options with each other."""
        chosen = [(f, self._context(f)) for f in facts]
        chosen = [(f, c) for f, c in chosen if tpl.test(c)]
        chosen.sort(key=lambda fc: (-fc[0].salience, fc[0].evidence.start))
        chosen = chosen[: tpl.max_items]
        out = []
        for k in range(0, len(chosen) - 3, 4):
            group = chosen[k : k + 4]
            ids = [f.id for f, _ in group]
            qid = stable_id("q", tpl.id, *ids)
            right = _h(self.seed, qid) % 4
            options, wrong_notes, used = [], [], set()
            for j, (fact, ctx) in enumerate(group):
                text = tpl.render(tpl.item, ctx)
                if j == right:
                    options.append(text)
                    continue
                # Each wrong option changes a different name: one name in three options
                # would single out the right one.
                changed = self.swapped(tpl, fact, ctx, text, qid, avoid=used)
                if changed is None:
                    break
                used.add(norm(changed[2]))
                options.append(changed[0])
                wrong_notes.append(f"{changed[2]} should be {changed[1]}")
            if len(options) < 4:
                continue
            true_fact = group[right][0]
            note = f"The article says: {true_fact.evidence.text} (In the others, "
            out.append(
                made_by(
                    tpl,
                    true_fact,
                    qid,
                    sum(f.salience for f, _ in group) / 4,
                    prompt=tpl.prompt.strip(),
                    answer=options[right],
                    choices=options,
                    correct=[right],
                    explanation=note + "; ".join(wrong_notes) + ".)",
                )
            )
        return out

    def _group(self, tpl: Template, facts: list[Fact]) -> Question | None:
        chosen = []
        for fact in facts:
            ctx = self._context(fact)
            if tpl.test(ctx):
                chosen.append((fact, ctx))
        if len(chosen) < tpl.min_items:
            return None
        chosen.sort(key=lambda fc: (-fc[0].salience, fc[0].evidence.start))
        if tpl.type == "matching":
            # One pair for each left-hand item: two lines for one person make the key ambiguous.
            lefts: set[str] = set()
            kept = []
            for fc in chosen:
                left = tpl.render(tpl.pair[0], fc[1])
                if left and left not in lefts:
                    lefts.add(left)
                    kept.append(fc)
            chosen = kept
            if len(chosen) < tpl.min_items:
                return None
        chosen = chosen[: tpl.max_items]
        chosen.sort(key=lambda fc: fc[0].evidence.start)
        first = chosen[0][0]
        ids = [f.id for f, _ in chosen]
        q = made_by(
            tpl,
            first,
            stable_id("q", tpl.id, *ids),
            sum(f.salience for f, _ in chosen) / len(chosen),
            prompt=tpl.prompt.strip(),
            answer="",
        )
        if tpl.type == "matching":
            pairs = [[tpl.render(tpl.pair[0], c), tpl.render(tpl.pair[1], c)] for _, c in chosen]
            pairs = [p for p in pairs if p[0] and p[1]]
            if len(pairs) < tpl.min_items or len({p[1] for p in pairs}) < len(pairs):
                return None
            q.pairs = pairs
            q.answer = "; ".join(f"{a}: {b}" for a, b in pairs)
        elif tpl.type == "ordering":
            items = [(tpl.value(tpl.order_by, c), tpl.render(tpl.item, c)) for _, c in chosen]
            items = [it for it in items if it[1]]
            if len(items) < tpl.min_items or len({k for k, _ in items}) < len(items):
                return None  # ties leave no single right order
            shown = sorted(range(len(items)), key=lambda k: _h(self.seed, q.id, k))
            q.choices = [items[k][1] for k in shown]
            right = sorted(range(len(items)), key=lambda k: items[k][0])
            q.correct = [shown.index(k) for k in right]
            q.answer = " → ".join(items[k][1] for k in right)
        return q


def generate(
    facts: list[Fact], templates: list[Template], seed: int = 0
) -> tuple[list[Question], dict[str, int]]:
    gen = Generator(facts, templates, seed)
    return gen.run(), gen.failures
