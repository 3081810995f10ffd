"""Inline tokens with the source lines they start on: the walks the core rules share, and the
core rule that gives every reference token its line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.punctuation import REF_TYPES


def inline_blocks(tokens: list[Token], holds: Callable[[str], bool]) -> Iterator[Token]:
    """The inline blocks whose source text ``holds`` says may hold what a rule looks for.

    A rule walks the children of few blocks: most are passed over by a test of their text.
    """
    for block in tokens:
        if block.type == "inline" and block.children and holds(block.content):
            yield block


def tokens_text(tokens: list[Token]) -> str:
    """The content of inline ``tokens`` joined: a link's text, an inline footnote's source."""
    return "".join(t.content for t in tokens)


def token_lines(tokens: list[Token], line: int) -> Iterator[tuple[int, Token]]:
    """Each of the inline ``tokens`` with the 1-based source line it starts on (from ``line``)."""
    for token in tokens:
        yield line, token
        line += 1 if token.type in {"softbreak", "hardbreak"} else token.content.count("\n")


def child_lines(block: Token) -> Iterator[tuple[int, Token]]:
    """Each child of the inline ``block`` with the 1-based source line it starts on."""
    return token_lines(block.children or [], block.map[0] + 1 if block.map else 0)


def inline_footnotes(tokens: list[Token], env: dict[str, Any]) -> Iterator[tuple[int, list[Token]]]:
    """The tokens of each inline footnote ``^[…]`` with its marker's line.

    They wait in ``env`` until footnote_tail makes them part of the document, after the rules
    that read running text have run.
    """
    notes = env.get("footnotes", {}).get("list", {})
    lines = {
        token.meta["id"]: line
        for block in inline_blocks(tokens, lambda text: "^[" in text)
        for line, token in child_lines(block)
        if token.type == "footnote_ref" and "tokens" in notes.get(token.meta["id"], {})
    }
    for number, line in lines.items():
        yield line, notes[number]["tokens"]


def number_references(state: StateCore) -> None:
    """Set ``meta["line"]`` on ``cite_ref``/``footnote_ref`` tokens (warnings name the line)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children or not block.map:
            continue
        for line, token in child_lines(block):
            if token.type in REF_TYPES:
                token.meta["line"] = line


# What one link becomes: (its line, link_open, the tokens of its text, env) -> tokens, or None
# to keep it as it is.
LinkRewrite = Callable[[int, Token, list[Token], dict[str, Any]], list[Token] | None]


def rewritten_links(
    lines: Iterator[tuple[int, Token]], rewrite: LinkRewrite, env: dict[str, Any]
) -> list[Token]:
    """Inline tokens (with their lines) with each link replaced by what ``rewrite`` makes of it.

    A link inside a link's text (an autolink) is part of that text.
    """
    children: list[Token] = []
    link: tuple[int, Token, list[Token]] | None = None  # the outermost link being read
    depth = 0  # links open inside it
    for line, token in lines:
        if link is None:
            if token.type == "link_open":
                link = (line, token, [])
            else:
                children.append(token)
        elif token.type == "link_close" and depth == 0:
            start, opening, label = link
            replaced = rewrite(start, opening, label, env)
            children.extend([opening, *label, token] if replaced is None else replaced)
            link = None
        else:
            depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            link[2].append(token)
    return children


def rewrite_links(state: StateCore, rewrite: LinkRewrite, holds: Callable[[str], bool]) -> None:
    """Replace each link by what ``rewrite`` makes of it, in the blocks whose text ``holds``."""
    for block in inline_blocks(state.tokens, holds):
        block.children = rewritten_links(child_lines(block), rewrite, state.env)


def running_text(
    tokens: list[Token], holds: Callable[[str], bool], definitions: bool = False
) -> Iterator[tuple[int, Token]]:
    """After footnote_tail, the inline blocks whose text ``holds`` with their 1-based line: the
    body's, each cited inline footnote ``^[…]``'s at its marker's line, and with
    ``definitions`` source list entries' and ``[^1]:`` footnotes'.

    Definitions are left out by default: they are read as sources before footnote_tail.
    """
    markers: dict[int, int] = {}  # an inline footnote's number: the line of its marker
    definition: Token | None = None  # the source list entry or footnote being read
    for token in tokens:
        if token.type in {"cite_def_open", "footnote_open"}:
            definition = token
        elif token.type in {"cite_def_close", "footnote_close"}:
            definition = None
        elif token.type != "inline" or not token.children:
            continue
        elif definition is not None and token.map is None:  # an inline footnote's (no source)
            number = definition.meta.get("id")
            if number in markers and holds(token.content):
                yield markers[number], token
        elif definition is None or definitions:
            if "^[" in token.content:
                lines = child_lines(token)
                markers.update((t.meta["id"], n) for n, t in lines if t.type == "footnote_ref")
            if holds(token.content):
                yield (token.map[0] + 1 if token.map else 0), token
