"""What diff and push share: the --config option and the plan of changes."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from bot import config as configuration

if TYPE_CHECKING:
    from bot.compare import Change
    from bot.config import Config
    from bot.pwbsite import BotPasswordSite


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


def changes(
    paths: list[str], config: Config, *, login: bool, recursive: bool = False
) -> tuple[BotPasswordSite, list[Change]]:
    """Connect, convert and fetch, compare: what a push of paths would do."""
    from bot import plan, site
    from bot.compare import compare

    wiki = site.connect(config, login=login)
    with site.wiki_errors(config):
        items = plan.build(wiki, config, paths, recursive)
    for item in items:
        for warning in item.conversion.warnings:
            where = f"{item.source}:{warning.line}" if warning.line else str(item.source)
            print(f"wikidraft: {where}: warning: {warning.message}", file=sys.stderr)
    return wiki, [compare(item) for item in items]


def load_config(args: argparse.Namespace) -> Config:
    """The configuration named by --config (or found the usual way)."""
    return configuration.load(args.config)
