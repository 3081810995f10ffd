"""ChatGPT: source links in parentheses ``([Site](url))`` (its copy button's ``([Site][2])``
with ``[2]: url "Title"`` too), ``oai_citation`` links, attribution wrappers, sandbox files.

Its text markers (``citeturn0search0``, ``contentReference``) are the rows ``TEXT_ARTIFACTS``.
Fixtures: ``tests/fixtures/convert/citations-chatgpt.md``, ``assistant-chatgpt.md``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from converters.citations.artifact import UNRECOVERABLE, Artifact, artifact, report
from converters.citations.positions import inline_blocks, rewrite_links, tokens_text
from converters.citations.sources import web_source
from converters.citations.state import CitationState, citation_state
from converters.citations.urls import host, is_web_url

# Its markers in running text (markdown-it leaves them in text tokens).
TEXT_ARTIFACTS: tuple[Artifact, ...] = (
    # ChatGPT search answers copied as text: U+E200 "cite" U+E202 "turn0search0" U+E201; the
    # private-use wrappers are removed first (converters/invisible.py); observed in copies from
    # chatgpt.com (2024-2025) and listed at WP:AISIGNS ("turn0search0").
    artifact(
        "chatgpt-turn-marker",
        "ChatGPT",
        r"(?:file)?cite(?:turn\d+[a-z]+\d+)+|(?<![\w/])turn\d+(?:search|news|file|view|fetch)\d+",
        "needed",
        UNRECOVERABLE,
    ),
    # ChatGPT's copy of a file citation (WP:AISIGNS, "contentReference").
    artifact(
        "chatgpt-content-reference",
        "ChatGPT",
        r":?contentReference\[oaicite:\d+\](?:\{index=\d+\})?",
        "needed",
        UNRECOVERABLE,
    ),
)
# ChatGPT's "Copy" of an answer with search results: "[oai_citation:2‡Site](url)".
OAI_CITATION = artifact(
    "chatgpt-oai-citation",
    "ChatGPT",
    r"oai_citation(?:_attribution)?:\d+‡(?P<site>.*)",
    "ref",
    "became a reference to its URL",
)
# ChatGPT's code interpreter files: "[x.csv](sandbox:/mnt/data/x.csv)" exist only in the chat.
SANDBOX_LINK = artifact(
    "chatgpt-sandbox-link",
    "ChatGPT",
    r"sandbox:",
    "text",
    "is a file in the chat, not a source: kept as text",
)
# ChatGPT's "attributions" wrapper around a sentence: ``^[sentence]({"attribution":…})``.
ATTRIBUTION = artifact(
    "chatgpt-attribution",
    "ChatGPT",
    r'\^\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\{"attribution":[^\n]*?\}\)',
    "text",
    "wrapper dropped, its sentence kept",
)
# Tracking parameter values ChatGPT appends to the links it cites (observed 2024-2026).
TRACKERS: dict[tuple[str, str], str] = {
    ("utm_source", "chatgpt.com"): "ChatGPT",
    ("utm_source", "openai"): "ChatGPT",
}

_SEPARATOR = re.compile(r"\s*[,;]\s*")
# What may follow the closing parenthesis of a source group: the end of a sentence or line,
# punctuation, or the next sentence. "([PDF](url)) before coding" is a link in a sentence.
_AFTER = re.compile(r"\)(?=\s*$|[.,;:!?]|\s+[A-Z(\[])")


def attribution(state: StateInline, silent: bool) -> bool:
    """``^[sentence]({"attribution":…})``: the sentence, parsed as usual; the wrapper reported."""
    if not state.src.startswith("^[", state.pos):
        return False
    match = ATTRIBUTION.pattern.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        found = (ATTRIBUTION, match.group(), ATTRIBUTION.advice)
        state.push("artifact", "", 0).meta = {"found": found}  # reported with its line later
        end = state.posMax
        state.pos, state.posMax = match.start("text"), match.end("text")
        state.md.inline.tokenize(state)
        state.posMax = end
    state.pos = match.end()
    return True


def _link(line: int, link: Token, label: list[Token], env: dict[str, Any]) -> list[Token] | None:
    """What an ``oai_citation`` or ``sandbox:`` link becomes, or None for any other link."""
    href = str(link.attrs.get("href", ""))
    text = tokens_text(label)
    cited = OAI_CITATION.pattern.fullmatch(text)
    if cited:
        report(env, line, OAI_CITATION, f"[{text}]", OAI_CITATION.advice)
        links = citation_state(env).links
        token = link_citation(href, cited["site"], citation_state(env))
        key = token.meta["key"]
        if links[key].title is None:  # the site part is all there is: better than no title
            links[key] = replace(links[key], title=cited["site"])
        return [token]
    if SANDBOX_LINK.pattern.match(href):
        report(env, line, SANDBOX_LINK, href, SANDBOX_LINK.advice)
        return label
    return None


def replace_links(state: StateCore) -> None:
    """``[oai_citation:2‡Site](url)`` becomes a ref; a ``sandbox:`` link its text; reported."""
    rewrite_links(state, _link, lambda text: "oai_citation" in text or "sandbox:" in text)


def link_citation(url: str, text: str, citations: CitationState, title: str = "") -> Token:
    """A ``cite_ref`` for a source link: ``text`` names the site, ``title`` (if any) the page."""
    source = web_source(url, title or text, text_is_site=not title)
    if title and source.website == host(source.url):
        source = replace(source, website=text)  # the author's name for a site we do not know
    key = "url:" + source.url
    citations.links.setdefault(key, source)
    return Token("cite_ref", "", 0, meta={"key": key, "source": f"[{text}]({url})"})


def _links(children: list[Token], start: int) -> tuple[list[tuple[str, str, str]], int] | None:
    """``(url, text, title)`` of the links from ``start`` up to a ``)`` text, and its index."""
    links: list[tuple[str, str, str]] = []
    i = start
    while i < len(children) and children[i].type == "link_open":
        close = next(
            (j for j in range(i + 1, len(children)) if children[j].type == "link_close"), None
        )
        if close is None:
            return None
        url = str(children[i].attrs.get("href", ""))
        text = tokens_text(children[i + 1 : close])
        if not is_web_url(url):
            return None
        # A reference link ("[Site][2]" with "[2]: url "Title"") brings the page's title.
        links.append((url, text, str(children[i].attrs.get("title") or "")))
        i = close + 1
        if i < len(children) and children[i].type == "text" and _AFTER.match(children[i].content):
            return links, i
        if (
            i < len(children)
            and children[i].type == "text"
            and _SEPARATOR.fullmatch(children[i].content)
        ):
            i += 1
    return None


def _opens_group(text: str) -> bool:
    """True for text ending in "(" at its start or after a space: "… (" before source links.

    Not a regex search: that would scan every text of the draft from its start.
    """
    return text.endswith("(") and (len(text) == 1 or text[-2].isspace())


def _rewrite(children: list[Token], citations: CitationState) -> list[Token]:
    """``children`` with each ``([Site](url))`` group replaced by ``cite_ref`` tokens."""
    out: list[Token] = []
    i = 0
    while i < len(children):
        token = children[i]
        group = None
        if token.type == "text" and _opens_group(token.content):
            group = _links(children, i + 1)
        if group is None:
            out.append(token)
            i += 1
            continue
        links, close = group
        out.append(Token("text", "", 0, content=token.content[:-1]))
        out.extend(link_citation(url, text, citations, title) for url, text, title in links)
        # The text after ")" may open the next group, so it is looked at again.
        children[close].content = children[close].content[1:]
        i = close
    return out


def cite_links(state: StateCore) -> None:
    """Turn source links in parentheses into citations."""
    citations = citation_state(state.env)
    for block in inline_blocks(state.tokens, lambda _: True):
        block.children = _rewrite(block.children, citations)
