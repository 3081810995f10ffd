"""Enrichment: convert to learn the cited URLs, look them up, convert again with what was found."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from bot.sources.settings import SourceSettings
    from converters import Conversion
    from converters.citations.metadata import SourceMetadata

Draft = TypeVar("Draft")
# Converts one draft with the metadata found per URL (None: citations as the draft wrote them).
ConvertOne = Callable[[Draft, Mapping[str, "SourceMetadata"] | None], "Conversion"]


def convert_all(
    drafts: Sequence[Draft],
    convert_one: ConvertOne[Draft],
    settings: SourceSettings,
) -> list[Conversion]:
    """Every draft converted; with ``settings.enrich``, its citations filled from its sources.

    The sources of all drafts are fetched together (and from the cache when it is fresh, so
    push sends what diff showed).
    """
    if not settings.enrich:
        return [convert_one(draft, None) for draft in drafts]
    from bot.sources.pool import examine_all

    first = [convert_one(draft, {}) for draft in drafts]
    urls = {r.url: r.title or "" for c in first for r in c.references if r.url}
    examined = examine_all(urls, settings)
    found = {url: data for url, e in examined.items() if (data := e.metadata) is not None}
    return [convert_one(draft, found) for draft in drafts]
