"""GitHub Flavored Markdown and links that land, checked through the local wiki's parser."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linkify_it import LinkifyIt

from converters import convert
from converters.parser import markdown_parser
from tests.localwiki import LocalWiki, parse
from tests.strategies import SITES, marker_words

# The GFM spec's autolink extension examples (section 6.9), as cmark-gfm renders them.
SPEC = json.loads((Path(__file__).parent / "fixtures" / "gfm-autolinks.json").read_text("utf-8"))
AUTOLINK_EXAMPLES = [
    pytest.param(case["markdown"], case["html"], id=f"gfm-{case['example']}")
    for case in SPEC["examples"]
]


@pytest.mark.parametrize(("markdown", "html"), AUTOLINK_EXAMPLES)
def test_autolinks_are_found_as_the_gfm_spec_says(markdown: str, html: str) -> None:
    # Less tracking parameters, which every URL loses ("www." links too): Google's hl=en.
    assert markdown_parser().render(markdown) == html.replace("&amp;hl=en", "")


@pytest.mark.parametrize(
    ("markdown", "wikitext"),
    [
        # A URL the wiki links by itself stays bare; a "www." name or an address needs brackets.
        ("See https://example.org/a.\n", "See https://example.org/a.\n"),
        ("www.example.org/help\n", "[http://www.example.org/help www.example.org/help]\n"),
        ("Mail ann@example.org.\n", "Mail [mailto:ann@example.org ann@example.org].\n"),
        # What follows a bare URL must not run into it on the wiki.
        ("https://example.org's\n", "https://example.org<nowiki/>'s\n"),
        # Only a space or a line end ends a free link for both MediaWiki and mwparserfromhell.
        ("https://example.org\tx\n", "https://example.org<nowiki/>\tx\n"),
        # GFM runs a link on to white space, over what linkify-it took for a second link.
        (
            "see https://x.org/)](https://y.org/) z\n",
            "see [https://x.org/)%5D(https://y.org/ https://x.org/)&#93;(https://y.org/]) z\n",
        ),
        # Only GFM's characters before "@"; a host needs a "." and no "_" near its end.
        (
            "Hello,foo@bar.org https://example http://localhost:8080/x www.a_b.org\n",
            "Hello,[mailto:foo@bar.org foo@bar.org] <nowiki>https://example</nowiki> "
            "<nowiki>http://localhost:8080/x</nowiki> www.a_b.org\n",
        ),
        # A URL after a dropped tag would be glued to the text before it: bracketed.
        ("_<ref>http://x.org/a\n", "_[http://x.org/a http://x.org/a]\n"),
        # GitHub links nothing glued to a word; the wiki links no scheme it does not know.
        ("x:https://example.org irc://example.org\n", None),
    ],
)
def test_bare_urls_are_written_as_links(markdown: str, wikitext: str | None) -> None:
    converted = convert(markdown, title="T").wikitext
    if wikitext is None:
        assert "<nowiki>https://example.org" in converted and "<nowiki>irc:" in converted
    else:
        assert converted == wikitext


@given(
    st.text(max_size=20),
    st.sampled_from(["://", "@", "www.", "WWW."]),
    st.text(max_size=20),
)
def test_what_passes_the_gfm_pretest_passes_linkify_its_own(
    before: str, marker: str, after: str
) -> None:
    """GfmLinkify.pretest stands in for linkify-it's pretest: it must never pass less."""
    text = before + marker + after
    assert markdown_parser().linkify.pretest(text)
    assert LinkifyIt.pretest(markdown_parser().linkify, text)


def test_relative_links_name_pages_files_and_other_drafts() -> None:
    markdown = (
        "[a](Some_page) [b](/wiki/Some_page) [c](</Some page>) [d](other.md#Part) "
        "[e](../notes.pdf) [f](missing.md) [g]()\n"
    )
    conversion = convert(
        markdown,
        title="T",
        source_name="drafts/this.md",
        draft_titles={"drafts/other.md": "Draft:O"},
    )
    assert conversion.wikitext == (
        "[[Some page|a]] [[Some page|b]] [[Some page|c]] [[:Draft:O#Part|d]] e f g\n"
    )
    assert [w.message for w in conversion.warnings] == [
        "relative link '../notes.pdf' names a file, not a wiki page; kept its text",
        "relative link 'missing.md' names a file, not a wiki page; kept its text",
        "link to '' names no wiki page; kept its text",
    ]


def test_an_anchor_reaches_its_heading_as_the_page_shows_it() -> None:
    # GitHub's id comes from the heading as written, the wiki's from the tidied heading.
    markdown = "Text.\n\n## 1. Early Life And Career\n\n[up](#1-early-life-and-career)\n"
    wikitext = convert(markdown, title="T").wikitext
    assert "== Early life and career ==" in wikitext
    assert "[[#Early life and career|up]]" in wikitext


def test_an_anchor_naming_no_heading_is_a_warning() -> None:
    conversion = convert("## Early life\n\n[up](#early-life) [lost](#later-life)\n", title="T")
    assert "[[#Early life|up]] [[#later-life|lost]]" in conversion.wikitext
    assert [w.message for w in conversion.warnings] == [
        "link to #later-life names no heading of the draft; check it"
    ]


class _Links(HTMLParser):
    """The links of a rendered page (href and text), heading ids and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._open: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self._open, self._href = [], str(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            self.links.append((self._href, "".join(self._open)))
            self._open = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open is not None:
            self._open.append(data)


def rendered(wiki: LocalWiki, markdown: str) -> _Links:
    """The page the wiki makes of the converted Markdown."""
    wikitext = convert(markdown, title="T").wikitext
    html = parse(wiki.api, wikitext, "Draft:T", disableeditsection=1)["text"]
    page = _Links()
    page.feed(html)
    return page


@pytest.mark.wiki
def test_gfm_extensions_mean_on_the_wiki_what_they_mean_on_github(local_wiki: LocalWiki) -> None:
    page = rendered(
        local_wiki,
        "Visit www.example.org/help, https://example.org/a_(b) or ann@example.org.\n\n"
        "- [ ] to do\n- [x] done\n\n"
        "<script>alert(1)</script> and <textarea>x</textarea>\n\n"
        "<del>\n\n*gone*\n\n</del>\n\n"
        "[up](#deep-heading-jump)\n\n## Deep *heading* jump\n",
    )
    external = [(href, text) for href, text in page.links if not href.startswith("#")]
    assert external == [
        ("http://www.example.org/help", "www.example.org/help"),
        ("https://example.org/a_(b)", "https://example.org/a_(b)"),
        ("mailto:ann@example.org", "ann@example.org"),
    ]
    shown = " ".join("".join(page.text).split())
    assert "☐ to do" in shown and "☑ done" in shown
    assert "<script>alert(1)</script> and <textarea>x</textarea>" in shown
    anchor = next(href for href, text in page.links if text == "up")
    assert anchor == "#Deep_heading_jump" and "Deep_heading_jump" in page.ids


@pytest.mark.wiki
def test_a_label_holding_a_replacement_character_stays_a_link(local_wiki: LocalWiki) -> None:
    # MediaWiki's label of [url label] may not hold U+FFFD (a NUL in the draft becomes one).
    page = rendered(local_wiki, "[a\x00b](https://example.org/) and https://example.org/%90\n")
    assert page.links == [
        ("https://example.org/", "a\ufffdb"),
        ("https://example.org/%90", "https://example.org/%90"),
    ]


@pytest.mark.wiki
def test_inline_tags_around_blocks_apply_to_each_block(local_wiki: LocalWiki) -> None:
    wikitext = convert("<del>\n\n*foo*\n\n</del>\n", title="T").wikitext
    html = parse(local_wiki.api, wikitext, "Draft:T")["text"]
    assert re.search(r"<del><i>foo</i></del>", html), html


PATH_CHARACTERS = "abcxyz019-_.~()'=&?%!,:;*"
# URLs as text around them leaves them: after a space, "(" or emphasis, before punctuation.
bare_urls = st.one_of(
    st.builds(
        lambda scheme, site, path: f"{scheme}{site}/{path}",
        st.sampled_from(["https://", "http://", "ftp://", "www."]),
        st.sampled_from(SITES),
        st.text(PATH_CHARACTERS, max_size=12),
    ),
    st.builds(
        lambda name, site: f"{name}@{site}",
        marker_words.map(lambda p: p.text),
        st.sampled_from(SITES),
    ),
)
around = st.sampled_from(["", ".", ",", ")", "!", "?", "'s", ";", ":", "*", "\u2019", ")."])
before = st.sampled_from([" ", " (", " *", " **", "\n"])
texts = st.lists(st.tuples(marker_words, before, bare_urls, around), min_size=1, max_size=4).map(
    lambda parts: "".join(w.text + b + u + a for w, b, u, a in parts) + "\n"
)


def _markdown_links(markdown: str) -> list[tuple[str, str]]:
    """The links GFM finds in the Markdown: href and text."""
    tokens = markdown_parser().parse(markdown, {})
    links = []
    for block in tokens:
        children = block.children or []
        for index, token in enumerate(children):
            if token.type == "link_open":
                href, text = str(token.attrs["href"]), children[index + 1].content
                # markdown-it decodes "%01" and "%90" in a URL's text; it is shown as written.
                readable = text.isprintable() and "\ufffd" not in text
                links.append((href, text if readable else href))
    return links


@pytest.mark.wiki
@settings(
    max_examples=max(10, settings().max_examples // 4),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(texts)
def test_bare_urls_in_text_render_as_exactly_those_links(
    local_wiki: LocalWiki, markdown: str
) -> None:
    page = rendered(local_wiki, markdown)
    wiki_links = [(unquote(href), text) for href, text in page.links]
    expected = [(unquote(href), text) for href, text in _markdown_links(markdown)]
    assert wiki_links == expected
