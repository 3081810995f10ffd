"""The baseline for part 3: plain requests, one page at a time (what a quick script does)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import requests

USER_AGENT = "wikidraft-benchmarks (naive baseline; local wiki)"


def session() -> requests.Session:
    """A session with a user agent, as a polite script would have."""
    client = requests.Session()
    client.headers["User-Agent"] = USER_AGENT
    return client


def current_text(client: requests.Session, api: str, title: str) -> str | None:
    """The page's current wikitext, or None when it does not exist: one request."""
    reply = client.get(
        api,
        params={
            "action": "query",
            "prop": "revisions",
            "rvprop": "content",
            "rvslots": "main",
            "titles": title,
            "format": "json",
            "formatversion": "2",
        },
        timeout=60,
    ).json()
    page = reply["query"]["pages"][0]
    return None if page.get("missing") else page["revisions"][0]["slots"]["main"]["content"]


def read_each(api: str, titles: Iterable[str]) -> None:
    """Load every page on its own: one request per page."""
    client = session()
    for title in titles:
        current_text(client, api, title)


def push_each(api: str, username: str, password: str, pages: Mapping[str, str]) -> None:
    """Log in, then for every page load it and save it when it differs: two requests per page."""
    client = session()
    login_token = client.get(
        api,
        params={"action": "query", "meta": "tokens", "type": "login", "format": "json"},
        timeout=60,
    ).json()
    reply = client.post(
        api,
        data={
            "action": "login",
            "lgname": username,
            "lgpassword": password,
            "lgtoken": login_token["query"]["tokens"]["logintoken"],
            "format": "json",
        },
        timeout=60,
    ).json()
    if reply["login"]["result"] != "Success":
        raise RuntimeError(f"naive login failed: {reply['login']}")
    token = client.get(
        api, params={"action": "query", "meta": "tokens", "format": "json"}, timeout=60
    ).json()["query"]["tokens"]["csrftoken"]
    for title, text in pages.items():
        if current_text(client, api, title) == text:
            continue
        reply = client.post(
            api,
            data={
                "action": "edit",
                "title": title,
                "text": text,
                "summary": "naive baseline",
                "token": token,
                "format": "json",
            },
            timeout=120,
        ).json()
        if reply.get("edit", {}).get("result") != "Success":
            raise RuntimeError(f"naive edit of {title} failed: {reply}")
