"""Core rule: give every reference token the 1-based source line it was written on."""

from __future__ import annotations

from collections.abc import Callable, Iterator

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


def child_lines(block: Token) -> Iterator[tuple[int, Token]]:
    """Each child of the inline ``block`` with the 1-based source line it starts on."""
    line = block.map[0] + 1 if block.map else 0
    for token in block.children or ():
        yield line, token
        line += 1 if token.type in {"softbreak", "hardbreak"} else token.content.count("\n")


def number_references(state: StateCore) -> None:
    """Set ``meta["line"]`` on ``cite_ref``/``footnote_ref`` tokens (warnings name the line)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children or not block.map:
            continue
        for line, token in child_lines(block):
            if token.type in REF_TYPES:
                token.meta["line"] = line
