"""The inline rule that turns citation markers into ``cite_ref`` tokens."""

from __future__ import annotations

import re
from typing import Any

from markdown_it.common.utils import normalizeReference
from markdown_it.rules_inline import StateInline

from converters.citations.artifacts import COPILOT_MARKER
from converters.citations.state import citation_state

# "[^1^][1]" (Bing/Copilot: display number, then key) or "[^1^]" alone (key = number).
BING_MARKER = re.compile(r"\[\^(?P<number>\d+)\^\](?:\[(?P<key>[^\[\]\s]+)\])?")
# "[1]" (Perplexity, or a numbered link reference); "[1](…)" is a link and "[1]:" a definition.
NUMBER_MARKER = re.compile(r"\[(?P<key>\d+)\](?![(:])")
# "[^label]" whose label no footnote defines (defined ones are the footnote plugin's).
FOOTNOTE_MARKER = re.compile(r"\[\^(?P<label>[\w.-]+)\]")


def _defines_numbered_sources(env: dict[str, Any]) -> bool:
    """True when source lists define keys, or a link reference definition is "[3]: url"."""
    return bool(citation_state(env).defined) or any(k.isdigit() for k in env.get("references", {}))


def _marker(state: StateInline) -> tuple[str, int, bool] | None:
    """The citation key of the marker at ``state.pos``, where it ends, whether Copilot's."""
    env = state.env
    footnotes = env.get("footnotes", {}).get("refs", {})
    bing = BING_MARKER.match(state.src, state.pos, state.posMax)
    if bing and (bing["key"] or f":{bing['number']}^" not in footnotes):
        return normalizeReference(bing["key"] or bing["number"]), bing.end(), True
    number = NUMBER_MARKER.match(state.src, state.pos, state.posMax)
    # A bare "[3]" is a citation only in a text that defines numbered sources. Asked only once
    # "[3]" matched: the answer reads every link reference definition.
    if number and _defines_numbered_sources(env):
        return number["key"], number.end(), False
    footnote = FOOTNOTE_MARKER.match(state.src, state.pos, state.posMax)
    if footnote and f":{footnote['label']}" not in footnotes:
        # Undefined: the book keeps it as text.
        return "^" + footnote["label"], footnote.end(), False
    return None


def cite_ref(state: StateInline, silent: bool) -> bool:
    """Push ``cite_ref`` with ``meta={"key": key, "source": marker text}`` for a marker."""
    if state.src[state.pos] != "[":
        return False
    marker = _marker(state)
    if marker is None:
        return False
    key, end, copilot = marker
    if not silent:
        token = state.push("cite_ref", "", 0)
        source = state.src[state.pos : end]
        token.meta = {"key": key, "source": source}
        if copilot:  # reported with its line by markers.replace_text_artifacts
            token.meta["found"] = (COPILOT_MARKER, source, COPILOT_MARKER.advice)
    state.pos = end
    return True
