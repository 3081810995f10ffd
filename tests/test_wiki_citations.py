"""The local wiki's citation templates show CS1's errors for the common faults, in red, so a
preview looks no cleaner than Wikipedia will (rendered through the wiki: action=parse)."""

from __future__ import annotations

import re

import pytest

from bot.render import ErrorText
from tests.localwiki import LocalWiki, parse

TEMPLATES = ("cite web", "cite news", "cite journal", "cite book")
GOOD = "|url=https://example.org/a|title=A title|date=1 March 2020|access-date=2021-03-01"
RED = re.compile(r'<span class="error[^"]*" style="color:#d33">')


def errors(wiki: LocalWiki, wikitext: str) -> list[str]:
    """The error messages the wiki's rendering of wikitext shows."""
    finder = ErrorText()
    finder.feed(parse(wiki.api, wikitext, "Draft:Citations")["text"])
    return finder.errors


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_good_citation_shows_no_error(local_wiki: LocalWiki, template: str) -> None:
    rendered = parse(local_wiki.api, f"{{{{{template} {GOOD}}}}}", "Draft:Citations")["text"]
    assert "A title" in rendered and 'href="https://example.org/a"' in rendered
    assert errors(local_wiki, f"{{{{{template} {GOOD}}}}}") == []


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("|title=", "Missing or empty |title="),
        ("|title=  ", "Missing or empty |title="),
        ("|url=example.org/a", "Check |url= value"),
        ("|url=https://example.org/a b", "Check |url= value"),
        ("|url=mailto://", "Check |url= value"),
        ("|date=the day before", "Check date values in: |date="),
        ("|access-date=2021-13-45", "Check date values in: |access-date="),
    ],
)
def test_each_fault_shows_its_error_in_red(
    local_wiki: LocalWiki, template: str, fault: str, message: str
) -> None:
    wikitext = f"{{{{{template} {GOOD}{fault}}}}}"  # a repeated parameter: the last one counts
    assert errors(local_wiki, wikitext) == [f"{{{{{template}}}}}: {message}"]
    assert RED.search(parse(local_wiki.api, wikitext, "Draft:Citations")["text"])


def test_a_citation_without_a_title_previews_with_the_error(local_wiki: LocalWiki) -> None:
    # What the converter writes for a source it found no title for (the seed's BioMed Central).
    wikitext = (
        "A claim.<ref>{{cite web |url=https://example.org/x |website=Example}}</ref>\n{{reflist}}"
    )
    assert errors(local_wiki, wikitext) == ["{{cite web}}: Missing or empty |title="]
