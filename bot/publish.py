"""The writing half: save each changed page safely and say, per page, what happened."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Collection, Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import mwparserfromhell
from mwparserfromhell.nodes import Comment, Tag

from bot.compare import Change
from bot.plan import stored
from bot.provenance import edit_summary

if TYPE_CHECKING:
    from pywikibot.exceptions import APIError

    from bot.pwbsite import BotPasswordSite


class Status(enum.Enum):
    """What a push did to one page."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    CONFLICTED = "conflicted"  # someone else changed the page since it was compared
    FAILED = "failed"  # refused by wikidraft or by the wiki; nothing saved


class Stop(enum.Enum):
    """Why every further save of the batch would fail the same way: stop sending."""

    BLOCKED = "the account is blocked"
    AUTOBLOCKED = "the account's IP address is blocked"
    READONLY = "the wiki is read-only"
    NO_ANSWER = "the wiki stopped answering"


@dataclass(frozen=True)
class Outcome:
    """One page's result; ``revid`` is that of the revision saved, if any."""

    change: Change
    status: Status
    detail: str = ""
    revid: int | None = None
    stop: Stop | None = None  # set when the rest of the batch is not worth sending

    @property
    def ok(self) -> bool:
        """Whether the page now holds what was meant (created, updated or already so)."""
        return self.status in (Status.CREATED, Status.UPDATED, Status.UNCHANGED)


# API error codes of action=edit and what they mean for the operator (MediaWiki's ApiEditPage,
# AbuseFilter, SpamBlacklist, TitleBlacklist, ConfirmEdit).
EDIT_ERRORS: dict[str, tuple[Status, str]] = {
    "editconflict": (Status.CONFLICTED, "edited on the wiki since the diff; nothing saved"),
    "articleexists": (Status.CONFLICTED, "created on the wiki since the diff; nothing saved"),
    "missingtitle": (Status.CONFLICTED, "deleted on the wiki since the diff; nothing saved"),
    "pagedeleted": (Status.CONFLICTED, "deleted on the wiki since the diff; nothing saved"),
    "protectedpage": (Status.FAILED, "the page is protected"),
    "cascadeprotected": (Status.FAILED, "the page is protected (cascading protection)"),
    "protectedtitle": (Status.FAILED, "the title is protected from creation"),
    "protectednamespace": (Status.FAILED, "the namespace is protected"),
    "abusefilter-disallowed": (Status.FAILED, "an abuse filter disallowed the edit"),
    "abusefilter-warning": (Status.FAILED, "an abuse filter warned about the edit"),
    "spamblacklist": (Status.FAILED, "a link is on the spam blacklist"),
    "titleblacklist-forbidden": (Status.FAILED, "the title is on the title blacklist"),
    "blocked": (Status.FAILED, "the account is blocked"),
    "autoblocked": (Status.FAILED, "the account's IP address is blocked"),
    "ratelimited": (
        Status.FAILED,
        "rate limited by the wiki; try again later, or raise edit.throttle",
    ),
    "readonly": (Status.FAILED, "the wiki is read-only right now"),
    "permissiondenied": (Status.FAILED, "the account may not edit this page"),
}
NO_ANSWER = "no answer"
# What MediaWiki's pre-save transform rewrites: substitutions ({{subst:…}}, {{safesubst:…}}),
# signatures (~~~, ~~~~, ~~~~~) and the pipe trick ([[A (b)|]], [[|A]]); not inside comments
# or extension tags (<nowiki>, <pre>, <ref>…: T4700), where a converted draft's code and
# escapes keep theirs. A text that only looks so costs one request more; a miss only leaves a
# cut-off save unadopted.
PRE_SAVE_MARKS = re.compile(r"subst:|~~~|\|\]\]|\[\[\|", re.IGNORECASE)
# The API error codes after which every further edit of the batch would fail the same way.
BATCH_STOPPERS = {
    "blocked": Stop.BLOCKED,
    "autoblocked": Stop.AUTOBLOCKED,
    "readonly": Stop.READONLY,
}


def publish(
    site: BotPasswordSite,
    changes: list[Change],
    summary: str,
    *,
    minor: bool,
    force: bool,
    sending: Callable[[Change], object] = lambda change: None,
    disclose: str | None = None,
) -> Iterator[Outcome]:
    """Save every new or changed page, one outcome per change, in order; the batch goes on.

    sending(change) is called just before each save is sent, with the text the wiki will store
    (push notes it in the ledger).
    """
    stopped: Stop | None = None
    for change in changes:
        if change.status == "unchanged":
            yield Outcome(change, Status.UNCHANGED)  # no null edits
        elif change.status == "refused":
            yield Outcome(change, Status.FAILED, f"refused: {change.item.refused}")
        elif stopped:
            yield Outcome(change, Status.FAILED, f"not tried: {stopped.value}")
        elif not force and change.item.exists and not change.item.page.botMayEdit():
            yield Outcome(change, Status.FAILED, "the page opts out of bots ({{bots}}/{{nobots}})")
        else:
            disclosed = edit_summary(summary, change.item.conversion, disclose)
            outcome = save(site, change, disclosed, minor, sending)
            stopped = outcome.stop
            yield outcome


def save(
    site: BotPasswordSite,
    change: Change,
    summary: str,
    minor: bool,
    sending: Callable[[Change], object],
) -> Outcome:
    """One edit and whatever it takes to know its outcome; no answer is an outcome too.

    sending(change) is called just before the edit is sent, with the text the wiki will store.
    """
    import pywikibot

    try:
        change = pre_save_transformed(site, change)
        sending(change)
        return _save(site, change, summary, minor)
    except pywikibot.exceptions.APIError as error:  # the expansion or a read-back was refused
        return Outcome(change, Status.FAILED, f"{error.code}: {wiki_words(error)}")
    except pywikibot.exceptions.Error as error:  # a request of this save got no answer
        return Outcome(change, Status.FAILED, f"{NO_ANSWER}: {error}", stop=Stop.NO_ANSWER)


def _save(site: BotPasswordSite, change: Change, summary: str, minor: bool) -> Outcome:
    """One edit: createonly for a new page, nocreate + base revision for an existing one."""
    import pywikibot

    item = change.item
    params: dict[str, object] = {
        "action": "edit",
        "title": item.title,
        "text": item.text,
        "summary": summary,
        "assert": "user",
        "minor" if minor else "notminor": True,
    }
    if item.exists:
        # The revision we compared against: if the page moved on, MediaWiki reports a conflict
        # (or merges edits to other lines, which judge() reports). baserevid alone, because with
        # basetimestamp MediaWiki ignores an edit by someone else saved within the same second
        # as that revision (userWasLastToEdit compares timestamps) and overwrites it.
        params.update(nocreate=True, baserevid=item.revid)
    else:
        params["createonly"] = True
    try:
        result = submit_edit(site, params)
    except pywikibot.exceptions.APIError as error:
        ours = our_lost_save(site, change) if error.code == "articleexists" else None
        if ours:
            return Outcome(change, Status.CREATED, "confirmed by reading it back", ours)
        status, meaning = EDIT_ERRORS.get(error.code, (Status.FAILED, error.code))
        detail = f"{error.code}: {meaning} ({wiki_words(error)})"
        return Outcome(change, status, detail, stop=BATCH_STOPPERS.get(error.code))
    if "nochange" in result and change.status == "changed":
        ours = our_lost_save(site, change)  # the page already holds what we meant to save
        if ours:
            return Outcome(change, Status.UPDATED, "confirmed by reading it back", ours)
    return judge(change, result)


def pre_save_transformed(site: BotPasswordSite, change: Change) -> Change:
    """change with the text the wiki would store for it, expanded by the wiki itself.

    Saving the expanded text ({{subst:submit}} already substituted, say) makes the page hold
    exactly what was sent, so the ledger's note of a save cut off mid-way (bot/ledger.py) and
    the read-back of a lost answer recognise it. A text with nothing to expand costs nothing.
    """
    from bot.pwbsite import SiteRequest

    item = change.item
    tags = {str(tag).strip("<>").lower() for tag in site.siteinfo["extensiontags"]}
    if not rewritten_on_save(item.text, tags):
        return change
    params = {"action": "parse", "onlypst": True, "title": item.title, "text": item.text}
    params.update(contentmodel="wikitext", formatversion=2)
    # POST, as the edit is: the text may be long, and deciding on GET costs a paraminfo request.
    request = SiteRequest(site=site, parameters=params, use_get=False)
    text = stored(str(request.submit()["parse"]["text"]))
    return replace(change, item=replace(item, text=text))


def rewritten_on_save(text: str, extension_tags: Collection[str]) -> bool:
    """Whether MediaWiki's pre-save transform may rewrite text: one of its marks outside the
    comments and the extension tags (lower-case names, without brackets), which it skips."""
    if not PRE_SAVE_MARKS.search(text):
        return False  # the cheap test first: most pages have no mark anywhere
    code = mwparserfromhell.parse(text)
    for node in code.filter(recursive=True):
        skipped = isinstance(node, Tag) and str(node.tag).strip().lower() in extension_tags
        if skipped or isinstance(node, Comment):
            with suppress(ValueError):  # already gone with the tag it was in
                code.remove(node)
    return bool(PRE_SAVE_MARKS.search(str(code)))


def wiki_words(error: APIError) -> str:
    """The wiki's explanation of an API error; for a block, by whom, until when and why."""
    block = error.other.get("blockinfo")
    if isinstance(block, dict):  # the operator must know whom to ask and whether to wait
        reason = block.get("blockreason") or "none given"
        return f"blocked by {block.get('blockedby')}, expiry {block.get('blockexpiry')}: {reason}"
    return error.info


def submit_edit(site: BotPasswordSite, params: dict[str, object]) -> dict[str, object]:
    """Send the edit; refused for a bad token, once more with a freshly fetched token."""
    import pywikibot

    from bot.pwbsite import EditRequest

    try:
        params.update(token=site.tokens["csrf"], bot=site.has_right("bot"))
        return EditRequest.create_simple(site, **params).submit()["edit"]
    except pywikibot.exceptions.APIError as error:
        if error.code != "badtoken":
            raise
    # After re-logging in (an expired session) pywikibot may resend its stale token until it
    # gives up; the token of the new session goes through.
    site.tokens.clear()
    params["token"] = site.tokens["csrf"]
    return EditRequest.create_simple(site, **params).submit()["edit"]


def our_lost_save(site: BotPasswordSite, change: Change) -> int | None:
    """The revid of the page's latest revision if it is ours and holds our text.

    A save whose answer was lost (a reset, a timeout) is retried by pywikibot; the retry then
    meets the page that save created ("articleexists") or updated ("nochange").
    """
    query = {"titles": change.item.title, "rvprop": "ids|user|content"}
    pages = site.simple_request(
        action="query", prop="revisions", rvslots="main", formatversion=2, **query
    ).submit()["query"]["pages"]
    latest = (pages[0].get("revisions") or [{}])[0]
    text = latest.get("slots", {}).get("main", {}).get("content")
    if latest.get("user") != site.user() or text is None or stored(text) != change.item.text:
        return None
    return int(latest["revid"])


def judge(change: Change, result: dict[str, object]) -> Outcome:
    """The outcome of an edit the API answered without an error code."""
    if result.get("result") != "Success":
        if "captcha" in result:
            reason = "captcha: the wiki asks for a captcha; wikidraft never solves them"
        elif "spamblacklist" in result:
            reason = f"spamblacklist: blacklisted link {result['spamblacklist']}"
        else:
            reason = f"{result.get('code', 'failure')}: {result.get('info', result)}"
        return Outcome(change, Status.FAILED, reason)
    if "nochange" in result:
        return Outcome(change, Status.UNCHANGED)
    revid = int(str(result["newrevid"]))
    if "new" in result:
        return Outcome(change, Status.CREATED, revid=revid)
    parent = result.get("oldrevid")
    if change.item.revid is not None and parent != change.item.revid:
        # Someone saved rev {parent} after the diff and MediaWiki merged our text into it (their
        # lines and ours did not overlap): saved, but not what was compared; a human must look.
        merged = f"saved as rev {revid} on top of rev {parent}, made since the diff; check it"
        return Outcome(change, Status.CONFLICTED, merged, revid)
    return Outcome(change, Status.UPDATED, revid=revid)
