"""`wikidraft push`: publish the drafts to the wiki's namespace, safely, with a report."""

from __future__ import annotations

import argparse
import sys

from bot.commands.common import add_config_argument, add_recursive_argument, changes, load_config
from bot.errors import UserError

HELP = """Publish drafts to the configured namespace of the wiki (Draft: by default).

Does what `wikidraft diff` shows: new pages are created (never over a page created meanwhile),
changed pages are updated against the revision compared (an edit by someone else in between is
reported as a conflict, never overwritten), unchanged pages are skipped. Pages that opt out of
bots with {{bots}}/{{nobots}}, protected pages and edits refused by the wiki are reported and
the batch goes on. A page edited on the wiki since your last push, never pushed from here, or
deleted since, is refused unless --force (.wikidraft/ledger.json next to the drafts records
each save). On a terminal the diffs are shown and you are asked once; elsewhere --yes is
required. Exit status: 0 every page is as drafted, 1 some page failed or conflicted, 2 trouble.

Example:
  wikidraft push examples/
  wikidraft push --yes --summary "Expand history section" draft.md
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .md file or a directory")
    parser.add_argument("--summary", help="the edit summary (default: edit.summary of the config)")
    parser.add_argument("--yes", action="store_true", help="do not ask; required without a tty")
    parser.add_argument(
        "--force",
        action="store_true",
        help="also overwrite pages edited on the wiki since your last push (or never pushed "
        "from here) and pages that opt out of bots with {{bots}}/{{nobots}} (never conflicts)",
    )
    add_recursive_argument(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Plan, confirm, save, report."""
    from bot import drift
    from bot.compare import write_text
    from bot.plan import article_base
    from bot.publish import publish
    from bot.report import Progress, table

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if not args.yes and not interactive:
        raise UserError("push asks before writing; without a terminal, pass --yes")
    config = load_config(args)
    site, found = changes(args.paths, config, login=True, recursive=args.recursive)
    ledger = drift.open_ledger(found)
    drifts = drift.find(site, ledger, config, found)
    drift.write(drifts)
    if not args.force:
        found = drift.refuse(found, drifts)
    pending = [change for change in found if change.status in ("new", "changed")]
    if pending and not args.yes:
        write_text(found)
        answer = input(f"Push {len(pending)} page(s) to {config.api}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("wikidraft: nothing pushed", file=sys.stderr)
            return 1
    summary = args.summary or config.summary
    saving = drift.recorded(
        publish(site, found, summary, minor=config.minor, force=args.force), ledger, config.api
    )
    outcomes = list(Progress(len(found)).track(saving))
    table(outcomes, article_base(site, config))
    return 0 if all(outcome.ok for outcome in outcomes) else 1
