"""ingest: decoding, HTML extraction, furniture marking, metadata and the errors a user sees.

The example and the BBC dev articles live in ../shared; their tests skip where it is absent.
Every other input is written here, in tmp_path.
"""

from __future__ import annotations

import io
import os
import re
import time

import pytest
import yaml
from conftest import EXAMPLE, dev_articles, needs_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.errors import QuizgenError
from quizgen.ingest import NOT_ENGLISH, detect_language_problem, read_source, read_text
from quizgen.model import Article

KINDS = {"title", "byline", "dateline", "furniture", "body"}


def check_blocks(article: Article) -> None:
    """Blocks are ordered, disjoint, trimmed spans of the text that cover every visible char."""
    text, pos = article.text, 0
    covered = [False] * len(text)
    for b in article.blocks:
        assert b.kind in KINDS
        assert pos <= b.start < b.end <= len(text), (b, pos)
        chunk = text[b.start : b.end]
        assert chunk == chunk.strip(), repr(chunk)
        covered[b.start : b.end] = [True] * (b.end - b.start)
        pos = b.end
    missed = [c for c, cov in zip(text, covered, strict=True) if not cov and not c.isspace()]
    assert not missed, "".join(missed)[:80]


def spans(article: Article, kind: str | None = None) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in article.blocks if kind is None or b.kind == kind]


def in_body(article: Article, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans(article, "body"))


def touches_body(article: Article, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans(article, "body"))


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


# ---------------------------------------------------------------- the shared examples


@needs_shared
def test_hanoi_example_furniture_metadata_and_evidence():
    path = EXAMPLE / "article.txt"
    gold = yaml.safe_load((EXAMPLE / "gold.yaml").read_text(encoding="utf-8"))
    article = read_source(path)
    assert article.text == path.read_text(encoding="utf-8")  # offsets index the file itself
    assert article.format == "txt" and article.source == str(path)
    check_blocks(article)
    furniture = [
        *gold["boilerplate"],
        "Wednesday, February 27, 2019, 11:06",  # the repeated date and byline
        "By Jin Meihua",
        "China Daily\n",
    ]
    for line in furniture:
        found = occurrences(article.text, line)
        assert found, line
        for start, end in found:
            assert not touches_body(article, start, end), line
    meta = gold["article"]
    assert article.title == meta["title"]
    assert article.author == meta["author"]
    assert article.date == str(meta["published"])
    assert article.outlet == meta["outlet"]
    assert article.slug == "trump-kim-summit-will-build-more-trust"
    for item in gold["facts"] + gold["arguments"]:
        found = occurrences(article.text, item["evidence"])
        assert found, item["id"]
        assert all(in_body(article, s, e) for s, e in found), item["id"]
    assert detect_language_problem(article.text) is None
    # The author's footer is a fact worth a question: it stays body.
    footer = article.text.index("The author is a researcher")
    assert in_body(article, footer, footer + 30)


@pytest.mark.parametrize("path", dev_articles(), ids=lambda p: p.stem)
def test_dev_article_headline_is_title_and_every_other_line_is_body(path):
    article = read_source(path)
    text = path.read_text(encoding="utf-8")
    assert article.text == text
    check_blocks(article)
    headline = text.split("\n", 1)[0]
    assert article.title == headline
    assert [b.kind for b in article.blocks if b.kind != "body"] == ["title"]
    assert article.blocks[0].kind == "title" and article.blocks[0].start == 0
    pos = len(headline)
    for line in text.split("\n")[1:]:
        start = text.index(line, pos)
        pos = start + len(line)
        if line.strip():
            assert in_body(article, start, pos), line[:60]
    assert detect_language_problem(text) is None


def test_dev_articles_are_present_or_skipped_with_a_reason():
    if not dev_articles():
        pytest.skip("../shared/examples/dev-articles is absent (the BBC stories live there)")
    assert len(dev_articles()) == 8


# ---------------------------------------------------------------- plain text furniture rules

WEB_COPY = """Skip to main content
The Daily Courier - Back to home
News
Opinion
Sport

Home > World > Europe

Climate
Heatwave breaks records across southern Europe
Maria Lopez in Madrid
Tue 11 Jul 2023 14.05 BST

Temperatures soared above 45C in parts of Spain on Tuesday, as the weather agency warned that the heatwave would last until the weekend.

Image caption,
Firefighters near Valencia on Monday

"This is not normal," said Ana Ruiz, a meteorologist.

Advertisement

The government has opened 200 cooling centres in Madrid and Seville.

Share this article
Facebook Twitter Email
Related stories
Copyright 2023 The Daily Courier. All rights reserved.
"""
WEB_BODY = [
    "Temperatures soared above 45C in parts of Spain on Tuesday,",
    '"This is not normal," said Ana Ruiz, a meteorologist.',
    "The government has opened 200 cooling centres in Madrid and Seville.",
]
WEB_FURNITURE = [
    "Skip to main content",
    "News",
    "Home > World > Europe",
    "Maria Lopez in Madrid",
    "Tue 11 Jul 2023 14.05 BST",
    "Image caption,",
    "Firefighters near Valencia on Monday",
    "Advertisement",
    "Share this article",
    "Facebook Twitter Email",
    "Related stories",
    "Copyright 2023 The Daily Courier. All rights reserved.",
]


def test_web_copy_furniture_is_never_body_and_prose_always_is():
    article = read_text(WEB_COPY, source="heat.txt")
    check_blocks(article)
    assert article.title == "Heatwave breaks records across southern Europe"
    assert (article.author, article.date) == ("Maria Lopez", "2023-07-11")
    for line in WEB_BODY:
        start = article.text.index(line)
        assert in_body(article, start, start + len(line)), line
    for line in WEB_FURNITURE:
        for start, end in occurrences(article.text, line):
            if article.text[start - 1 : start] in ("", "\n"):  # whole lines only
                assert not touches_body(article, start, end), line


def test_crlf_text_keeps_its_offsets():
    text = (
        "Headline here\r\n\r\nBy Jane Doe\r\nMarch 3, 2020\r\n\r\nThe first paragraph is prose.\r\n"
    )
    article = read_text(text)
    assert article.text == text
    check_blocks(article)
    assert (article.title, article.author, article.date) == (
        "Headline here",
        "Jane Doe",
        "2020-03-03",
    )
    body = article.body_blocks()
    assert [text[b.start : b.end] for b in body] == ["The first paragraph is prose."]


def test_hard_wrapped_paragraph_is_one_block():
    text = (
        "Bridge to reopen\n\nThe council of Springfield voted on Tuesday to fund repairs to\n"
        "the old bridge, which engineers said was unsafe. The mayor, Alice\n"
        "Smith, said the bridge would reopen in May.\n"
    )
    article = read_text(text)
    (body,) = article.body_blocks()
    assert text[body.start : body.end].endswith("reopen in May.")
    assert text[body.start : body.end].startswith("The council")


def test_notes_without_sentence_punctuation_stay_body():
    article = read_text(
        "Photosynthesis facts\nPlants turn light into sugar\nChlorophyll is green\n"
    )
    assert article.title == "Photosynthesis facts"
    assert len(article.body_blocks()) == 2


# ---------------------------------------------------------------- Markdown


def test_markdown_headings_lists_and_code(tmp_path):
    text = (
        "---\ntitle: Front matter title\nauthor: Ann Writer\ndate: 2021-06-01\n---\n\n"
        "# The *bridge* reopens\n\nThe council voted to fund [repairs](http://x.org) on Tuesday.\n\n"
        "- The first point is a full sentence.\n- The second point wraps\n  onto a second line.\n\n"
        "## Background\n\n```\nprint('code is not prose')\n\nstill code\n```\n\n"
        "![a photo](photo.jpg)\n\nThe end of the story is here.\n"
    )
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    article = read_source(path)
    assert article.text == text and article.format == "md"
    check_blocks(article)
    assert (article.title, article.author, article.date) == (
        "Front matter title",
        "Ann Writer",
        "2021-06-01",
    )
    body = [text[b.start : b.end] for b in article.body_blocks()]
    assert body == [
        "The council voted to fund [repairs](http://x.org) on Tuesday.",
        "- The first point is a full sentence.",
        "- The second point wraps\n  onto a second line.",
        "The end of the story is here.",
    ]
    kinds = {text[b.start : b.end]: b.kind for b in article.blocks}
    assert kinds["# The *bridge* reopens"] == "title"
    assert kinds["## Background"] != "body"


def test_markdown_title_is_first_level_one_heading():
    article = read_text("Menu\n\n# Real title\n\nSome prose follows here.\n", fmt="md")
    assert article.title == "Real title"
    assert article.slug == "real-title"


# ---------------------------------------------------------------- HTML

HOSTILE_HTML = """<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<html><head><title>Bridge reopens after repairs | Springfield Times</title>
<meta charset="utf-8">
<meta property="og:site_name" content="Springfield Times">
<meta name="author" content="Jo Reporter">
<meta property="article:published_time" content="2024-05-04T10:00:00Z">
<script>alert('script-payload')</script><style>p { color: red } /* style-payload */</style>
</head><body>
<header><div class="logo">Header-payload</div></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">Nav-payload</a></li></ul></nav>
<article>
<h1>Bridge reopens after repairs</h1>
<p class="byline">By Jo Reporter</p>
<p>Alice Smith, the mayor, said the bridge will reopen &amp; traffic will flow &mdash; caf&eacute;
owners cheered &lt;script&gt;alert(1)&lt;/script&gt; &#169; &#x263A;.</p>
<!-- comment-payload -->
<figure><img src="x.jpg" alt="img-payload"><figcaption>Caption-payload</figcaption></figure>
<p>The council voted 7-2 to fund the repairs.<br>&lol9; It cost &pound;3m.</p>
<iframe src="https://evil.example/">iframe-payload</iframe>
<form action="/x"><input name="q" value="input-payload"><textarea>form-payload</textarea></form>
<noscript>noscript-payload</noscript><template><p>template-payload</p></template>
<div class="share-bar"><a href="#">Share-payload on Facebook</a></div>
<div hidden>hidden-payload</div><div style="display: none">hidden2-payload</div>
<ul><li>The first item of the list is a full sentence.</li><li>Second item here.</li></ul>
</article>
<aside>Aside-payload</aside>
<footer>Copyright 2024 Springfield Times. All rights reserved. Footer-payload</footer>
</body></html>"""


def test_html_drops_code_chrome_and_comments_and_decodes_entities(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    started = time.perf_counter()
    article = read_source(path)
    assert time.perf_counter() - started < 5
    check_blocks(article)
    assert article.format == "html"
    assert "payload" not in article.text.replace("alert(1)", ""), article.text
    assert "<script>alert(1)</script>" in article.text  # escaped markup is shown as text
    assert "& traffic will flow — café owners cheered" in article.text
    assert "© ☺." in article.text and "£3m" in article.text
    assert "lollol" not in article.text and "&lol9;" in article.text  # never expanded
    assert "]>" not in article.text and len(article.text) < 600
    assert (article.title, article.author, article.date, article.outlet) == (
        "Bridge reopens after repairs",
        "Jo Reporter",
        "2024-05-04",
        "Springfield Times",
    )
    body = [article.text[b.start : b.end] for b in article.body_blocks()]
    assert body[1] == "The council voted 7-2 to fund the repairs.\n&lol9; It cost £3m."
    assert "The first item of the list is a full sentence." in body
    assert not any("By Jo Reporter" in b or "Bridge reopens" in b for b in body)


def test_html_entity_bomb_in_body_is_not_expanded():
    bomb = '<!DOCTYPE x [<!ENTITY a "' + "b" * 1000 + '">]><p>&a;&a;&a; The text is here.</p>'
    article = read_text(bomb, fmt="html")
    assert article.text == "&a;&a;&a; The text is here."


def test_html_metadata_from_json_ld_and_title_tag():
    page = """<html><head><title>Ferry strike ends - The Harbour Post</title>
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "NewsArticle", "headline": "Ferry strike ends after deal",
       "datePublished": "2022-09-30T08:00:00+01:00", "author": [{"@type": "Person",
       "name": "Sam Lee"}], "publisher": {"@type": "Organization", "name": "Harbour Post"}}]}
    </script></head><body><main><p>Ferry workers accepted a pay offer on Thursday, ending a
    strike that had lasted two weeks.</p></main></body></html>"""
    article = read_text(page, fmt=None)
    assert article.format == "html"
    assert (article.title, article.author, article.date, article.outlet) == (
        "Ferry strike ends after deal",
        "Sam Lee",
        "2022-09-30",
        "Harbour Post",
    )
    assert article.text.startswith(
        "Ferry workers accepted a pay offer on Thursday, ending a strike"
    )


def test_html_uses_the_main_article_and_drops_link_lists():
    teaser = "<li><a href='/a'>Another story about something else</a></li>" * 5
    page = (
        "<html><body><div class='menu-wrap'><a href='/'>Home</a></div><ul>" + teaser + "</ul>"
        "<article><h2>Subheading</h2><p>"
        + "The actual article says many things. " * 10
        + "</p><p>It ends here.</p></article></body></html>"
    )
    article = read_text(page, fmt="html")
    assert "Another story" not in article.text and "Home" not in article.text
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["title", "body", "body"]  # with no h1, the first heading is the title
    assert article.title == "Subheading"


def test_html_charset_declared_in_the_page(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x93quoted\x94 text is here.</p></body></html>'
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("latin-1"))
    assert read_source(path).text == "Café “quoted” text is here."


def test_unknown_extension_is_sniffed(tmp_path):
    html = tmp_path / "saved.page"
    html.write_text("<!doctype html><html><body><p>A paragraph of text.</p></body></html>")
    assert read_source(html).format == "html"
    plain = tmp_path / "notes.dat"
    plain.write_text("Some plain text that is an article.\n")
    assert read_source(plain).format == "txt"
    assert read_source(plain).slug == "notes"


# ---------------------------------------------------------------- decoding

ACCENTED = "Café owners in Zürich said the crème brûlée was “a bargain” — at €5. It's naïve.\n"


@pytest.mark.parametrize(
    "encoding, text",
    [
        (
            "latin-1",
            "Café owners in Zürich said the crème brûlée was a bargain. Señor Muñoz agreed.\n",
        ),
        ("cp1252", ACCENTED),
        ("utf-16", ACCENTED),
        ("utf-16-le", ACCENTED),  # no BOM
        ("utf-16-be", ACCENTED),  # no BOM
        ("utf-8-sig", ACCENTED),
        ("utf-32", ACCENTED),
    ],
)
def test_encodings_decode(tmp_path, encoding, text):
    path = tmp_path / f"a-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    article = read_source(path)
    assert article.text == text
    assert "\ufeff" not in article.text


def test_stdin_reads_bytes():
    data = "Title line\n\nThe body of the article is here.\n".encode("utf-16")
    article = read_source("-", stdin=io.BytesIO(data))
    assert (article.source, article.title, article.slug) == ("-", "Title line", "title-line")


# ---------------------------------------------------------------- errors


def error_of(tmp_path, content: bytes | None, name: str = "a.txt", **kw) -> str:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(QuizgenError) as info:
        read_source(path, **kw)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_missing_file(tmp_path):
    assert error_of(tmp_path, None, "gone.txt") == f"file not found: {tmp_path / 'gone.txt'}"


def test_directory(tmp_path):
    with pytest.raises(QuizgenError, match="is a directory"):
        read_source(tmp_path)


@pytest.mark.parametrize(
    "content", [b"", b"   \n\t\n  ", "  \n ".encode("utf-16"), b"\xef\xbb\xbf\n"]
)
def test_empty_and_whitespace_only(tmp_path, content):
    assert error_of(tmp_path, content).endswith("is empty")


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(4096),
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        b"An article with a NUL\x00 byte in its middle, which no text has.",
        bytes(range(1, 32)) * 40,
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x00\x01\x02\x03\x04",
    ],
)
def test_binary(tmp_path, content):
    assert "looks like a binary file" in error_of(tmp_path, content)


def test_oversized_names_the_limit(tmp_path):
    message = error_of(tmp_path, b"word " * 300, max_bytes=1000)
    assert message.endswith("is larger than the 1 kB limit; raise it with --max-size")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.write(b"A sentence of text. " * 250_001)
    with pytest.raises(QuizgenError, match="larger than the 5 MB limit"):
        read_source(big)
    with pytest.raises(QuizgenError, match="larger than the 1 kB limit"):
        read_source("-", max_bytes=1000, stdin=io.BytesIO(b"x" * 5000))


def test_nothing_but_furniture(tmp_path):
    message = error_of(tmp_path, b"Share this story\n\nAdvertisement\n\n12\n\n13:45\n")
    assert "has no article text left" in message
    with pytest.raises(QuizgenError, match="no article text"):
        read_text("<html><body><script>x()</script><nav>Home</nav></body></html>", fmt="html")


# ---------------------------------------------------------------- language and slugs

GERMAN = (
    "Die Bundesregierung hat am Dienstag ein neues Gesetz beschlossen, das den Ausbau der "
    "erneuerbaren Energien beschleunigen soll. Nach Angaben des Ministeriums sollen bis zum Jahr "
    "2030 achtzig Prozent des Stroms aus Wind und Sonne stammen."
)
FRENCH = (
    "Le gouvernement a présenté mardi un projet de loi visant à accélérer le développement des "
    "énergies renouvelables. Selon le ministère, au moins quatre-vingts pour cent de "
    "l'électricité devraient provenir du vent et du soleil d'ici 2030."
)
ENGLISH = (
    "The government presented a bill on Tuesday to speed up the growth of renewable energy. "
    "According to the ministry, at least eighty per cent of electricity should come from wind "
    "and sun by 2030, but critics say the grid is not being built fast enough."
)


@pytest.mark.parametrize(
    "text, problem",
    [
        (GERMAN, NOT_ENGLISH),
        (FRENCH, NOT_ENGLISH),
        ("Правительство во вторник " * 10, NOT_ENGLISH),
        (ENGLISH, None),
        ("Too short to judge.", None),
    ],
)
def test_language(text, problem):
    assert detect_language_problem(text) == problem


def test_slug_is_short_ascii_with_fallbacks(tmp_path):
    title = "Émile Zola's «J'accuse»: how one letter changed France and the whole of Europe forever"
    slug = read_text(f"{title}\n\nThe text is here.\n").slug
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and len(slug) <= 60
    assert slug.startswith("emile-zola-s-j-accuse-how-one-letter")
    path = tmp_path / "My Notes 2.txt"
    path.write_text("The text is here. It has no title.\n")
    assert read_source(path).slug == "my-notes-2"
    assert read_text("The text is here.").slug == "article"


# ---------------------------------------------------------------- any input at all


PIECES = list("ab Z.,>|/-#*\n\r\t:<>&;!?'\"09é\x00") + ["By ", "<p>", "</div>", "&amp;", "\n\n"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=120).map("".join),
    st.sampled_from(["txt", "md", "html"]),
)
def test_any_text_gives_an_article_or_a_quizgen_error(text, fmt):
    try:
        article = read_text(text, fmt=fmt)
    except QuizgenError:
        return
    if fmt != "html":
        assert article.text == text.removeprefix("\ufeff")
    check_blocks(article)
    assert article.body_blocks()


def test_a_headline_ending_on_an_abbreviation_is_the_title():
    art = read_text(
        "Nikki Haley to Resign as Trump's Ambassador to the U.N.\n\n"
        "President Trump's ambassador to the United Nations, Nikki R. Haley, said on Tuesday "
        "that she would resign at the end of the year.\n\n"
        "The talks were held in Washington, D.C.\n"
    )
    assert art.title == "Nikki Haley to Resign as Trump's Ambassador to the U.N."
    body = [art.text[b.start : b.end] for b in art.body_blocks()]
    assert body[0].startswith("President Trump's ambassador")
    assert body[-1] == "The talks were held in Washington, D.C."
