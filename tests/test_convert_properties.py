"""Properties of convert() on any input: it never raises, its output parses, and text that
looks like wiki markup stays text."""

from __future__ import annotations

import re

import mwparserfromhell
import pytest
from hypothesis import given
from hypothesis import strategies as st

from converters import ConversionError, convert

# Pieces of text MediaWiki would read as markup, and ordinary words to put between them.
# What MediaWiki cannot store and replaces on save: C0 controls but tab and newline, U+FFFE/F.
UNSTORABLE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
META = [
    "[[", "]]", "{{", "}}", "{{{", "{|", "|}", "|-", "''", "'''", "'", "~~~", "~~~~", "~~~~~",
    "__NOTOC__", "__TOC__", "&amp;", "&#123;", "&nbsp;", "<ref>", "</ref>", "<nowiki>",
    "<b>", "<!--", "-->", "----", "=", "==", "*", "#", ":", ";", "|", "||", "!!", "!",
    "[http://x.org y]", "http://x.org/a", "[//x.org z]", "mailto:a@b.org", "-{", "}-",
    "[", "]", "{", "}", "<", ">", "&", "\\", "_", "~",
]  # fmt: skip
WORDS = ["a", "bc", "Def", "1", " ", "  ", "é", "\t"]
TEXT = st.lists(st.sampled_from(META + WORDS), min_size=1, max_size=30).map(
    lambda p: "".join(p).strip()
)


def markdown_literal(text: str) -> str:
    """Markdown whose only meaning is ``text`` as plain text: all punctuation escaped."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


def visible(wikitext: str) -> str:
    """The text a wiki page would show, whitespace collapsed (entities decoded)."""
    code = mwparserfromhell.parse(wikitext)
    for tag in code.filter_tags(matches=lambda node: node.tag == "nowiki"):
        code.replace(tag, str(tag.contents) if tag.contents else "")
    shown = str(code).replace("&#124;", "|").replace("&#91;", "[").replace("&#93;", "]")
    shown = shown.replace("&#58;", ":").replace("&#33;", "!").replace("&#32;", " ")
    shown = shown.replace("&lt;", "<").replace("&amp;", "&")
    return " ".join(shown.split())


@given(st.text())
def test_convert_never_raises_and_its_output_can_be_stored(text: str) -> None:
    # convert checks its own output with mwparserfromhell and raises ConverterBug when the
    # wiki would read something it did not mean: returning is most of the property.
    wikitext = convert(text, title="Property").wikitext
    assert not UNSTORABLE.search(wikitext), repr(wikitext)


@given(st.lists(st.sampled_from(META + WORDS + ["\n", "\n\n", "- ", "1. ", "> ", "# "])))
def test_markdown_made_of_wiki_metacharacters_converts(pieces: list[str]) -> None:
    try:
        wikitext = convert("".join(pieces), title="Property").wikitext
    except ConversionError as error:  # the one refusal: nesting deeper than markdown-it keeps
        assert "nested too deeply" in str(error)
        return
    assert not UNSTORABLE.search(wikitext), repr(wikitext)


@given(TEXT)
def test_metacharacters_in_text_never_become_markup(text: str) -> None:
    wikitext = convert(markdown_literal(text), title="Property").wikitext
    code = mwparserfromhell.parse(wikitext)
    assert not code.filter_templates(), wikitext
    assert not code.filter_wikilinks(), wikitext
    assert not code.filter_external_links(), wikitext
    assert not code.filter_headings(), wikitext
    assert not code.filter_comments(), wikitext
    tags = {str(t.tag) for t in code.filter_tags() if not t.wiki_markup} - {"nowiki"}
    assert not tags, wikitext
    assert not any(t.wiki_markup for t in code.filter_tags()), wikitext  # '' ''' * # ; : ----
    assert visible(wikitext) == " ".join(text.split()), wikitext


@given(TEXT, TEXT)
def test_metacharacters_in_table_cells_stay_in_their_cell(left: str, right: str) -> None:
    markdown = f"| h | i |\n|---|---|\n| {markdown_literal(left)} | {markdown_literal(right)} |\n"
    wikitext = convert(markdown, title="Property").wikitext
    rows = wikitext.split("\n|-\n")[1].removesuffix("\n|}\n").split("\n")
    assert len(rows) == 2, wikitext  # two cells, each on its own line
    assert all(row == "|" or row.startswith("| ") for row in rows), wikitext


def test_a_url_ending_in_equals_is_bracketed_so_a_heading_keeps_all_of_it() -> None:
    # Found by test_markdown_made_of_wiki_metacharacters_converts: bare in a heading,
    # mwparserfromhell ends the link before the "=" (MediaWiki does not), so convert refused
    # its own output; escaping the "=" instead would cut the link for MediaWiki too.
    wikitext = convert("# T\n\n## http://x.org/a=\n\nText.\n").wikitext
    assert wikitext.startswith("== [http://x.org/a= http://x.org/a=] ==\n"), wikitext


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # Found by test_bare_urls_in_text_render_as_exactly_those_links: ";" then "~" in two
        # text nodes; MediaWiki strips a trailing ";" only at the link's end, so "~" read on.
        (
            "zqaaa zqaaa@example.org*zqaaa *https://example.org/;*~*\n",
            "zqaaa [mailto:zqaaa@example.org zqaaa@example.org]''zqaaa "
            "https://example.org/<nowiki/>;~''\n",
        ),
        # The ";" last in the emphasis: the closing '' follows, which mwparserfromhell reads on.
        ("a *https://example.org/;*~\n", "a ''https://example.org/<nowiki/>;''~\n"),
        ("a *https://example.org/*~\n", "a ''https://example.org/''~\n"),
        ("see https://example.org/.\n", "see https://example.org/.\n"),
    ],
)
def test_a_bare_url_ends_where_its_text_says(markdown: str, expected: str) -> None:
    assert convert(markdown, title="Property").wikitext == expected
