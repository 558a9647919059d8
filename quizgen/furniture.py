"""Telling an article's prose from the page around it, line by line.

A page copied from a browser carries banners, breadcrumbs, datelines, bylines, share buttons
and menus. They are not cut out (offsets must index the file as it is) but marked: each run of
text gets a kind, and only ``body`` runs are analysed. The rules are general, judged on the
words of a line and on where it sits (before the first or after the last sentence of prose),
because quizgen meets pages it has never seen; none is tuned to one site.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

MONTH_NAMES = (
    "january february march april may june july august september october november december".split()
)
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)} | {
    m[:3]: i for i, m in enumerate(MONTH_NAMES, 1)
}
MONTHS["sept"] = 9
WEEKDAYS = set(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun".split()
)
DATE_WORDS = (
    MONTHS.keys()
    | WEEKDAYS
    | set(
        "am pm a p m gmt utc bst est edt cst cdt mst mdt pst pdt cet cest hkt jst ist aest aedt "
        "sgt updated published posted last modified created date on at st nd rd th of t z "
        "time".split()
    )
)
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMERIC_DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b"
)

# Words of page chrome: a short line made only of these is a button, a menu or a share bar.
UI_WORDS = set(
    "share shares this story article page post on via tweet email e mail print facebook twitter x "
    "whatsapp linkedin instagram youtube telegram reddit pinterest messenger copy link links "
    "comments comment subscribe newsletter newsletters sign up in log login register menu search "
    "home advertisement advert ad ads sponsored read more continue reading next previous prev back "
    "top close open save bookmark follow us like related trending most popular viewed loading skip "
    "content main navigation cookies accept settings the to and or of for our your now here click "
    "tap see also all show hide listen watch video audio photos gallery view full size image "
    "caption source getty images stories topics tags section published updated panel reuse "
    "explore continues below".split()
)
UI_FILLER = set("this on via in up to and or of for our your now here the us all x e".split())
NAV_WORDS = set(
    "home news sport sports business politics opinion world culture tech technology science "
    "health entertainment travel lifestyle life style video videos live weather more menu search "
    "local uk us markets money arts food podcasts podcast newsletters sections contact about "
    "education environment climate features analysis reviews photos games puzzles sign in "
    "subscribe china asia europe africa americas national international regional society economy "
    "metro cities region latest top stories".split()
)
# Headings of the notes after a match report (the wire services' sports format).
NOTES_HEADINGS = {
    "up next",
    "tip ins",
    "notes",
    "injuries",
    "injury report",
    "injury updates",
    "trainer s room",
    "roster moves",
    "short hops",
    "puck drops",
    "scouting report",
}
ALT_TAIL = {"banner", "logo", "icon", "advertisement", "thumbnail"}
CLOSERS = "\"'”’»)]*_ \t"
FURNITURE_RE = re.compile(
    r"all rights reserved"
    r"|\bclick (?:here|the link|(?:in|on) the (?:upper|lower|top|bottom))\b|\btap here\b"
    r"|\b(?:open|view|read) (?:it|this)(?: \w+)? in (?:your |a |the )?browser"
    r"|\bskip to (?:main )?content\b|\bback to top\b"
    r"|\b(?:image|media|video|photo) (?:caption|source|copyright|credit)\b"
    r"|\bshare (?:this (?:story|article|page|post|link)|on (?:facebook|twitter|x|whatsapp|linkedin)"
    r"|via)\b|\bfollow us\b|\bsign up\b.*\bnewsletter|\bsubscribe (?:now|today)\b"
    r"|\bsubscribe to (?:our|the) (?:\w+ )?(?:newsletter|channel|podcast)"
    r"|\b(?:we|this (?:site|website)) uses? cookies\b|\baccept (?:all )?cookies\b"
    r"|\bcookie (?:policy|settings)\b"
    r"|\brelated (?:stories|articles|topics|content|links|coverage)\b"
    r"|^(?:read more|read next|more on this story|continue reading|see also|also read|read also"
    r"|related|watch|listen|recommended|editor'?s picks?|advertisement|sponsored|tags|topics"
    r"|filed under)\b\s*(?::|$)"
    # "Programing Alert: Author Ralph Peters will be a guest on ...": a broadcaster's plug
    r"|^program(?:m)?ing (?:alert|note)\s*:"
    # "Editor's note: This release was updated Feb. 23, 2024, to add an image": the page's
    # history, which a summary took for the news (round 190)
    r"|^editor['’]?s[’']? note\s*:"
    r"|\[(?:photo|image|picture|video)\b[^\]]*\]"
    r"|^(?:photo(?:graph)?|image|picture|caption|credit|file photo|illustration)s?\s*:"
    r"|\b(?:photo(?:graph)?|illustration|composite)\s*:\s*[A-Z][^.]{0,60}$"
    r"|\bphotos? (?:by|courtesy)\b|\(\s*(?:photo|image|picture)\s*:[^)]*\)|\bgetty images\b"
    r"|^https?://\S+$|^www\.\S+$|^[\w.+-]+@[\w-]+\.[\w.]+$|\b\d+ min(?:ute)?s? read\b",
    re.I,
)
CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
NAME = rf"{CAP}(?:\s+(?:(?:de|da|di|del|der|den|van|von|bin|al|la|le|du|dos)\s+)?{CAP}){{0,4}}"
BYLINE_RE = re.compile(
    rf"(?P<pre>.*?)\b(?i:by|written by|words by|reporting by|reported by|story by|author:)\s+"
    rf"(?P<names>{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME}){{0,3}})(?P<post>.*)$"
)
NAME_LINE = re.compile(rf"{CAP}(?:\s+{CAP}){{1,2}}(?:,?\s+(?:in|at)\s+{CAP}(?:\s+{CAP})?)?")
CAPTION_MARK = re.compile(r"\W*(?:image|media|video|photo) caption\W*$", re.I)
COPYRIGHT_RE = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})", re.I)
BULLET_RE = re.compile(r"\s*(?:[-*+•·▪●◦–]|\d{1,3}[.)])\s+\S")
NONBODY_HINTS = {"code", "rule", "table", "furniture", "links", "heading", "heading1", "meta"}


@dataclass
class Run:
    """A candidate block: a line, a run of wrapped lines or one HTML block element."""

    start: int
    end: int
    text: str
    hint: str = ""


def _words(text: str) -> int:
    return len(text.split())


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS)[-1:] in (".", "!", "?", "…")


# A headline may end on an abbreviation's full stop: "Ambassador to the U.N.".
ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St)\.)$")


def _ends_period(text: str) -> bool:
    return _unabbreviated(text)[-1:] in (".", "…")


def _unabbreviated(text: str) -> str:
    """The text without its closing marks or a last abbreviation's full stop: a headline
    may end on "the U.N."."""
    return ABBREVIATION_END.sub("", text.rstrip(CLOSERS)).rstrip()


# ---------------------------------------------------------------- text and Markdown lines


@dataclass
class _Line(Run):
    group: int = 0  # lines of one fenced block or front matter share a group
    indent: bool = False


def line_runs(text: str, fmt: str) -> tuple[list[Run], dict[str, str]]:
    """Runs for .txt and .md: paragraphs split on blank lines, then on lines that stand alone."""
    raw, pos = [], 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        raw.append((pos, m.start()))
        pos = m.end()
    raw.append((pos, len(text)))
    lines: list[_Line | None] = []
    given: dict[str, str] = {}
    md, group, closer, i = fmt == "md", 0, "", 0
    if md and text[raw[0][0] : raw[0][1]].strip() == "---":
        ends = [
            j
            for j in range(1, min(len(raw), 300))
            if text[slice(*raw[j])].strip() in ("---", "...")
        ]
        if ends:
            given = _front_matter(text[raw[1][0] : raw[ends[0]][0]])
            group, i = 1, ends[0] + 1
            lines += [_Line(*_trim(text, s, e), "meta", group=1) for s, e in raw[:i]]
            lines = [ln for ln in lines if ln and ln.text]
    for s, e in raw[i:]:
        line = text[s:e]
        stripped = line.strip()
        if closer:  # inside a fenced code block or an HTML comment
            if stripped:
                lines.append(_Line(*_trim(text, s, e), "code", group=group))
            if closer in stripped:
                closer = ""
            continue
        if not stripped:
            lines.append(None)
            continue
        ln = _Line(*_trim(text, s, e), "")
        ln.indent = ln.start > s
        prev = lines[-1] if lines else None
        if md:
            if m := re.match(r" {0,3}(```|~~~)", line):
                closer, group, ln.hint = m.group(1), group + 1, "code"
                ln.group = group
            elif stripped.startswith("<!--") and "-->" not in stripped:
                closer, group, ln.hint, ln.group = "-->", group + 1, "code", group + 1
            elif m := re.match(r" {0,3}(#{1,6})(?:\s|$)", line):
                ln.hint = "heading1" if len(m.group(1)) == 1 else "heading"
            elif re.fullmatch(r" {0,3}(=+|-+)\s*", line) and prev and prev.hint == "":
                prev.hint, ln.hint = ("heading1" if "=" in line else "heading"), "rule"
            elif re.fullmatch(r" {0,3}([-*_])(?:\s*\1){2,}\s*", line):
                ln.hint = "rule"
            elif stripped.startswith("|"):
                ln.hint = "table"
            elif re.fullmatch(r"!\[[^\]]*\]\([^)]*\)|\[[^\]]+\]:\s+\S.*|<!--.*-->", stripped):
                ln.hint = "furniture"
        if not ln.hint and BULLET_RE.match(line):
            ln.hint = "bullet"
        lines.append(ln)
    runs: list[Run] = []
    para: list[_Line] = []
    for ln in [*lines, None]:
        if ln is not None:
            para.append(ln)
            continue
        wrapped = _wrapped(para)
        run, prev = None, None
        for cur in para:
            if run is not None and prev is not None and _joins(prev, cur, run, wrapped):
                run.end = cur.end
            else:
                run = Run(cur.start, cur.end, "", cur.hint)
                runs.append(run)
            prev = cur
        para = []
    for run in runs:
        run.text = text[run.start : run.end]
    return runs, given


def _trim(text: str, start: int, end: int) -> tuple[int, int, str]:
    line = text[start:end]
    start, end = start + len(line) - len(line.lstrip()), start + len(line.rstrip())
    return start, end, text[start:end]


def _wrapped(para: list[_Line]) -> bool:
    """Hard-wrapped prose: every line but the last is near the longest, itself 40-120 chars."""
    lens = [len(ln.text) for ln in para]
    if len(lens) < 2 or not 40 <= max(lens) <= 120:
        return False
    return all(n >= 0.5 * max(lens) for n in lens[:-1])


def _joins(prev: _Line, ln: _Line, run: Run, wrapped: bool) -> bool:
    if prev.group or ln.group:
        return prev.group == ln.group
    if ln.hint or prev.hint in NONBODY_HINTS:
        return ln.hint == prev.hint == "table"
    if _strong(prev.text) or _strong(ln.text):
        return False
    if run.hint == "bullet":
        return ln.indent or ln.text[:1].islower()
    if ln.text[:1].islower() or ln.text[:1] in ",;:)]":
        return True
    if wrapped:
        return not (len(prev.text) < 30 and not _ends_sentence(prev.text))
    return False


def _front_matter(block: str) -> dict[str, str]:
    keys = {
        "title": "title",
        "author": "author",
        "date": "date",
        "publisher": "outlet",
        "outlet": "outlet",
        "site": "outlet",
    }
    out = {}
    for m in re.finditer(r"(?m)^(\w+)\s*:\s*(.+?)\s*$", block):
        if m.group(1).lower() in keys:
            out.setdefault(keys[m.group(1).lower()], m.group(2).strip("'\""))
    return out


# ---------------------------------------------------------------- what a line is


@lru_cache(maxsize=8192)
def _strong(text: str) -> str | None:
    """The kind a line's own words give it (byline, dateline, furniture), wherever it sits."""
    t = " ".join(text.split())
    n = _words(t)
    if n > 40:
        return None
    if (n <= 30 and FURNITURE_RE.search(t)) or (n <= 15 and COPYRIGHT_RE.search(t)):
        return "furniture"
    if n <= 20 and _byline_author(t):
        return "byline"
    if n <= 14 and _is_dateline(t):
        return "dateline"
    if not re.search(r"[^\W\d_]", t):
        return "furniture"  # no letters: rules, page numbers, stray symbols
    if (
        n <= 12
        and not _ends_period(t)
        and (_breadcrumb(t) or _menu(t) or _ui_only(t) or t.split()[-1].lower() in ALT_TAIL)
    ):
        return "furniture"
    return None


def _is_dateline(t: str) -> bool:
    if len(t) > 80:
        return False
    toks = re.findall(r"[^\W\d_]+|\d+", t.lower())
    if not any(x.isdigit() for x in toks) or any(
        not x.isdigit() and x not in DATE_WORDS for x in toks
    ):
        return False
    return any(x in MONTHS for x in toks) or bool(NUMERIC_DATE.search(t))


def _byline_author(t: str) -> str | None:
    m = BYLINE_RE.match(t)
    if not m:
        return None
    pre, post = m.group("pre").strip(), m.group("post").strip(" ,|•·–—-:")
    pre_ok = (
        not pre
        or _is_dateline(pre.strip(" ,|•·–—-"))
        or pre[-1] in "|•·–—-:"
        or pre.lower() in ("posted", "published", "written", "reported", "opinion")
    )
    post_ok = not post or _is_dateline(post) or (_words(post) <= 8 and not _ends_period(post))
    names = m.group("names").strip(" .,")
    words = re.findall(r"[^\W\d_]+", names.lower())
    if not (pre_ok and post_ok and words) or any(w in MONTHS or w in WEEKDAYS for w in words):
        return None
    return names


def _breadcrumb(t: str) -> bool:
    for sep, least in ((r"\s*[>»›→]\s*", 2), (r"\s+[/|]\s+", 3)):
        parts = [p for p in re.split(sep, t) if p]
        if len(parts) >= least and all(
            _words(p) <= 4 and len(p) <= 40 and (p[0].isupper() or p[0].isdigit()) for p in parts
        ):
            return True
    return False


def _menu(t: str) -> bool:
    items = [p for p in re.split(r"\s*[|•·]\s*|\s{3,}|\t", t) if p]
    if len(items) >= 3 and all(_words(p) <= 3 for p in items):
        return True
    toks = re.findall(r"[^\W\d_]+", t.lower())
    return len(toks) >= 3 and sum(x in NAV_WORDS for x in toks) >= 0.7 * len(toks)


def _ui_only(t: str) -> bool:
    toks = re.findall(r"[^\W\d_]+", t.lower())
    return bool(toks) and all(x in UI_WORDS for x in toks) and any(x not in UI_FILLER for x in toks)


def _title_like(t: str) -> bool:
    n = _words(t)
    return (
        1 <= n <= 20
        and len(t) <= 200
        and bool(re.search(r"[^\W\d_]", t))
        and _unabbreviated(t)[-1:] not in (".", ",", ":", ";", "…")
    )


def _headline_sentence(runs: list[Run], strong: list, fmt: str) -> int | None:
    """The index of a plain text's first line where it is a headline that ends in a full
    stop ("Buffalo schools spend $5.4 million on free plastic surgeries for teachers, despite
    massive deficit."), or None. Some sites and collections end every headline so; read as
    the opening sentence, it was asked as true on its own wording (round 147, three of ten
    editorials). A short line of one sentence standing above a longer paragraph of prose is
    a headline; a one-sentence opening paragraph is longer than that (a news agency's lead
    runs to 25 words and more)."""
    if fmt != "txt" or len(runs) < 2 or strong[0] is not None or runs[0].hint:
        return None
    head = runs[0].text.strip()
    if not (3 <= _words(head) <= HEADLINE_WORDS and _ends_period(head)):
        return None
    if re.search(r"[.!?][\"”’')]*\s+[\"“‘(]?[A-Z]", head):
        return None  # two sentences: an opening paragraph
    # The prose may start a line later, under a one-line plug ("Programing Alert: Author
    # Ralph Peters will be a guest on ...", round 183).
    longer = [b for b in runs[1:3] if _prose(b) and _words(b.text) > 2 * _words(head)]
    return 0 if longer else None


HEADLINE_WORDS = 18


def _prose(run: Run) -> bool:
    """A run that reads as article text, so it marks where the article begins or ends."""
    if run.hint in NONBODY_HINTS or _strong(run.text):
        return False
    n = _words(run.text)
    # ("... by Russian lawyer who met Trump Jr." is a headline of 14 words, round 145)
    return (
        _ends_period(run.text)
        or (_ends_sentence(_unabbreviated(run.text)) and n >= 12)
        or (n >= 20)
    )


# ---------------------------------------------------------------- blocks and metadata


def classify(runs: list[Run], given: dict[str, str], fmt: str) -> tuple[list[str], dict]:
    """The kind of every run, and the title, author, date and outlet the page shows."""
    n = len(runs)
    strong = [None if r.hint in ("code", "meta") else _strong(r.text) for r in runs]
    for i in range(1, n):
        # The line after an "Image caption" marker is the caption itself.
        if strong[i - 1] == "furniture" and CAPTION_MARK.match(runs[i - 1].text):
            strong[i] = strong[i] or ("furniture" if _words(runs[i].text) <= 40 else None)
    headline = _headline_sentence(runs, strong, fmt)
    prose = [i for i, r in enumerate(runs) if _prose(r) and i != headline]
    first, last = (prose[0], prose[-1]) if prose else (n, -1)
    cands = [
        i
        for i in range(min(first, n))
        if strong[i] is None
        and runs[i].hint in ("", "heading", "heading1")
        and (_title_like(runs[i].text) or i == headline)
    ]
    big = [i for i in cands if _words(runs[i].text) >= 3]
    for i in cands:
        # "Jane Smith in Madrid" just above the date is a byline without its "By".
        if (
            i + 1 < n
            and strong[i + 1] == "dateline"
            and NAME_LINE.fullmatch(runs[i].text)
            and any(j < i for j in big)
        ):
            strong[i] = "byline"
    cands = [i for i in cands if strong[i] is None]
    title_i = _title_index(runs, strong, cands, first, given, fmt)
    keys = [_key(r.text) if _words(r.text) <= 12 and not _ends_period(r.text) else "" for r in runs]
    counts = Counter(k for k in keys if k)

    kinds, edge = [], []
    for i, r in enumerate(runs):
        words = _words(r.text)
        if i == title_i:
            kind = "title"
        elif strong[i]:
            kind = strong[i]
        elif r.hint in NONBODY_HINTS:
            kind = "furniture"
        elif r.hint in ("byline", "dateline") and words <= 12 and not _ends_period(r.text):
            kind = r.hint
        elif keys[i] and counts[keys[i]] > 1:
            kind = "furniture"  # repeated on the page: a banner, a menu, a second byline
        elif (
            (i < first or i > last)
            and not (r.hint == "bullet" and words >= 3)
            and (not _ends_sentence(r.text) or (title_i is not None and i < title_i))
        ):
            kind = "furniture"  # short unpunctuated lines before or after the article
            edge.append(i)
        else:
            kind = "body"
        kinds.append(kind)
    _notes_sections(runs, kinds)
    if "body" not in kinds:
        # Nothing reads as prose (notes, a list): let the analysis judge the lines themselves.
        for i in edge:
            kinds[i] = "body"
        if "body" not in kinds and title_i is not None:
            kinds[title_i] = "body"
    return kinds, _meta(runs, kinds, given, title_i, cands)


def _notes_sections(runs: list[Run], kinds: list[str]) -> None:
    """Mark the notes that close a match report as furniture: everything under a heading such
    as "UP NEXT" or "TIP-INS" up to the next heading ("Thunder: Host the Lakers on Friday.",
    a knee sprain, a technical foul). The notes read as prose, so only their heading tells."""
    inside = False
    for i, r in enumerate(runs):
        text = r.text.strip()
        if _words(text) <= 4 and text.isupper() and not _ends_sentence(text):
            inside = _key(text) in NOTES_HEADINGS
            if inside:
                kinds[i] = "furniture"
        elif inside and kinds[i] == "body":
            kinds[i] = "furniture"


def _title_index(runs, strong, cands, first, given, fmt) -> int | None:
    want = _key(given.get("title", ""))
    for i, r in enumerate(runs):
        if strong[i] is None and (
            (r.hint == "heading1" and (fmt == "md" or not want or _key(r.text) == want))
            or (want and i <= first and _key(r.text) == want)
        ):
            return i
    if want or not cands:
        return None
    if first >= len(runs):
        return cands[0]  # no prose at all (notes, a list): the first line heads it
    # The headline sits just above the byline or date: walk up from each, through the lines
    # that could be a title, and take the earliest of three words or more (a kicker such as
    # "Opinion" or an outlet's name above it stops the walk).
    candset = set(cands)
    for anchor in (i for i in range(min(first, len(runs))) if strong[i] in ("byline", "dateline")):
        cluster, j = [], anchor - 1
        while j in candset:
            cluster.append(j)
            if _words(runs[j].text) < 3:
                break
            j -= 1
        if cluster:
            return next((k for k in reversed(cluster) if _words(runs[k].text) >= 3), cluster[0])
    return next((i for i in cands if _words(runs[i].text) >= 3), cands[0])


def _meta(runs, kinds, given, title_i, cands) -> dict[str, str]:
    title = given.get("title") or (runs[title_i].text if title_i is not None else "")
    author, date = clean_author(given.get("author", "")), given.get("date", "")
    for r, kind in zip(runs, kinds, strict=True):
        if kind in ("byline", "dateline"):
            text = " ".join(r.text.split())
            if not author and kind == "byline":
                author = _byline_author(text) or clean_author(text)
            # A date without its year ("Feb 27") is kept as written.
            undated = kind == "dateline" and re.search(rf"\b(?:{MONTH_RE})\b", text, re.I)
            date = date or _date_in(text) or (text if undated else "")
    outlet = given.get("outlet", "")
    if not outlet and title_i is not None:
        outlet = next(
            (runs[i].text for i in cands if i < title_i and _outlet_like(runs[i].text)), ""
        )
    return {"title": _clean_title(title), "author": author, "date": date, "outlet": outlet}


def _outlet_like(t: str) -> bool:
    words = t.split()
    return (
        1 <= len(words) <= 5
        and not re.search(r"\d", t)
        and all(w[0].isupper() or w.lower() in ("of", "the", "and", "&") for w in words)
        and not all(w.lower() in NAV_WORDS for w in words)  # a menu's "News" is no outlet
    )


def _clean_title(t: str) -> str:
    t = re.sub(r"^\s*#+\s*|\s+#+\s*$", "", t)
    t = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", t)
    return " ".join(re.sub(r"(\*\*|__|`)", "", t).split())


def clean_author(t: str) -> str:
    t = re.sub(r"^\s*(?:by|written by|author:)\s+", "", " ".join(t.split()), flags=re.I)
    t = re.split(r"\s*[|•·]\s*|,?\s+(?:in|at)\s+(?=[A-Z])", t)[0].strip(" ,.")
    return t if 0 < _words(t) <= 8 and not t.lower().startswith("http") else ""


def _date_in(t: str) -> str:
    m = re.search(
        rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_RE})\.?,?"
        rf"\s+\d{{4}}|\b(?:{MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b",
        t,
        re.I,
    )
    return m.group(0) if m else ""


def iso_date(s: str) -> str:
    """yyyy-mm-dd when the date can be read without guessing, else the date as written."""
    s = " ".join(s.split())
    found = _date_in(s) or s
    nums = [int(x) for x in re.findall(r"\d+", found)]
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", found.lower()) if w in MONTHS), None)
    ymd = None
    if re.match(r"\d{4}-", found):
        ymd = nums[:3]
    elif month and len(nums) >= 2:
        ymd = [nums[-1], month, nums[0]]
    elif len(nums) == 3 and nums[2] > 31 and (nums[0] > 12) != (nums[1] > 12):
        ymd = [nums[2], nums[1], nums[0]] if nums[0] > 12 else [nums[2], nums[0], nums[1]]
    try:
        return dt.date(*ymd).isoformat() if ymd and len(ymd) == 3 and ymd[0] > 999 else s
    except ValueError:
        return s
