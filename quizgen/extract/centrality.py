"""Which sentences carry the story: the lead, and those that keep to what the article is about.

Blind reviews of quizgen's questions (rounds 8 to 13, 270 questions) found that a question on
one of the first three sentences of the body was acceptable about two times in three, one on a
sentence that shares four or more of the article's topic nouns about half the time, and the
rest about one time in four: the usual failure was "not worth asking", a side detail such as a
survey's size or a product's specification. Selection uses this to keep side details out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..select import PLAY
from .base import span_text, tokens
from .coref import topic_words

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..nlp import Analysis

LEAD = 3  # the first sentences of a news story state its main facts
# Topic nouns a later sentence needs: three to be asked about, four for a detail (a blank, a
# changed figure or name), which the reviews found trivia more often than any other kind.
ASKED, DETAIL = 3, 4


def topic_count(sent: Span, analysis: Analysis) -> int:
    """How many different topic nouns (of the title, the lead and the nouns the article keeps
    coming back to) the sentence names."""
    topic = topic_words(analysis)
    words = tokens(sent, analysis)
    return len({t.lemma_.lower() for t in words if t.pos_ in ("NOUN", "PROPN")} & topic)


def level(rank: int, topic: int, paragraph: int | None = None) -> int:
    """2: the lead, or a sentence on the main story, where even a detail is worth asking;
    1: a sentence near it, where a question on what happened or was said still is; 0: a
    side sentence. The lead is the first three sentences or the first three paragraphs,
    whichever is longer: a news agency writes one sentence to a paragraph, but an
    encyclopedia's lead section is a few paragraphs that sum up the whole subject (round 21
    asked about Galileo's siblings and nothing of his trial, which its third paragraph tells)."""
    if rank < LEAD or (paragraph is not None and paragraph < LEAD) or topic >= DETAIL:
        return 2
    return 1 if topic >= ASKED else 0


# A match report: several words only a report of a game uses. (Searched through the whole
# article: the "(?=\w)" turns away each word's end at once, as in coref.RELATIVE.)
MATCH_WORDS = re.compile(
    r"(?i)\b(?=\w)(goals?|scored|striker|midfielder|defender|goalkeeper|keeper|penalty|half-time"
    r"|referee|line-out|scrum|wicket|innings|tries|conversion|extra-time|kick-off|full-time"
    r"|free-kick|opener|equalis\w+|equaliz\w+|volley\w*|crossbar|stoppage time|injury time"
    r"|first half|second half|hat-trick|sent off)\b"
)
# A moment of play that changed nothing: a save, a shot wide, a block, a foul.
INCIDENT = re.compile(
    r"(?i)\b(saved?|saves|save|over the bar|blocked|half-chance|crossbar|woodwork|clutch\w*"
    r"|header|tackle|booked|yellow card|pulled down|line-out|fumbled|knock-on|possession"
    r"|chip(?:ped)? into|stop from|flying stop|flew wide|went wide|wide of|cross from"
    r"|parried|tipped|(?:shot|fired|drilled|curled|headed|turned|dragged|sliced|blazed|skied)"
    r"\b[^.]{0,25}\bwide)\b"
)
# A player's line in the box score, which American sports reports write out in sentences,
# or a moment on the game clock.
STAT_LINE = re.compile(
    r"(?i)\b\d+ (?:carries|receptions|catches|rebounds|assists|tackles|rushing yards"
    r"|passing yards|yards rushing|yards passing)\b|\b(?:rushed|threw|passed) for \d+ yards\b"
    r"|\bcaught (?:\w+ ){0,2}(?:TD |touchdown )?passes\b"
    r"|\b(?:passing|rushing|receiving) for \d+ yards\b|\b\d+-(?:of|for)-\d+\b"
    # "... up 109-98 with 3:08 to play": a moment on the game clock
    r"|\bwith \d{1,2}:\d\d (?:to play|to go|left|remaining)\b"
)
MISSED_GOAL = re.compile(r"(?i)\b(?:wide of|over|past) (?:the |[\w’']+ )?goal\b")
SCORING = re.compile(
    r"(?i)\b(scor\w+|goals?|tries|try|won|wins?|winner|equalis\w+|victory|beat|lead|penalt\w+"
    r"|drop-goal|convert\w*|conversion|hat-trick|went in|netted|burrow\w* over|touched down"
    r"|went over|crashed over|slotted|flew in|fired home)\b"
)


def match_report(analysis: Analysis) -> bool:
    memo = analysis.cache.get("match_report")
    if memo is None:
        words = {w.lower() for w in MATCH_WORDS.findall(analysis.article.text)}
        memo = analysis.cache["match_report"] = len(words) >= 4
    return memo


def sentence_level(rank: int, sent: Span, analysis: Analysis) -> int:
    """The level of the sentence at ``rank`` in the body (0 for the first), or ``PLAY`` for
    a moment of a game that did not change the score ("Paddy Kenny was called into action
    with eight minutes left", "Who turned a half-chance wide?"): reviews kept 0 of 10 items
    on such sentences (rounds 54-104), against 103 of 221 on the other sentences of sport
    stories; the rest were trivia."""
    if rank and STAT_LINE.search(span_text(sent, analysis)):
        return PLAY  # "Tre Harbison rushed for 112 yards on 30 carries": the box score
    if rank and match_report(analysis):
        text = span_text(sent, analysis)
        # ("wide of Howard's goal" is no goal.)
        if INCIDENT.search(text) and not SCORING.search(MISSED_GOAL.sub("", text)):
            return PLAY
    # A text in fewer blocks has lost its paragraphs, and its first "paragraph" is all of it.
    # Only whether it is one of the first LEAD paragraphs counts, so only they are looked at.
    paragraph = (
        next((k for k, doc in enumerate(analysis.docs[:LEAD]) if doc is sent.doc), None)
        if len(analysis.docs) >= 2 * LEAD
        else None
    )
    return level(rank, topic_count(sent, analysis), paragraph)
