"""`wikidraft convert` (not implemented yet)."""

from __future__ import annotations

import argparse
import sys

HELP = "convert: not implemented yet."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments yet."""
    parser.add_argument("paths", nargs="*")


def run(args: argparse.Namespace) -> int:
    """Say that the command is not implemented yet."""
    print("wikidraft convert: not implemented yet", file=sys.stderr)
    return 2
