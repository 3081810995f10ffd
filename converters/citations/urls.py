"""What a citation needs to know about a URL: clean form, site name, label, title slug."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from converters.citations.sites import SECOND_LEVEL_SUFFIXES, WELL_KNOWN_SITES

_SLUG_WORD = re.compile(r"[^\W\d_]+")


def _split(url: str) -> SplitResult:
    """``url`` split into its parts; text no URL parser accepts ("http://[x") has only a path."""
    try:
        return urlsplit(url)
    except ValueError:
        return SplitResult("", "", url, "", "")


@lru_cache(maxsize=4096)  # a draft cites the same URLs again and again
def clean_url(url: str) -> str:
    """``url`` without tracking parameters, by the ClearURLs rules (as packaged by Unalix)."""
    parts = _split(url)
    if not (parts.scheme and (parts.query or parts.fragment)):
        return url  # ClearURLs' rules read the query and fragment (and a few shops' paths)
    # Imported on first use: the package also sets up TLS for its unshortener (~0.1 s).
    from unalix import clear_url

    try:
        return str(clear_url(url))
    except ValueError:  # a URL its parser rejects is left as written
        return url


def removed_parameters(url: str) -> list[tuple[str, str]]:
    """The query parameters ``clean_url`` removes from ``url``."""
    cleaned = clean_url(url)
    if cleaned == url:
        return []
    kept = parse_qsl(_split(cleaned).query, keep_blank_values=True)
    written = parse_qsl(_split(url).query, keep_blank_values=True)
    return [pair for pair in written if pair not in kept]


def is_web_url(text: str) -> bool:
    """True for an absolute http(s) URL with a host and no whitespace."""
    parts = _split(text)
    return (
        parts.scheme in {"http", "https"}
        and bool(parts.hostname)
        and not any(c.isspace() for c in text)
    )


def host(url: str) -> str:
    """The host of ``url``, lower case, without a leading ``www.``."""
    name = (_split(url).hostname or "").lower()
    return name.removeprefix("www.")


def site_name(url: str) -> str:
    """The site's name for ``|website=``: a well-known name, else the host."""
    name = host(url)
    labels = name.split(".")
    for i in range(len(labels)):
        known = WELL_KNOWN_SITES.get(".".join(labels[i:]))
        if known:
            return known
    return name


def site_label(url: str) -> str:
    """The readable part of the host: ``britannica`` for ``www.britannica.com``."""
    labels = host(url).split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in SECOND_LEVEL_SUFFIXES:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def is_wikipedia(url: str) -> bool:
    """True when ``url`` is a page of Wikipedia itself (WP:CIRCULAR)."""
    name = host(url)
    return name == "wikipedia.org" or name.endswith(".wikipedia.org")


def path_words(url: str) -> str:
    """The words of the URL's path (``/book/ch04-ownership.html`` -> "book ownership")."""
    path = unquote(_split(url).path)
    tokens = re.split(r"[/\-_+.\s]+", re.sub(r"\.\w+$", "", path))  # no .html, .pdf
    return " ".join(t for t in tokens if t and _SLUG_WORD.fullmatch(t))


def title_from_path(url: str) -> str | None:
    """A title read from the URL's last path segment (``personalized-medicine``), if it is words."""
    segments = [s for s in _split(url).path.split("/") if s]
    if not segments:
        return None
    slug = unquote(segments[-1]).split(".")[0]  # drop .html, .php, …
    words = re.split(r"[-_+\s]+", slug)
    # One word ("ropes", "about") is too often a page type or a file name to be a title.
    if len(words) < 2 or not all(_SLUG_WORD.fullmatch(w) for w in words):
        return None
    title = " ".join(words)
    return title[:1].upper() + title[1:]
