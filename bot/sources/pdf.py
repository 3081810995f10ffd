"""Title and author of a PDF from its document information (pypdf)."""

from __future__ import annotations

import io
import logging

from converters.citations.metadata import Author, SourceMetadata
from converters.draft_title import clean_title

# Titles word processors write on their own, which name a file rather than the work.
_PLACEHOLDER_PREFIXES = ("microsoft word - ", "untitled")


def pdf_metadata(body: bytes) -> SourceMetadata:
    """The PDF's own title and author when it declares them; nothing from a broken file."""
    from pypdf import PdfReader  # a quarter second to import, paid only when a PDF is cited
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a cut or broken file is expected here
    try:
        info = PdfReader(io.BytesIO(body)).metadata
        title, author = (info.title, info.author) if info else (None, None)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError):
        return SourceMetadata()
    title = clean_title(str(title or ""))
    if title.casefold().startswith(_PLACEHOLDER_PREFIXES):
        title = ""
    author = clean_title(str(author or ""))
    return SourceMetadata(title=title or None, authors=(Author(author),) if author else ())
