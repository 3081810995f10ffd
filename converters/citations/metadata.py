"""What fetching a cited source found out about it, for the converter to fill citations from."""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of source a citation template exists for: {{cite web}}, {{cite news}}, {{cite journal}}.
SOURCE_KINDS = ("web", "news", "journal")


@dataclass(frozen=True)
class Author:
    """One author: family and given name when the source told them apart, else the whole name."""

    name: str  # the family name when ``given`` is set, else the name as the source wrote it
    given: str | None = None


@dataclass(frozen=True)
class SourceMetadata:
    """Fields found for one URL; a field nobody found stays None (a citation never invents)."""

    kind: str = "web"  # one of SOURCE_KINDS
    title: str | None = None
    website: str | None = None  # the site's, newspaper's or journal's name as it calls itself
    authors: tuple[Author, ...] = ()
    date: str | None = None  # publication date, ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
    publisher: str | None = None
    journal: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    access_date: str | None = None  # YYYY-MM-DD on which the page was fetched

    def __post_init__(self) -> None:
        """Reject a kind no citation template exists for."""
        if self.kind not in SOURCE_KINDS:
            raise ValueError(f"kind must be one of {SOURCE_KINDS}, not {self.kind!r}")
