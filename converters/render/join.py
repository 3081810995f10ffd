"""Joining rendered inline pieces so that neighbours never fuse into markup."""

from __future__ import annotations

from collections.abc import Sequence


def join_inline(parts: Sequence[str]) -> str:
    """Concatenate rendered inline pieces, separating pairs that would fuse into markup."""
    joined: list[str] = []
    tail = ""  # the last two characters written so far
    for part in parts:
        if not part:
            continue
        if tail and _fuse(tail, part[:2]):
            joined.append("<nowiki/>")
        joined.append(part)
        tail = (tail + part)[-2:]
    return "".join(joined)


def _fuse(left: str, right: str) -> bool:
    """True when ``left`` (one piece's end) and ``right`` (the next one's start) form markup.

    Apostrophes would merge into bold or italic, "]]" plus letters into a link trail, doubled
    brackets, braces, tildes or underscores into links, templates, signatures or switches,
    and "[" before "//" into a protocol-relative external link.
    """
    last, first = left[-1], right[0]
    if last == "'" and first == "'":
        return True
    if left == "]]" and first.isalpha():
        return True
    if last == "[" and right == "//":
        return True
    return last == first and last in "[{~_"
