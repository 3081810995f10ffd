"""Raw inline HTML around whole blocks: ``<del>`` / ``*foo*`` / ``</del>`` keeps its meaning.

CommonMark reads a tag alone on a line as an HTML block of its own, so the paragraphs between
an inline start tag and its end tag are blocks of their own, and a browser applies the element
to each of them. Wikitext cannot leave an inline element open across paragraphs, so the tags
move into each paragraph (``<del>''foo''</del>``), which shows the same.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.wikisyntax import INLINE_TAGS, VOID_TAGS

_START = re.compile(r"\s*(<(?P<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?>)\s*")
_END = re.compile(r"\s*</(?P<name>[A-Za-z][A-Za-z0-9]*)\s*>\s*")


def _closing(tokens: list[Token], start: int, name: str) -> int | None:
    """The index of the HTML block closing element ``name`` opened at ``start``, in the same
    container, if any."""
    level = tokens[start].level
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.level < level:
            return None  # the container ended first
        end = _END.fullmatch(token.content) if token.type == "html_block" else None
        if end and token.level == level and end["name"].lower() == name:
            return index
    return None


def _wrap(inline: Token, start_tag: str, end_tag: str) -> None:
    """Enclose an inline token's content in the raw tags."""
    inline.content = f"{start_tag}{inline.content}{end_tag}"
    inline.children = [
        Token("html_inline", "", 0, content=start_tag),
        *(inline.children or []),
        Token("html_inline", "", 0, content=end_tag),
    ]


def spread_spanning_tags(state: StateCore) -> None:
    """Move inline tags that enclose whole blocks into each block's inline content."""
    tokens = state.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        start = _START.fullmatch(token.content) if token.type == "html_block" else None
        name = start["name"].lower() if start else ""
        end = _closing(tokens, index, name) if start and name in INLINE_TAGS - VOID_TAGS else None
        if start is None or end is None:
            index += 1
            continue
        for inner in tokens[index + 1 : end]:
            if inner.type == "inline":
                _wrap(inner, start[1], f"</{name}>")
        del tokens[end]
        del tokens[index]
