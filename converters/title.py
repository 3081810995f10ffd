"""The draft's title: an explicit one, front matter, a "Draft:" first line, the H1, the file."""

from __future__ import annotations

import re
from pathlib import PurePath

# Namespaces a draft may name on its first line ("Draft:Some title"), by their canonical names.
_NAMESPACES = {"draft": "Draft", "user": "User", "wikipedia": "Wikipedia", "help": "Help"}
_NAMESPACE_LINE = re.compile(r"[ \t]*(?P<ns>[A-Za-z]+):[ \t]*(?P<title>\S[^\n]*?)[ \t]*")


def take_namespace_line(markdown: str) -> tuple[str, str | None, str | None]:
    """Blank out a first line like ``Draft:Title``; returns text, namespace and title.

    The line is replaced by an empty one so that line numbers in warnings stay right.
    """
    first, newline, rest = markdown.partition("\n")
    match = _NAMESPACE_LINE.fullmatch(first)
    if match is None or match["ns"].lower() not in _NAMESPACES:
        return markdown, None, None
    return newline + rest, _NAMESPACES[match["ns"].lower()], match["title"]


def title_from_file(source_name: str | None) -> str | None:
    """A title from a file name: ``my_first-draft.md`` -> "My first draft"."""
    if not source_name or source_name == "-":
        return None
    stem = re.sub(r"[_-]+", " ", PurePath(source_name).stem).strip()
    return stem[:1].upper() + stem[1:] if stem else None


def clean_title(title: str) -> str:
    """A title as MediaWiki stores it: one line, single spaces, no surrounding space."""
    return re.sub(r"\s+", " ", title).strip()
