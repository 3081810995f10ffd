"""The safety net: parse the wikitext and check it holds exactly what the renderers emitted."""

from __future__ import annotations

from collections import Counter

import mwparserfromhell
from mwparserfromhell.wikicode import Wikicode

from converters.errors import ConverterBug
from converters.render.context import Report


def constructs(code: Wikicode) -> Counter[tuple[str, str]]:
    """Headings, templates, wikilinks, external links and refs a parse of wikitext finds."""
    found: Counter[tuple[str, str]] = Counter()
    for heading in code.filter_headings():
        found[("heading", str(heading.title).strip())] += 1
    for template in code.filter_templates():
        found[("template", str(template.name).strip())] += 1
    for link in code.filter_wikilinks():
        found[("wikilink", str(link.title).strip())] += 1
    for link in code.filter_external_links():
        found[("external_link", str(link.url).strip())] += 1
    for tag in code.filter_tags():
        if str(tag.tag).strip().lower() == "ref":
            found[("ref", "")] += 1
    return found


def check(wikitext: str, report: Report) -> None:
    """Raise ConverterBug when the wikitext holds more or less than the renderers meant."""
    expected = Counter(report.emitted)
    for fragment in report.foreign:
        expected.update(constructs(mwparserfromhell.parse(fragment)))
    found = constructs(mwparserfromhell.parse(wikitext))
    if found == expected:
        return
    missing = sorted((expected - found).elements())
    extra = sorted((found - expected).elements())
    raise ConverterBug(
        "the wikitext does not hold what the converter meant to emit: "
        f"missing {missing[:5]}, unexpected {extra[:5]}; please report this with the draft"
    )
