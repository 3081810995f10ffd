"""Part 3 baseline: one page at a time over plain API requests, as a quick script does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import requests

from tests.localwiki import LocalWiki
from tests.wikiadmin import Account


def page_query(title: str) -> dict[str, str]:
    """API parameters that load the current wikitext of one page."""
    return {
        "action": "query",
        "prop": "revisions",
        "rvprop": "content",
        "rvslots": "main",
        "titles": title,
    }


def text_of(reply: dict[str, Any]) -> str | None:
    """The page's wikitext from a page_query reply (formatversion 2), None when it is missing."""
    page = reply["query"]["pages"][0]
    return None if page.get("missing") else page["revisions"][0]["slots"]["main"]["content"]


def read_each(api: str, titles: Iterable[str]) -> None:
    """Load every page on its own, without logging in: one request per page."""
    session = requests.Session()
    for title in titles:
        params = {**page_query(title), "format": "json", "formatversion": "2"}
        text_of(session.get(api, params=params, timeout=60).json())


def push_each(wiki: LocalWiki, pages: Mapping[str, str]) -> None:
    """Log in (3 requests), then load each page and save it when it differs: 2 per page."""
    account = Account(wiki, wiki.username, wiki.password)
    for title, text in pages.items():
        if text_of(account.call("GET", **page_query(title))) != text:
            account.edit(title, text, summary="naive baseline")
