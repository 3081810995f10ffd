"""Source lists written apart from the text: reading their lines into ``cite_def`` tokens, and
gathering those at the end of the document.

Shared by the styles whose sources are listed under the text (``copilot.py``, ``perplexity.py``);
each style's block rule says which lines form its list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.common.utils import normalizeReference
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.state import citation_state


def line_text(state: StateBlock, line: int) -> str | None:
    """The text of ``line`` without its indent, or None inside code or past the block."""
    if line >= state.lineMax or state.sCount[line] - state.blkIndent >= 4:
        return None
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def starts_with(state: StateBlock, line: int, prefixes: tuple[str, ...]) -> bool:
    """True when the text of ``line`` without its indent starts with one of ``prefixes``.

    The list rules run at every line of every paragraph (a source list may interrupt one), so
    this test rejects almost every line before a regex runs.
    """
    return state.src.startswith(prefixes, state.bMarks[line] + state.tShift[line])


def _list_lines(
    state: StateBlock, start: int, end: int, pattern: re.Pattern[str]
) -> Iterator[tuple[int, re.Match[str]]]:
    """Lines from ``start`` matching ``pattern``, across blank lines, up to the first other line."""
    for line in range(start, end):
        text = line_text(state, line)
        if text is None:
            return
        if not text.strip():
            continue
        match = pattern.fullmatch(text)
        if match is None:
            return
        yield line, match


def emit_definition(state: StateBlock, line: int, key: str, text: str) -> None:
    """Push one definition: ``cite_def`` holding an ``inline`` with the definition's text."""
    key = normalizeReference(key)
    citation_state(state.env).defined.add(key)
    opening = state.push("cite_def_open", "", 1)
    opening.meta = {"key": key}
    opening.map = [line, line + 1]
    inline = state.push("inline", "", 0)
    inline.content = text.strip()
    inline.map = [line, line + 1]
    inline.children = []
    state.push("cite_def_close", "", -1)


def source_list(
    state: StateBlock, first: int, end: int, silent: bool, pattern: re.Pattern[str]
) -> bool:
    """A list of ``pattern`` definition lines from line ``first`` on (after a head, if any).

    ``pattern`` names the groups ``key`` and ``text``.
    """
    found = list(_list_lines(state, first, end, pattern))
    if not found:
        return False
    if not silent:
        for number, match in found:
            emit_definition(state, number, match["key"], match["text"])
        state.line = found[-1][0] + 1
    return True


def move_definitions(state: StateCore) -> None:
    """Gather all ``cite_def`` tokens into one ``cite_block`` at the end; it renders as nothing."""
    body: list[Token] = []
    definitions: list[Token] = []
    inside = False
    for token in state.tokens:
        inside = inside or token.type == "cite_def_open"
        (definitions if inside else body).append(token)
        inside = inside and token.type != "cite_def_close"
    if definitions:
        block = [Token("cite_block_open", "", 1), *definitions, Token("cite_block_close", "", -1)]
        state.tokens = body + block
