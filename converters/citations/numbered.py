"""A numbered list ``1. Title. url`` under a "References" heading (``### 3. References``,
Gemini's "Works cited"), cited by ``[N]`` or by any assistant's numbered marker.

Fixtures: ``tests/fixtures/convert/citations-numbered.md``, ``assistant-gemini.md``.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from converters.citations.artifact import any_of
from converters.citations.artifacts import IN_TEXT
from converters.citations.perplexity import NUMBER_MARKER
from converters.citations.sourcelists import line_text, source_list, starts_with

# "### 3. References" (any level, numbered or not) over a numbered list "1. Title. url".
NUMBERED_HEAD = re.compile(
    r"#{1,6}[ \t]+(?:\d+[.)][ \t]*)?(?:References|Sources|Citations|Works cited)"
    r"[ \t:]*(?:#+[ \t]*)?",
    re.IGNORECASE,
)
NUMBERED_LINE = re.compile(r"(?P<key>\d+)[.)][ \t]+(?P<text>\S.*)")
# Any assistant's marker naming numbered sources ("[cite: 1]", "【2†source】", "[web:3]").
NUMBERED_ARTIFACT = any_of(tuple(a for a in IN_TEXT if a.action == "cite"))
_DIGITS = tuple("0123456789")  # how a list line must start (see ``starts_with``)


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
