"""Article structure: the title heading whatever names the page, the namespace line, headings."""

from __future__ import annotations

from pathlib import Path

import emoji
import pytest
from markdown_it.utils import read_fixture_file

from converters import convert

ROOT = Path(__file__).resolve().parent.parent
# A title no draft mentions, so that it can bold nothing and match no heading.
OTHER_TITLE = "Zzyzx (other subject)"
DRAFTS = [
    *(
        pytest.param(markdown, id=f"{path.stem}:{line}:{title}")
        for path in sorted((ROOT / "tests" / "fixtures" / "convert").glob("*.md"))
        for line, title, markdown, _ in read_fixture_file(path)
    ),
    *(
        pytest.param(path.read_text(encoding="utf-8"), id=path.name)
        for path in sorted((ROOT / "examples").glob("*.md"))
    ),
]


def _messages(conversion: object) -> list[str]:
    return [str(w) for w in conversion.warnings]  # type: ignore[attr-defined]


@pytest.mark.parametrize("markdown", DRAFTS)
def test_a_given_title_changes_no_structure(markdown: str) -> None:
    """Headings, lead bold and repairs are the same whatever title the page is given; the
    title heading, if any, is named in a warning instead."""
    own = convert(markdown)
    given = convert(markdown, title=OTHER_TITLE)
    assert given.wikitext == own.wikitext
    added = [m for m in _messages(given) if m not in _messages(own)]
    assert all("differs from the page title" in message for message in added), added
    if own.title != "Untitled draft":
        assert given.title == OTHER_TITLE


def test_rope_with_another_title_keeps_its_structure() -> None:
    markdown = (ROOT / "examples" / "rope-data-structure.md").read_text(encoding="utf-8")
    conversion = convert(markdown, title="Rope (computer science)")
    assert conversion.wikitext.startswith("A '''rope''' is a binary tree")
    assert "Rope (data structure) ==" not in conversion.wikitext
    assert "\n== See also ==\n" in conversion.wikitext
    assert (1, 'the title heading "Rope (data structure)" differs from the page title') in [
        (w.line, w.message.split(' "Rope (computer')[0]) for w in conversion.warnings
    ]


ARTICLE = "# Tide\n\n## Introduction\n\nTide is the rise of the sea.\n\n## See Also\n\n- Moon\n"
REPAIRED = "'''Tide''' is the rise of the sea.\n\n== See also ==\n\n* [[Moon]]\n"


@pytest.mark.parametrize(
    ("markdown", "title"),
    [
        (f"Draft:Ocean tides\n{ARTICLE}", "Ocean tides"),
        (f"---\ntitle: Ocean tides\n---\n{ARTICLE}", "Ocean tides"),
        (ARTICLE, "Tide"),
    ],
    ids=["draft-line", "front-matter", "h1"],
)
def test_every_title_source_keeps_the_title_heading_out_and_repairs(
    markdown: str, title: str
) -> None:
    conversion = convert(markdown)
    assert (conversion.title, conversion.wikitext) == (title, REPAIRED)


def test_a_chat_line_is_not_a_title_line() -> None:
    markdown = (
        "User: write me a Wikipedia article about tides\n\n# Tides\n\nTides rise.\n\n"
        "## Causes\n\nThe Moon.\n"
    )
    conversion = convert(markdown)
    assert (conversion.title, conversion.namespace) == ("Tides", None)
    assert conversion.wikitext == (  # the chat line stays where a reviewer sees it
        "User: write me a Wikipedia article about tides\n\nTides rise.\n\n== Causes ==\n\n"
        "The Moon.\n"
    )


def test_only_the_target_namespace_counts_in_a_title_line() -> None:
    markdown = "User:Tides\n\nTides rise.\n"
    assert convert(markdown, target_namespace="User").title == "Tides"
    assert convert(markdown, target_namespace="User").namespace == "User"
    assert convert("Draft:Tides\n\nTides rise.\n", target_namespace="User").title != "Tides"


@pytest.mark.parametrize(
    ("heading", "wikitext"),
    [
        ("## 1. Overview of tides", "== Overview of tides =="),
        ("## 2.3 Tidal forces", "== Tidal forces =="),
        ("## IV) Legacy", "== Legacy =="),
        ("## 1984 in film", "== 1984 in film =="),
        ("## Main Content", "== Main content =="),
        ("## The Role of the Moon and Isaac Newton", "== The role of the Moon and Isaac Newton =="),
        ("## Tides in *Open Water*", "== Tides in ''open water'' =="),
        ("## Work with NASA", "== Work with NASA =="),
        ("## Early life", "== Early life =="),
        ("## Newton's Laws", "== Newton's laws =="),
        ("## Version 2.0 Release", "== Version 2.0 release =="),
        ("## 4. *Open Water*", "== ''Open water'' =="),
    ],
)
def test_headings_lose_numbering_and_title_case(heading: str, wikitext: str) -> None:
    markdown = (
        # "Moon" and "Isaac Newton" are names: capitalised mid-sentence, never in lower case.
        "Tides are caused by the Moon, as Isaac Newton showed. Open water feels them.\n\n"
        f"{heading}\n\nText.\n"
    )
    assert convert(markdown, title="Tides").wikitext.split("\n\n")[1] == wikitext


def test_numbered_references_heading_is_the_reference_appendix() -> None:
    wikitext = convert("Text.\n\n## 3. Sources\n\n- A book.\n", title="T").wikitext
    assert wikitext == "Text.\n\n== References ==\n\n* A book.\n"


def test_emoji_leave_headings_with_a_warning() -> None:
    conversion = convert("Text.\n\n## 🌊 Ocean tides 🌙\n\nMore.\n", title="T")
    assert conversion.wikitext == "Text.\n\n== Ocean tides ==\n\nMore.\n"
    assert [str(w) for w in conversion.warnings] == [
        "line 3: emoji removed from a heading (MOS:HEADINGS)"
    ]


def test_no_emoji_is_ascii() -> None:
    """tidy_heading passes ASCII headings over without emoji's tokenizer."""
    assert sorted(key for key in emoji.EMOJI_DATA if key.isascii()) == []


@pytest.mark.parametrize("heading", ["## Conclusion", "## In Conclusion", "### 5. Conclusions"])
def test_a_conclusion_section_is_an_essay_warning(heading: str) -> None:
    conversion = convert(f"Text.\n\n## Uses\n\nMore.\n\n{heading}\n\nSo.\n", title="T")
    assert any(w.line == 7 and "WP:NOTESSAY" in w.message for w in conversion.warnings), (
        conversion.warnings
    )


@pytest.mark.parametrize(
    ("title", "essay"),
    [
        ("Personalized Medicine: A New Era in Healthcare", True),
        ("Tides: Understanding the Ocean", True),
        ("Quantum computing: the future of computation", True),
        ("Star Wars: The Force Awakens", False),
        ("Tides", False),
    ],
)
def test_an_essay_subtitle_in_the_title_is_a_warning(title: str, essay: bool) -> None:
    conversion = convert("Text.\n", title=title)
    assert any("WP:AT" in w.message for w in conversion.warnings) is essay


@pytest.mark.parametrize(
    ("markdown", "wikitext"),
    [
        # An H1 after text is no title heading (the CommonMark spec's "Foo bar\n# baz\nBar foo").
        ("Foo bar\n# baz\nBar foo\n", "Foo bar\n\n== baz ==\n\nBar foo\n"),
        # A fragment without prose is not an article: its headings stay as written.
        ("Foo Bar\n---\n", "== Foo Bar ==\n"),
        ("# Main Content\n\n- item\n", "== Main Content ==\n\n* item\n"),
    ],
)
def test_fragments_keep_their_headings(markdown: str, wikitext: str) -> None:
    assert convert(markdown, title="Eval").wikitext == wikitext
