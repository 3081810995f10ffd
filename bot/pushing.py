"""The push sequence as a library: plan, drift, refuse, confirm, save, record.

``plan`` decides, for diff and push alike, what a push would do to each page: new, changed,
unchanged, or refused (a title outside the namespace, or drift: a page edited on the wiki since
our last push, never pushed from here, or deleted since). ``push`` carries a plan out: it checks
that the ledger can be written, asks ``confirm``, saves page by page and records each save.
"""

from __future__ import annotations

import fcntl
import signal
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot import drift, provenance
from bot.errors import UserError
from bot.ledger import Ledger, ledger_path, legacy_paths
from bot.notices import print_warnings
from bot.preserve import without_top_templates
from bot.publish import Outcome, Status, Stop, publish
from bot.submit import submitted

if TYPE_CHECKING:
    from bot.compare import Change
    from bot.config import Config
    from bot.pwbsite import BotPasswordSite

LOCK = "push.lock"  # in the wiki's state folder: one push per wiki at a time


@dataclass(frozen=True)
class Plan:
    """What a push of some drafts would do, page by page, and the ledger it was checked with."""

    site: BotPasswordSite
    config: Config
    ledger: Ledger
    changes: list[Change]
    drifts: list[drift.Drift]
    disclose: str | None = None  # the model named with --disclose, for the edit summary

    @property
    def pending(self) -> list[Change]:
        """The pages a push would write."""
        return [change for change in self.changes if change.status in ("new", "changed")]


def changes(
    paths: list[str], config: Config, *, login: bool, recursive: bool = False
) -> tuple[BotPasswordSite, list[Change]]:
    """Connect, convert and fetch, compare: what writing paths would change, page by page."""
    from bot import plan, site
    from bot.compare import compare

    wiki = site.connect(config, login=login)
    with site.wiki_errors(config):
        items = plan.build(wiki, config, paths, recursive)
    for item in items:
        print_warnings(str(item.source), item.conversion.warnings)
    return wiki, [compare(item) for item in items]


def plan(
    config: Config,
    paths: list[str],
    *,
    login: bool,
    force: bool = False,
    recursive: bool = False,
    disclose: str | None = None,
    submit: bool = False,
) -> Plan:
    """The one decision of diff and push: each page's change, drifted pages refused unless force,
    and pages with chat text or an undisclosed assistant refused (bot/provenance.py)."""
    site, found = changes(paths, config, login=login, recursive=recursive)
    legacy = legacy_paths([Path(path) for path in paths])
    ledger = Ledger(ledger_path(config.source), legacy)
    drifts = drift.find(site, ledger, config, found)
    if not force:
        found = drift.refuse(found, drifts)
    found = provenance.refuse(found, config, disclose, force)
    if submit:
        found = submitted(found)
    return Plan(site, config, ledger, found, drifts, disclose)


def push(
    plan: Plan, summary: str, *, force: bool, confirm: Callable[[Plan], bool]
) -> Iterator[Outcome] | None:
    """The saves of plan, each recorded in the ledger as it is made; None if not confirmed.

    The ledger is checked to be writable (and a legacy one moved in) before anything else, so
    a ledger that cannot be written stops the push before its first save.
    """
    for old in plan.ledger.prepare():
        print(f"wikidraft: moved the ledger {old} into {plan.ledger.path}", file=sys.stderr)
    if plan.pending and not confirm(plan):
        return None
    config, ledger = plan.config, plan.ledger
    sent: set[str] = set()

    def sending(change: Change) -> None:
        ledger.intend(config.api, change.item.title, ours(change, config))
        sent.add(change.item.title)

    saves = publish(
        plan.site,
        plan.changes,
        summary,
        minor=config.minor,
        force=force,
        sending=sending,
        disclose=plan.disclose,
    )
    return recorded(saves, ledger, config, sent)


def ours(change: Change, config: Config) -> str:
    """The text the ledger keeps the hash of: the draft without the reviewer templates kept."""
    return without_top_templates(change.item.text, config.preserve_templates)


def recorded(
    outcomes: Iterable[Outcome], ledger: Ledger, config: Config, sent: Collection[str]
) -> Iterator[Outcome]:
    """Pass outcomes through, writing each save (and each page found as drafted) to the ledger.

    A save MediaWiki merged with an edit made since the diff (conflicted, with a revision) is
    not ours alone: the ledger keeps our previous save, so the next push names that edit as
    drift and refuses to overwrite it. The note of a save sent (titles in sent) is dropped when
    the wiki said what it did, and kept when it did not answer: the save may have been made.
    """
    for outcome in outcomes:
        item = outcome.change.item
        entry = ledger.get(config.api, item.title)
        if outcome.revid is not None and outcome.status is not Status.CONFLICTED:
            ledger.record(config.api, item.title, outcome.revid, ours(outcome.change, config))
        elif (
            outcome.status is Status.UNCHANGED
            and item.revid is not None
            and (entry is None or entry.revid != item.revid)
        ):
            # The wiki already holds the draft (say, saved just before a crash): adopt it.
            ledger.record(config.api, item.title, item.revid, ours(outcome.change, config))
        elif item.title in sent and outcome.stop is not Stop.NO_ANSWER:
            ledger.settle(config.api, item.title)
        yield outcome


@contextmanager
def one_at_a_time(config: Config) -> Iterator[None]:
    """Hold the wiki's push lock: a second push waits (saying so) until the first is done.

    Two pushes of the same drafts at once would both save against the same base revision, and
    both report an update for the one revision made.
    """
    from bot.site import state_folder

    path = state_folder(config) / LOCK
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = open(path, "a")  # noqa: SIM115 (held for the whole push: the with below)
    except OSError as error:
        raise UserError(f"cannot create the push lock {path}: {error.strerror}") from None
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"wikidraft: another push to {config.api} is running; waiting for it to finish",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a push as Ctrl-C does: the saves made so far are recorded and reported."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
