"""Parser rules that repair Markdown as drafts really write it."""

from __future__ import annotations

import re
from collections.abc import Mapping

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# "##See Also": a heading without the space CommonMark requires. An upper-case letter must
# follow, so "#hashtag" and "#1" in running text stay text.
_LOOSE_HEADING = re.compile(r"(#{1,6})(?=[A-Z])(.*?)(?:[ \t]+#+)?[ \t]*")


def loose_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Read ``##Title`` as the heading ``## Title``."""
    begin = state.bMarks[start] + state.tShift[start]
    # Tried at every line of every paragraph: most lines fail the first character.
    if not state.src.startswith("#", begin) or state.is_code_block(start):
        return False
    line = state.src[begin : state.eMarks[start]]
    match = _LOOSE_HEADING.fullmatch(line)
    if match is None:
        return False
    if silent:
        return True
    state.line = start + 1
    level = len(match[1])
    opening = state.push("heading_open", f"h{level}", 1)
    opening.markup = match[1]
    opening.map = [start, state.line]
    content = state.push("inline", "", 0)
    content.content = match[2].strip()
    content.map = [start, state.line]
    content.children = []
    state.push("heading_close", f"h{level}", -1).markup = match[1]
    return True


def drop_nested(tokens: list[Token], kinds: Mapping[str, str]) -> list[Token]:
    """``tokens`` without the open and close tokens of a pair nested in a pair of the same kind;
    what the pair encloses stays. ``kinds`` gives the kind of each open and close token type."""
    kept: list[Token] = []
    open_pairs: list[tuple[str, bool]] = []  # kind, and whether its tokens are kept
    for token in tokens:
        kind = kinds.get(token.type)
        if kind is None:
            kept.append(token)
        elif token.nesting == 1:
            keep = not any(k == kind and kept_pair for k, kept_pair in open_pairs)
            open_pairs.append((kind, keep))
            if keep:
                kept.append(token)
        elif not open_pairs or open_pairs.pop()[1]:
            kept.append(token)
    return kept


_MARKS = {f"{mark}_{end}": mark for mark in ("em", "strong", "s") for end in ("open", "close")}


def flatten_marks(state: StateCore) -> None:
    """Drop emphasis inside the same emphasis: it shows nothing more, and 10 000 nested
    marks would otherwise overflow Python's stack while the syntax tree is built."""
    for token in state.tokens:
        if token.type == "inline" and token.children:
            token.children = drop_nested(token.children, _MARKS)


def install(md: MarkdownIt) -> None:
    """Add the repair rules to ``md``."""
    md.core.ruler.push("flatten_marks", flatten_marks)
    md.block.ruler.before(
        "heading", "loose_heading", loose_heading, {"alt": ["paragraph", "reference", "blockquote"]}
    )
