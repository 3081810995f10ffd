"""GFM's autolink extension: which URLs, ``www.`` names and e-mail addresses in text are links.

linkify-it finds the candidates; GitHub's rules (cmark-gfm's autolink extension, GFM spec 0.29
section 6.9) then decide: a link either has a scheme (``http://``, ``https://``, ``ftp://``),
starts with ``www.``, or is an e-mail address; any top-level domain counts; a URL or ``www.``
link starts a line or follows white space or one of ``*_~(`` and names a valid domain (one
with a "."); an address keeps only GFM's characters before "@"; a link ending in something
like an entity (``&hl;``) ends before it; one that linkify-it ends at a ")" runs on to GFM's
end: white space or "<", less trailing punctuation and unbalanced closing parentheses.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from linkify_it import LinkifyIt
from linkify_it.main import Match

# GFM accepts any domain; linkify-it only known top-level domains unless told otherwise.
_ANY_TLD = "[a-z0-9-]+"
_SCHEMES = ("http:", "https:", "ftp:")
# What may come before a URL or www. link (an e-mail address has no such rule).
_OPENERS = "*_~("
_ENTITY_TAIL = re.compile(r"&[A-Za-z0-9]+$")
_UNTIL_SPACE = re.compile(r"[^\s<]*")
_TRAILING = "?!.,:*_~'\""
_SEGMENT = re.compile(r"[A-Za-z0-9_-]+")
_LOCAL_PART = re.compile(r"[A-Za-z0-9.+_-]+$")
# An address's domain: letters, digits, "-", "_" and ".", ending in a letter or digit.
_EMAIL_DOMAIN = re.compile(r"[A-Za-z0-9._-]*\.[A-Za-z0-9._-]*[A-Za-z0-9]")


class GfmLinkify(LinkifyIt):
    """linkify-it narrowed to what GitHub links in text (markdown-it's core linkify rule)."""

    def __init__(self) -> None:
        super().__init__(options={"fuzzy_link": True, "fuzzy_email": True, "fuzzy_ip": False})
        self.tlds(_ANY_TLD)

    def pretest(self, text: str) -> bool:
        """Whether text may hold a GFM autolink: a scheme's "://", "www." or an address's "@".

        linkify-it's own pretest passes any dotted word (fuzzy links), which GFM never links;
        markdown-it asks this of every inline block and test() of every text in one. Each of
        the three passes linkify-it's pretest too ("//" after ":" is its protocol-relative
        scheme), so its regular expression need not be searched as well.
        """
        return "://" in text or "@" in text or "www." in text.lower()

    def test(self, text: str) -> bool:
        """Whether text may hold a GFM autolink (match() decides which)."""
        return self.pretest(text) and super().test(text)

    def match(self, text: str) -> list[Match] | None:
        """The GFM autolinks in ``text``, or None."""
        found: list[Match] = []
        for candidate in super().match(text) or []:
            # A link GFM runs on past linkify-it's end may hold the candidates that follow.
            if found and candidate.index < found[-1].last_index:
                continue
            link = _gfm_link(candidate, text)
            if link:
                found.append(link)
        return found or None


def _gfm_link(match: Match, text: str) -> Match | None:
    """What GitHub links of a candidate linkify-it found, if anything."""
    if match.schema == "mailto:":
        return _address(match, text)
    before = text[match.index - 1 : match.index]
    if before and not before.isspace() and before not in _OPENERS:
        return None
    named = match.schema.lower() in _SCHEMES or (
        not match.schema and match.raw.lower().startswith("www.")
    )
    return _extent(match, text) if named and _valid_domain(match.url) else None


def _valid_domain(url: str) -> bool:
    """Whether a URL's host is a GFM valid domain: segments of letters, digits, "_" and "-"
    joined by at least one ".", no "_" in the last two."""
    segments = (urlsplit(url).hostname or "").split(".")
    return (
        len(segments) > 1
        and all(_SEGMENT.fullmatch(segment) for segment in segments)
        and "_" not in "".join(segments[-2:])
    )


def _address(match: Match, text: str) -> Match | None:
    """The e-mail address GitHub links: a domain with a "." ending in a letter or digit, and
    of the name before "@" only the letters, digits and ".+-_" next to it."""
    name, _, domain = match.raw.rpartition("@")
    kept = _LOCAL_PART.search(name)
    after = text[match.last_index : match.last_index + 1]
    written = match.raw.lower().startswith("mailto:")  # GFM links only the bare address
    if written or not kept or not _EMAIL_DOMAIN.fullmatch(domain) or after in ("-", "_"):
        return None
    match.index += kept.start()
    match.raw = match.text = match.raw[kept.start() :]
    match.url = "mailto:" + match.raw
    return match


def _gfm_end(text: str, start: int) -> int:
    """Where GFM ends an autolink starting at ``start`` (cmark-gfm's autolink_delim)."""
    link = _UNTIL_SPACE.match(text, start).group()
    end = len(link)
    opening, closing = link.count("("), link.count(")")
    while end:
        last = link[end - 1]
        if last in _TRAILING or (last == ")" and closing > opening):
            closing -= last == ")"
            end -= 1
        elif last == ";":  # with what looks like an entity before it ("&hl;")
            entity = _ENTITY_TAIL.search(link, 0, end - 1)
            end = entity.start() if entity else end - 1
        else:
            break
    return start + end


def _extent(match: Match, text: str) -> Match:
    """The match ending where GFM ends it, when linkify-it ends it at ")" or before "&x;"."""
    if text[match.last_index : match.last_index + 1] not in (")", ";"):
        return match
    scheme_added = match.url[: len(match.url) - len(match.raw)]  # "http://" before "www."
    match.last_index = _gfm_end(text, match.index)
    match.raw = match.text = text[match.index : match.last_index]
    match.url = scheme_added + match.raw
    return match
