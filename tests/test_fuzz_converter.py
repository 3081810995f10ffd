"""Property tests: the converter never crashes, always emits wikitext, and never makes markup live.

Budgets (examples per property) come from the hypothesis profile (tests/conftest.py): ``ci`` by
default, ``HYPOTHESIS_PROFILE=long`` by hand. The wiki-rendered property runs half the
profile's examples, since each one is an action=parse round trip.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import mwparserfromhell
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from converters import ConversionError, convert
from converters.options import MAX_INPUT_BYTES
from tests.localwiki import LocalWiki, parse
from tests.strategies import WIKI_META, Draft, any_text, documents

# Templates the converter itself emits for citations and notes; any other template is a leak.
OWN_TEMPLATES = {"cite web", "reflist", "efn", "notelist", "short description"}
# What the local wiki's citation stand-ins transclude in turn to show CS1's errors.
STAND_IN_HELPERS = {"cs1 checks", "cs1 error"}
SWITCHES = {"notoc", "noeditsection", "forcetoc", "nogallery", "newsectionlink", "noindex"}
# The article title a Wikipedia URL names, without its query (?utm_source=… is removed).
WIKI_ARTICLE = re.compile(r"https://en\.wikipedia\.org/wiki/([^\s)\"<>\]?#]+)")
URL = re.compile(r"https?://[^\s)\"<>\]|]+")
RENDER_SHARE = 2  # one rendered example for every two pure ones

markdown_reference = (
    MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)
)


def converted(markdown: str) -> str:
    """The wikitext for a draft (the title is fixed so the H1 rule cannot eat body text)."""
    try:
        return convert(markdown, title="Fuzz draft").wikitext
    except ConversionError as error:
        # The one documented refusal a draft under the size limit can meet ("" converts nothing).
        assert "nested too deeply" in str(error), error
        return ""


@given(any_text)
def test_convert_never_raises_on_any_string(text: str) -> None:
    mwparserfromhell.parse(converted(text))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Drafts on which convert once raised ConverterBug (found by this test).
@example(Draft("**<https://en.wikipedia.org/wiki/Zqa>**\n", frozenset(), ""))
@example(Draft("~~**[*<nowiki>*](https://en.wikipedia.org/wiki/Zqa)**~~.\n", frozenset(), ""))
@given(documents())
def test_drafts_convert_to_wikitext_with_only_our_own_templates(draft: Draft) -> None:
    wikicode = mwparserfromhell.parse(converted(draft.markdown))
    names = {str(t.name).strip().lower() for t in wikicode.filter_templates(recursive=True)}
    assert names <= OWN_TEMPLATES, f"templates the draft did not ask for: {names - OWN_TEMPLATES}"


@given(st.integers(1, 64))
def test_input_over_the_size_limit_is_a_clear_conversion_error(extra: int) -> None:
    with pytest.raises(ConversionError, match=r"(?i)too large|limit|MB"):
        convert("a" * (MAX_INPUT_BYTES + extra))


@dataclass
class Page:
    """What the wiki made of some wikitext: visible text, link targets, parser metadata."""

    text: str
    hrefs: list[str]
    templates: set[str]
    categories: list[str]
    switches: set[str]


@dataclass
class _Visible(HTMLParser):
    """Collects the text a reader sees and the targets of links in rendered HTML."""

    chunks: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    hidden: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("style", "script")
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(html.unescape(href))

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.chunks.append(data)


def visible(markup: str) -> _Visible:
    """The visible text and link targets of an HTML fragment."""
    parser = _Visible()
    parser.feed(markup)
    parser.close()
    return parser


def render(api: str, wikitext: str) -> Page:
    """Parse wikitext as a draft page would be saved (with the pre-save transform: signatures)."""
    parsed = parse(
        api,
        wikitext,
        "Draft:Fuzz draft",
        pst=1,
        prop="text|templates|categories|properties",
        disableeditsection=1,
    )
    seen = visible(parsed["text"])
    return Page(
        text="".join(seen.chunks),
        hrefs=seen.hrefs,
        templates={t["title"].removeprefix("Template:").lower() for t in parsed["templates"]},
        categories=[c["category"] for c in parsed["categories"]],
        switches=set(parsed["properties"]) & SWITCHES,
    )


def asked_for(markdown: str, href: str) -> bool:
    """Whether a link in the rendered page is one the Markdown asked for."""
    if href.startswith("#"):  # footnote and back-reference anchors
        return True
    articles = {m.replace(" ", "_") for m in WIKI_ARTICLE.findall(markdown)}
    if any(href.endswith("/" + a) or f"title={a}" in href for a in articles):
        return True
    target = href.replace("?utm_source=chatgpt.com", "")
    return any(
        target == url.replace("?utm_source=chatgpt.com", "") for url in URL.findall(markdown)
    )


@pytest.mark.wiki
@settings(
    max_examples=max(10, settings().max_examples // RENDER_SHARE),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# A word Markdown shows only in a definition never cited is left out, with a warning.
@example(
    draft=Draft(
        "- ~~~~zqa~~~~.\n\n[^2^][2]: [zqa](https://x.org)\n", frozenset({"zqa"}), "- ~~~~zqa~~~~."
    )
)
# A Wikipedia link with a tracker becomes a wikilink to its article, the tracker dropped.
@example(
    draft=Draft(
        "[zqa](https://en.wikipedia.org/wiki/Zqab?utm_source=chatgpt.com)\n",
        frozenset({"zqa"}),
        "[zqa](https://en.wikipedia.org/wiki/Zqab?utm_source=chatgpt.com)\n",
    )
)
@given(documents(renderable=True))
def test_rendered_drafts_show_their_text_and_no_live_markup(
    local_wiki: LocalWiki, draft: Draft
) -> None:
    page = render(local_wiki.api, converted(draft.markdown))
    expected = "".join(visible(markdown_reference.render(draft.body)).chunks)
    # Only words Markdown itself shows: a "|" in a table row, say, legitimately ends a cell.
    missing = {word for word in draft.words if word in expected and word not in page.text}
    assert not missing, f"text lost in the rendered page: {sorted(missing)}"
    for token in WIKI_META:
        assert page.text.count(token) >= expected.count(token), f"{token!r} became markup"
    live = page.templates - OWN_TEMPLATES - STAND_IN_HELPERS
    assert not live, f"live templates: {live}"
    assert not page.categories, f"live categories: {page.categories}"
    assert not page.switches, f"live behaviour switches: {page.switches}"
    unasked = [href for href in page.hrefs if not asked_for(draft.markdown, href)]
    assert not unasked, f"links the draft did not ask for: {unasked}"
