"""The safety net: parse the wikitext and check it holds exactly what the renderers emitted."""

from __future__ import annotations

from collections import Counter

import mwparserfromhell
from mwparserfromhell.nodes import ExternalLink, Heading, Tag, Template, Wikilink
from mwparserfromhell.wikicode import Wikicode

from converters.errors import ConverterBug
from converters.render.context import Report


def constructs(code: Wikicode) -> Counter[tuple[str, str]]:
    """Headings, templates, wikilinks, external links and refs a parse of wikitext finds."""
    found: Counter[tuple[str, str]] = Counter()
    # One walk over all nodes: a filter_*() per kind would walk the whole tree once per kind.
    for node in code.ifilter(recursive=True):
        if isinstance(node, Heading):
            found[("heading", str(node.title).strip())] += 1
        elif isinstance(node, Template):
            found[("template", str(node.name).strip())] += 1
        elif isinstance(node, Wikilink):
            found[("wikilink", str(node.title).strip())] += 1
        elif isinstance(node, ExternalLink):
            found[("external_link", str(node.url).strip())] += 1
        elif isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
            found[("ref", "")] += 1
    return found


def check(wikitext: str, report: Report) -> None:
    """Raise ConverterBug when the wikitext holds more or less than the renderers meant."""
    expected = Counter(report.emitted)
    # Fragments repeat (every reuse of a source is the same <ref name="…" />): parse each once.
    for fragment, times in Counter(report.foreign).items():
        for construct, count in constructs(mwparserfromhell.parse(fragment)).items():
            expected[construct] += count * times
    found = constructs(mwparserfromhell.parse(wikitext))
    if found == expected:
        return
    missing = sorted((expected - found).elements())
    extra = sorted((found - expected).elements())
    raise ConverterBug(
        "the wikitext does not hold what the converter meant to emit: "
        f"missing {missing[:5]}, unexpected {extra[:5]}; please report this with the draft"
    )
