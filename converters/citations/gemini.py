"""Gemini: ``[cite: 8]`` markers over a "Works cited" list, ``[cite_start]`` and span anchors
``[span_1](start_span)`` around cited passages, grounding-redirect URLs.

Its text markers are the rows ``TEXT_ARTIFACTS`` (the numbered list is read by ``numbered.py``).
Fixture: ``tests/fixtures/convert/assistant-gemini.md``.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.artifact import NUMBERED, Artifact, artifact, report
from converters.citations.positions import rewrite_links, tokens_text

# Its markers in running text (markdown-it leaves them in text tokens).
TEXT_ARTIFACTS: tuple[Artifact, ...] = (
    # Gemini's copied answers and Deep Research exports: "[cite: 8]", "[cite: 1, 2]".
    artifact(
        "gemini-cite",
        "Gemini",
        r"\[cite:\s*(?P<keys>\d+(?:\s*,\s*\d+)*)\]",
        "cite",
        NUMBERED,
    ),
    # Gemini marks where a cited passage starts; the marker itself says nothing.
    artifact("gemini-cite-start", "Gemini", r"\[cite_start\]", "drop", "dropped"),
)
# Gemini's span anchors "[span_1](start_span)" … "[span_1](end_span)" around cited passages.
GEMINI_SPAN = artifact("gemini-span", "Gemini", r"(?:start|end)_span", "drop", "dropped")
# Gemini's grounding links redirect to the page it read (Vertex AI "Grounding with Google
# Search" documentation): the redirect expires and names nothing.
GROUNDING_REDIRECT = artifact(
    "gemini-grounding-redirect",
    "Gemini",
    r"https?://vertexaisearch\.cloud\.google\.com/grounding-api-redirect/",
    "needed",
    "is a redirect, not the source: {{citation needed}}; cite the page it redirects to",
)
# Tracking parameter values Gemini appends to the links it cites (observed 2024-2026).
TRACKERS: dict[tuple[str, str], str] = {
    ("utm_source", "gemini"): "Gemini",
}
_SPAN_LABEL = re.compile(r"span_\d+")


def _span(line: int, link: Token, label: list[Token], env: dict[str, Any]) -> list[Token] | None:
    """``[span_1](start_span)``: nothing, reported; any other link: None (kept)."""
    href = str(link.attrs.get("href", ""))
    text = tokens_text(label)
    if not (GEMINI_SPAN.pattern.fullmatch(href) and _SPAN_LABEL.fullmatch(text)):
        return None
    report(env, line, GEMINI_SPAN, f"[{text}]({href})", GEMINI_SPAN.advice)
    return []


def drop_spans(state: StateCore) -> None:
    """Drop every span anchor, reporting each."""
    rewrite_links(state, _span, lambda text: "_span" in text)
