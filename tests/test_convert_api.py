"""convert(): options, input limits, title precedence, namespace, warnings, the safety net."""

from __future__ import annotations

import pytest
from markdown_it.tree import SyntaxTreeNode

from converters import ConversionError, ConverterBug, convert
from converters.check import check
from converters.options import MAX_INPUT_BYTES, ConvertOptions
from converters.render.context import Report
from converters.render.table import RENDERERS


def test_unknown_option_is_a_type_error_naming_it() -> None:
    with pytest.raises(TypeError, match=r"unknown conversion option\(s\): reflst.*known options"):
        convert("x", reflst="tag")


def test_invalid_option_value_is_rejected() -> None:
    with pytest.raises(ValueError, match="reflist must be one of"):
        ConvertOptions(reflist="list")


def test_input_over_the_limit_is_a_conversion_error() -> None:
    with pytest.raises(ConversionError, match="larger than 25 MB"):
        convert("a" * (MAX_INPUT_BYTES + 1))


def test_bytes_are_refused_with_the_fix() -> None:
    with pytest.raises(ConversionError, match="decode the file as UTF-8"):
        convert(b"# Title")  # type: ignore[arg-type]


def test_crlf_and_nul_are_normalised() -> None:
    assert convert("a\r\nb\x00c\r\rd").wikitext == "a b\ufffdc\n\nd\n"


@pytest.mark.parametrize(
    ("markdown", "kwargs", "title", "namespace"),
    [
        ("---\ntitle: Front\n---\nDraft:Line\n# H1\n", {"title": "Arg"}, "Arg", None),
        ("---\ntitle: Front\n---\n# H1\n", {}, "Front", None),
        ("Draft:Some title\n\n# Some\n\ntext\n", {}, "Some title", "Draft"),
        ("# Only heading\n\ntext\n", {}, "Only heading", None),
        ("text\n", {"source_name": "drafts/my_first-draft.md"}, "My first draft", None),
        ("text\n", {}, "Untitled draft", None),
    ],
)
def test_title_precedence(markdown: str, kwargs: dict, title: str, namespace: str | None) -> None:
    conversion = convert(markdown, **kwargs)
    assert (conversion.title, conversion.namespace) == (title, namespace)


def test_title_heading_that_differs_from_the_given_title_leaves_the_body_with_a_warning() -> None:
    conversion = convert("# Other subject\n\ntext\n", title="Given")
    assert conversion.wikitext == "text\n"
    assert [(w.line, w.message) for w in conversion.warnings] == [
        (
            1,
            'the title heading "Other subject" differs from the page title "Given"; it was left '
            "out of the body (the wiki shows the page title)",
        )
    ]


def test_h1_of_a_draft_without_prose_stays_a_heading() -> None:
    assert convert("# Part\n\n## Sub\n", title="Given").wikitext == "== Part ==\n\n=== Sub ===\n"


def test_several_h1s_are_sections() -> None:
    wikitext = convert("# A\n\nx\n\n# B\n\ny\n").wikitext
    assert wikitext == "== A ==\n\nx\n\n== B ==\n\ny\n"


def test_categories_are_live_outside_draft_space() -> None:
    markdown = "---\ncategories:\n  - Tides\n---\ntext\n"
    assert convert(markdown, target_namespace="").wikitext.endswith("[[Category:Tides]]\n")
    assert convert(markdown).wikitext.endswith("[[:Category:Tides]]\n")


def test_short_description_with_pipe_and_equals_stays_one_parameter() -> None:
    wikitext = convert("---\nshort_description: a|b = c\n---\ntext\n").wikitext
    assert wikitext.startswith("{{Short description|1=a{{!}}b = c}}\n")


def test_other_wiki_base_makes_its_links_wikilinks() -> None:
    markdown = "[Tide](https://wiki.example.org/w/Tide) and [x](https://en.wikipedia.org/wiki/X)"
    wikitext = convert(markdown, wiki_article_base="https://wiki.example.org/w/").wikitext
    assert wikitext == "[[Tide]] and [https://en.wikipedia.org/wiki/X x]\n"


def test_relative_links_option_is_gone() -> None:
    with pytest.raises(TypeError, match="relative_links"):
        convert("[guide](Style_guide)", relative_links="wikilink")


@pytest.mark.parametrize(
    ("markdown", "line", "message"),
    [
        ("text\n\n[guide](docs/guide.md)\n", 3, "relative link 'docs/guide.md'"),
        ("![c](https://example.com/c.png)\n", 1, "not a wiki file"),
        ("![d](img/d.png)\n", 1, "must be uploaded to the wiki as File:D.png"),
        ("a\n\n<script>x()</script>\n", 3, "<script> is shown as text"),
        ("a <blink>b</blink>\n", 1, "unwrapped <blink>"),
        ("a <object>x</object> b\n", 1, "removed <object> and its content"),
        ("[](https://example.com)\n", 1, "has no text; dropped"),
    ],
)
def test_warnings_name_the_line(markdown: str, line: int, message: str) -> None:
    warnings = convert(markdown, title="T").warnings
    assert any(w.line == line and message in w.message for w in warnings), warnings


def test_every_node_type_the_parser_makes_has_a_renderer() -> None:
    from converters.parser import markdown_parser

    rules = {"bullet_list", "ordered_list", "table", "dl", "footnote_block", "cite_def"}
    assert rules <= set(RENDERERS)
    assert markdown_parser() is markdown_parser()  # built once


def test_unknown_node_type_is_a_converter_bug() -> None:
    from markdown_it.token import Token

    from converters.render.context import RenderContext

    node = SyntaxTreeNode([Token("mystery", "", 0)]).children[0]
    ctx = RenderContext(RENDERERS, ConvertOptions(), None, Report())  # type: ignore[arg-type]
    with pytest.raises(ConverterBug, match="no renderer for Markdown node type 'mystery'"):
        ctx.render(node)


def test_check_raises_when_the_wikitext_holds_more_than_was_meant() -> None:
    report = Report()
    report.emit("external_link", "https://example.com")
    check("[https://example.com x]", report)  # what was meant: fine
    with pytest.raises(ConverterBug, match=r"unexpected \[\('wikilink', 'Leak'\)\]"):
        check("[https://example.com x] [[Leak]]", report)
    with pytest.raises(ConverterBug, match=r"missing \[\('external_link'"):
        check("no link", report)


def test_dashes_around_a_line_without_keys_are_rules_and_headings_not_front_matter() -> None:
    assert convert("---\nFoo\n---\nBar\n", title="T").wikitext == "----\n\n== Foo ==\n\nBar\n"


def test_emphasis_nested_ten_thousand_deep_converts() -> None:
    assert convert("*" * 10_000 + "x" + "*" * 10_000, title="T").wikitext == "'''x'''\n"


@pytest.mark.parametrize(
    ("markdown", "wikitext"),
    [
        ("##Background\n\ntext\n", "== Background ==\n\ntext\n"),
        ("###Deep Heading ###\n", "== Deep Heading ==\n"),
        ("#hashtag and more\n", "<nowiki>#</nowiki>hashtag and more\n"),
        ("#1 priority\n", "<nowiki>#</nowiki>1 priority\n"),
        ("    ##Code\n", "<pre>\n##Code\n</pre>\n"),
        ("```\n##Fenced\n```\n", "<pre>\n##Fenced\n</pre>\n"),
    ],
)
def test_heading_without_space_is_repaired_only_where_it_can_be_a_heading(
    markdown: str, wikitext: str
) -> None:
    assert convert(markdown, title="T").wikitext == wikitext


def test_check_counts_fragments_of_others_and_catches_one_the_document_broke() -> None:
    report = Report()
    report.foreign += ['<ref name="a">{{cite web |url=https://x.org}}</ref>', '<ref name="a" />']
    check('Fact.<ref name="a">{{cite web |url=https://x.org}}</ref> Again.<ref name="a" />', report)
    with pytest.raises(ConverterBug, match=r"missing \[\('ref', ''\)\]"):
        check('Fact.<ref name="a">{{cite web |url=https://x.org}} Again.<ref name="a" />', report)


@pytest.mark.parametrize(
    ("title", "lead", "bolded"),
    [
        ("Rope (data structure)", "Rope is a tree.", "'''Rope''' is a tree."),
        ("Tides: an overview", "Tides rise.", "'''Tides''' rise."),
        ("Alice", "Alice's book.", "'''Alice'''<nowiki/>'s book."),
        ("Tide", "Tidepools are wet.", "Tidepools are wet."),
        ("Tide", "**Tide** is bold already.", "'''Tide''' is bold already."),
        ("Rope (data structure)", "A rope is a tree.", "A '''rope''' is a tree."),
        ("Tide", "The tide is **high**.", "The tide is '''high'''."),
        ("Apple", "Another fruit.", "Another fruit."),
    ],
)
def test_bold_lead(title: str, lead: str, bolded: str) -> None:
    assert convert(lead, title=title).wikitext == bolded + "\n"


def test_reflist_option_writes_the_references_tag_for_wikis_without_the_template() -> None:
    markdown = "A fact.[^1]\n\n[^1]: A book.\n"
    assert convert(markdown, title="T").wikitext.endswith("== References ==\n\n{{reflist}}\n")
    assert convert(markdown, title="T", reflist="tag").wikitext.endswith(
        "== References ==\n\n<references />\n"
    )
