"""`wikidraft preview`: a draft rendered by the wiki's parser into an HTML file, nothing saved."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot import output
from bot.commands.common import add_config_argument, load_config
from bot.errors import UserError
from bot.notices import format_warning, print_warnings, to_json

HELP = """Render one draft with the wiki's own parser into a standalone HTML file.

Converts the draft, sends the wikitext to the wiki's parser (action=parse: nothing is saved, no
login) under the title it would have, and writes an HTML page that a browser shows with the
rendered references. Prints, as FILE:LINE: warning: MESSAGE, the conversion's warnings, what
the wiki says about the draft's links and subject (red links, redirects, disambiguation pages,
an existing article) and the parser's problems, such as Cite errors and citation errors.

Example:
  wikidraft preview draft.md -o draft.html
  wikidraft preview --json draft.md
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("path", metavar="PATH", help="a .md file")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="the HTML file (default: NAME.html here)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print source, title, output, warnings as JSON"
    )
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Render, write the file, report the warnings."""
    from bot import plan, render, site, wikilinks
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
        findings = wikilinks.review(wiki, [wikilinks.Draft.read(source, conversion)])
        rendered = render.parse(wiki, title, conversion.wikitext)
        document = render.page(rendered, wiki, plan.server_url(wiki, config))
    output.write_file(target, document, "-o")
    print_warnings(str(source), (*conversion.warnings, *findings))
    for warning in rendered.warnings:
        print(format_warning(str(source), None, warning), file=sys.stderr)
    if args.json:
        parser = [{"line": None, "message": warning} for warning in rendered.warnings]
        payload = {
            "source": str(source),
            "title": title,
            "output": str(target),
            "warnings": [to_json(warning) for warning in conversion.warnings] + parser,
            "findings": [finding.to_json() for finding in findings],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(target)
    return 0
