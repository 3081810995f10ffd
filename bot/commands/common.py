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


def add_disclose_argument(parser: argparse.ArgumentParser) -> None:
    """--disclose MODEL, on diff and push (WP:LLMDISCLOSE; bot/provenance.py)."""
    parser.add_argument(
        "--disclose",
        metavar="MODEL",
        help='the chat assistant that helped write the drafts, e.g. "ChatGPT (GPT-5)": named '
        'in the edit summary ("LLM-assisted: MODEL", WP:LLMDISCLOSE); required on Wikimedia '
        "wikis for drafts with signs of one (or front matter llm: MODEL)",
    )


def load_config(args: argparse.Namespace) -> Config:
    """The configuration named by --config (or found the usual way)."""
    return configuration.load(args.config)
