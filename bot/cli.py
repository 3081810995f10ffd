"""The ``wikidraft`` command line: parse arguments, call the library, print, exit.

Each subcommand lives in ``bot/commands/<name>.py`` with ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``. Those modules import nothing heavy at module level, so ``wikidraft
convert`` starts fast and never imports pywikibot.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import sys
from collections.abc import Sequence

from bot.errors import UserError

COMMANDS = ("convert", "diff", "push", "preview")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one subparser per command."""
    parser = argparse.ArgumentParser(
        prog="wikidraft",
        description="Convert Markdown drafts to wikitext and publish them to a wiki's Draft "
        "namespace.",
    )
    version = importlib.metadata.version("wikidraft")
    parser.add_argument("--version", action="version", version=f"wikidraft {version}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"bot.commands.{name}")
        sub = subparsers.add_parser(
            name,
            help=module.HELP.splitlines()[0],
            description=module.HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except UserError as error:
        print(f"wikidraft: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("wikidraft: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
