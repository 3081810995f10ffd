"""DOIs: found in a URL or text, resolved by content negotiation to a CSL-JSON record."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from converters.citations.metadata import Author, SourceMetadata
from converters.draft_title import clean_title

if TYPE_CHECKING:
    from bot.sources.answer import Fetched
    from bot.sources.fetch import Fetcher

# The DOI Handbook's syntax: "10." registrant code "/" suffix; a suffix ends at white space, and
# sentence punctuation after it belongs to the sentence.
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;:)\]]")
CSL_JSON = "application/vnd.citationstyles.csl+json"


def find_doi(text: str) -> str | None:
    """The first DOI in ``text`` (a URL's path counts, percent-escapes undone), lower case."""
    match = _DOI.search(unquote(text))
    return match.group().lower() if match else None


def resolve(doi: str, resolver: str, fetcher: Fetcher) -> tuple[Fetched, SourceMetadata | None]:
    """The resolver's answer for ``doi`` and its CSL-JSON record as journal metadata (if any)."""
    fetched = fetcher.fetch(resolver + quote(doi, safe="/:;()"), accept=CSL_JSON, trusted=True)
    if fetched.status != 200:
        return fetched, None
    try:
        record = json.loads(fetched.body)
    except ValueError:
        return fetched, None  # a landing page, not the record: the DOI has no CSL metadata
    if not isinstance(record, dict):
        return fetched, None
    return fetched, csl_metadata(record)


def _first(value: object) -> str | None:
    """CSL strings come alone or as lists ("container-title": ["Nature"])."""
    if isinstance(value, list):
        value = value[0] if value else None
    text = clean_title(str(value)) if isinstance(value, str | int) else ""
    return text or None


def _csl_date(record: dict[str, Any]) -> str | None:
    """The issued (else published) date as ISO 8601 from CSL ``date-parts``."""
    for key in ("issued", "published-print", "published-online", "published"):
        parts = (record.get(key) or {}).get("date-parts") or [[]]
        numbers = [int(p) for p in parts[0] if isinstance(p, int | str) and str(p).isdigit()]
        if numbers:
            return "-".join(f"{n:02d}" if i else f"{n:04d}" for i, n in enumerate(numbers[:3]))
    return None


def _csl_authors(record: dict[str, Any]) -> tuple[Author, ...]:
    """CSL names: family and given, or a literal name (an organisation)."""
    authors = []
    for person in record.get("author") or []:
        if not isinstance(person, dict):
            continue
        family, given = _first(person.get("family")), _first(person.get("given"))
        literal = _first(person.get("literal") or person.get("name"))
        if family:
            authors.append(Author(family, given))
        elif literal:
            authors.append(Author(literal))
    return tuple(authors)


def csl_metadata(record: dict[str, Any]) -> SourceMetadata:
    """A CSL-JSON record as the fields of {{cite journal}}."""
    return SourceMetadata(
        kind="journal",
        title=_first(record.get("title")),
        authors=_csl_authors(record),
        date=_csl_date(record),
        journal=_first(record.get("container-title")),
        publisher=_first(record.get("publisher")),
        volume=_first(record.get("volume")),
        issue=_first(record.get("issue")),
        pages=(_first(record.get("page")) or "").replace("-", "\u2013") or None,
        doi=(_first(record.get("DOI")) or "").lower() or None,
    )
