"""`wikidraft push`: publish the drafts to the wiki's namespace, safely, with a report."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from typing import TYPE_CHECKING

from bot.commands.common import (
    add_config_argument,
    add_disclose_argument,
    add_recursive_argument,
    load_config,
)
from bot.errors import UserError

if TYPE_CHECKING:
    from bot.publish import Outcome
    from bot.pushing import Plan

HELP = """Publish drafts to the configured namespace of the wiki (Draft: by default).

Does what `wikidraft diff` shows: new pages are created (never over a page created meanwhile),
changed pages are updated against the revision compared (an edit by someone else in between is
reported as a conflict, never overwritten), unchanged pages are skipped. Pages that opt out of
bots with {{bots}}/{{nobots}}, protected pages and edits refused by the wiki are reported and
the batch goes on. A page edited on the wiki since your last push, never pushed from here, or
deleted since, is refused unless --force: the ledger .wikidraft/ledger.json beside the config
file (wikidraft.toml, --config FILE) records each save, one per project whatever drafts you
name; an older one next to the drafts is moved there. One push per wiki at a time: a second
waits for the first. Ctrl-C or SIGTERM stops after printing what was saved; the next push takes
a save that was in flight for yours. On a terminal the diffs are shown and you are asked once;
elsewhere --yes is required. Exit status: 0 every page is as drafted, 1 some page failed or
conflicted, 2 trouble, 130 interrupted.

Example:
  wikidraft push examples/
  wikidraft push --yes --summary "Expand history section" draft.md
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .md file or a directory")
    parser.add_argument("--summary", help="the edit summary (default: edit.summary of the config)")
    parser.add_argument("--yes", action="store_true", help="do not ask; required without a tty")
    parser.add_argument("--word", action="store_true", help="show changed words within lines")
    parser.add_argument("--json", action="store_true", help="print the final table as JSON")
    parser.add_argument(
        "--submit",
        action="store_true",
        help="submit the drafts for review (Articles for Creation): {{subst:submit}} on top, "
        "unless a submission is already pending",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="also overwrite pages edited on the wiki since your last push (or never pushed "
        "from here), pages that opt out of bots with {{bots}}/{{nobots}} and pages with chat "
        "text that is not article content (never conflicts)",
    )
    add_disclose_argument(parser)
    add_recursive_argument(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Plan, confirm, save, report (also what was saved before a Ctrl-C or SIGTERM)."""
    from bot import drift, pushing
    from bot.plan import article_base
    from bot.report import Progress, table, table_json

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if not args.yes and not interactive:
        raise UserError("push asks before writing; without a terminal, pass --yes")
    config = load_config(args)
    outcomes: list[Outcome] = []
    with pushing.terminate_as_interrupt(), pushing.one_at_a_time(config):
        plan = pushing.plan(
            config,
            args.paths,
            login=True,
            force=args.force,
            recursive=args.recursive,
            disclose=args.disclose,
            submit=args.submit,
        )
        drift.write(plan.drifts)
        summary = args.summary or config.summary
        confirm = (lambda plan: True) if args.yes else partial(ask, word=args.word)
        saving = pushing.push(plan, summary, force=args.force, confirm=confirm)
        if saving is None:
            print("wikidraft: nothing pushed", file=sys.stderr)
            return 1
        try:
            for outcome in Progress(len(plan.changes)).track(saving):
                outcomes.append(outcome)
        finally:  # interrupted too: say what was saved before the interruption
            (table_json if args.json else table)(outcomes, article_base(plan.site, config))
    return 0 if all(outcome.ok for outcome in outcomes) else 1


def ask(plan: Plan, *, word: bool) -> bool:
    """Show the diffs (by words if asked) and ask once whether to push."""
    from bot.compare import write_text

    write_text(plan.changes, word=word)
    answer = input(f"Push {len(plan.pending)} page(s) to {plan.config.api}? [y/N] ")
    return answer.strip().lower() in ("y", "yes")
