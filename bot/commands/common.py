"""What diff and push share: the --config option and the plan of changes."""

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


def changes(
    paths: list[str], config: Config, *, login: bool
) -> tuple[BotPasswordSite, list[Change]]:
    """Connect, convert and fetch, compare: what a push of paths would do."""
    from bot import plan, site
    from bot.compare import compare

    wiki = site.connect(config, login=login)
    with site.wiki_errors(config):
        items = plan.build(wiki, config, paths)
    for item in items:
        print_warnings(str(item.source), item.conversion.warnings)
    return wiki, [compare(item) for item in items]


def review(wiki: BotPasswordSite, config: Config, found: list[Change]) -> list[Finding]:
    """Ask the wiki about the drafts' links and subjects; print the findings as warnings."""
    from bot import site, wikilinks

    drafts = [
        wikilinks.Draft.read(change.item.source, change.item.conversion)
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
