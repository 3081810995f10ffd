"""The reference book through ``convert``: warnings with lines, reference lists, ``.references``."""

from __future__ import annotations

import mwparserfromhell

from converters import convert


def _warnings(markdown: str) -> list[tuple[int | None, str]]:
    return [(w.line, w.message) for w in convert(markdown, title="T").warnings]


def test_undefined_citations_warn_at_their_line() -> None:
    warnings = _warnings("Intro.\n\nOld [^1^][7] and\nnew [^gone].\n")
    assert (3, "citation [^1^][7] has no definition; kept as text") in warnings
    assert (4, "citation [^gone] has no definition; kept as text") in warnings


def test_definitions_never_cited_warn_at_the_definition() -> None:
    markdown = "A [^a].\n\n[^a]: Used.\n\n[^b]: Unused.\n\n[^1^][9]: https://x.org/unused\n"
    warnings = _warnings(markdown)
    assert (5, "source [^b] is defined but never cited; it was left out") in warnings
    assert (7, "source [9] is defined but never cited; it was left out") in warnings
    assert not any("[^a]" in message for _, message in warnings)


def test_wikipedia_as_a_source_is_circular() -> None:
    warnings = _warnings(
        "Fact [1].\n\nCitations:\n[1] Tide - Wikipedia https://de.wikipedia.org/wiki/Tide\n"
    )
    assert (
        4,
        "https://de.wikipedia.org/wiki/Tide is Wikipedia itself (WP:CIRCULAR); cite its sources",
    ) in warnings


def test_a_bare_url_without_title_warns_and_guessed_titles_are_flagged() -> None:
    markdown = "A [1]. B [2].\n\nCitations:\n[1] https://x.org/a1\n[2] https://x.org/big-storm\n"
    warnings = _warnings(markdown)
    assert (4, "reference https://x.org/a1 has no title; add one") in warnings
    assert (5, 'title "Big storm" was taken from the URL; check it') in warnings


def test_no_reference_section_without_references() -> None:
    wikitext = convert("# T\n\nNo sources here [2].\n").wikitext
    assert "References" not in wikitext
    assert "reflist" not in wikitext


def test_tag_style_uses_references_tags_and_no_templates() -> None:
    markdown = (
        "# T\n\nA fact.[^s] A note.[^n]\n\n## Notes\n\n[^n]: Aside.\n\n"
        "## References\n\n[^s]: [Page](https://x.org/p)\n"
    )
    wikitext = convert(markdown, reflist="tag").wikitext
    assert "<ref name=\"x\">[https://x.org/p Page]. ''x.org''.</ref>" in wikitext
    assert '<ref group="lower-alpha">Aside.</ref>' in wikitext
    assert '== Notes ==\n\n<references group="lower-alpha" />' in wikitext
    assert "== References ==\n\n<references />" in wikitext
    assert "{{" not in wikitext


def test_references_describe_each_emitted_ref() -> None:
    markdown = (
        '# T\n\nA [1]. B [1]. C.[^n]\n\n[1]: https://x.org/a "Title A"\n\n'
        "## Notes\n\n[^n]: Aside.\n"
    )
    references = convert(markdown).references
    assert [(r.name, r.url, r.title, r.uses, r.kind) for r in references] == [
        ("x", "https://x.org/a", "Title A", 2, "ref"),
        ("aside", None, None, 1, "efn"),
    ]
    assert (
        references[0].content == "{{cite web |url=https://x.org/a |title=Title A |website=x.org}}"
    )


def test_every_name_is_defined_once_and_reused_by_name() -> None:
    markdown = (
        "# T\n\nOne [1][2]. Two [2][3]. Three [1].\n\n"
        "Citations:\n[1] https://a.org/x/first-page\n[2] https://a.org/y/second-page\n"
        "[3] https://b.org/\n"
    )
    code = mwparserfromhell.parse(convert(markdown).wikitext)
    refs = [t for t in code.filter_tags() if str(t.tag) == "ref"]
    named = [(str(t.get("name").value), t.self_closing) for t in refs]
    full = [name for name, closed in named if not closed]
    assert len(full) == len(set(full)) == 3
    assert {name for name, _ in named} == set(full)
    assert not any(name.isdigit() for name in full)


def test_a_citation_in_a_heading_warns() -> None:
    warnings = _warnings("Text.\n\n## Section [1]\n\nCitations:\n[1] https://x.org/a-b\n")
    assert (3, "a citation in a heading (MOS:HEADINGS); move it into the text") in warnings


def test_a_ref_inside_a_footnote_follows_it_instead() -> None:
    wikitext = convert("A ^[note [^b]] b [^b].\n\n[^b]: Inner source.\n", title="T").wikitext
    assert wikitext.startswith(
        'A<ref name="note">note</ref><ref name="inner">Inner source.</ref> b.<ref name="inner" />'
    )


def test_a_ref_inside_an_efn_stays_inside_it() -> None:
    markdown = "A [^n].\n\n## Notes\n\n[^n]: Aside [^b]\n\n## References\n\n[^b]: Inner source.\n"
    wikitext = convert(markdown, title="T").wikitext
    assert wikitext.startswith('A.{{efn|Aside<ref name="inner">Inner source.</ref>}}')


def test_an_empty_footnote_is_left_out_with_a_warning() -> None:
    conversion = convert("A [^a] b.\n\n[^a]:\n", title="T")
    assert conversion.wikitext == "A b.\n"
    assert [(w.line, w.message) for w in conversion.warnings] == [
        (3, "an empty footnote was left out")
    ]


def test_a_definition_nested_in_another_becomes_part_of_it() -> None:
    markdown = "Text [^a].\n\n[^a]: Outer\n    - [^b]: inner\n"
    wikitext = convert(markdown, title="T").wikitext
    assert wikitext.startswith('Text.<ref name="outer">Outer\n\n* inner</ref>')


def test_a_footnote_reads_the_same_wherever_it_is_first_cited() -> None:
    """The body is rendered in a scope of its own, not in the first citation's bold or cell."""
    body = "\n\n[^n]: A **key** point | with a pipe, see [site](https://example.org/page).\n"
    first_uses = {
        "text": "A claim.[^n]\n",
        "bold": "**A bold claim.[^n]**\n",
        "table cell": "| a | b |\n|---|---|\n| x[^n] | y |\n",
        "link text": "[A linked claim[^n]](https://example.com/x).\n",
    }
    contents = {
        where: [ref.content for ref in convert("# T\n\n" + first + body).references]
        for where, first in first_uses.items()
    }
    expected = "A '''key''' point | with a pipe, see [https://example.org/page site]."
    assert contents == {where: [expected] for where in first_uses}
