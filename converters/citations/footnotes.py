"""Markdown footnotes ``[^label]`` / ``[^label]: text`` and inline ``^[text]``; under a "Notes"
heading they are explanatory notes (``{{efn}}``).

The markers and definitions are mdit-py-plugins' footnote plugin's; these rules note where each
definition stood and repair nesting. Fixtures: ``tests/fixtures/convert/citations-footnotes.md``,
``citations-notes.md``.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore

from converters.citations.state import FootnoteDefinition, citation_state
from converters.repairs import drop_nested

# "[^label]" whose label no footnote defines (defined ones are the footnote plugin's).
FOOTNOTE_MARKER = re.compile(r"\[\^(?P<label>[\w.-]+)\]")
# Headings whose footnotes are explanatory notes ({{efn}}), not sources (MOS:NOTES).
NOTE_HEADINGS = frozenset({"notes", "note", "explanatory notes", "notes and comments"})
_FOOTNOTE_DEFINITION = {
    "footnote_reference_open": "footnote",
    "footnote_reference_close": "footnote",
}


def _heading_text(content: str) -> str:
    """A heading's words, lower case, without emphasis marks or a trailing colon."""
    return re.sub(r"[*_`:]", "", content).strip().casefold()


def flatten_footnotes(state: StateCore) -> None:
    """Make a definition nested in another (``[^a]: - [^b]: x``) part of the outer one.

    footnote_tail cannot move nested definitions and leaves tokens a tree cannot be built from.
    """
    state.tokens = drop_nested(state.tokens, _FOOTNOTE_DEFINITION)


def record_footnotes(state: StateCore) -> None:
    """Remember every ``[^label]:`` definition's line and section, before footnote_tail runs."""
    footnotes = citation_state(state.env).footnotes
    heading = ""
    for index, token in enumerate(state.tokens):
        if token.type == "heading_open":
            heading = _heading_text(state.tokens[index + 1].content)
        elif token.type == "footnote_reference_open" and token.map:
            footnotes.setdefault(
                token.meta["label"],
                FootnoteDefinition(line=token.map[0] + 1, is_note=heading in NOTE_HEADINGS),
            )
