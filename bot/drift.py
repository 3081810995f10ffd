"""Drift: edits made on the wiki, by anyone, since wikidraft last pushed a page.

diff and push compare each page they would write with the ledger (bot/ledger.py). A page whose
live revision is not the one we saved (and whose text is not ours) was edited by someone else:
diff says so and shows what they changed; push refuses to write it unless --force. A page that
exists but that we never pushed, and a page we pushed that has been deleted since, are refused
the same way: the page is someone else's work, or someone's decision.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TextIO

from bot.compare import Change, paint, use_color
from bot.config import Config
from bot.ledger import Entry, Ledger, content_hash
from bot.preserve import without_top_templates
from bot.site import wiki_errors

if TYPE_CHECKING:
    from bot.pwbsite import BotPasswordSite

MAX_REVISIONS = 50  # revisions listed per drifted page: enough to name who edited


@dataclass(frozen=True)
class Drift:
    """What happened to one page on the wiki since our last push, and what they changed."""

    title: str
    message: str
    diff: tuple[str, ...] = ()


def find(
    site: BotPasswordSite, ledger: Ledger, config: Config, changes: list[Change]
) -> list[Drift]:
    """The drift of every page a push would write (new or changed), in order."""
    drifts = []
    with wiki_errors(config):
        for change in changes:
            if change.status in ("new", "changed"):
                title = change.item.title
                sent = ledger.sending(config.api, title)
                entry = ledger.get(config.api, title)
                drift = check(site, entry, change, config.preserve_templates, sent)
                if drift:
                    drifts.append(drift)
    return drifts


def check(
    site: BotPasswordSite,
    entry: Entry | None,
    change: Change,
    names: Collection[str] = (),
    sent: str | None = None,
) -> Drift | None:
    """The drift of one page, or None when the wiki holds what we last wrote (or nothing).

    Reviewer templates (names) at the top are not drift: push keeps them, and the ledger hashes
    texts without them. sent is the hash of a text whose save was never confirmed: a live page
    holding exactly that text is our own save, not an edit by someone else.
    """
    item = change.item
    if not item.exists:
        if entry is None:
            return None
        return Drift(item.title, f"deleted on the wiki since your last push (rev {entry.revid})")
    live = without_top_templates(item.current or "", names)
    if sent is not None and content_hash(live) == sent:
        return None
    if entry is None:
        author = item.page.latest_revision.user  # preloaded with the page: no request
        return Drift(
            item.title,
            f"exists on the wiki but was never pushed from here, last edited by {author}",
        )
    # A ledger of schema 1 hashed the text with the reviewer templates: compare that too.
    if item.revid == entry.revid or entry.matches(live) or entry.matches(item.current or ""):
        return None
    newer = [r for r in _revisions(site, item.title, entry.revid) if r["revid"] > entry.revid]
    editors = list(dict.fromkeys(str(r["user"]) for r in newer))
    # Our own account appears when MediaWiki merged our save into their edit: name them.
    users = ", ".join([name for name in editors if name != site.username()] or editors)
    users = users or "someone"
    message = (
        f"edited on the wiki by {users} since your last push (rev {entry.revid} -> rev "
        f"{item.revid})"
    )
    ours = _revision_text(site, entry.revid)
    if ours is None:
        return Drift(item.title, message + f"; rev {entry.revid} is no longer on the wiki")
    diff = difflib.unified_diff(
        ours.splitlines(),
        (item.current or "").splitlines(),
        f"{item.title} (rev {entry.revid}, your last push)",
        f"{item.title} (rev {item.revid}, on the wiki now)",
        lineterm="",
    )
    return Drift(item.title, message, tuple(diff))


def _revisions(site: BotPasswordSite, title: str, end: int) -> list[dict[str, object]]:
    """The page's revisions, newest first, down to revision end (at most MAX_REVISIONS)."""
    params: dict[str, object] = {
        "action": "query",
        "prop": "revisions",
        "titles": title,
        "rvprop": "ids|user",
        "rvlimit": MAX_REVISIONS,
        "rvendid": end,
        "formatversion": 2,
    }
    pages = site.simple_request(**params).submit()["query"]["pages"]
    return list(pages[0].get("revisions", []))


def _revision_text(site: BotPasswordSite, revid: int) -> str | None:
    """The text of one revision, or None if it is gone (deleted or suppressed)."""
    params = {"revids": revid, "rvprop": "content", "rvslots": "main", "formatversion": 2}
    result = site.simple_request(action="query", prop="revisions", **params).submit()
    for page in result["query"].get("pages", []):
        for revision in page.get("revisions", []):
            content = revision.get("slots", {}).get("main", {}).get("content")
            if content is not None:
                return str(content)
    return None


def write(drifts: list[Drift], stream: TextIO = sys.stdout) -> None:
    """Each drift as a line, then what the others changed as a diff."""
    color = use_color(stream)
    for drift in drifts:
        stream.write(f"wikidraft: {drift.title}: {drift.message}\n")
        for line in drift.diff:
            stream.write(paint(line, color) + "\n")


def refuse(changes: list[Change], drifts: list[Drift]) -> list[Change]:
    """The changes, with every drifted page refused (push writes none of them)."""
    reasons = {drift.title: drift.message for drift in drifts}
    return [
        _refused(change, reasons[change.item.title]) if change.item.title in reasons else change
        for change in changes
    ]


def _refused(change: Change, reason: str) -> Change:
    """change refused for reason; its diff is kept, so diff shows what --force would write."""
    item = replace(change.item, refused=f"{reason}; --force overwrites")
    return replace(change, status="refused", item=item)
