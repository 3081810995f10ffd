"""Core rules: URLs lose tracking; ChatGPT's parenthesised source links become citations."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.artifacts import ASSISTANT_TRACKERS
from converters.citations.positions import child_lines, inline_blocks
from converters.citations.sources import web_source
from converters.citations.state import CitationState, citation_state
from converters.citations.urls import clean_url, host, is_web_url, removed_parameters
from converters.findings import Finding, record

# A URL in running text; punctuation at its end belongs to the sentence.
_URL_IN_TEXT = re.compile(r"https?://[^\s<>]*[^\s<>.,;:!?)\]'\"]")
_SEPARATOR = re.compile(r"\s*[,;]\s*")
# What may follow the closing parenthesis of a source group: the end of a sentence or line,
# punctuation, or the next sentence. "([PDF](url)) before coding" is a link in a sentence.
_AFTER = re.compile(r"\)(?=\s*$|[.,;:!?]|\s+[A-Z(\[])")


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
        text = "".join(t.content for t in children[i + 1 : close])
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


def _tracking(url: str, line: int, env: dict[str, Any]) -> str:
    """``url`` without tracking parameters; what was removed is reported (and an assistant's
    tracker is evidence of provenance)."""
    removed = removed_parameters(url)
    if removed:
        names = [ASSISTANT_TRACKERS.get(pair) for pair in removed]
        assistant = next((name for name in names if name), None)
        kind = "assistant-tracker" if assistant else "tracking-parameter"
        pairs = "&".join(f"{key}={value}" for key, value in removed)
        by = f" ({assistant}'s)" if assistant else ""
        message = f"tracking parameters{by} {pairs} removed from {url}"
        record(env, Finding(line, kind, message, evidence=assistant is not None))
    return clean_url(url)


def _clean(token: Token, line: int, env: dict[str, Any]) -> None:
    """Remove tracking from a link's target and from URLs written as text (autolinks too)."""
    if token.type == "link_open" and isinstance(token.attrs.get("href"), str):
        token.attrs["href"] = _tracking(str(token.attrs["href"]), line, env)
    elif token.type == "text" and "?" in token.content and "://" in token.content:
        token.content = _URL_IN_TEXT.sub(lambda m: _tracking(m.group(), line, env), token.content)


def clean_definitions(state: StateCore) -> None:
    """Remove tracking from ``[1]: url`` definitions before links take their URLs."""
    for definition in state.env.get("references", {}).values():
        line = definition["map"][0] + 1 if definition.get("map") else 0
        definition["href"] = _tracking(definition["href"], line, state.env)


def clean_urls(state: StateCore) -> None:
    """Remove tracking parameters from every URL of links and text, reporting each."""
    for block in inline_blocks(state.tokens, lambda text: "?" in text or "#" in text):
        for line, token in child_lines(block):
            _clean(token, line, state.env)


def cite_links(state: StateCore) -> None:
    """Turn source links in parentheses into citations."""
    citations = citation_state(state.env)
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = _rewrite(block.children, citations)
