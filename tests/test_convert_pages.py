"""What convert says of a draft as a page: an empty draft is flagged; control characters go."""

from __future__ import annotations

import pytest

from converters import convert
from converters.invisible import CONTROLS

EMPTY = "empty draft: there is no text under the title"


@pytest.mark.parametrize(
    "markdown",
    [
        "",
        " \n\n\t\n",
        "---\ntitle: Front matter only\n---\n",
        "---\nshort_description: A thing\ncategories: [Things]\n---\n# A thing\n",
        "# Only a title\n",
        "Draft:Only a title line\n",
        "# A title\n\n## Only headings\n\n### Below it\n",
        "# Title\n\n[^1]: A footnote no text cites.\n",
    ],
)
def test_a_draft_with_no_body_is_flagged_empty_with_one_warning(markdown: str) -> None:
    conversion = convert(markdown, source_name="draft.md")
    assert conversion.empty
    assert [w.message for w in conversion.warnings if "empty" in w.message] == [EMPTY]
    assert conversion.to_json()["empty"] is True


@pytest.mark.parametrize(
    "markdown", ["Text.", "# Title\n\nText.\n", "# T\n\n## See also\n\n- [X](https://x.org)\n"]
)
def test_a_draft_with_text_is_not_empty(markdown: str) -> None:
    conversion = convert(markdown, source_name="draft.md")
    assert not conversion.empty
    assert all("empty" not in w.message for w in conversion.warnings)


def test_control_characters_are_removed_with_one_warning_naming_count_and_first_line() -> None:
    markdown = "# Bell\n\nA tab\there.\n\nRing\x07 and escape\x1b[0m.\n\nForm\x0cfeed\x01.\n"
    conversion = convert(markdown)
    assert conversion.wikitext == "A tab\there.\n\nRing and escape[0m.\n\nFormfeed.\n"
    (warning,) = [w for w in conversion.warnings if "cannot store" in w.message]
    assert warning.line == 5
    assert (
        "removed 4 character(s) that MediaWiki cannot store" in warning.message
        and "U+0007" in warning.message
    )


def test_noncharacters_mediawiki_replaces_are_removed_too() -> None:
    conversion = convert("a\ufffeb\uffffc")
    assert conversion.wikitext == "abc\n"
    assert any(
        "removed 2 character(s) that MediaWiki cannot store" in w.message
        for w in conversion.warnings
    )


def test_every_c0_control_but_nul_tab_and_newlines_is_removed() -> None:
    kept = {"\x00", "\t", "\n", "\r"}  # NUL becomes U+FFFD (CommonMark); CR a line end
    for code in range(0x20):
        char = chr(code)
        assert (CONTROLS.fullmatch(char) is None) == (char in kept), repr(char)
        if char not in kept:
            assert char not in convert(f"a{char}b").wikitext
