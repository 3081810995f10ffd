"""`wikidraft preview`: a draft rendered by the wiki's parser into an HTML file, nothing saved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot import output
from bot.commands.common import add_config_argument, load_config
from bot.errors import UserError

HELP = """Render one draft with the wiki's own parser into a standalone HTML file.

Converts the draft, sends the wikitext to the wiki's parser (action=parse: nothing is saved, no
login) under the title it would have, and writes an HTML page that a browser shows with the
rendered references. Parser problems, such as Cite errors, are printed as warnings.

Example:
  wikidraft preview draft.md -o draft.html
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("path", metavar="PATH", help="a .md file")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="the HTML file (default: NAME.html here)"
    )
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Render, write the file, report the parser's warnings."""
    from bot import plan, render, site
    from bot.titles import RefusedTitle, confine

    config = load_config(args)
    source = Path(args.path)
    if not source.is_file():
        raise UserError(f"{args.path}: no such file")
    target = Path(args.output or source.with_suffix(".html").name)
    output.refuse_overwriting([target], [source], "-o")
    wiki = site.connect(config, login=False)
    conversion = plan.convert(source, wiki, config)
    with site.wiki_errors(config):
        try:
            known = plan.Prefixes(wiki)
            title = confine(conversion.title, conversion.namespace, config.namespace, known)
        except RefusedTitle as error:
            raise UserError(f"{source}: {error}") from None
        rendered = render.parse(wiki, title, conversion.wikitext)
        document = render.page(rendered, wiki, plan.server_url(wiki, config))
    output.write_file(target, document, "-o")
    for warning in rendered.warnings:
        print(f"wikidraft: {source}: warning: {warning}", file=sys.stderr)
    print(target)
    return 0
