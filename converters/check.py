"""The safety net: parse the wikitext and check it holds exactly what the renderers emitted."""

from __future__ import annotations

from collections import Counter

import mwparserfromhell
from mwparserfromhell.nodes import ExternalLink, Heading, Node, Tag, Template, Wikilink
from mwparserfromhell.wikicode import Wikicode

from converters.errors import ConverterBug
from converters.render.context import Report


def _construct(node: Node) -> tuple[str, str] | None:
    """What one node is, if it is a construct the check counts."""
    if isinstance(node, Heading):
        return ("heading", str(node.title).strip())
    if isinstance(node, Template):
        return ("template", str(node.name).strip())
    if isinstance(node, Wikilink):
        return ("wikilink", str(node.title).strip())
    if isinstance(node, ExternalLink):
        return ("external_link", str(node.url).strip())
    if isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
        return ("ref", "")
    return None


def constructs(code: Wikicode) -> Counter[tuple[str, str]]:
    """Headings, templates, wikilinks, external links and refs a parse of wikitext finds."""
    # One walk over all nodes: a filter_*() per kind would walk the whole tree once per kind.
    return Counter(c for node in code.ifilter(recursive=True) if (c := _construct(node)))


def _foreign_constructs(code: Wikicode, foreign: Counter[str]) -> Counter[tuple[str, str]]:
    """The constructs of the fragments written by others, read from the document's own parse.

    A fragment that stands as one node of the document (a ref, a template) is counted from
    that node, which saves parsing it again; what remains (a fragment the document broke, or
    one of several nodes) is parsed on its own, and a broken one then shows as a mismatch.
    """
    pending = Counter(foreign)
    expected: Counter[tuple[str, str]] = Counter()
    stack = [code]
    while stack:
        for node in stack.pop().nodes:
            text = str(node) if pending else ""
            if pending[text] > 0:
                pending[text] -= 1
                expected.update(constructs(Wikicode([node])))
            else:
                stack.extend(node.__children__())
    for fragment, times in (+pending).items():
        for construct, count in constructs(mwparserfromhell.parse(fragment)).items():
            expected[construct] += count * times
    return expected


def check(wikitext: str, report: Report) -> None:
    """Raise ConverterBug when the wikitext holds more or less than the renderers meant."""
    code = mwparserfromhell.parse(wikitext)
    found = constructs(code)
    expected = Counter(report.emitted) + _foreign_constructs(code, Counter(report.foreign))
    if found == expected:
        return
    missing = sorted((expected - found).elements())
    extra = sorted((found - expected).elements())
    raise ConverterBug(
        "the wikitext does not hold what the converter meant to emit: "
        f"missing {missing[:5]}, unexpected {extra[:5]}; please report this with the draft"
    )
