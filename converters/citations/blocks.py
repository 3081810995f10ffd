"""Block rules that consume chat assistants' source lists, leaving ``cite_def`` tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.common.utils import normalizeReference
from markdown_it.rules_block import StateBlock

from converters.citations.artifacts import COPILOT_FOOTER, IN_TEXT, any_of
from converters.citations.inline import NUMBER_MARKER
from converters.citations.markers import report
from converters.citations.state import citation_state

# "[^1^][1]: [Site](url)": one Bing/Copilot definition line (the key is the second label).
BING_DEFINITION = re.compile(r"\[\^\d+\^\]\[(?P<key>[^\[\]\s]+)\]:[ \t]*(?P<text>.*)")
# "Source: Conversation with Bing, 2/25/2024" heads the list Bing's copy button appends.
BING_FOOTER = re.compile(r"Source:\s*Conversation with (?:Bing|Copilot)\b.*", re.IGNORECASE)
# "(1) Title. https://url." under that head.
BING_FOOTER_LINE = re.compile(r"\((?P<key>\d+)\)[ \t]+(?P<text>\S.*)")
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
# How a line each rule reads must start. The rules run at every line of every paragraph (a
# source list may interrupt one), so this test rejects almost every line before a regex runs.
_BING_DEFINITION_START = ("[^",)
_BING_FOOTER_START = ("S", "s", "\u017f")  # U+017F, long s: re.IGNORECASE takes it for "s"
_PERPLEXITY_START = ("[", "**", "C", "c", *_BING_FOOTER_START)
_DIGITS = tuple("0123456789")


def _line(state: StateBlock, line: int) -> str | None:
    """The text of ``line`` without its indent, or None inside code or past the block."""
    if line >= state.lineMax or state.sCount[line] - state.blkIndent >= 4:
        return None
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _starts_with(state: StateBlock, line: int, prefixes: tuple[str, ...]) -> bool:
    """True when the text of ``line`` without its indent starts with one of ``prefixes``."""
    return state.src.startswith(prefixes, state.bMarks[line] + state.tShift[line])


def _list_lines(
    state: StateBlock, start: int, end: int, pattern: re.Pattern[str]
) -> Iterator[tuple[int, re.Match[str]]]:
    """Lines from ``start`` matching ``pattern``, across blank lines, up to the first other line."""
    for line in range(start, end):
        text = _line(state, line)
        if text is None:
            return
        if not text.strip():
            continue
        match = pattern.fullmatch(text)
        if match is None:
            return
        yield line, match


def _emit(state: StateBlock, line: int, key: str, text: str) -> None:
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


def bing_definition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """``[^N^][M]: text`` — one line defining key M."""
    if not _starts_with(state, start, _BING_DEFINITION_START):
        return False
    match = BING_DEFINITION.fullmatch(_line(state, start) or "")
    if match is None:
        return False
    if not silent:
        _emit(state, start, match["key"], match["text"])
        state.line = start + 1
    return True


def _source_list(
    state: StateBlock, first: int, end: int, silent: bool, pattern: re.Pattern[str]
) -> bool:
    """A list of ``pattern`` definition lines from line ``first`` on (after a head, if any)."""
    found = list(_list_lines(state, first, end, pattern))
    if not found:
        return False
    if not silent:
        for number, match in found:
            _emit(state, number, match["key"], match["text"])
        state.line = found[-1][0] + 1
    return True


def bing_footer(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Bing's footer "Source: Conversation with Bing, date" and its ``(N) Title. url.`` lines."""
    if not _starts_with(state, start, _BING_FOOTER_START):
        return False
    head = _line(state, start) or ""
    if not BING_FOOTER.fullmatch(head):
        return False
    if not silent:
        report(state.env, start + 1, COPILOT_FOOTER, head, COPILOT_FOOTER.advice)
    if not _source_list(state, start + 1, end, silent, BING_FOOTER_LINE) and not silent:
        state.line = start + 1  # a head alone is consumed too: it names the chat, not a source
    return True


def perplexity_sources(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Perplexity's "Citations:" + ``[N] url`` lines, or ``[N] http…`` lines without the head."""
    if not _starts_with(state, start, _PERPLEXITY_START):
        return False
    text = _line(state, start) or ""
    if PERPLEXITY_HEAD.fullmatch(text):
        return _source_list(state, start + 1, end, silent, PERPLEXITY_LINE)
    if not PERPLEXITY_FIRST_LINE.match(text):
        return False
    return _source_list(state, start, end, silent, PERPLEXITY_LINE)


def numbered_sources(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A numbered list ``1. source`` under a "References" heading, in a draft citing ``[N]``
    (or an assistant's numbered marker: Gemini's "[cite: 1]" over its "Works cited").

    Without such markers in the text the list is a bibliography and stays a list.
    """
    if not _starts_with(state, start, _DIGITS):
        return False
    above = start - 1
    while above >= 0 and not state.src[state.bMarks[above] : state.eMarks[above]].strip():
        above -= 1
    if above < 0 or not NUMBERED_HEAD.fullmatch(_line(state, above) or ""):
        return False
    if NUMBER_MARKER.search(state.src) is None and NUMBERED_ARTIFACT.search(state.src) is None:
        return False
    return _source_list(state, start, end, silent, NUMBERED_LINE)
