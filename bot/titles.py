"""Page titles for drafts, confined to one namespace: what could resolve elsewhere is refused.

The target is always ``<namespace>:<title>``, so MediaWiki reads the namespace from our prefix,
never from the draft. These checks refuse, before any request, titles that would still surprise
a reader or the wiki: other namespace or interwiki prefixes ("Talk:X" would land as
"Draft:Talk:X"), characters MediaWiki forbids, relative paths, and look-alikes of ':'.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

from bot.target import Target

# MediaWiki's $wgLegalTitleChars excludes these (and control characters); see Title::newFromText.
FORBIDDEN = set("#<>[]|{}") | {"\ufffd"}
# Characters that look like ':' but are not one to MediaWiki: a reader would see a namespace.
COLON_LIKE = set("\u02d0\u02f8\u0589\u05c3\u0703\u0704\u16ec\u1365\u205a\u2236\ua4fd\ua789")
RELATIVE = re.compile(r"^\.\.?(/|$)|/\.\.?(/|$)")
PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
MAX_BYTES = 255


class RefusedTitle(ValueError):
    """A draft title that must not be written to the wiki; the message says why."""


def looks_like_colon(char: str) -> bool:
    """Whether char is a colon look-alike (not ':' itself)."""
    if char == ":":
        return False
    return (
        char in COLON_LIKE
        or unicodedata.normalize("NFKC", char) == ":"
        or "COLON" in unicodedata.name(char, "")
    )


def confine(
    title: str, draft_namespace: str | None, target: Target, prefixes: Container[str]
) -> str:
    """The full page title in the target (``Draft:title``), or RefusedTitle.

    ``prefixes``: the wiki's namespace names, aliases and interwiki prefixes, casefolded, spaces.
    """
    # A sandbox takes no namespace from a draft: "User:X" would name someone's user page.
    own_namespace = None if target.sandbox else target.namespace.casefold()
    if draft_namespace and draft_namespace.casefold() != own_namespace:
        raise RefusedTitle(
            f"the draft asks for the {draft_namespace} namespace; wikidraft writes only to {target}"
        )
    text = unicodedata.normalize("NFC", re.sub(r"[\s_]+", " ", title)).strip()
    own, colon, rest = text.partition(":")
    if colon and own.strip().casefold() == own_namespace:
        text = rest.strip()  # "Draft:X" names the namespace we write to anyway
    check(text, prefixes)
    return target.page(text)


def check(text: str, prefixes: Container[str]) -> None:
    """Raise RefusedTitle if text is not a plain page name inside the namespace."""
    if not text:
        raise RefusedTitle("the title is empty")
    for char in text:
        if looks_like_colon(char):
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            raise RefusedTitle(
                f"the title contains {name} (U+{ord(char):04X}), a look-alike of ':'"
            )
        if char in FORBIDDEN or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            raise RefusedTitle(f"MediaWiki titles cannot contain {char!r}")
    if text.startswith(":"):
        raise RefusedTitle("the title starts with ':'")
    if RELATIVE.search(text):
        raise RefusedTitle("the title is a relative path ('.', '..', './', '../')")
    if PERCENT_ESCAPE.search(text) or "~~~" in text:
        raise RefusedTitle("MediaWiki titles cannot contain %-escapes or '~~~'")
    prefix, colon, _ = text.partition(":")
    if colon and prefix.strip().casefold() in prefixes:
        raise RefusedTitle(
            f"the title starts with '{prefix.strip()}:', a namespace or interwiki prefix"
        )
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise RefusedTitle(f"the title is longer than {MAX_BYTES} bytes")
