"""Core rule: ChatGPT's parenthesised source links become citations; URLs lose tracking."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.sources import web_source
from converters.citations.state import CitationState, citation_state
from converters.citations.urls import clean_url, is_web_url

# A URL in running text; punctuation at its end belongs to the sentence.
_URL_IN_TEXT = re.compile(r"https?://[^\s<>]*[^\s<>.,;:!?)\]'\"]")
_SEPARATOR = re.compile(r"\s*[,;]\s*")
# What may follow the closing parenthesis of a source group: the end of a sentence or line,
# punctuation, or the next sentence. "([PDF](url)) before coding" is a link in a sentence.
_AFTER = re.compile(r"\)(?=\s*$|[.,;:!?]|\s+[A-Z(\[])")


def _links(children: list[Token], start: int) -> tuple[list[tuple[str, str]], int] | None:
    """``(url, text)`` of the links from ``start`` up to a ``)`` text, and that text's index."""
    links: list[tuple[str, str]] = []
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
        links.append((url, text))
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
        for url, text in links:
            source = web_source(url, text, text_is_site=True)
            key = "url:" + source.url
            citations.links.setdefault(key, source)
            out.append(Token("cite_ref", "", 0, meta={"key": key, "source": f"[{text}]({url})"}))
        # The text after ")" may open the next group, so it is looked at again.
        children[close].content = children[close].content[1:]
        i = close
    return out


def _clean(token: Token) -> None:
    """Remove tracking from a link's target and from URLs written as text (autolinks too)."""
    if token.type == "link_open" and isinstance(token.attrs.get("href"), str):
        token.attrs["href"] = clean_url(str(token.attrs["href"]))
    elif token.type == "text" and "utm_" in token.content:
        token.content = _URL_IN_TEXT.sub(lambda m: clean_url(m.group()), token.content)


def cite_links(state: StateCore) -> None:
    """Clean every URL; turn source links in parentheses into citations."""
    citations = citation_state(state.env)
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        for token in block.children:
            _clean(token)
        block.children = _rewrite(block.children, citations)
