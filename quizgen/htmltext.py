"""Plain text from an HTML page: the article's blocks, with the page's chrome left out.

Uses the standard library's html.parser, which never fetches anything and never expands the
entities a page declares, so an entity bomb in a DOCTYPE stays inert. The text is built here,
block by block, so every block's offsets into it are exact.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser

from .furniture import Run, clean_author

VOID = set("area base br col embed hr img input link meta param source track wbr keygen".split())
# Never article text: code, forms, embedded frames and the page's own chrome.
DROP = set(
    "script style iframe form noscript template nav header footer aside figcaption svg math "
    "object embed button select textarea canvas video audio dialog head title label map frame "
    "frameset applet".split()
)
BLOCK = set(
    "p div section article main body blockquote pre ul ol li dl dt dd h1 h2 h3 h4 h5 h6 table "
    "tr caption figure address center details summary fieldset legend hgroup".split()
)
DROP_ROLES = {
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "toolbar",
}
CHROME_CLASSES = set(
    "nav navbar navigation menu breadcrumb breadcrumbs share sharing sharebar social cookie "
    "cookies consent advert advertisement ad ads adslot sponsor sponsored promo newsletter "
    "subscribe subscription related recommended recirculation sidebar comments comment footer "
    "masthead popup modal toolbar tags caption skip outbrain taboola paywall signup "
    "trending widget widgets".split()
)
MAIN_CLASS = re.compile(r"\b(?:entry|article|story|post)[-_](?:content|body|text)\b", re.I)
SCOPES = {"table", "td", "th", "button", "template", "caption", "object", "html"}
META_KEYS = {
    "og:title": "ogtitle",
    "twitter:title": "ogtitle",
    "og:site_name": "outlet",
    "application-name": "outlet",
    "author": "author",
    "article:author": "author",
    "byl": "author",
    "dc.creator": "author",
    "parsely-author": "author",
    "sailthru.author": "author",
    "article:published_time": "date",
    "datepublished": "date",
    "date": "date",
    "pubdate": "date",
    "publishdate": "date",
    "publish-date": "date",
    "dc.date": "date",
    "dc.date.issued": "date",
    "parsely-pub-date": "date",
    "og:published_time": "date",
}


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[_Node | str] = []


class _Tree(HTMLParser):
    """A forgiving tree: closes what HTML closes implicitly, ignores stray end tags.

    html.parser never fetches anything and never expands entities a page declares, so an
    entity bomb in a DOCTYPE stays inert text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.cur = _Node("#root", {}, None)
        self.open: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK and self.open["p"]:
            self._close({"p"}, SCOPES)
        if tag == "li" and self.open["li"]:
            self._close({"li"}, SCOPES | {"ul", "ol"})
        if tag in ("dt", "dd") and (self.open["dt"] or self.open["dd"]):
            self._close({"dt", "dd"}, SCOPES | {"dl"})
        if tag in ("td", "th", "tr") and (self.open["td"] or self.open["th"]):
            self._close({"td", "th"}, {"tr", "table"})
        if tag == "tr" and self.open["tr"]:
            self._close({"tr"}, {"table"})
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node
            self.open[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if self.open[tag]:
            self._close({tag}, set())

    def _close(self, tags: set[str], stops: set[str]) -> None:
        # Looking only 200 levels up keeps hostile nesting linear; real pages are far shallower.
        node, depth = self.cur, 0
        while node.parent is not None and node.tag not in tags:
            if node.tag in stops or depth > 200:
                return
            node, depth = node.parent, depth + 1
        if node.parent is None:
            return
        while self.cur is not node.parent:
            self.open[self.cur.tag] -= 1
            self.cur = self.cur.parent

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def _walk(top: _Node, skip=None):
    stack = [top]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(
            c for c in reversed(node.children) if isinstance(c, _Node) and not (skip and skip(c))
        )


def _node_text(node: _Node) -> str:
    parts = []
    for n in _walk(node):
        parts += [c for c in n.children if isinstance(c, str)]
    return " ".join(" ".join(parts).split())


def _hidden(node: _Node) -> bool:
    a = node.attrs
    if node.tag in DROP or not a:
        return node.tag in DROP
    return (
        "hidden" in a
        or a.get("aria-hidden") == "true"
        or a.get("role", "").lower() in DROP_ROLES
        or bool(re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", a.get("style", ""), re.I))
    )


def _chrome_class(node: _Node) -> bool:
    names = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower()
    return not CHROME_CLASSES.isdisjoint(re.split(r"[^a-z0-9]+", names))


def extract(html: str) -> tuple[str, list[Run], dict[str, str]]:
    """The page's text, its blocks (with hints from their tags) and its title, author, date
    and outlet as the page's markup states them."""
    # An internal DTD subset is never article text; dropping it keeps its "]>" out of the text.
    if m := re.search(r"<!DOCTYPE[^\[>]*\[", html, re.I):
        end = re.compile(r"\]\s*>").search(html, m.end())
        html = html[: m.start()] + (html[end.end() :] if end else "")
    tree = _Tree()
    tree.feed(html)
    tree.close()
    root = tree.root
    body = next((n for n in _walk(root) if n.tag == "body"), root)
    shown = list(_walk(body, _hidden))
    lens: dict[int, int] = {}  # visible text length under each element
    for node in reversed(shown):
        lens[id(node)] = sum(
            len(c.strip()) if isinstance(c, str) else lens.get(id(c), 0) for c in node.children
        )
    mains = [
        n
        for n in shown
        if n.tag in ("article", "main")
        or n.attrs.get("role") == "main"
        or n.attrs.get("itemprop") == "articleBody"
        or MAIN_CLASS.search(n.attrs.get("class", ""))
    ]
    top = max(mains, key=lambda n: lens[id(n)], default=body)
    if lens[id(top)] < 0.4 * lens[id(body)]:
        top = body
    limit = 0.5 * lens[id(top)]
    text, runs = _extract(
        top, lambda n: id(n) not in lens or (_chrome_class(n) and lens[id(n)] < limit)
    )
    return text, runs, _html_meta(root, top)


class _Out:
    """The extracted text, built block by block with the offsets of each block."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.buf: list[str] = []
        self.pos = self.linked = 0

    def add(self, s: str, linked: bool) -> None:
        s = s.replace("\r", " ").replace("\n", " ")
        self.buf.append(s)
        self.linked += len(s.strip()) if linked else 0

    def flush(self, hint: str) -> None:
        raw, linked, self.buf, self.linked = "".join(self.buf), self.linked, [], 0
        if hint not in ("heading1", "heading") and linked >= 0.8 * len(re.sub(r"\s", "", raw)):
            hint = "links"  # a list of links: related stories, tags, a menu
        # Old pages separate paragraphs with <br><br> inside one element.
        for para in re.split(r"\n[ \t]*\n", raw):
            lines = (" ".join(line.split()) for line in para.split("\n"))
            s = "\n".join(line for line in lines if line)
            if not s:
                continue
            if self.runs:
                self.parts.append("\n\n")
                self.pos += 2
            self.runs.append(Run(self.pos, self.pos + len(s), s, hint))
            self.parts.append(s)
            self.pos += len(s)


def _hint(node: _Node, parent: str) -> str:
    tag, a = node.tag, node.attrs
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading1" if tag == "h1" else "heading"
    if tag in ("li", "dt", "dd"):
        return "bullet"
    if tag in ("pre", "tr"):
        return "code" if tag == "pre" else "table"
    names = f"{a.get('class', '')} {a.get('id', '')} {a.get('itemprop', '')}".lower()
    if "byline" in names or "author" in names or a.get("rel") == "author":
        return "byline"
    if re.search(r"dateline|timestamp|publish|(?:^|[-_ ])date(?:$|[-_ ])", names):
        return "dateline"
    return parent if parent in ("bullet", "byline", "dateline", "code") else ""


def _extract(top: _Node, skip) -> tuple[str, list[Run]]:
    out, hints, links = _Out(), [""], 0
    stack = [(top, iter(top.children), False)]
    while stack:
        node, children, pushed = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if pushed:
                out.flush(hints.pop())
            links -= node.tag == "a"
        elif isinstance(child, str):
            out.add(child, links > 0)
        elif child.tag == "br":
            out.buf.append("\n")
        elif child.tag == "hr":
            out.flush(hints[-1])
        elif child.tag not in VOID and not skip(child):
            block = child.tag in BLOCK
            if block:
                out.flush(hints[-1])
                hints.append(_hint(child, hints[-1]))
            elif child.tag in ("td", "th"):
                out.add(" ", False)
            links += child.tag == "a"
            stack.append((child, iter(child.children), block))
    out.flush(hints[-1])
    return "".join(out.parts), out.runs


def _html_meta(root: _Node, top: _Node) -> dict[str, str]:
    found: dict[str, str] = {}
    doc_title, h1s = "", []
    for node in _walk(root):
        tag, a = node.tag, node.attrs
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            value = " ".join(a.get("content", "").split())
            if key in META_KEYS and value:
                found.setdefault(META_KEYS[key], value)
        elif tag == "title" and not doc_title:
            doc_title = _node_text(node)
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            _ld_json(_node_text(node), found)
        elif tag == "h1":
            h1s.append(node)
        elif tag == "time" and a.get("datetime"):
            found.setdefault("time", a["datetime"])
        elif a.get("rel") == "author" or a.get("itemprop") == "author":
            found.setdefault("byline", _node_text(node))
    inside = {id(n) for n in _walk(top)}
    h1 = next((n for n in h1s if id(n) in inside), None) or next(
        (n for n in h1s if not _in_chrome(n)), None
    )
    parts = [p for p in re.split(r"\s+(?:[|–—-]|::)\s+", doc_title) if p]
    title = (
        (_node_text(h1) if h1 else "")
        or found.get("ogtitle")
        or found.get("ldtitle")
        or (parts[0] if parts and len(parts[0]) >= 15 else max(parts, key=len, default=""))
    )
    outlet = (
        found.get("outlet")
        or found.get("ldoutlet")
        or (
            parts[-1]
            if len(parts) > 1 and len(parts[-1].split()) <= 5 and parts[-1] != title
            else ""
        )
    )
    author = next(
        (
            a
            for a in map(clean_author, (found.get(k, "") for k in ("ldauthor", "author", "byline")))
            if a
        ),
        "",
    )
    date = found.get("lddate") or found.get("date") or found.get("time", "")
    return {"title": title, "author": author, "date": date, "outlet": outlet}


def _in_chrome(node: _Node) -> bool:
    while node.parent is not None:
        node = node.parent
        if node.tag in ("nav", "footer", "aside", "header") or _chrome_class(node):
            return True
    return False


def _ld_json(source: str, found: dict[str, str]) -> None:
    """Headline, author, date and publisher from schema.org JSON-LD, if the page has them."""
    try:
        stack = [json.loads(source)]
    except (ValueError, RecursionError):
        return
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        if "@graph" in item:
            stack.append(item["@graph"])
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(str(k).endswith(("Article", "BlogPosting", "Report")) for k in kinds):
            continue
        names = [
            x.get("name", "") if isinstance(x, dict) else x for x in _listify(item.get("author"))
        ]
        publisher = _listify(item.get("publisher"))
        for key, value in (
            ("ldtitle", item.get("headline")),
            ("lddate", item.get("datePublished")),
            ("ldauthor", " and ".join(n for n in names if isinstance(n, str) and n)),
            (
                "ldoutlet",
                publisher[0].get("name") if publisher and isinstance(publisher[0], dict) else "",
            ),
        ):
            if isinstance(value, str) and value.strip():
                found.setdefault(key, " ".join(value.split()))


def _listify(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]
