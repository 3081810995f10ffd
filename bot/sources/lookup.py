"""One cited URL examined: its page fetched and read, its DOI resolved."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.sources.doi import find_doi, resolve
from bot.sources.pdf import pdf_metadata
from bot.sources.soft404 import is_soft_404
from converters.citations.metadata import SourceMetadata

if TYPE_CHECKING:
    from bot.sources.answer import Fetched
    from bot.sources.fetch import Fetcher


@dataclass(frozen=True)
class Examined:
    """What is known about one URL: the answer, what the page declares, its DOI's record."""

    fetched: Fetched  # its body dropped once read
    page: SourceMetadata | None = None  # None when the answer had no page to read
    doi: str | None = None
    doi_answer: Fetched | None = None  # the resolver's answer, when a DOI was looked up
    record: SourceMetadata | None = None  # the DOI's CSL record, when it resolved

    @property
    def readable(self) -> bool:
        """Whether the answer is a real page: 200, and not a "not found" page."""
        return self.fetched.status == 200 and not is_soft_404(self.fetched, self.page)

    @property
    def metadata(self) -> SourceMetadata | None:
        """What a citation may be filled from: the DOI's record, else a real page's own fields."""
        found = self.record or (self.page if self.readable else None)
        if found is None:
            return None
        fetched_on = self.fetched.fetched_on
        return replace(found, access_date=fetched_on.isoformat() if fetched_on else None)


def decode_html(fetched: Fetched) -> str:
    """The page as text: charset from the header, else ``<meta charset>``, else detected."""
    from charset_normalizer import from_bytes
    from w3lib.encoding import html_to_unicode

    def detect(body: bytes) -> str | None:
        results = from_bytes(body[:65536])
        best = results.best()
        if best is None:
            return None
        # A short page fits many single-byte code pages about equally; the web's default for
        # unlabelled pages (windows-1252, WHATWG Encoding Standard) breaks such a tie.
        western = next((r for r in results if r.encoding == "cp1252"), None)
        return "cp1252" if western and western.chaos <= best.chaos + 0.05 else best.encoding

    return html_to_unicode(fetched.content_type or None, fetched.body, auto_detect_fun=detect)[1]


def read_page(fetched: Fetched) -> SourceMetadata | None:
    """The metadata of an answer that is an HTML page or a PDF; None for anything else."""
    from bot.sources.metadata import page_metadata  # extruct: slow to import, needed here only

    kind = fetched.content_type.partition(";")[0].strip().lower()
    try:
        if kind == "application/pdf" or fetched.body.startswith(b"%PDF-"):
            return pdf_metadata(fetched.body)
        if "html" in kind or (not kind and fetched.body.lstrip()[:1] == b"<"):
            return page_metadata(decode_html(fetched), fetched.final_url)
    except Exception:  # a page is hostile input: one no parser can read has no metadata
        return SourceMetadata()
    return None


def read_answer(fetched: Fetched, draft_text: str = "") -> Examined:
    """What an answer tells: the page's metadata, and the DOI that the URL, the page or
    ``draft_text`` names (not resolved yet)."""
    page = read_page(fetched) if fetched.status is not None else None
    doi = find_doi(fetched.url) or (page.doi if page else None) or find_doi(draft_text)
    # The body is read: a check of many pages must not hold them all.
    return Examined(replace(fetched, body=b""), page, doi)


def with_record(examined: Examined, resolved: tuple[Fetched, SourceMetadata | None]) -> Examined:
    """``examined`` with the resolver's answer for its DOI and the record found in it."""
    answer, record = resolved
    return replace(examined, doi_answer=replace(answer, body=b""), record=record)


def examine(url: str, fetcher: Fetcher, resolver: str, draft_text: str = "") -> Examined:
    """Fetch ``url``, read its metadata and resolve the DOI it (or ``draft_text``) names."""
    examined = read_answer(fetcher.fetch(url), draft_text)
    if examined.doi is None:
        return examined
    return with_record(examined, resolve(examined.doi, resolver, fetcher))
