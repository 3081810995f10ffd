"""Perplexity: ``[1]`` markers over a "Citations:"/"Sources:" list of ``[1] url`` lines, and the
numbered "### 3. References" list (``1. Title. url``) any assistant's numbered markers cite.

Fixtures: ``tests/fixtures/convert/citations-perplexity.md``, ``citations-numbered.md``,
``assistant-perplexity.md``.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.rules_block import StateBlock

from converters.citations.artifacts import IN_TEXT, any_of
from converters.citations.sourcelists import line_text, source_list, starts_with
from converters.citations.state import citation_state

# "[1]" (Perplexity, or a numbered link reference); "[1](…)" is a link and "[1]:" a definition.
NUMBER_MARKER = re.compile(r"\[(?P<key>\d+)\](?![(:])")
# "Citations:" / "Sources:" (possibly bold) heads Perplexity's list of "[1] url" lines.
PERPLEXITY_HEAD = re.compile(r"(?:\*\*)?(?:Citations|Sources)(?::\*\*|\*\*:|:)\s*", re.IGNORECASE)
PERPLEXITY_LINE = re.compile(r"\[(?P<key>\d+)\][ \t]+(?P<text>\S.*)")
# Without the head, only a line that is plainly a source list entry starts the list.
PERPLEXITY_FIRST_LINE = re.compile(r"\[\d+\][ \t]+<?https?://")
# "### 3. References" (any level, numbered or not) over a numbered list "1. Title. url".
NUMBERED_HEAD = re.compile(
    r"#{1,6}[ \t]+(?:\d+[.)][ \t]*)?(?:References|Sources|Citations|Works cited)"
    r"[ \t:]*(?:#+[ \t]*)?",
    re.IGNORECASE,
)
NUMBERED_LINE = re.compile(r"(?P<key>\d+)[.)][ \t]+(?P<text>\S.*)")
# Any assistant's marker naming numbered sources ("[cite: 1]", "【2†source】", "[web:3]").
NUMBERED_ARTIFACT = any_of(tuple(a for a in IN_TEXT if a.action == "cite"))
# How a line each rule reads must start (see ``starts_with``).
_PERPLEXITY_START = ("[", "**", "C", "c", "S", "s", "\u017f")  # U+017F: re.IGNORECASE reads "s"
_DIGITS = tuple("0123456789")


def defines_numbered_sources(env: dict[str, Any]) -> bool:
    """True when source lists define keys, or a link reference definition is "[3]: url"."""
    return bool(citation_state(env).defined) or any(k.isdigit() for k in env.get("references", {}))


def perplexity_sources(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Perplexity's "Citations:" + ``[N] url`` lines, or ``[N] http…`` lines without the head."""
    if not starts_with(state, start, _PERPLEXITY_START):
        return False
    text = line_text(state, start) or ""
    if PERPLEXITY_HEAD.fullmatch(text):
        return source_list(state, start + 1, end, silent, PERPLEXITY_LINE)
    if not PERPLEXITY_FIRST_LINE.match(text):
        return False
    return source_list(state, start, end, silent, PERPLEXITY_LINE)


def numbered_sources(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A numbered list ``1. source`` under a "References" heading, in a draft citing ``[N]``
    (or an assistant's numbered marker: Gemini's "[cite: 1]" over its "Works cited").

    Without such markers in the text the list is a bibliography and stays a list.
    """
    if not starts_with(state, start, _DIGITS):
        return False
    above = start - 1
    while above >= 0 and not state.src[state.bMarks[above] : state.eMarks[above]].strip():
        above -= 1
    if above < 0 or not NUMBERED_HEAD.fullmatch(line_text(state, above) or ""):
        return False
    if NUMBER_MARKER.search(state.src) is None and NUMBERED_ARTIFACT.search(state.src) is None:
        return False
    return source_list(state, start, end, silent, NUMBERED_LINE)
