"""`wikidraft preview`: drafts rendered by the wiki's parser into HTML files, nothing saved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot import output
from bot.commands.common import add_config_argument, add_recursive_argument, load_config
from bot.drafts import draft_files
from bot.errors import UserError

if TYPE_CHECKING:
    from bot.config import Config
    from bot.pwbsite import BotPasswordSite

HELP = """Render drafts with the wiki's own parser into standalone HTML files, one per draft.

Converts each draft, sends the wikitext to the wiki's parser (action=parse: nothing is saved,
no login) under the title it would have, and writes an HTML page that a browser shows with the
rendered references: NAME.html here, or -o FILE for one draft. A directory previews its *.md
and *.markdown files (-r: in its subfolders too). Parser problems, such as Cite errors, are
printed as warnings.

Example:
  wikidraft preview draft.md -o draft.html
  wikidraft preview -r drafts/
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .md file or a directory")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the HTML file of one draft (default: NAME.html here)",
    )
    add_recursive_argument(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Render each draft, write its file, report the parser's warnings."""
    from bot import site

    config = load_config(args)
    sources = draft_files(args.paths, args.recursive)
    if args.output and len(sources) > 1:
        raise UserError("-o FILE takes one draft; several are written as NAME.html here")
    targets: dict[Path, Path] = {}
    for source in sources:
        target = Path(args.output or source.with_suffix(".html").name)
        if target in targets:
            raise UserError(f"{targets[target]} and {source} would both be written to {target}")
        targets[target] = source
    output.refuse_overwriting(targets, sources, "-o")
    wiki = site.connect(config, login=False)
    for target, source in targets.items():
        preview(wiki, config, source, target)
    return 0


def preview(wiki: BotPasswordSite, config: Config, source: Path, target: Path) -> None:
    """Render one draft into target and report the parser's warnings."""
    from bot import plan, render, site
    from bot.titles import RefusedTitle, confine

    conversion = plan.convert(source, wiki, config)
    with site.wiki_errors(config):
        try:
            known = plan.Prefixes(wiki)
            title = confine(conversion.title, conversion.namespace, config.target, known)
        except RefusedTitle as error:
            raise UserError(f"{source}: {error}") from None
        rendered = render.parse(wiki, title, conversion.wikitext)
        document = render.page(rendered, wiki, plan.server_url(wiki, config))
    output.write_file(target, document, "-o")
    for warning in rendered.warnings:
        print(f"wikidraft: {source}: warning: {warning}", file=sys.stderr)
    print(target)
