"""Scoring, filtering and balancing: the stage that decides what a teacher sees.

Every filter names its reason, and ``quizgen review`` shows the dropped questions with it, so
a teacher can see why something is missing. Selection is deterministic: ties are broken by a
hash of the seed and the question id, never by dict or set order.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter

from .false_forms import (
    breaks_a_whole,
    latest_year,
    moves_the_wrong_way,
    names_itself,
    out_of_its_part,
    unsettled,
    year_only,
)
from .kinds import BODY_STAND_INS, EXACT_DAY, NATIONALITY, norm, phrase_in
from .language import STOPWORDS, typed_twice
from .model import QUESTION_TYPES, Question, Rejected
from .pronouns import has_dangling_pronoun
from .wordre import found, spans

TYPE_ORDER = QUESTION_TYPES  # delivered order: as a worksheet reads
# The share of the set each type may take at most; what is left over goes to the best rest.
TYPE_SHARE = {
    "mcq": 0.4,
    "true_false": 0.2,
    "short_answer": 0.25,
    "cloze": 0.15,
    "matching": 0.1,
    "ordering": 0.1,
    "multi_select": 0.1,
    "essay": 0.1,
}
ABSOLUTES = re.compile(r"\b(all of the above|none of the above|always|never)\b", re.I)
# Longer stems are reading tests, not questions about the article.
LONGEST = {"mcq": 40, "short_answer": 30, "true_false": 40, "essay": 70, "cloze": 60}
STOP = STOPWORDS


def content_words(text: str) -> set[str]:
    return {w for w in norm(text).split() if w not in STOP and len(w) > 2}


def filled(prompt: str) -> str:
    """A cloze prompt read with its deletions in place, as the article has the sentence."""
    if "{{c" not in prompt:
        return prompt  # not a cloze: asked of every prompt, many times over
    return re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", prompt)


def odd_quotes(text: str) -> bool:
    """Whether a quotation opens in ``text`` and does not close there."""
    return (text.count('"') + text.count("“") + text.count("”")) % 2 == 1


SIDE = "a side detail, away from the article's main story"
PLAY = -1  # a sentence's level (see extract/centrality.py) for a moment of a game
ONCE = "the answer is a name the article mentions only once"
LEAD = "sentence-lead-tf"
FLOOR = 5  # below this many, side details are taken after all
SIDE_OPTIONS = ("statement-who-mcq", "event-who-mcq", "event-where-mcq")


SIDE_FACTS = ("event-", "entity-", "quantity-", "statement-", "position-")


def detail(q: Question) -> bool:
    """A question that tests one detail of its sentence: a blank, a changed name or figure, a
    "how many", who did or said it, where: asked only about the main story."""
    return (
        q.type in ("cloze", "multi_select")  # a blank, or the members of a list
        or (q.type == "true_false" and q.answer == "False")
        or q.template_id.startswith("quantity-")
        # Any fact asked for in the student's own words: reviews kept 5 of 23 short answers
        # on side sentences, 7 of 18 on the main story (rounds 20-22; rounds 8-19 alike).
        # An argument (a reason, a condition, a claim) is asked wherever the author makes it.
        or (q.type == "short_answer" and q.template_id.startswith(SIDE_FACTS))
        # Who did or said it, or where, with options: on the main story reviews kept 26 of
        # 29, away from it 21 of 58 ("who said an ordinary quote", "a training-camp remark",
        # "where a sending-off took place six years earlier"; rounds 8-46).
        or q.template_id in SIDE_OPTIONS
    )


def _h(seed: int, qid: str) -> int:
    return int(hashlib.sha1(f"{seed}:{qid}".encode()).hexdigest()[:12], 16)


# A day's closing price, a figure to three decimals, a data vendor: the market page, not the
# story.
MARKET_TRIVIA = re.compile(
    r"\bclosed (?:\w+ ){0,5}at (?:[$£€¥]\d|\d[\d,]*\.\d)|\b\d+\.\d{3,}%|\baccording to data from\b"
)


# A capitalised word right before a blank, not opening the sentence: "the US _____ Agency"
# is part of the name, unlike "the Brazilian _____" or "Mr _____".
NAME_BEFORE_BLANK = re.compile(r"(?<=[^.!?] )([A-Z]{2,}|[A-Z][a-z]+) \{\{c\d+::")
NOT_OF_THE_NAME = re.compile(rf"{NATIONALITY.pattern}|Mr|Mrs|Ms|Dr|Sir|Lady|Lord")


def _name_before_blank(prompt: str) -> bool:
    before = NAME_BEFORE_BLANK.search(prompt)
    return before is not None and not NOT_OF_THE_NAME.fullmatch(before.group(1))


def _name_runs_on(answer: str, source: str) -> bool:
    """Whether every use of the key in its sentence runs on into more capitalised words: the
    model cut "Swansea Unite" from "Swansea Unite Against Fascism is meeting" (round 54)."""
    places = list(spans(source, answer.strip())) if answer.strip()[:1].isupper() else []
    return bool(places) and all(
        re.match(r" (?:[A-Z][a-z]|of [A-Z])", source[end : end + 6]) for _, end in places
    )


def unquoted(text: str) -> str:
    """``text`` without what it quotes: a speaker's "I" inside quotation marks is theirs."""
    return re.sub(r'"[^"]*"|“[^”]*”', " ", text)


# A comma inside a figure that groups no thousands: "$110,00" lost a digit.
MALFORMED_FIGURE = re.compile(r"(?<![\d,])\d{1,3},\d{1,2}(?![\d])")


def _named_source(prompt: str, asked: str) -> str:
    """What a reader reads a pronoun against: the question with its source where the source
    is a name ("According to Neil Kinnock, why did he ...?" reads as Kinnock's "he"), not
    where it is the article or its author, which no "it" or "he" stands for."""
    if re.match(r"According to (the |an? )", prompt):
        return asked
    return prompt


# A comparison that needs its other side: "20 times as many children", "twice as much".
COMPARISON = re.compile(
    r"(?i)\b(?:times|twice|half) (?:as (?:many|much|few|little|likely)|more|less|fewer)\b"
    r"|\bas (?:many|much) (?!as\b)"
)
# A clause cut short that stands for one the question does not give: "if it were", "if so".
ELLIPSIS = re.compile(
    r"(?i)\bif (?:so|not|(?:it|they|he|she|that|this) (?:were|was|is|are|did|does|do|had|has|have"
    r"|can|could|will|would))(?=[,.;])"
)
NEGATED_STEM = re.compile(
    r"(?:Who|Which \w+)\s+(?:(?:did|does|do|has|have|had|is|are|was|were|will|would|could"
    r"|can)\s+(?:not|never)|never)\b"
)
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]urs?|(?<!War )I|[Mm]e|[Mm]y)\b")
# An essay that quotes the author's own words: a claim of the article, or its headline.
AUTHORS_WORDS = re.compile(
    r"The (?:author writes|headline states|headline asks)\b|[^\"]*\bthe article headlined\b"
)


def _same_stem(a: str, b: str) -> bool:
    """Whether word ``b`` gives ``a`` away: one half of it ("fish" in "shellfish"), or a word
    of the same stem, whose first six letters at least, and seven in ten of the shorter, are
    the same ("microbes" and "microbial")."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    if a != b and len(b) >= 4 and len(a) > len(b) + 2 and (a.startswith(b) or a.endswith(b)):
        return True  # "fish and _____ (shellfish)": the word is half of the blank's
    return a != b and k >= 6 and k >= 0.7 * min(len(a), len(b))


def flaw(q: Question) -> str | None:
    """The first item-writing flaw of a single question, or None."""
    prompt = q.prompt.strip()
    if not prompt:
        return "empty prompt"
    asked = re.sub(r"^According to [^,]+, ", "", prompt)  # what is asked, without its source
    # The question itself, behind a phrase its sentence put first ("In 1997, who ...?").
    core = re.sub(r"^[^?{]*?, (?=(who|whom|what|when|where|which|why|how)\b)", "", asked)
    core = core[:1].upper() + core[1:]
    front = asked[: len(asked) - len(core)]
    if core.rstrip().endswith("?") and re.search(
        r"(?i)\b(is|are|was|were|has|have|had|will|would|do|does|did|can|could|may|might|must"
        r"|should)\b",
        front,
    ):
        # "Debates are new in British elections, when did the first take place?": a
        # statement spliced onto a question, not a phrase put first (round 35). A statement
        # with a "which" clause asks nothing: "Coronation Street has become the first soap
        # to triumph at the South Bank Show Awards, which traditionally reward ..." (round 82).
        return "a statement spliced onto the question"
    if (
        core.rstrip().endswith("?")
        and asked != prompt
        and re.match(r"[A-Z][a-z]+ing\b(?! (?:to|by|on|in|at|from)\b)", front)
    ):
        # "According to the article, Sensing opportunity, why are investors ...?": the
        # sentence's opening phrase on its subject, left before the question (round 146).
        return "prompt keeps a phrase of its sentence before the question"
    if q.type == "mcq" and NEGATED_STEM.match(core):
        # "Which organisation did not come up at the hearing?": the wrong options are true
        # only if the article says each one did, which it seldom does (round 179).
        return "a multiple-choice stem turned on a 'not'"
    if MALFORMED_FIGURE.search(filled(prompt)):
        return "the article's figure is misprinted"  # "sold for $110,00" (round 129)
    if breaks_a_whole(q):
        return "a false form whose shares no longer add up"
    if moves_the_wrong_way(q):
        return "a false form whose figure moved the other way"
    if MARKET_TRIVIA.search(filled(prompt)):
        # "What closed in New York at $185.25, up 0.35%?", "hitting 16.057% on Monday" (round 42).
        return "market data, not the story"
    if (
        q.type == "short_answer"
        and re.match(r"According to (?!the (?:author|article|writer)\b)", prompt)
        and re.search(r"\b(I|my|me|we|our|us)\b", unquoted(q.answer))
    ):
        # "According to El Guerrouj, why was the return to training difficult?" -> "Because I
        # accepted a lot of invitations": a speaker's own words, keyed for a question about
        # him (round 69). An author's "we" in the author's own claim is the author's.
        return "the key speaks in the first person"
    if q.type in ("mcq", "short_answer") and core.startswith("When") and EXACT_DAY.search(q.answer):
        # "When did Flight MH370 go missing?" -> "On March 8": reviews kept 2 of 8 keys that
        # name a day, against about half of those that name a year (rounds 14-39).
        return "asks for an exact day"
    allowed = ()
    # "Who said he ...": the answer is the referent. "What did he make?" has no such excuse.
    if q.type in ("mcq", "short_answer") and re.match(r"^Who\b", core):
        allowed = (
            "he",
            "his",
            "him",
            "she",
            "her",
        )  # "Who said he ...": the answer is the referent
    if (
        q.type == "true_false"
        and re.match(r"According to the author, ", prompt)
        and not re.search(r"\b(?:should|could|would|might|must)(?: not|n't)? have\b", prompt)
    ):
        # "According to the author, you cannot work out of several folders at once": a
        # column's or a how-to's "you" is any reader, and the author is the one speaking.
        # Not one who "should have known" better: an open letter's "you" is the one person
        # it addresses ("President Obama, here's how you build a legacy", round 150).
        allowed = ("you", "your", "yours", "yourself")
    if q.type == "essay":
        # The prompt speaks to the student ("you"); what it quotes must stand on its own.
        quoted = re.findall(r'"([^"]+)"', prompt)
        # The author's own words, quoted as theirs: their "I" and "we" are the author and
        # the people the author speaks for ("we should argue about how we gauge disasters",
        # round 147), as a reader of the column takes them.
        own = ("i", "me", "my", "we", "us", "our") if AUTHORS_WORDS.match(prompt) else ()
        if quoted and has_dangling_pronoun(quoted[0], own):
            return "prompt leans on a pronoun it does not explain"
        # Not quoted, the author's view is told in the third person: their "we" is nobody
        # ("The author's view is that ... Obama's agenda that we can work on repealing",
        # round 151).
        stem = re.split(r"(?<=[.?!])\s", prompt, maxsplit=1)[0]
        if not quoted and (FIRST_PERSON.search(stem) or has_dangling_pronoun(stem)):
            return "prompt leans on a pronoun it does not explain"
    elif q.type in ("matching", "ordering"):
        pass  # the items are the article's own lines, read beside each other
    elif has_dangling_pronoun(filled(_named_source(prompt, asked)), allowed):
        # "According to the article, why could it be scuppered?": the article is no referent.
        return "prompt leans on a pronoun it does not explain"
    cut = ELLIPSIS.search(prompt) if q.type not in ("matching", "ordering") else None
    if cut:
        # "According to the article, if it were, MacGregor would be ... unstable" (round 153)
        return f'it says "{cut.group()}" without saying what'
    asks = re.match(r"(?i)(what|who|where)\b", core) if q.type in ("mcq", "short_answer") else None
    if asks and len(core.split()) < (7 if asks.group(1).lower() == "what" else 5):
        # "What does the government want?": in reviews 8-13 two of 23 such were kept; "Where
        # do auditions begin?" (auditions for what?) likewise.
        return "prompt too vague to say what is asked"
    what_who = asks is not None and asks.group(1).lower() != "where"
    if q.type in ("mcq", "short_answer") and re.search(r"\balso\b", asked):
        return "prompt leans on what came before it"  # "why do lawyers also fear ...?"
    if what_who:
        if re.match(r"(?i)(what|who|which \w+)\s+(\w+\s+)?other\b", core):
            return "prompt leans on what came before it"  # "What did other projects include?"
        # Whose "its": a name in the stem, not a day or a month.
        named = [w for w in re.findall(r"\s([A-Z][\w'-]+)", asked) if w.lower() not in DAYS_MONTHS]
        if (re.match(r"(?i)(his|her|its|their)\b", q.answer.strip()) and not named) or re.search(
            r"(?i)\bother\b", q.answer
        ):
            return "the answer leans on the sentence it came from"  # "His managerial career"
    if (
        q.type in ("mcq", "short_answer")
        # A "Who" key is an everyday word only where its source shows it in lower case.
        and (
            re.match(r"(?i)what\b", core)
            or (re.match(r"(?i)(which|who)\b", core) and q.evidence.text)
        )
        and common_word(q.answer, q.evidence.text)
    ):
        # "What is production outstripping?" "Demand": the stem's set phrase answers it;
        # "Which organisation is seeking to amend the bill?" "Government": so does the
        # world, since bills are what governments amend.
        return "the answer is one everyday word"
    if _reported_other(filled(prompt)) and not EXPLETIVE_IT.search(filled(prompt)):
        return "prompt leans on a pronoun it does not explain"  # "X said it would be ..."
    if q.type in ("mcq", "short_answer") and _bare_it(prompt):
        return "prompt leans on a pronoun it does not explain"
    if odd_quotes(prompt) or re.search(r"(^|\s)[’‘](\s|\?|$)", prompt):
        return "prompt has a quotation cut in half"  # "why do that ’ in part?"
    if any(
        odd_quotes(text) or re.search(r"^['‘]|[^s\W]['’]$", text.strip())
        for text in (q.answer, *q.choices)
    ):
        return "an answer has a quotation cut in half"  # "Flash Crash'", not "Jones'"
    # (Not a set score after a dash: "4-6 7-6 (8-6) 6-4".)
    if re.search(r"(?<![\d,.\-–])\d{1,2} \d{1,2}(?![\d,])", filled(prompt)):
        return "prompt has a score or range that lost its dash"
    if q.type == "cloze" and re.search(
        r"\}\}(,\s*[A-Z]|\s(and|or)\s[A-Z])|[A-Z][\w'.-]*(,| and| or)\s\{\{c\d+::", prompt
    ):
        return "a blank in a list of names has several right answers"
    if re.search(
        r"(?<!^)\b(have|has|had|is|are|was|were|do|does|did|will|would|can|could)\s+(who|which|whom)\b",
        prompt,
    ):
        return "prompt is not grammatical"  # "How many people have who indicted?"
    if re.match(r"(?i)(what|who|when|where|why|how)\s+(having|being)\b", core):
        return "prompt is not grammatical"  # "What having Rothman taught to class?"
    if re.search(r"\b(told|tells|tell)\s+(that|how|why)\b", prompt) or (
        q.type in ("mcq", "short_answer") and re.search(r"\b(told|tells|tell)\s+of\b", prompt)
    ):
        # "Who told that ...": the one told was dropped. A statement may say "has told of
        # his shock", as the article does.
        return "prompt is not grammatical"
    if prompt.count("(") != prompt.count(")"):
        return "prompt has a bracket cut in half"
    if any(t.count("(") != t.count(")") for t in (q.answer, *q.choices)):
        return "an answer has a bracket cut in half"  # "Court of Arbitration for Sport (CAS"
    if q.type in ("mcq", "short_answer", "cloze") and _cut_at_a_hyphen(q):
        return "an answer is cut at a hyphen"  # "To re" of "to re-litigate" (round 186)
    if q.type in ("mcq", "short_answer") and re.search(r"\s[-–—]\s", prompt):
        return "prompt keeps half of an aside"  # "the currency - officially to be known as"
    if re.search(
        r"\b(where|which|who|that|when|whose|only|even|also|too|still|just|now|such as|like|including)\?$",
        prompt,
    ):
        return "prompt is not grammatical"
    if (
        q.type in ("mcq", "short_answer")
        and re.match(r"(?i)(?:according to [^,]+, )?why\b", prompt)
        and re.search(r"\bthe reason why\b", prompt)
    ):
        return "prompt is not grammatical"  # "why was the reason why Lodz became ...?"
    compared = COMPARISON.search(prompt) if q.type in ("mcq", "short_answer") else None
    if compared and not re.search(r"\b(?:as|than)\b", prompt[compared.end() :]):
        # "why did more than 20 times as many children die?": as many as what? (round 149)
        return "it compares with something it does not name"
    if prompt.endswith(" yet?") and not re.search(r"\b(?:has|have|had)\b|n't\b|\bnot\b", prompt):
        # "were abducted, yet to return home" left "How many schoolgirls were abducted yet?"
        # (round 147); "Why has the bill not passed yet?" asks something.
        return "prompt is not grammatical"
    if len(prompt.split()) > LONGEST.get(q.type, 70):
        return "prompt too long"
    if re.search(r"\b(why|when|where|what|who|how)\s+to\b", prompt, re.I) or typed_twice(prompt):
        return "prompt is not grammatical"
    if q.type in ("mcq", "short_answer") and q.answer and norm(q.answer) in norm(prompt):
        return "answer appears in its own prompt"
    # The main claim's key is a model answer to compare a student's words with.
    if q.type in ("short_answer",) and len(q.answer.split()) > 35 and q.template_id != MAIN_CLAIM:
        return "answer too long to mark"
    if re.search(r"(\b(and|or|but|with|of|to|the|a)|,)$", q.answer.strip().rstrip(".")):
        return "the answer is cut off"
    if q.type in ("mcq", "short_answer", "cloze") and _name_runs_on(q.answer, q.evidence.text):
        return "the answer is part of a longer name"
    if q.type == "mcq":
        right = q.choices[q.correct[0]] if q.correct else ""
        wrong = [c for k, c in enumerate(q.choices) if k not in q.correct]
        if len(q.choices) < 3 or not wrong:
            return "too few options"
        if len({norm(c) for c in q.choices}) < len(q.choices):
            return "two options are the same"
        if any(c.count(",") >= 2 for c in q.choices):
            return "an option is a list"  # "Dyer, Faye, Bowyer" cut from a team sheet (round 57)
        if any(ABSOLUTES.search(c) for c in q.choices):
            return "an option uses 'all/none of the above' or an absolute word"
        longest_wrong = max(len(c) for c in wrong)
        if len(right) > 1.6 * longest_wrong and len(right) - longest_wrong > 15:
            return "the right option is much longer than the others"
    if q.type == "cloze" and "{{c1::" not in prompt:
        return "cloze without a deletion"
    if q.type == "cloze" and re.search(r"\}\}\S*\s*\(\s*([£$€]?\d|[A-Z]{2,}\))", prompt):
        return "the bracket after the blank gives it away"  # "$_____ (£800m)", "_____ (ADSS)"
    if q.type == "cloze" and re.search(
        # "declined to comment on the pricing to _____" (round 42) as well.
        r"(?i)\b(quoted in|told|according to|reported by|interview with|writing in"
        r"|(?:declined|refused) to comment\b[^{]*\bto)\s+(the\s+)?\{\{c\d+::",
        prompt,
    ):
        return "the blank is only where a quotation was printed"  # "quoted in _____"
    if q.type in ("cloze", "mcq", "short_answer") and re.search(
        # "The figures, from e-mail management firm _____" (round 102) as well.
        r"(?i)\b(study|report|paper|article|research|findings|survey|review|figures|data"
        r"|statistics|poll)\b[^{}.;]{0,30}?\b(published|appearing|appeared|printed)?\s*"
        r"(in|by|from)\s+(the\s+)?(journal\s+|(?-i:[a-z][\w-]*\s+){1,4})?(\{\{c\d+::|_____)",
        prompt,
    ):
        return "the blank is only the source of a study or figures"  # "a study in _____"
    if q.type in ("short_answer", "cloze") and re.search(
        r"(?i)\b(corp|corporation|inc|incorporated|ltd|plc|llc|co)\.?$", q.answer.strip()
    ):
        # "Amazon.com Inc.", "Aluminum Corp.": a student writes "Amazon" (round 32)
        return "the key is a firm's formal name"
    if q.type in ("mcq", "short_answer", "cloze") and _cut_name(q.answer, q.evidence.text):
        return "the answer is cut from a longer name"  # "Martin" for Lockheed Martin
    if "()" in prompt or re.search(r"\s[\"”]\?$", prompt):
        return "prompt is not grammatical"  # "What were more retired women () buying?"
    quoted = " ".join(re.findall(r'"([^"]+)"', prompt))
    if (
        re.match(r"Who (said|stated|added|told|warned)\b", core)
        and quoted
        and any(len(w) > 2 and found(quoted, w, b=True) for w in q.answer.split())
    ):
        return "the quotation names someone the key may be"  # "Andy would be a hard act"
    if q.type in ("mcq", "short_answer") and _repeats_itself(prompt):
        return "prompt is not grammatical"  # "why do the Tories say the Tories ... say?"
    if q.type == "cloze" and re.search(
        # "_____, whose party opposes the plan, said ..." (round 56) as well
        r"\}\}(?:,\s(?:who|whose|which)\b[^.;{]*?)?[,\s]+(said|says|added|told|argued|warned"
        r"|explained)\b",
        prompt,
    ):
        return "the blank is only who said it"  # "..., _____ said."
    if q.type == "cloze" and re.search(r"(?i)\baccording to (the )?\{\{c\d+::", prompt):
        return "the blank is only who said it"  # "..., according to the _____."
    if q.type == "cloze" and re.search(r"(?i)\b(such as|including|like)\s+\{\{c\d+::", prompt):
        return "the blank is one example of several"  # "Photo giants such as _____" (round 59)
    if q.type == "cloze" and re.search(r"\w-\{\{c\d+::|\}\}-\w", prompt):
        return "the blank is part of a word"  # "an _____-red port" (round 61)
    if q.type == "cloze" and _name_before_blank(prompt):
        return "the blank is part of a longer name"  # "the US _____" (round 61)
    if q.type == "cloze" and odd_quotes(prompt.split("{{c1::", 1)[0]):
        return "the blank is inside a quotation"  # 'expressed "serious _____"' (round 58)
    if q.type == "cloze" and re.search(r"\d[\d,.]*\s*\{\{c\d+::[a-z]", prompt):
        return "the figure beside the blank gives its unit away"  # "2,687.5 _____ a day"
    if q.type in ("mcq", "short_answer") and (
        re.match(r"^(\S+ ){1,3}\(", prompt)
        or re.match(
            r"(?i)^(what|who|which|when|where|why|how)\s+(\w+\s+(this|these|those)"
            r"|(is|was|are|were|do|does|did|has|have|had|will|would|can|could)\s+that)\s",
            prompt,
        )
        or re.search(r"\b(either|too|as well)\?$", prompt)
    ):
        return "prompt leans on what came before it"  # "What does that material provide?"
    if re.match(r"(?:\{\{c\d+::)?(Other|Another)\b", prompt):
        return 'it says "other" without saying than what'
    if q.type == "cloze" and _name_by_title(prompt):
        return "the blank is a name beside its title"  # "Wales coach _____"
    if _then_points(filled(prompt)) and not re.search(r"(?i)\bif\b", prompt):
        return 'it says "then" without saying when'
    m = re.search(r"(?i)\bin (retaliation|return|response)\b(?! (for|to)\b)", filled(prompt))
    if m:
        return f'it says "{m.group()}" without saying for what'  # "ordered a strike in retaliation"
    if q.type in ("mcq", "short_answer") and re.search(
        r"\b(When|Where|While|If|As|Because|After|Before|Since|Although|Though|Until|Once)\?$",
        prompt,
    ):
        return "prompt is not grammatical"  # "... out the door When?": a clause cut short
    if q.type in ("mcq", "short_answer") and re.search(
        r"(?i)(\b(eventually|finally|however|meanwhile|instead|initially)\?$)"
        r"|\bwhy (is|was) the (reality|truth|fact|problem|point|issue)\b",
        prompt,
    ):
        return "prompt is not grammatical"  # "... with BT eventually?"
    if q.type in ("mcq", "short_answer") and ";" in unquoted(prompt):
        return "prompt is not grammatical"  # "... began to shift; by 2010?": two sentences
    if q.type in ("mcq", "short_answer") and re.search(r" (by|and|or|but)\?$", prompt):
        return "prompt is not grammatical"  # "Which organisation fined ... by?", "... and?"
    if (
        q.type in ("mcq", "short_answer")
        and core.startswith("Who")
        and re.search(r"\bamong\b", prompt)
    ):
        return "several names answer it"  # "Who is among the stars who ...?"
    if q.type in ("mcq", "short_answer") and re.match(
        r"(Who|Which \w+) (is|was|are|were|has|have|had|does|did|do|will|would|can|could)"
        r"(n't| not) (the (first|only|last)|alone|one of)\b",
        core,
    ):
        return "several names answer it"  # "Who is not the first president to ...?": anyone
    if q.type == "cloze" and q.answer:
        rest = re.sub(r"\{\{c\d+::.*?\}\}", " ", prompt)
        last = norm(q.answer).split()[-1:]
        words = f" {norm(rest)} "
        if last and len(last[0]) > 2 and f" {last[0]} " in words:
            return "the sentence gives the blank away"  # "_____ takes over from Wilkinson"
        if last and len(last[0]) > 3 and f" {last[0]}s " in words:
            # "Rock star _____ ... reality TV show The Osbournes" (round 52)
            return "the sentence gives the blank away"
        if last and len(last[0]) > 4 and last[0].endswith("s") and f" {last[0][:-1]} " in words:
            # "Oscar nominees ... ceremonies leading up to the _____ (Oscars)" (round 125)
            return "the sentence gives the blank away"
        if _spelt_out(q.answer, rest):
            return "the sentence gives the blank away"  # "_____ fishing ... lines miles long"
        if last and any(_same_stem(last[0], w) for w in words.split()):
            # "Microbial Observatory-1 ... monitor the types of _____ (microbes)" (round 154)
            return "the sentence gives the blank away"
    return None


# "McCartney then performed ...": after what? Not "and then", "since then", "then-chancellor".
def _then_points(text: str) -> bool:
    """Whether a "then" is after something the text does not tell: not ", then Marcel
    Granollers and Feliciano Lopez completed the comeback", a next clause with its own
    subject after one the sentence has just told."""
    return any(
        not (
            text[max(0, m.start() - 2) : m.start()] == ", "
            and text[m.end() + 1 : m.end() + 2].isupper()
        )
        for m in THEN.finditer(text)
    )


THEN = re.compile(r"(?<!\band )(?<!\bsince )(?<!\bby )(?<!\buntil )(?<!\bjust )\bthen\b(?![-'])")
REPORTED_IT = re.compile(
    r"\b(said|says|added|warned|claimed|insisted|argued|believes|believed|thinks|thought)\s+"
    r"(that\s+)?(it|they|this)\s+(would|will|was|is|were|are|had|has|have|could|should|may|might)\b"
)
SAID_WITH = {"has", "have", "had", "also", "previously", "earlier", "recently", "now", "already"}
# "said it was important to ...", "said it is clear that ...": an "it" that stands for nothing.
EXPLETIVE_IT = re.compile(r"\bit\s+\w+\s+(\w+\s+){0,2}(to|that)\b")


PLURAL_PEOPLE = re.compile(r"(?i)^(people|men|women|children|[a-z]+s)$")


def _reported_other(prompt: str) -> bool:
    """ "X said it would be ...": an "it" or "they" that stands for something the sentence
    before named. Not where it is the speaker itself: "The Vestey Group said it had owned
    the land", "people surveyed said they had worries"."""
    from .kinds import looks_like_body

    for m in REPORTED_IT.finditer(prompt):
        before = prompt[: m.start()].split()
        pronoun = m.group(3)
        if before and before[-1] in ("surveyed", "questioned", "polled", "asked"):
            before = before[:-1]
        # "British Telecom has said it will ...", "The firm also said it": the speaker is
        # before the words that go with the verb.
        while before and before[-1] in SAID_WITH:
            before = before[:-1]
        run = []
        for w in reversed(before):
            if not w[:1].isupper() or w.lower() in ("the", "a"):
                break
            run.insert(0, w)
        if pronoun == "it" and run and looks_like_body(" ".join(run)):
            continue
        # "German football club and former European champion Borussia Dortmund has warned
        # it will ...": the words before the name say it is a body.
        called = before[: len(before) - len(run)][-6:]
        if pronoun == "it" and run and BODY_STAND_INS.intersection(w.lower() for w in called):
            continue
        if pronoun == "they" and before and PLURAL_PEOPLE.match(before[-1]):
            continue
        return True
    return False


DAYS_MONTHS = set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december".split()
)


TITLED = set(
    "mr mrs ms dr sir lord lady dame professor prof coach leader chairman chairwoman minister"
    " secretary director chief boss manager spokesman spokeswoman president head executive"
    " captain editor analyst economist correspondent inspector governor mayor founder owner"
    " commissioner judge lawyer mp".split()
)


def _spelt_out(answer: str, rest: str) -> bool:
    """Whether a one-word blank is a compound whose two halves the sentence gives: "longline"
    beside "lines 19 to 37 miles long" (round 38)."""
    if not re.fullmatch(r"[a-z]{6,}", answer):
        return False
    words = {w.rstrip("s") for w in re.findall(r"[a-z]+", rest.lower())}
    return any(
        answer[:i] in words and answer[i:].rstrip("s") in words for i in range(3, len(answer) - 2)
    )


def _cut_name(answer: str, source: str) -> bool:
    """A one-word name that the sentence writes after another capitalised word of the same
    name ("Lockheed Martin", "Liberal Democrats"): the key is half of it."""
    word = answer.strip().rstrip(".")
    if not re.fullmatch(r"[A-Z][\w'-]+", word):
        return False
    for m in re.finditer(rf"(?<=\s)([A-Z][\w'-]+) {re.escape(word)}\b", source):
        if m.group(1).lower() not in TITLED | {"the", "a", "an"} and not m.group(1).endswith("'s"):
            return True
    return False


def _repeats_itself(prompt: str) -> bool:
    """A phrase of two words, one of them a name or a content word, said twice: the mark of
    a clause moved into the middle of itself."""
    words = re.findall(r"[\w'-]+", prompt)
    pairs = [
        (a.lower(), b.lower())
        for a, b in zip(words, words[1:], strict=False)
        if b.lower() not in STOP and len(b) > 2
    ]
    return len(pairs) != len(set(pairs))


def _name_by_title(prompt: str) -> bool:
    """A blank that asks only which name goes with a title or a role ("Wales coach _____",
    "Sir _____'s review"): round 16 failed every such item as trivia."""
    at = prompt.find("{{c1::")
    if at < 0:
        return False
    before = re.findall(r"[\w']+", prompt[:at])[-1:]
    after = prompt[prompt.find("}}", at) + 2 :]
    return bool(before and before[0].lower() in TITLED) or after.startswith(("'s", "'"))


def common_word(answer: str, source: str = "") -> bool:
    """A key of one everyday word ("Demand", "Meetings"), which the stem's words suggest; not
    a name ("Vietnam"), which the sentence it came from writes with a capital."""
    words = re.sub(r"^(the|a|an)\s+", "", answer.strip().lower()).rstrip(".").split()
    if len(words) != 1 or not words[0].isalpha():
        return False
    if source and not re.search(rf"\b{re.escape(words[0])}\b", source):
        return False  # only capitalised where it comes from: a name
    from .frequency import zipf

    return zipf(words[0]) >= 4.0


def _bare_it(prompt: str) -> bool:
    """ "Which organisation has done it for them?": in a question, an "it" or "them" needs
    a thing named before it besides the wh-phrase, a name or a noun with its article."""
    words = re.findall(r"[A-Za-z][A-Za-z']*", prompt)
    if not words or words[0].lower() not in ("who", "what", "which", "where", "when", "how"):
        return False
    skip = 2 if words[0].lower() in ("which", "what") and len(words) > 1 else 1
    for k, w in enumerate(words):
        if w.lower() in ("it", "its", "they", "them", "their") and k >= skip:
            named = any(
                b[:1].isupper() or (j > skip and words[j - 1].lower() in ("the", "a", "an"))
                for j, b in enumerate(words[skip:k], skip)
            )
            if not named:
                return True
    return False


def leaks(q: Question, other: Question) -> bool:
    """Whether ``other`` gives away ``q``'s answer: it shows the answer (in its prompt, or in
    a matching pair) and is about the same thing (the same sentence, or much the same words;
    or a matching pair that names the answer beside the question's words)."""
    if q.type == "true_false" and other.pairs:
        # A matching pair that shows the statement's own sentence answers it: "10 megabytes"
        # paired with its speaker beside a true/false that says "20 megabytes" (round 83).
        words = content_words(q.prompt)
        return len(words) >= 4 and any(
            len(words & content_words(" ".join(p))) >= 0.6 * len(words) for p in other.pairs
        )
    if q.type in ("true_false", "essay", "matching", "ordering") or not q.answer:
        return False
    answer = norm(q.answer)
    # Only what the other question shows counts: a name offered as a wrong option reveals
    # nothing, but a matching pair does.
    shown = " ".join([other.prompt, *(" ".join(p) for p in other.pairs)])
    if len(answer) < 2 or f" {answer} " not in f" {norm(shown)} ":
        return False
    if other.pairs:
        # A pair gives the answer away when it is about the same thing: "Ferguson" matched to
        # one of his remarks says nothing about who made another.
        return any(
            f" {answer} " in f" {norm(' '.join(p))} "
            and len(
                (content_words(q.prompt) & content_words(" ".join(p))) - content_words(q.answer)
            )
            >= 2
            for p in other.pairs
        )
    shared = (content_words(q.prompt) & content_words(other.prompt)) - content_words(q.answer)
    return q.evidence.end == other.evidence.end or len(shared) >= 3


# Whole statements and stems, not a blank's sentence or a short question ("According to
# correspondents, why is the reference important?"), whose few words leave "the reference"
# nothing to stand on.
LOOSE_TYPES = ("true_false", "mcq", "essay")


def pointing(
    q: Question, vague: set[str], own: set[str] | None = None, loose: set[str] = frozenset()
) -> str | None:
    """The first phrase from ``vague`` ("the case") that the question shows, if any. ``own``:
    the phrases its own sentences point back with, where known; a phrase of those sentences
    that they do not count ("the euro" in the opening that brings the euro in) is not held
    against it for pointing back elsewhere in the article. Phrases in ``loose`` ("the
    disputes") are held only against a blank or a short answer (see extract/coref.loose)."""
    text = shown(q)
    if q.type in LOOSE_TYPES:
        vague = vague - loose
    if q.answer == "False" and q.template_id.startswith(("sentence-", "event-")):
        # A false form may change the phrase itself ("the 1978 film" shown as "the 1983
        # film", "the former England forward" as "the former Ireland forward"): the sentence
        # it was made from still points back (rounds 48 and 51).
        text += " " + q.evidence.text
    if own is not None:
        vague = {p for p in vague if p in own or not _shows(q.evidence.text, {p})}
    return _shows(text, vague)


# Stand-ins whose possessive still points back: a body's and a place's ("the bank's rate",
# "the country's health rates"). Not "the women's race", "the singer's agent" beside her name.
OWNERS = BODY_STAND_INS | {"country", "city", "region", "nation", "state", "province", "town"}
# And a work's or a plan's: "The song's popularity was well established" (round 139).
OWNERS |= {"song", "film", "album", "book", "show", "series", "novel", "poem", "game", "plan"}
OWNERS |= {"report", "study", "scheme", "deal", "project", "programme", "law", "bill"}


def _shows(text: str, phrases: set[str]) -> str | None:
    """The first of ``phrases`` that ``text`` shows, "the bank's" as "the bank" (round 111)
    and "the country's" as "the country" (round 132). Whole-word matching alone reads
    "bank's" as another word, as it still does for "this weekend's" and "the singer's"."""
    shown_phrase = phrase_in(text, phrases)
    owners = {p for p in phrases if p.startswith("the ") and p.split()[-1] in OWNERS}
    if shown_phrase or not owners:
        return shown_phrase
    return phrase_in(re.sub(r"(?<=\w)['’]s(?!\w)", "", text), owners)


def shown(q: Question) -> str:
    """Everything a student sees of a question: its prompt (blanks filled), key, options and
    pairs."""
    return " ".join([filled(q.prompt), q.answer, *q.choices] + [" ".join(p) for p in q.pairs])


def in_title(q: Question, title: str) -> bool:
    """Whether the headline gives the key away: "Who ...?" keyed "Llewellyn" under
    "Llewellyn plans Wales retirement" needs no reading."""
    if q.type not in ("mcq", "short_answer", "cloze") or not title:
        return False
    head = f" {norm(title)} "
    key = norm(q.answer)
    words = key.split()
    return bool(words) and (f" {key} " in head or (len(words) <= 3 and f" {words[-1]} " in head))


def same_fact(a: Question, b: Question) -> bool:
    """Two questions about one fact, in other words or from a sentence the article repeats:
    most of their words (prompt and key together) are shared."""
    wa = content_words(filled(a.prompt) + " " + a.answer)
    wb = content_words(filled(b.prompt) + " " + b.answer)
    if len(wa) < 4 or len(wb) < 4:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.7


def select(
    questions: list[Question],
    count: int = 30,
    seed: int = 0,
    vague: set[str] = frozenset(),
    own_vague: dict[str, set[str]] | None = None,
    loose: set[str] = frozenset(),
    title: str = "",
    side: dict[str, int] | None = None,
    about: set[str] = frozenset(),
    most: set[str] = frozenset(),
    once: set[str] = frozenset(),
    typos: dict[str, set[str]] | None = None,
    named: set[str] | None = None,
    years: set[str] | None = None,
) -> tuple[list[Question], list[Rejected]]:
    """``vague`` holds phrases that point back in the article ("the case"): a question that
    shows one is refused, since a student would ask "which?" (``own_vague``: each fact's own,
    see ``pointing``). A question whose key the headline (``title``) gives away is refused
    too, and so is one keyed to a name in ``about``
    (what the whole article is about), or a blank on one in ``most`` (the names it gives most
    often), or a detail away from the main story: ``side`` gives
    each fact id its sentence's level (see extract/centrality.py). ``once`` holds the names
    the article mentions only once: no question is keyed to one. ``typos`` holds each fact's
    misspelt words that generation could not mend (a slip for several words): a question
    that copies one is refused. ``named`` holds every name the article gives (normalised),
    where known: a false statement that puts in a country outside it is refused; ``years``
    every year it gives, where known, for a false statement that changes only a year."""
    rejected: list[Rejected] = []
    ok: list[Question] = []
    seen_prompts: set[str] = set()
    about_keys = {norm(a) for a in about}
    most_keys = {norm(m) for m in most}
    once_keys = {norm(n) for n in once}
    latest = latest_year(questions)
    for q in sorted(questions, key=lambda q: (-q.score, _h(seed, q.id))):
        reason = flaw(q)
        if reason is None:
            reason = year_only(q, latest, years)
        if reason is None and named is not None and unsettled(q, named):
            reason = "a false form that puts in a country the article never names"
        if reason is None and out_of_its_part(q):
            reason = "a false form that puts a country in another part of the world"
        if reason is None and names_itself(q):
            reason = "a false form that puts in a place the statement names already"
        # A summary shows only the headline; the sentences its marking guide quotes are the
        # teacher's, read beside the article.
        if reason is None and q.template_id != SUMMARY:
            phrase = pointing(q, vague, own_vague.get(q.fact_id) if own_vague else None, loose)
            if phrase:
                reason = f'it says "{phrase}" without saying which'
        if reason is None and typos and q.fact_id in typos:
            slip = phrase_in(shown(q), typos[q.fact_id])
            if slip:
                reason = f'it copies the article\'s misspelling "{slip}"'
        if reason is None and in_title(q, title):
            reason = "the headline gives the answer away"
        if reason is None and q.type in ("mcq", "short_answer", "cloze"):
            if norm(q.answer) in about_keys or (q.type == "cloze" and norm(q.answer) in most_keys):
                reason = "the answer is what the whole article is about"
            elif norm(q.answer) in once_keys:
                reason = ONCE
        if reason is None and side is not None and side.get(q.fact_id, 2) == PLAY:
            reason = "a moment of play that did not change the score"
        if reason is None and side is not None and detail(q) and side.get(q.fact_id, 2) < 2:
            reason = SIDE
        # "According to the author, why ...?" repeats "According to the article, why ...?"
        key = norm(re.sub(r"^According to the (?:author|article), ", "", q.prompt))
        if reason is None and key in seen_prompts:
            reason = "repeats another question"
        if reason:
            rejected.append(Rejected(q, reason))
            continue
        seen_prompts.add(key)
        ok.append(q)
    # A true/false comes in both forms: the better-ranked one competes, the other waits to
    # balance the keys.
    other_form: dict[tuple[str, str], Question] = {}
    seen_tf: set[tuple[str, str]] = set()
    competing = []
    for q in ok:
        pair = (q.fact_id, q.template_id)
        if q.type == "true_false" and pair in seen_tf:
            other_form.setdefault(pair, q)
            continue
        if q.type == "true_false":
            seen_tf.add(pair)
        competing.append(q)
    ok = competing
    caps = {t: max(1, math.ceil(count * share)) for t, share in TYPE_SHARE.items()}
    chosen: list[Question] = []
    per_type: Counter = Counter()
    per_fact: Counter = Counter()
    per_sentence: Counter = Counter()
    answers: set[tuple[int, str]] = set()
    # Two passes: first every type gets its best question, then the rest by score within caps.
    ranked = sorted(ok, key=lambda q: (-q.score, _h(seed, q.id)))
    firsts = []
    # The rarer kinds first, so that an essay on a claim is not crowded out by a short
    # question on the same sentence.
    # An essay quotes its claim whole, so it takes the claim whose sentence nothing else asks.
    crowd = Counter(q.evidence.end for q in ranked)
    # An opinion piece's main claim is asked before anything else on its sentence, and so is
    # a report's opening as it stands (kept 102 of 108 times, rounds 54-76): a blank or a
    # better-scored item of its type must not take its sentence first.
    firsts += [q for q in ranked if q.template_id == MAIN_CLAIM][:1]
    firsts += [q for q in ranked if q.template_id == LEAD][:1]
    # Matching comes last: its pairs show many answers at once, so it yields to the
    # questions it would give away rather than crowding them out.
    for t in ("essay", "ordering", "multi_select", *(t for t in TYPE_ORDER if t != "matching")):
        pool = [q for q in ranked if q.type == t and q not in firsts]
        if t == "essay":
            pool.sort(key=lambda q: (crowd[q.evidence.end], -q.score, _h(seed, q.id)))
        best = pool[0] if pool else None
        if best is not None:
            firsts.append(best)
    capped: list[Question] = []
    rest = [q for q in ranked if q not in firsts]
    rest = [q for q in rest if q.type != "matching"] + [q for q in rest if q.type == "matching"]
    for q in firsts + rest:
        if len(chosen) >= count:
            break
        if q in chosen:
            continue
        reason = None
        if per_type[q.type] >= caps[q.type]:
            capped.append(q)
            continue
        reason = _conflict(q, chosen, per_fact, per_sentence, answers)
        if reason:
            rejected.append(Rejected(q, reason))
            continue
        _take(q, chosen, per_type, per_fact, per_sentence, answers)
    # A short article cannot fill every type's share: the rest go to the best of what the
    # caps held back, at most one and a half times a type's share, so one type never takes the whole set.
    for q in capped:
        reason = _conflict(q, chosen, per_fact, per_sentence, answers)
        if reason is None and (len(chosen) >= count or per_type[q.type] >= 1.5 * caps[q.type]):
            reason = f"the set already has enough {q.type} questions"
        if reason:
            rejected.append(Rejected(q, reason))
            continue
        _take(q, chosen, per_type, per_fact, per_sentence, answers)
    # An article whose main story gives almost nothing still gets a short set: side details,
    # best first, rather than an error where a teacher expected questions. Never a blank: a
    # name blanked in a side sentence was kept 6 times in 20 (rounds 8-44) and 13 in 37
    # (rounds 90-130), against 21 of 38 on the main story. Nor who did it, with options:
    # 5 of 13 on side sentences, 10 of 11 on the main story (rounds 100-138).
    if len(chosen) < FLOOR:
        held = sorted(
            (
                r
                for r in rejected
                if r.reason == SIDE
                and r.question.type != "cloze"
                and r.question.template_id not in SIDE_OPTIONS
            ),
            key=lambda r: (-r.question.score, _h(seed, r.question.id)),
        )
        for r in held:
            if len(chosen) >= FLOOR:
                break
            if _conflict(r.question, chosen, per_fact, per_sentence, answers) is None:
                rejected.remove(r)
                _take(r.question, chosen, per_type, per_fact, per_sentence, answers)
    for q in _balance_keys(chosen, other_form):
        chosen.remove(q)
        rejected.append(Rejected(q, f"the set has too many true/false items keyed {q.answer}"))
    # Delivered order: by type, then in the article's order, as a worksheet reads.
    chosen.sort(key=lambda q: (TYPE_ORDER.index(q.type), q.evidence.start, q.id))
    return chosen, rejected


def _cut_at_a_hyphen(q) -> bool:
    """Whether the key stops or starts inside a hyphenated word of its evidence: "To re" of
    "sought to re-litigate questions"."""
    ans = q.answer.strip().lower()
    text = q.evidence.text
    at = text.lower().find(ans) if ans else -1
    if at < 0:
        return False
    end = at + len(ans)
    return bool(
        re.match(r"[-‐][A-Za-z]", text[end : end + 2]) or re.search(r"[A-Za-z][-‐]$", text[:at])
    )


def _balance_keys(
    chosen: list[Question], other_form: dict[tuple[str, str], Question]
) -> list[Question]:
    """Swap true/false items for their other form until "True" and "False" keys differ by at
    most one, so that guessing the more common key pays nothing. The lowest-ranked go first.
    Returns the items to drop where no swap is left (a false form refused as a side detail
    leaves its true form alone)."""
    while True:
        # The lead's statement counts (a set of true leads and true copies was answered by
        # "True" every time, round 71), but has no other form and is never the one dropped.
        tf = [q for q in chosen if q.type == "true_false"]
        trues = [q for q in tf if q.answer == "True"]
        falses = [q for q in tf if q.answer == "False"]
        if abs(len(trues) - len(falses)) <= 1:
            return []
        majority = trues if len(trues) > len(falses) else falses
        for q in sorted(majority, key=lambda q: q.score):
            alt = other_form.pop((q.fact_id, q.template_id), None)
            others = [c for c in chosen if c is not q]
            if alt is not None and not any(leaks(c, alt) for c in others):
                chosen[chosen.index(q)] = alt
                break
        else:
            excess = abs(len(trues) - len(falses)) - 1
            droppable = [q for q in majority if q.template_id != LEAD]
            return sorted(droppable, key=lambda q: q.score)[:excess]


MAIN_CLAIM = "claim-main-short"
SUMMARY = "sentence-lead-essay"
WHOLE = ("true_false",)  # restates its whole sentence (a blank is caught by the leak rule)


def _conflict(q, chosen, per_fact, per_sentence, answers) -> str | None:
    # A true/false or a blank shows its whole sentence, so it is the only question on it;
    # two questions that each ask one part of a sentence (who, when) are different facts.
    # A summary asks about the whole article, not its opening sentence alone.
    spread = q.type in ("matching", "ordering") or q.template_id == SUMMARY
    if not spread:
        here = [c for c in chosen if c.evidence.end == q.evidence.end and c.template_id != SUMMARY]
        cap = 3 if len(q.evidence.text.split()) > 30 else 2
        long = len(q.evidence.text.split()) > 25  # a long sentence carries several facts
        if here and not long and (q.type in WHOLE or any(c.type in WHOLE for c in here)):
            return "the set already asks about this sentence"
        if q.type in WHOLE and any(c.type in WHOLE for c in here):
            return "the set already asks about this sentence"  # one true/false per sentence
        if per_fact[q.fact_id] >= 2 or len(here) >= cap:
            return "the set already asks twice about this sentence"
    if (q.evidence.end, norm(q.answer)) in answers and q.type not in ("true_false", "essay"):
        return "another question already has this answer from the same sentence"
    keyed = ("true_false", "essay", "matching", "ordering")
    if q.type not in keyed and any(
        c.type not in keyed and norm(c.answer) == norm(q.answer) for c in chosen
    ):
        # A second "Lady Hale" or "TB" asks nothing new (rounds 58-61 marked every one).
        return "another question already has this answer"
    if any(leaks(q, c) or leaks(c, q) for c in chosen):
        return "another question in the set gives its answer away"
    if q.type not in ("matching", "ordering", "essay") and any(
        same_fact(q, c) for c in chosen if c.type not in ("matching", "ordering", "essay")
    ):
        return "another question asks much the same"
    return None


def _take(q, chosen, per_type, per_fact, per_sentence, answers) -> None:
    chosen.append(q)
    per_type[q.type] += 1
    per_fact[q.fact_id] += 1
    per_sentence[q.evidence.end] += 1
    answers.add((q.evidence.end, norm(q.answer)))
