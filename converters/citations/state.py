"""What the citation rules leave in markdown-it's ``env`` for later rules and the book."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from converters.citations.sources import Source

ENV_KEY = "wikidraft_citations"


@dataclass(frozen=True)
class FootnoteDefinition:
    """Where a ``[^label]:`` definition stood: its line and whether a "Notes" heading held it."""

    line: int
    is_note: bool


@dataclass
class CitationState:
    """Keys of definition blocks, sources written as links, every footnote definition."""

    # Keys defined by Bing definition lines, Bing footers and Perplexity source lists.
    defined: set[str] = field(default_factory=set)
    # Citations written as links in running text (ChatGPT), keyed "url:<clean url>".
    links: dict[str, Source] = field(default_factory=dict)
    # Every footnote definition by label, cited or not (footnote_tail drops uncited ones).
    footnotes: dict[str, FootnoteDefinition] = field(default_factory=dict)
    # Markers nothing defines, kept as text: (line, marker) for the book's warnings.
    undefined: list[tuple[int | None, str]] = field(default_factory=list)


def citation_state(env: dict[str, Any]) -> CitationState:
    """The citation state of one parse, created on first use."""
    state = env.get(ENV_KEY)
    if state is None:
        state = env[ENV_KEY] = CitationState()
    return state
