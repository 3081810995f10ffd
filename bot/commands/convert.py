"""`wikidraft convert`: Markdown drafts to wikitext, printed or written to files."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot import output
from bot.commands.common import add_recursive_argument
from bot.drafts import decode, draft_files
from bot.errors import UserError
from bot.notices import print_warnings

if TYPE_CHECKING:
    from bot.config import ConfigFile
    from converters import Conversion
    from converters.citations.metadata import SourceMetadata

HELP = """Convert Markdown drafts to Wikipedia-grade wikitext.

Prints the wikitext of one draft (a file, or - for standard input); a directory converts every
*.md and *.markdown in it (-r: in its subfolders too, which --out-dir mirrors). Several drafts
need --out-dir (or --json). Warnings go to standard error as FILE:LINE: warning: MESSAGE
(FILE:LINE: error: MESSAGE for chat text that is never article content; --strict then exits 1).
Nothing is written when any input cannot be read. A draft may be up to 25 MB.
An output file is replaced whole; a device, FIFO or symbolic link is written through; an output
that is one of the drafts is refused.

Example:
  wikidraft convert draft.md -o draft.wiki
  wikidraft convert drafts/ --out-dir build/
  wikidraft convert --config wikidraft.toml draft.md   # exactly what push would send
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .md file, a directory, or -")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("-o", "--output", metavar="FILE", help="write the wikitext to FILE")
    output.add_argument(
        "--out-dir",
        metavar="DIR",
        help="write NAME.wiki per draft into DIR, in the subfolders the drafts have "
        "below a folder PATH",
    )
    parser.add_argument("--title", help="the article title (default: from the draft)")
    add_recursive_argument(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help="print title, namespace, wikitext, warnings (severity, kind, line, message) and "
        "provenance as JSON",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when a draft holds chat text that is not article content (an error)",
    )
    parser.add_argument(
        "--enrich",
        action="store_true",
        help="fill citations from the cited pages (fetched, or cached; see wikidraft check)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="convert for this wiki as push would: its article URLs and the drafts beside "
        "these become wikilinks (reads the wiki's site info; no login); its [sources] for "
        "--enrich",
    )


@dataclass(frozen=True)
class Draft:
    """One input: the name used in messages, its text, and its output's place in --out-dir
    (without suffix: the draft's path below the folder argument that found it)."""

    name: str
    text: str
    place: Path


def _read(path: str, recursive: bool = False) -> list[Draft]:
    """The drafts one PATH argument names; an unreadable or non-UTF-8 input is a UserError."""
    if path == "-":
        return [Draft("<stdin>", decode("<stdin>", sys.stdin.buffer.read()), Path("stdin"))]
    source = Path(path)
    if source.is_dir():
        return [
            replace(draft, place=file.relative_to(source).with_suffix(""))
            for file in draft_files([path], recursive)
            for draft in _read(str(file))
        ]
    try:
        data = source.read_bytes()
    except OSError as error:
        raise UserError(f"{path}: cannot read it ({error.strerror}); check the path") from None
    return [Draft(path, decode(path, data), Path(source.stem))]


def _targets(drafts: list[Draft], args: argparse.Namespace) -> list[Path]:
    """The files -o or --out-dir would write, one per draft (none for standard output); two
    drafts for one --out-dir file are a UserError."""
    if not args.out_dir:
        return [Path(args.output)] if args.output else []
    suffix = ".json" if args.json else ".wiki"
    targets = [Path(args.out_dir) / f"{draft.place}{suffix}" for draft in drafts]
    named: dict[Path, str] = {}
    for draft, target in zip(drafts, targets, strict=True):
        other = named.setdefault(target, draft.name)
        if other != draft.name:
            raise UserError(
                f"--out-dir: {other} and {draft.name} would both be written to {target}; "
                "rename one, or convert them separately"
            )
    return targets


def _output(conversion: Conversion, as_json: bool) -> str:
    """What is printed or written for one draft."""
    if as_json:
        return json.dumps(conversion.to_json(), ensure_ascii=False, indent=2) + "\n"
    return conversion.wikitext


def run(args: argparse.Namespace) -> int:
    """Convert the drafts; exit 0, or 2 for a problem with the input or the flags."""
    from bot import config as configuration
    from bot.enrich import convert_all
    from bot.sources.settings import SourceSettings
    from converters import ConversionError, ConverterBug, convert

    drafts = [draft for path in args.paths for draft in _read(path, args.recursive)]
    several = len(drafts) > 1
    if several and args.output:
        raise UserError("-o FILE takes one draft; use --out-dir DIR for several")
    if several and args.title:
        raise UserError("--title names one draft; convert the drafts one at a time")
    if several and not (args.out_dir or args.json):
        raise UserError("several drafts need --out-dir DIR (or --json)")
    targets = _targets(drafts, args)
    sources = [Path(draft.name) for draft in drafts if draft.name != "<stdin>"]
    output.refuse_overwriting(targets, sources, "--out-dir" if args.out_dir else "-o")
    # Read once: --config's wiki for the options, its [sources] (or the config found) for --enrich.
    file = configuration.read(args.config) if args.config or args.enrich else None
    options = _wiki_options(file if args.config else None, drafts)

    def convert_one(draft: Draft, found: Mapping[str, SourceMetadata] | None) -> Conversion:
        source = None if draft.name == "<stdin>" else draft.name
        try:
            return convert(
                draft.text, title=args.title, source_name=source, sources=found, **options
            )
        except ConversionError as error:
            raise UserError(f"{draft.name}: {error}") from None
        except ConverterBug as error:
            raise ConverterBug(f"{draft.name}: {error}") from error

    settings = (
        replace(configuration.source_settings(file), enrich=True)
        if args.enrich
        else SourceSettings()
    )
    try:
        results = list(zip(drafts, convert_all(drafts, convert_one, settings), strict=True))
    except ConverterBug as error:
        print(f"wikidraft: internal error on {error}", file=sys.stderr)
        return 1
    for draft, conversion in results:
        print_warnings(draft.name, conversion.warnings)
    _emit(results, targets, args)
    return 1 if args.strict and any(c.errors for _, c in results) else 0


def _wiki_options(file: ConfigFile | None, drafts: list[Draft]) -> dict[str, object]:
    """The conversion options push uses for the wiki of the --config file; none without one (a
    config of [sources] alone is for --enrich)."""
    from bot import config, plan, site

    if file is None or not file.names_a_wiki:
        return {}

    settings = config.checked(file)
    wiki = site.connect(settings, login=False)
    with site.wiki_errors(settings):
        files = [Path(draft.name) for draft in drafts if draft.name != "<stdin>"]
        return plan.convert_options(wiki, settings, plan.draft_titles(wiki, settings, files))


def _emit(
    results: list[tuple[Draft, Conversion]], targets: list[Path], args: argparse.Namespace
) -> None:
    """Write the outputs (all converted already, so a failure cannot leave half of them)."""
    if args.out_dir:
        output.make_directory(Path(args.out_dir), "--out-dir")
        for (_, conversion), target in zip(results, targets, strict=True):
            output.write_file(target, _output(conversion, args.json), "--out-dir")
    elif args.output:
        output.write_file(targets[0], _output(results[0][1], args.json), "-o")
    elif args.json and len(results) > 1:
        payload = [{"source": d.name, **c.to_json()} for d, c in results]
        output.write_stdout(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        output.write_stdout(_output(results[0][1], args.json))
