"""A cited source as a definition describes it, and the parser for definition text."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from converters.citations.templates import markdown_text
from converters.citations.urls import (
    clean_url,
    host,
    is_web_url,
    site_label,
    site_name,
    title_from_path,
)

# `[text](url "title")` or `[text](<url>)`, alone on the definition (a trailing period is prose);
# the URL may hold balanced parentheses, as Wikipedia's "Rope_(data_structure)" does.
_LONE_LINK = re.compile(
    r"\[(?P<text>[^\[\]]*)\]\(\s*<?(?P<url>(?:[^\s<>()]|\([^\s<>()]*\))+)>?"
    r'(?:\s+"(?P<title>[^"]*)")?\s*\)\.?'
)
# "Title. https://…." (the Bing footer), "Title - https://…", "Title: https://…".
_TITLE_THEN_URL = re.compile(
    r"(?P<title>.*?\S)[\s.,:;\u2013\u2014-]*\s<?(?P<url>https?://[^\s<>]+?)>?[.,;]?"
)
# '"Point Reyes Lighthouse". *Lighthousefriends.com*': a quoted title, then the work or site.
_QUOTED_TITLE = re.compile(
    r'["\u201c](?P<title>[^"\u201c\u201d]+)["\u201d][.,:]?(?:\s+(?P<site>.+))?'
)
# " - Wikipedia", " | Britannica": the site name page titles end with (hyphen, dashes, bar, dot).
_SITE_SUFFIX = re.compile(r"\s+[-\u2013\u2014|\u00b7:]\s+(?P<site>[^-\u2013\u2014|\u00b7:]+)$")


@dataclass(frozen=True)
class Source:
    """A web source: clean URL, its page title if known, the site's name."""

    url: str
    title: str | None
    website: str
    # Where a title nobody gave as one came from ("the URL": its path), else None.
    title_guessed_from: str | None = None


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def names_site(text: str, url: str) -> bool:
    """True when ``text`` is only the site's name ("Britannica" for britannica.com)."""
    key = _key(text)
    return key in {_key(site_name(url)), _key(site_label(url)), _key(host(url))} or (
        bool(key) and _key(site_name(url)).endswith(key)
    )


def web_source(url: str, text: str | None = None, *, text_is_site: bool = False) -> Source:
    """The source behind ``url`` with link text or title ``text``; a site name is not a title."""
    url = clean_url(url)
    title = (text or "").strip()
    suffix = _SITE_SUFFIX.search(title)
    if suffix and names_site(suffix["site"], url):
        title = title[: suffix.start()].strip()  # "Page - Wikipedia" repeats |website=
    website = site_name(url)
    if text_is_site and title and website == host(url):
        website = title  # the author's name for a site we do not know beats its host name
    if text_is_site or names_site(title, url):
        title = ""
    if title:
        return Source(url, title, website)
    guessed = title_from_path(url)
    return Source(url, guessed, website, "the URL" if guessed else None)


def parse_definition(raw: str) -> Source | None:
    """A web source from definition text (a lone link, a bare URL, "Title. URL."), else None."""
    text = raw.strip()
    link = _LONE_LINK.fullmatch(text)
    if link and is_web_url(link["url"]):
        return web_source(link["url"], link["title"] or link["text"])
    bare = text.strip("<>").rstrip(".,;")
    if is_web_url(bare):
        return web_source(bare)
    titled = _TITLE_THEN_URL.fullmatch(text)
    if titled and is_web_url(titled["url"]):
        return _titled_source(titled["url"], markdown_text(titled["title"]).strip(" .").strip())
    return None


def _titled_source(url: str, text: str) -> Source:
    """The source for "Title" or '"Title". Site' written before its URL."""
    quoted = _QUOTED_TITLE.fullmatch(text)
    if quoted is None:
        return web_source(url, text)
    site = web_source(url, quoted["site"], text_is_site=True) if quoted["site"] else web_source(url)
    return replace(site, title=quoted["title"].strip(), title_guessed_from=None)
