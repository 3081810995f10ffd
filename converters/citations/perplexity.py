"""Perplexity: ``[1]`` markers over a "Citations:"/"Sources:" list of ``[1] url`` lines, its
``[web:1]`` and ``[attached_file:1]`` markers, uploaded-file URLs.

Fixtures: ``tests/fixtures/convert/citations-perplexity.md``, ``assistant-perplexity.md``.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.rules_block import StateBlock

from converters.citations.artifact import NUMBERED, Artifact, artifact
from converters.citations.sourcelists import line_text, source_list, starts_with
from converters.citations.state import citation_state

# Its markers in running text (markdown-it leaves them in text tokens).
TEXT_ARTIFACTS: tuple[Artifact, ...] = (
    # Perplexity answers copied through its API or Comet: "[web:1]".
    artifact("perplexity-web", "Perplexity", r"\[web:(?P<keys>\d+)\]", "cite", NUMBERED),
    # Perplexity: a file the user uploaded, which no reader can see.
    artifact(
        "perplexity-attached-file",
        "Perplexity",
        r"\[attached_file:\d+\]",
        "needed",
        "an uploaded file cannot be cited: {{citation needed}}; cite a published source",
    ),
)
# Perplexity's store of files users uploaded (pplx-res / ppl-ai-file-upload buckets).
FILE_UPLOAD = artifact(
    "perplexity-file-upload",
    "Perplexity",
    r"https?://[\w.-]*ppl-ai-file-upload[\w.-]*/",
    "needed",
    "is a file uploaded to Perplexity, which cannot be cited: {{citation needed}}",
)
# Tracking parameter values Perplexity appends to the links it cites (observed 2024-2026).
TRACKERS: dict[tuple[str, str], str] = {
    ("utm_source", "perplexity"): "Perplexity",
    ("utm_source", "perplexity.ai"): "Perplexity",
    ("ref", "perplexity"): "Perplexity",
}
# "[1]" (Perplexity, or a numbered link reference); "[1](…)" is a link and "[1]:" a definition.
NUMBER_MARKER = re.compile(r"\[(?P<key>\d+)\](?![(:])")
# "Citations:" / "Sources:" (possibly bold) heads Perplexity's list of "[1] url" lines.
PERPLEXITY_HEAD = re.compile(r"(?:\*\*)?(?:Citations|Sources)(?::\*\*|\*\*:|:)\s*", re.IGNORECASE)
PERPLEXITY_LINE = re.compile(r"\[(?P<key>\d+)\][ \t]+(?P<text>\S.*)")
# Without the head, only a line that is plainly a source list entry starts the list.
PERPLEXITY_FIRST_LINE = re.compile(r"\[\d+\][ \t]+<?https?://")
# How a line each rule reads must start (see ``starts_with``).
_PERPLEXITY_START = ("[", "**", "C", "c", "S", "s", "\u017f")  # U+017F: re.IGNORECASE reads "s"


def defines_numbered_sources(env: dict[str, Any]) -> bool:
    """True when source lists define keys, or a link reference definition is "[3]: url"."""
    return bool(citation_state(env).defined) or any(k.isdigit() for k in env.get("references", {}))


def perplexity_sources(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Perplexity's "Citations:" + ``[N] url`` lines, or ``[N] http…`` lines without the head."""
    if not starts_with(state, start, _PERPLEXITY_START):
        return False
    text = line_text(state, start) or ""
    if PERPLEXITY_HEAD.fullmatch(text):
        return source_list(state, start + 1, end, silent, PERPLEXITY_LINE)
    if not PERPLEXITY_FIRST_LINE.match(text):
        return False
    return source_list(state, start, end, silent, PERPLEXITY_LINE)
