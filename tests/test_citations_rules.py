"""The citation parser rules, token by token: markers, definitions, footers, REFPUNCT, lines."""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from converters.citations import install
from converters.citations.state import citation_state


def _parse(markdown: str) -> tuple[list[Token], dict[str, Any]]:
    md = MarkdownIt("commonmark").use(footnote_plugin)
    install(md)
    env: dict[str, Any] = {}
    return md.parse(markdown, env), env


def _inline(tokens: list[Token], index: int = 0) -> list[Token]:
    """The children of the ``index``-th inline token outside definition blocks."""
    inlines = [t for t in tokens if t.type == "inline"]
    return inlines[index].children or []


def _keys(children: list[Token]) -> list[str]:
    return [t.meta["key"] for t in children if t.type == "cite_ref"]


def _text(children: list[Token]) -> str:
    """Inline children as a compact string: text, ``<KEY>`` per citation, ``<^LABEL>`` per note."""
    marks = {
        "cite_ref": lambda t: f"<{t.meta['key']}>",
        "footnote_ref": lambda t: f"<^{t.meta['label']}>",
        "text": lambda t: t.content,
    }
    return "".join(marks[t.type](t) for t in children if t.type in marks)


def _definitions(tokens: list[Token]) -> dict[str, str]:
    """Key -> definition text of the ``cite_def`` tokens, which must sit in the final block."""
    start = next(i for i, t in enumerate(tokens) if t.type == "cite_block_open")
    assert tokens[-1].type == "cite_block_close"
    assert not any(t.type == "cite_def_open" for t in tokens[:start])
    return {
        t.meta["key"]: tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "cite_def_open"
    }


def test_bing_marker_keys_on_the_second_label() -> None:
    tokens, _ = _parse("A [^1^][3] and [^2^][3].\n\n[^1^][3]: [Site](https://x.org/a)\n")
    assert _keys(_inline(tokens)) == ["3", "3"]
    assert _definitions(tokens) == {"3": "[Site](https://x.org/a)"}


def test_bing_marker_wins_over_a_link_reference_definition() -> None:
    tokens, env = _parse('Fact [^1^][1].\n\n[1]: https://x.org/a "Title"\n')
    assert _keys(_inline(tokens)) == ["1"]
    assert not any(t.type == "link_open" for t in _inline(tokens))
    assert env["references"]["1"]["title"] == "Title"


def test_bing_footer_is_consumed_and_each_line_defined() -> None:
    markdown = (
        "Paris[^1^] is big[^2^].\n\n"
        "Source: Conversation with Bing, 2/25/2024\n"
        "(1) Paris - Wikipedia. https://en.wikipedia.org/wiki/Paris.\n"
        "\n"
        "(2) Paris | Britannica. https://www.britannica.com/place/Paris.\n"
        "\n"
        "After the footer.\n"
    )
    tokens, _ = _parse(markdown)
    assert _keys(_inline(tokens)) == ["1", "2"]
    assert _definitions(tokens) == {
        "1": "Paris - Wikipedia. https://en.wikipedia.org/wiki/Paris.",
        "2": "Paris | Britannica. https://www.britannica.com/place/Paris.",
    }
    assert _text(_inline(tokens, 1)) == "After the footer."
    assert "Source" not in "".join(t.content for t in tokens if t.type == "inline")


def test_perplexity_markers_and_sources_list() -> None:
    markdown = "Rust is fast [1][2]. Really [2].\n\n**Sources:**\n[1] https://a.org/x\n[2] https://b.org/y\n"
    tokens, _ = _parse(markdown)
    assert _text(_inline(tokens)) == "Rust is fast.<1><2> Really.<2>"
    assert _definitions(tokens) == {"1": "https://a.org/x", "2": "https://b.org/y"}


def test_perplexity_list_without_a_head_needs_urls() -> None:
    tokens, _ = _parse("See [1].\n\n[1] https://a.org/x\n")
    assert _keys(_inline(tokens)) == ["1"]
    tokens, env = _parse("A list [1] of things.\n\n[1] is just prose here.\n")
    assert _keys(_inline(tokens)) == []
    assert not citation_state(env).defined


def test_sources_head_without_entries_is_prose() -> None:
    tokens, _ = _parse("Sources:\n\nThe river and the rain.\n")
    assert _text(_inline(tokens)) == "Sources:"


def test_numbers_are_text_in_a_draft_without_numbered_sources() -> None:
    tokens, env = _parse("Array index [0] and [1][2].\n")
    assert _text(_inline(tokens)) == "Array index [0] and [1][2]."
    assert citation_state(env).undefined == []


def test_undefined_markers_stay_text_in_place_and_are_remembered() -> None:
    tokens, env = _parse("One [^1^][9]. Two [^gone]. Three [4].\n\n[1] https://a.org/x\n")
    assert _text(_inline(tokens)) == "One [^1^][9]. Two [^gone]. Three [4]."
    assert citation_state(env).undefined == [(1, "[^1^][9]"), (1, "[^gone]"), (1, "[4]")]


def test_chatgpt_source_links_become_citations_without_tracking() -> None:
    url = "https://www.reuters.com/world/a?id=2&utm_source=chatgpt.com"
    tokens, env = _parse(
        f"It rained ([Reuters]({url})). More ([a](https://a.org/1), [b](https://b.org/2)).\n"
    )
    key = "url:https://www.reuters.com/world/a?id=2"
    assert _text(_inline(tokens)) == (
        f"It rained.<{key}> More.<url:https://a.org/1><url:https://b.org/2>"
    )
    assert citation_state(env).links[key].website == "Reuters"


def test_links_that_are_not_sources_stay_links_but_lose_tracking() -> None:
    tokens, _ = _parse(
        "Read [the guide](https://x.org/?utm_source=chatgpt.com) (or [this](x.md) one).\n"
    )
    children = _inline(tokens)
    assert _keys(children) == []
    hrefs = [t.attrs["href"] for t in children if t.type == "link_open"]
    assert hrefs == ["https://x.org/", "x.md"]


def test_tracking_is_removed_from_autolinks_and_urls_written_as_text() -> None:
    tokens, _ = _parse(
        "See <https://x.org/a?utm_source=chatgpt.com> or https://y.org/?utm_source=chatgpt.com.\n"
    )
    children = _inline(tokens)
    assert [t.attrs["href"] for t in children if t.type == "link_open"] == ["https://x.org/a"]
    assert _text(children) == "See https://x.org/a or https://y.org/."


def test_a_link_in_parentheses_inside_a_sentence_stays_a_link() -> None:
    tokens, _ = _parse("Read it ([PDF](https://x.org/a.pdf)) before coding.\n")
    assert _keys(_inline(tokens)) == []
    tokens, _ = _parse("Read it. ([PDF](https://x.org/a.pdf)) Then code.\n")
    assert _keys(_inline(tokens)) == ["url:https://x.org/a.pdf"]


def test_refpunct_moves_punctuation_before_the_references() -> None:
    tokens, _ = _parse(
        "Risk of disease [^1^][1]. A (note) [^1^][1], and end [^1^][1]?! "
        "Dash [^1^][1] \u2013 no.\n\n"
        "[^1^][1]: https://a.org/x\n"
    )
    assert _text(_inline(tokens)) == (
        "Risk of disease.<1> A (note),<1> and end?!<1> Dash<1> \u2013 no."
    )


def test_footnote_refs_follow_punctuation_too() -> None:
    tokens, _ = _parse("Claim [^a] [^b]; more.\n\n[^a]: Source.\n[^b]: Other.\n")
    assert _text(_inline(tokens)) == "Claim;<^a><^b> more."


def test_references_carry_their_source_line() -> None:
    tokens, _ = _parse(
        "First line\nsecond [^1^][1] line\n\nthird [^a]\n\n[^1^][1]: https://a.org\n\n[^a]: x\n"
    )
    lines = [
        t.meta.get("line")
        for t in tokens
        if t.type == "inline"
        for t in t.children or []
        if t.type in {"cite_ref", "footnote_ref"}
    ]
    assert lines == [2, 4]


def test_footnote_definitions_are_recorded_with_their_section() -> None:
    _, env = _parse(
        "Text[^n][^s].\n\n## Notes\n\n[^n]: A note.\n\n"
        "## References\n\n[^s]: A source.\n\n[^u]: Unused.\n"
    )
    footnotes = citation_state(env).footnotes
    assert {label: (d.line, d.is_note) for label, d in footnotes.items()} == {
        "n": (5, True),
        "s": (9, False),
        "u": (11, False),
    }
