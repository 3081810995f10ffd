"""`wikidraft check`: every cited source fetched and judged, with the converter's findings."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from typing import TYPE_CHECKING

from bot.commands.common import add_config_argument, add_recursive_argument, load_config
from bot.errors import UserError
from bot.notices import warning_lines

if TYPE_CHECKING:
    from bot.check import Problem
    from bot.commands.convert import Draft
    from bot.config import ConfigFile
    from converters import Conversion

HELP = """Check the sources a draft cites before anyone else has to.

Every cited URL is fetched (through the cache, $XDG_CACHE_HOME/wikidraft) and judged: dead
(404, 410, no such host), soft 404, blocked (401, 403, 429: not verified), timed out,
redirected, its title unlike the draft's, its DOI unresolvable or another work's; and every
ISBN's check digit and every finding of the converter. With a config that names a wiki (and
not --offline), the wiki is asked, as diff asks it, about the drafts' links and subjects: red
links, redirects, disambiguation pages, an existing article (warnings; if the wiki cannot be
reached, one warning says so; a mistake in the config's [wiki] is an error, exit 2).
Prints PATH:LINE: SEVERITY: MESSAGE.
Exit 0 without errors, 1 with errors, 2 when the check itself could not run.

Example:
  wikidraft check drafts/
  wikidraft check draft.md --json --offline
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .md file, a directory, or -")
    add_recursive_argument(parser)
    add_config_argument(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a list of {path, line, severity, kind, message, url}",
    )
    freshness = parser.add_mutually_exclusive_group()
    freshness.add_argument(
        "--offline",
        action="store_true",
        help="use only the cache; name the URLs not checked; do not ask the wiki",
    )
    freshness.add_argument("--refresh", action="store_true", help="fetch again, ignoring the cache")


def run(args: argparse.Namespace) -> int:
    """Check the drafts; exit 0, 1 when a finding is an error, 2 for trouble."""
    from bot import config as configuration
    from bot.check import check_drafts
    from bot.commands.convert import _read
    from converters import ConversionError, ConverterBug, convert

    file = configuration.read(args.config)  # once: [sources] here, [wiki] for the questions
    settings = configuration.source_settings(file)
    drafts = [draft for path in args.paths for draft in _read(path, args.recursive)]
    converted = []
    for draft in drafts:
        source = None if draft.name == "<stdin>" else draft.name
        try:
            sources = {} if settings.enrich else None
            converted.append((draft, convert(draft.text, source_name=source, sources=sources)))
        except ConversionError as error:
            raise UserError(f"{draft.name}: {error}") from None
        except ConverterBug as error:
            raise UserError(f"{draft.name}: internal error of the converter: {error}") from None
    wiki = [] if args.offline else _ask_wiki(args, file, converted)
    problems = check_drafts(
        converted, settings, offline=args.offline, refresh=args.refresh, wiki=wiki
    )
    if args.json:
        print(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2))
    else:  # in the one format: a finding said twice at one line (two markers) once, counted
        for source, found in itertools.groupby(problems, key=lambda problem: problem.source):
            for line in warning_lines(source, found):
                print(line)
    errors = sum(p.severity == "error" for p in problems)
    print(
        f"wikidraft: {len(drafts)} draft(s): {errors} error(s), "
        f"{len(problems) - errors} warning(s)",
        file=sys.stderr,
    )
    return 1 if errors else 0


def _ask_wiki(
    args: argparse.Namespace, file: ConfigFile | None, converted: list[tuple[Draft, Conversion]]
) -> list[Problem]:
    """The wiki's findings when the config names a wiki; one warning when it cannot be asked."""
    from bot import config as configuration
    from bot import site
    from bot.check import wiki_problems

    if not (args.wiki or (file and file.names_a_wiki)):
        return []
    try:
        # A mistake in the config (or in --wiki) stops the check; without a file (but a --wiki
        # NAME), load says there is no config.
        config = configuration.checked(file, args.wiki) if file else load_config(args)
    except configuration.NotSetUp as error:
        return _not_asked(error)  # config/local.toml before `make wiki` made its password
    try:
        wiki = site.connect(config, login=False)
        with site.wiki_errors(config):
            return wiki_problems(wiki, converted)
    except site.NamespaceNotAllowed:
        raise  # a mistake in the config, which only the wiki could judge
    except UserError as error:
        return _not_asked(error)


def _not_asked(error: UserError) -> list[Problem]:
    """No findings, and one warning why: the sources are still checked, check's exit is theirs."""
    print(f"wikidraft: warning: the wiki was not asked: {error}", file=sys.stderr)
    return []
