"""Core rule: give every reference token the 1-based source line it was written on."""

from __future__ import annotations

from markdown_it.rules_core import StateCore

from converters.citations.punctuation import REF_TYPES


def number_references(state: StateCore) -> None:
    """Set ``meta["line"]`` on ``cite_ref``/``footnote_ref`` tokens (warnings name the line)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children or not block.map:
            continue
        line = block.map[0] + 1
        for token in block.children:
            if token.type in REF_TYPES:
                token.meta["line"] = line
            line += 1 if token.type in {"softbreak", "hardbreak"} else token.content.count("\n")
