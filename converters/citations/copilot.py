"""Bing Chat / Copilot: markers ``[^1^][1]``, definition lines ``[^1^][1]: [Site](url)``, and the
"Source: Conversation with Bing" footer with its ``(1) Title. url`` lines.

Fixtures: ``tests/fixtures/convert/citations-copilot.md``, ``assistant-copilot.md``.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from converters.citations.artifact import artifact, report
from converters.citations.sourcelists import emit_definition, line_text, source_list, starts_with

# Its markers "[^1^][1]" (display number, then key; read by cite_markers.py) and the footer its
# copy button appends, "Source: Conversation with Bing, 2/25/2024" (read by bing_footer below).
COPILOT_MARKER = artifact("copilot-marker", "Copilot", r"\[\^\d+\^\]", "ref", "became a reference")
COPILOT_FOOTER = artifact(
    "copilot-footer",
    "Copilot",
    r"Source:\s*Conversation with",
    "drop",
    "(the chat's footer) dropped; its sources became references",
)
# Tracking parameter values Copilot appends to the links it cites (observed 2024-2026).
TRACKERS: dict[tuple[str, str], str] = {
    ("utm_source", "copilot.com"): "Copilot",
}
# "[^1^][1]" (display number, then key) or "[^1^]" alone (key = number).
BING_MARKER = re.compile(r"\[\^(?P<number>\d+)\^\](?:\[(?P<key>[^\[\]\s]+)\])?")
# "[^1^][1]: [Site](url)": one definition line (the key is the second label).
BING_DEFINITION = re.compile(r"\[\^\d+\^\]\[(?P<key>[^\[\]\s]+)\]:[ \t]*(?P<text>.*)")
# "Source: Conversation with Bing, 2/25/2024" heads the list Bing's copy button appends.
BING_FOOTER = re.compile(r"Source:\s*Conversation with (?:Bing|Copilot)\b.*", re.IGNORECASE)
# "(1) Title. https://url." under that head.
BING_FOOTER_LINE = re.compile(r"\((?P<key>\d+)\)[ \t]+(?P<text>\S.*)")
# How a line each rule reads must start (see ``starts_with``).
_DEFINITION_START = ("[^",)
_FOOTER_START = ("S", "s", "\u017f")  # U+017F, long s: re.IGNORECASE takes it for "s"


def bing_definition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """``[^N^][M]: text`` — one line defining key M."""
    if not starts_with(state, start, _DEFINITION_START):
        return False
    match = BING_DEFINITION.fullmatch(line_text(state, start) or "")
    if match is None:
        return False
    if not silent:
        emit_definition(state, start, match["key"], match["text"])
        state.line = start + 1
    return True


def bing_footer(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Bing's footer "Source: Conversation with Bing, date" and its ``(N) Title. url.`` lines."""
    if not starts_with(state, start, _FOOTER_START):
        return False
    head = line_text(state, start) or ""
    if not BING_FOOTER.fullmatch(head):
        return False
    if not silent:
        report(state.env, start + 1, COPILOT_FOOTER, head, COPILOT_FOOTER.advice)
    if not source_list(state, start + 1, end, silent, BING_FOOTER_LINE) and not silent:
        state.line = start + 1  # a head alone is consumed too: it names the chat, not a source
    return True
