"""The inline rule that turns every style's citation marker into a ``cite_ref`` token."""

from __future__ import annotations

from markdown_it.common.utils import normalizeReference
from markdown_it.rules_inline import StateInline

from converters.citations.copilot import BING_MARKER, COPILOT_MARKER
from converters.citations.footnotes import FOOTNOTE_MARKER
from converters.citations.perplexity import NUMBER_MARKER, defines_numbered_sources


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
    if number and defines_numbered_sources(env):
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
        if copilot:  # reported with its line by artifact_rules.replace_text_artifacts
            token.meta["found"] = (COPILOT_MARKER, source, COPILOT_MARKER.advice)
    state.pos = end
    return True
