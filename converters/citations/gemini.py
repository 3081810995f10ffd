"""Gemini's own citation shapes: the span anchors around cited passages.

Its text markers (``[cite: 8]``, ``[cite_start]``) and grounding redirects are rows of
``artifacts.py``.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.artifacts import GEMINI_SPAN
from converters.citations.markers import report, rewrite_links

_SPAN_LABEL = re.compile(r"span_\d+")


def _span(line: int, link: Token, label: list[Token], env: dict[str, Any]) -> list[Token] | None:
    """``[span_1](start_span)``: nothing, reported; any other link: None (kept)."""
    href = str(link.attrs.get("href", ""))
    text = "".join(t.content for t in label)
    if not (GEMINI_SPAN.pattern.fullmatch(href) and _SPAN_LABEL.fullmatch(text)):
        return None
    report(env, line, GEMINI_SPAN, f"[{text}]({href})", GEMINI_SPAN.advice)
    return []


def drop_spans(state: StateCore) -> None:
    """Drop every span anchor, reporting each."""
    rewrite_links(state, _span, lambda text: "_span" in text)
