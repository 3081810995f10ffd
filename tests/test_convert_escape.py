"""The escaping primitives, each shown against what MediaWiki would otherwise read."""

from __future__ import annotations

import pytest

from converters.escape import (
    CELL,
    HEADER_CELL,
    escape_attribute,
    escape_heading,
    escape_line_start,
    escape_text,
    escape_url,
)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words, it's fine", "plain words, it's fine"),
        ("[[x]]", "<nowiki>[[</nowiki>x<nowiki>]]</nowiki>"),
        ("{{x}}", "<nowiki>{{</nowiki>x<nowiki>}}</nowiki>"),
        ("''", "<nowiki>''</nowiki>"),
        ("~~~~", "<nowiki>~~~~</nowiki>"),
        ("__NOTOC__", "<nowiki>__</nowiki>NOTOC__"),
        ("snake_case__name", "snake_case__name"),
        ("&amp;", "&amp;amp;"),
        ("AT&T; a & b", "AT&amp;T; a & b"),
        ("<br>", "&lt;br>"),
        ("a < b", "a < b"),
        ("see http://x.org/a", "see <nowiki>http://x.org/a</nowiki>"),
        ("[//x.org y]", "&#91;//x.org y]"),
        ("mailto:a@b.c", "<nowiki>mailto:a@b.c</nowiki>"),
    ],
)
def test_escape_text(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


def test_cells_escape_pipes_and_double_bangs_but_not_single_bangs() -> None:
    assert escape_text("a|b!c", CELL) == "a&#124;b!c"
    assert escape_text("a!!b", HEADER_CELL) == "a!&#33;b"


def test_extra_escapes_leave_nowiki_alone() -> None:
    assert escape_text("[[a|b]]", CELL) == "<nowiki>[[</nowiki>a&#124;b<nowiki>]]</nowiki>"


def test_urls_can_stay_text_in_link_labels() -> None:
    assert escape_text("http://x.org", free_links=False) == "http://x.org"


@pytest.mark.parametrize(
    ("line", "escaped"),
    [
        ("* a", "<nowiki>*</nowiki> a"),
        ("#a", "<nowiki>#</nowiki>a"),
        (":a", "<nowiki>:</nowiki>a"),
        (";a", "<nowiki>;</nowiki>a"),
        (" a", "<nowiki> </nowiki>a"),
        ("----", "<nowiki>----</nowiki>"),
        ("{| a", "<nowiki>{|</nowiki> a"),
        ("= a =", "<nowiki>=</nowiki> a ="),
        ("= a", "<nowiki>=</nowiki> a"),
        ("a * b", "a * b"),
    ],
)
def test_escape_line_start(line: str, escaped: str) -> None:
    assert escape_line_start(line) == escaped


def test_heading_equals_at_both_ends() -> None:
    assert escape_heading("=a=") == "<nowiki>=</nowiki>a<nowiki>=</nowiki>"


def test_url_characters_that_end_or_expand_a_link() -> None:
    assert escape_url("http://x.org/a b]{|}'~") == "http://x.org/a%20b%5D%7B%7C%7D%27%7E"


def test_url_whitespace_and_control_characters_are_encoded_as_utf8() -> None:
    assert escape_url("http://x.org/a\nb\u3000c\x01é") == "http://x.org/a%0Ab%E3%80%80c%01é"


def test_attribute_values_are_inert() -> None:
    assert (
        escape_attribute('{{x}} "[[y]]"')
        == "&#123;&#123;x&#125;&#125; &quot;&#91;&#91;y&#93;&#93;&quot;"
    )
