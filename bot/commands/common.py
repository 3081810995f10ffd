"""What the commands that talk to a wiki share: the --config option."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bot import config as configuration
from bot.notices import print_warnings

if TYPE_CHECKING:
    from bot.compare import Change
    from bot.config import Config
    from bot.pwbsite import BotPasswordSite
    from bot.wikilinks import Finding


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    """--config FILE and --wiki NAME, on every command that talks to a wiki."""
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="the TOML config (default: $WIKIDRAFT_CONFIG, ./wikidraft.toml, config/local.toml)",
    )
    parser.add_argument(
        "--wiki", metavar="NAME", help="the [wikis.NAME] profile of the config (if it has several)"
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


def review(wiki: BotPasswordSite, config: Config, found: list[Change]) -> list[Finding]:
    """Ask the wiki about the drafts' links and subjects; print the findings as warnings."""
    from bot import site, wikilinks

    drafts = [
        wikilinks.Draft(str(change.item.source), change.item.markdown, change.item.conversion)
        for change in found
        if not change.item.refused
    ]
    with site.wiki_errors(config):
        findings = wikilinks.review(wiki, drafts)
    for draft in drafts:
        print_warnings(draft.source, (f for f in findings if f.source == draft.source))
    return findings


def load_config(args: argparse.Namespace) -> Config:
    """The configuration named by --config (or found the usual way)."""
    return configuration.load(args.config, args.wiki)
