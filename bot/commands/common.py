"""What the commands that talk to a wiki share: the --config option."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bot import config as configuration

if TYPE_CHECKING:
    from bot.config import Config


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    """--config FILE, on every command that talks to a wiki."""
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="the TOML config (default: $WIKIDRAFT_CONFIG, ./wikidraft.toml, config/local.toml)",
    )


def add_recursive_argument(parser: argparse.ArgumentParser) -> None:
    """-r/--recursive, on every command that takes folders of drafts."""
    parser.add_argument(
        "-r",
        "--recursive",
        action="store_true",
        help="read the drafts in subfolders of a folder too (hidden folders are skipped)",
    )


def load_config(args: argparse.Namespace) -> Config:
    """The configuration named by --config (or found the usual way)."""
    return configuration.load(args.config)
