"""`wikidraft diff`: the dry run of push — what would change on the wiki, writing nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot import output
from bot.commands.common import (
    add_config_argument,
    add_disclose_argument,
    add_recursive_argument,
    load_config,
    review,
)
from bot.drafts import draft_files

HELP = """Show what `wikidraft push` would change on the wiki, writing nothing.

Converts each draft, fetches the current pages in batches of 50 (no login, no edit token) and
prints a unified diff per page, then one line per page: new, changed (+a -b lines), unchanged
or refused: a title outside the configured namespace, an empty draft, a page over the wiki's
size limit, and (in the words push would use) a page edited on the wiki since your last push
(named, with what was changed there), never pushed from here, or deleted since, as recorded in
.wikidraft/ledger.json beside the config file. Colour on a terminal unless NO_COLOR is set.
Exit status like diff(1): 0 nothing would change, 1 something would or a page is refused, 2 trouble
(including a refused title).

Example:
  wikidraft diff examples/
  wikidraft diff --word draft.md         # changed words as [-old-]{+new+}
  wikidraft diff --json draft.md
  wikidraft diff --html review.html drafts/   # the wiki's diffs and renderings, one file
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .md file or a directory")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output")
    add_recursive_argument(parser)
    add_disclose_argument(parser)
    parser.add_argument("--word", action="store_true", help="mark changed words within lines")
    parser.add_argument(
        "--html", metavar="FILE", type=Path, help="also write a review report (HTML) to FILE"
    )
    parser.add_argument(
        "--json", dest="format", action="store_const", const="json", help="--format json"
    )
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Print the diffs; the exit status says whether anything would change."""
    from bot import drift, htmlreport, pushing
    from bot.compare import write_json, write_text

    config = load_config(args)
    if args.html:  # before the wiki is asked anything
        drafts = draft_files(args.paths, args.recursive)
        output.refuse_overwriting([args.html], drafts, "--html")
    plan = pushing.plan(
        config, args.paths, login=False, recursive=args.recursive, disclose=args.disclose
    )
    findings = review(plan.site, config, plan.changes)
    if args.html:
        htmlreport.write(args.html, plan.site, config, plan.changes, findings)
    if args.format == "json":
        write_json(plan.changes, findings)
    else:
        write_text(plan.changes, word=args.word)
    drift.write(plan.drifts, sys.stderr if args.format == "json" else sys.stdout)
    if any(change.status == "refused" and not change.item.placed for change in plan.changes):
        return 2
    return 1 if any(change.status != "unchanged" for change in plan.changes) else 0
