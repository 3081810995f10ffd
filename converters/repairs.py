"""Parser rules that repair Markdown as drafts really write it."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

# "##See Also": a heading without the space CommonMark requires. An upper-case letter must
# follow, so "#hashtag" and "#1" in running text stay text.
_LOOSE_HEADING = re.compile(r"(#{1,6})(?=[A-Z])(.*?)(?:[ \t]+#+)?[ \t]*")


def loose_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Read ``##Title`` as the heading ``## Title``."""
    if state.is_code_block(start):
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
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


def install(md: MarkdownIt) -> None:
    """Add the repair rules to ``md``."""
    md.block.ruler.before(
        "heading", "loose_heading", loose_heading, {"alt": ["paragraph", "reference", "blockquote"]}
    )
