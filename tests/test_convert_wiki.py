"""Every fixture rendered by the local MediaWiki: no Cite error, no text lost on the way."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.utils import read_fixture_file
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from converters import convert
from converters.parser import valid_link
from tests.localwiki import LocalWiki, parse

pytestmark = pytest.mark.wiki

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "convert").glob("*.md"))
CASES = [
    pytest.param(markdown, title, id=f"{path.stem}:{line}:{title}")
    for path in FIXTURES
    for line, title, markdown, _ in read_fixture_file(path)
]
# The fixture's Markdown as a browser would show it (footnote labels and front matter unseen).
REFERENCE = (
    MarkdownIt("commonmark")
    .enable(["table", "strikethrough"])
    .use(footnote_plugin)
    .use(front_matter_plugin)
    .use(deflist_plugin)
)
REFERENCE.validateLink = valid_link
INVISIBLE = {"script", "style", "iframe", "object", "head", "title"}
URLS = re.compile(r"(?:https?|mailto):\S+|\S+@\S+|\S+\.(?:com|org|gov|md|png|svg|jpg)\b")
# Words the converter removes on purpose, by fixture title: what the issue asks to drop.
# fmt: off
DROPPED = {
    # A template the local wiki does not have, and a category link (shown nowhere).
    "Deliberate wikitext passes through the wikitext door":
        {"ada", "name", "category", "kept", "as", "written"},
    # The footers and list heads chat assistants append, consumed by the citations.
    "Bing footer copied from the chat, with markers alone":
        {"source", "conversation", "with", "bing"},
    "Perplexity markers with a Citations list": {"citations"},
    "Perplexity Sources list with a bold head and blank lines": {"sources"},
    "two pages of one site get names from their titles; one URL cited under two keys is one ref":
        {"citations"},
    "a run of several references moves as a whole": {"citations"},
    # Chat assistants' artifacts, each replaced and reported (tests/test_artifacts.py).
    "ChatGPT search answer: turn markers in private-use wrappers, contentReference, "
    "oai_citation links, attribution wrappers, a sandbox file": {
        "attributableindex", "attribution", "cite", "contentreference", "index", "news", "oai",
        "oaicite", "search", "turn",
    },
    # The footer, and the site name a page title repeats ("What Causes Tides? | NOAA").
    'Copilot: markers, definitions and the "Conversation with Copilot" footer':
        {"conversation", "copilot", "noaa", "source", "with"},
    "Gemini: cite_start and cite markers, span anchors, a grounding redirect":
        {"cite", "sources", "span", "start"},
    "Grok: citation cards and the referrer tracker":
        {"card", "cardids", "citation", "grok", "json", "render"},
    "Perplexity: web and attached_file markers, tracking parameters, an uploaded file":
        {"citations", "web"},
    # A definition never cited is left out, with a warning.
    "a definition never cited is left out": {"never", "cited", "anywhere"},
    # Headings the structure step drops.
    "An Introduction heading at the start is dropped; its text is the lead": {"introduction"},
    "An empty References heading without citations is dropped": {"references"},
    # "Sources" is the References appendix (MOS:ORDER names it so).
    "Without [N] markers in the text a numbered list under References is a bibliography":
        {"sources"},
}
# fmt: on


class _Text(HTMLParser):
    """The visible text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in INVISIBLE

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in INVISIBLE and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def words(html: str) -> set[str]:
    """The words (runs of letters, lower case) a page shows outside URLs."""
    parser = _Text()
    parser.feed(html)
    return set(re.findall(r"[^\W\d_]{2,}", URLS.sub(" ", " ".join(parser.parts)).lower()))


def rendered(wiki: LocalWiki, wikitext: str, title: str) -> str:
    """The HTML MediaWiki makes of ``wikitext`` on a Draft page (nothing is saved)."""
    return parse(wiki.api, wikitext, f"Draft:{title}")["text"]


@pytest.mark.parametrize(("markdown", "case"), CASES)
def test_fixture_renders_without_cite_error_or_lost_text(
    local_wiki: LocalWiki, markdown: str, case: str
) -> None:
    conversion = convert(markdown)
    html = rendered(local_wiki, conversion.wikitext, conversion.title)
    assert "cite_error" not in html and "Cite error" not in html
    shown = words(html) | words(conversion.title) | DROPPED.get(case, set())
    lost = words(REFERENCE.render(markdown)) - shown
    assert not lost, f"lost {sorted(lost)} in {conversion.wikitext!r}"
