"""Grok: citation cards copied as text (``grok_card``, ``grok_render_citation_card_json={…}``).

The artifact rules drop them, reported. Fixture: ``tests/fixtures/convert/assistant-grok.md``.
"""

from __future__ import annotations

from converters.citations.artifact import Artifact, artifact

# Its markers in running text (markdown-it leaves them in text tokens).
TEXT_ARTIFACTS: tuple[Artifact, ...] = (
    # Grok's citation cards copied as text (grok.com, 2025): a JSON blob, or its placeholder.
    artifact(
        "grok-card",
        "Grok",
        r"grok_render_citation_card_json=\{(?:[^{}\n]|\{[^{}\n]*\})*\}|grok_card\b",
        "drop",
        "dropped; cite the source the card showed",
    ),
)

# Tracking parameter values Grok appends to the links it cites (observed 2024-2026).
TRACKERS: dict[tuple[str, str], str] = {
    ("referrer", "grok.com"): "Grok",
    ("utm_source", "grok.com"): "Grok",
}
