"""Server-side moves for fault tests: edits by another account, protection, deletion, abuse
filters and a captcha on the local wiki, done as a real user over the API (or its database)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

import requests

from tests.localwiki import LocalWiki

CAPTCHA_SETTINGS = """<?php
// ConfirmEdit asks a question on every page creation, and no one may skip it (not even bots).
wfLoadExtensions( [ 'ConfirmEdit', 'ConfirmEdit/QuestyCaptcha' ] );
$wgCaptchaClass = 'QuestyCaptcha';
$wgCaptchaQuestions = [ 'Which tool is this?' => 'wikidraft' ];
$wgCaptchaTriggers['edit'] = false;
$wgCaptchaTriggers['create'] = true;
$wgCaptchaTriggers['addurl'] = false;
foreach ( [ '*', 'user', 'autoconfirmed', 'bot', 'sysop', 'emailconfirmed' ] as $group ) {
    $wgGroupPermissions[$group]['skipcaptcha'] = false;
}
"""


# MediaWiki 1.39 exempts from rate limits any user holding "noratelimit": Admin has it through
# sysop and bureaucrat, the bot password through the "highvolume" grant. Taken away here so
# that the bot gets one edit (and one page creation) a minute.
RATE_LIMIT_SETTINGS = """<?php
$wgRateLimits['edit']['user'] = [ 1, 60 ];
$wgRateLimits['create']['user'] = [ 1, 60 ];
foreach ( [ 'sysop', 'bureaucrat', 'bot' ] as $group ) {
    $wgGroupPermissions[$group]['noratelimit'] = false;
}
$wgGrantPermissions['highvolume']['noratelimit'] = false;
"""
MAINTENANCE = "/usr/share/mediawiki/maintenance"


class Account:
    """A logged-in API session of one wiki account."""

    def __init__(self, wiki: LocalWiki, name: str, password: str, api: str | None = None) -> None:
        self.api = api or wiki.api  # another api.php URL for the same wiki: a proxy in front
        self.session = requests.Session()
        token = self.call("GET", action="query", meta="tokens", type="login")
        login = self.call(
            "POST",
            action="login",
            lgname=name,
            lgpassword=password,
            lgtoken=token["query"]["tokens"]["logintoken"],
        )
        if login["login"]["result"] != "Success":
            raise RuntimeError(f"cannot log in as {name}: {login}")
        self.token = self.call("GET", action="query", meta="tokens")["query"]["tokens"]["csrftoken"]

    def call(self, method: str, **params: str | int) -> dict:
        """One API request; an API error is raised, not returned."""
        params = {**params, "format": "json", "formatversion": 2}
        if method == "GET":
            response = self.session.get(self.api, params=params, timeout=60)
        else:
            response = self.session.post(self.api, data=params, timeout=60)
        result = response.json()
        if "error" in result:
            raise RuntimeError(f"{params['action']}: {result['error']}")
        return result

    def edit(self, title: str, text: str, summary: str = "edit by another account") -> int:
        """Save text to title; returns the new revision id."""
        result = self.call(
            "POST", action="edit", title=title, text=text, summary=summary, token=self.token
        )
        return int(result["edit"]["newrevid"])

    def protect(self, title: str) -> None:
        """Let only administrators edit (or create) title."""
        self.call("POST", action="protect", title=title, protections="edit=sysop", token=self.token)

    def delete(self, title: str) -> None:
        """Delete the page."""
        self.call("POST", action="delete", title=title, token=self.token)


def reviewer(wiki: LocalWiki) -> Account:
    """The second account, "Reviewer": someone else editing the drafts."""
    return Account(wiki, "Reviewer", wiki.reviewer_password)


def admin(wiki: LocalWiki) -> Account:
    """The plain Admin account, for protection and deletion (not the bot's own session)."""
    return Account(wiki, "Admin", wiki.admin_password)


def page_text(wiki: LocalWiki, title: str) -> tuple[int, str] | None:
    """The latest revision id and text of title, or None if it does not exist."""
    query = {
        "action": "query",
        "prop": "revisions",
        "rvprop": "ids|content",
        "rvslots": "main",
        "titles": title,
        "format": "json",
        "formatversion": 2,
    }
    page = requests.get(wiki.api, params=query, timeout=60).json()["query"]["pages"][0]
    if page.get("missing"):
        return None
    revision = page["revisions"][0]
    return int(revision["revid"]), revision["slots"]["main"]["content"]


def revision_count(wiki: LocalWiki, title: str) -> int:
    """How many revisions title has (0 if it does not exist)."""
    query = {
        "action": "query",
        "prop": "revisions",
        "rvprop": "ids",
        "rvlimit": "max",
        "titles": title,
        "format": "json",
        "formatversion": 2,
    }
    page = requests.get(wiki.api, params=query, timeout=60).json()["query"]["pages"][0]
    return len(page.get("revisions", []))


def add_abuse_filter(wiki: LocalWiki, phrase: str) -> int:
    """An enabled AbuseFilter rule disallowing any edit that adds phrase; returns its id."""
    # AbuseFilter has no API to create rules (only its special page), so write them as it does.
    with sqlite3.connect(wiki.folder / "data" / "wikidraft.sqlite") as database:
        cursor = database.execute(
            "INSERT INTO abuse_filter (af_pattern, af_user, af_user_text, af_timestamp,"
            " af_enabled, af_comments, af_public_comments, af_actions, af_group)"
            " VALUES (?, 1, 'Admin', '20260101000000', 1, 'wikidraft test', ?, 'disallow',"
            " 'default')",
            (f'"{phrase}" in added_lines', f"No {phrase}"),
        )
        database.execute(
            "INSERT INTO abuse_filter_action VALUES (?, 'disallow', '')", (cursor.lastrowid,)
        )
        return int(cursor.lastrowid or 0)


def expire_sessions(wiki: LocalWiki) -> int:
    """Forget every login session on the wiki, as session expiry does; returns how many."""
    with sqlite3.connect(wiki.folder / "data" / "wikicache.sqlite") as cache:
        return cache.execute("DELETE FROM objectcache WHERE keyname LIKE '%:MWSession:%'").rowcount


@contextmanager
def server_settings(wiki: LocalWiki, name: str, php: str) -> Iterator[None]:
    """The wiki reads these settings (a settings.d/ file) on every request inside the block."""
    settings = wiki.folder / "settings.d" / name
    settings.write_text(php, encoding="utf-8")
    try:
        yield
    finally:
        settings.unlink()


def captcha_on_create(wiki: LocalWiki) -> AbstractContextManager[None]:
    """ConfirmEdit asks a captcha for every page creation while inside the block."""
    return server_settings(wiki, "captcha.php", CAPTCHA_SETTINGS)


def rate_limit_edits(wiki: LocalWiki) -> None:
    """From now on every account, the bot too, may save one edit a minute (one wiki's setting)."""
    (wiki.folder / "settings.d" / "ratelimit.php").write_text(RATE_LIMIT_SETTINGS, encoding="utf-8")


def block(wiki: LocalWiki, user: str, reason: str) -> None:
    """Block user indefinitely, as an administrator would (maintenance script, no autoblock)."""
    result = subprocess.run(
        ["php", f"{MAINTENANCE}/blockUsers.php", "--reason", reason, "--disable-autoblock"],
        input=user + "\n",
        env=dict(os.environ, MW_CONFIG_FILE=str(wiki.folder / "LocalSettings.php")),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=wiki.folder,
    )
    # The script exits 0 even when a block fails; it says so per user.
    assert f"Blocking '{user}' succeeded" in result.stdout, result.stdout + result.stderr
