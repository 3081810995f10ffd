"""`wikidraft preview`: drafts rendered by the wiki's parser into HTML files, nothing saved."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot import output
from bot.commands.common import add_config_argument, add_recursive_argument, load_config
from bot.drafts import draft_files
from bot.errors import UserError
from bot.notices import format_warning, print_warnings, to_json

if TYPE_CHECKING:
    from bot import plan, wikilinks
    from bot.config import Config
    from bot.pwbsite import BotPasswordSite
    from converters import Conversion

HELP = """Render drafts with the wiki's own parser into standalone HTML files, one per draft.

Converts each draft, sends the wikitext to the wiki's parser (action=parse: nothing is saved,
no login) under the title it would have, and writes an HTML page that a browser shows with the
rendered references: NAME.html here, or -o FILE for one draft. A directory previews its *.md
and *.markdown files (-r: in its subfolders too). Parser problems, such as Cite errors, are
printed as warnings. Prints, as FILE:LINE: warning: MESSAGE, the conversion's warnings, what
the wiki says about the draft's links and subject (red links, redirects, disambiguation pages,
an existing article) and the parser's problems, such as Cite errors and citation errors.

Example:
  wikidraft preview draft.md -o draft.html
  wikidraft preview -r drafts/
  wikidraft preview --json draft.md
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
    parser.add_argument(
        "--json", action="store_true", help="print source, title, output, warnings as JSON"
    )
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Render each draft, write its file, report the warnings."""
    from bot import plan, site, wikilinks

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
    with site.wiki_errors(config):
        known = plan.Prefixes(wiki)
        files = list(targets.values())
        # Converted as push sends them: a link to a sibling draft names its page; with
        # [sources] enrich, the sources of all of them are fetched in one pool run.
        converted = plan.convert_files(files, wiki, config, plan.draft_titles(wiki, config, files))
        drafts = {
            target: placed(config, known, source, *pair)
            for (target, source), pair in zip(targets.items(), converted, strict=True)
        }
        # One review for the batch, as diff has: its titles are asked 50 at a time.
        findings = wikilinks.review(wiki, [draft for draft, _ in drafts.values()])
    payloads = [
        preview(wiki, config, draft, title, target, findings, args.json)
        for target, (draft, title) in drafts.items()
    ]
    if args.json:
        print(
            json.dumps(
                payloads[0] if len(payloads) == 1 else payloads, ensure_ascii=False, indent=2
            )
        )
    return 0


def placed(
    config: Config, known: plan.Prefixes, source: Path, markdown: str, conversion: Conversion
) -> tuple[wikilinks.Draft, str]:
    """One converted draft, and the page title it would have in the namespace."""
    from bot import wikilinks
    from bot.title_guard import RefusedTitle, confine

    try:
        title = confine(conversion.title, conversion.namespace, config.target, known)
    except RefusedTitle as error:
        raise UserError(f"{source}: {error}") from None
    return wikilinks.Draft(str(source), markdown, conversion), title


def preview(
    wiki: BotPasswordSite,
    config: Config,
    draft: wikilinks.Draft,
    title: str,
    target: Path,
    findings: list[wikilinks.Finding],
    as_json: bool,
) -> dict[str, object]:
    """Render one draft into target and report its warnings and findings; what --json prints
    of it."""
    from bot import plan, site, wiki_html

    source, conversion = draft.source, draft.conversion
    mine = [finding for finding in findings if finding.source == source]
    with site.wiki_errors(config):
        rendered = wiki_html.parse(wiki, title, conversion.wikitext)
        document = wiki_html.page(rendered, wiki, plan.server_url(wiki, config))
    output.write_file(target, document, "-o")
    print_warnings(source, (*conversion.warnings, *mine))
    for warning in rendered.warnings:
        print(format_warning(source, None, warning), file=sys.stderr)
    if not as_json:
        print(target)
    parser = [
        {"severity": "warning", "kind": "parser", "line": None, "message": warning}
        for warning in rendered.warnings
    ]
    return {
        "source": source,
        "title": title,
        "output": str(target),
        "warnings": [to_json(warning) for warning in conversion.warnings] + parser,
        "findings": [finding.to_json() for finding in mine],
    }
