"""Front matter is YAML: read by a YAML parser, its known keys checked, the rest reported."""

from __future__ import annotations

import pytest

from converters import convert
from converters.frontmatter import read_front_matter


def _warnings(markdown: str) -> list[tuple[int | None, str]]:
    return [(w.line, w.message) for w in convert(markdown, title="T").warnings]


def test_a_block_scalar_short_description_is_not_its_indicator() -> None:
    markdown = "---\nshort_description: |\n  A rope\n  of strings\n---\ntext\n"
    conversion = convert(markdown, title="T")
    assert conversion.wikitext == "text\n"  # today: {{Short description|{{!}}}}
    assert _warnings(markdown) == [
        (2, "front matter 'short_description' must be one line; it was left out")
    ]


def test_a_folded_short_description_is_one_line() -> None:
    markdown = "---\nshort_description: >\n  Data structure\n  for text\n---\ntext\n"
    assert convert(markdown).wikitext.startswith("{{Short description|Data structure for text}}")


def test_malformed_yaml_is_one_warning_with_its_line_and_no_title() -> None:
    markdown = "---\nshort_description: fine\ntitle: [unclosed\n---\n# Heading\n\ntext\n"
    conversion = convert(markdown)
    assert conversion.title == "Heading"
    assert conversion.wikitext == "text\n"
    assert [(w.line, w.message) for w in conversion.warnings] == [
        (3, "front matter is not valid YAML (did not find expected ',' or ']'); it was ignored")
    ]


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("categories: 5", "'categories' must be a list of category names or one name"),
        ("categories: [Tides, 1990]", "'categories' must be a list of category names or one name"),
        ("title: 1984", "'title' must be text (quote numbers and dates)"),
        ("llm: [a, b]", "'llm' must be text"),
    ],
)
def test_a_value_of_the_wrong_type_is_a_warning_and_left_out(yaml: str, message: str) -> None:
    markdown = f"---\n{yaml}\n---\ntext\n"
    assert convert(markdown, title="T").wikitext == "text\n"  # no [[:Category:5]]
    [(line, text)] = _warnings(markdown)
    assert line == 2
    assert text.startswith(f"front matter {message}")
    assert text.endswith("; it was left out")


def test_an_unknown_key_is_a_warning_naming_the_known_ones() -> None:
    assert _warnings("---\ntitle: T\nautor: Me\n---\ntext\n") == [
        (
            3,
            "front matter key 'autor' is not known; known keys: categories, category, "
            "description, generator, llm, short_description, title",
        )
    ]


def test_categories_as_one_name_or_a_list() -> None:
    assert convert("---\ncategories: Tides\n---\nx\n").wikitext.endswith("[[:Category:Tides]]\n")
    block = "---\ncategories:\n  - Tides\n  - Ocean\n---\nx\n"
    assert convert(block).wikitext.endswith("[[:Category:Tides]]\n[[:Category:Ocean]]\n")


def test_provenance_keys_are_known_and_readable() -> None:
    warnings: list[tuple[int | None, str]] = []
    front = read_front_matter(
        "llm: GPT-5\ngenerator: Claude\nnotes: [x]\n", 2, lambda line, m: warnings.append((line, m))
    )
    assert (front.llm, front.generator) == ("GPT-5", "Claude")
    assert front.data == {"llm": "GPT-5", "generator": "Claude", "notes": ["x"]}
    assert [line for line, _ in warnings] == [4]  # only the unknown key
    assert _warnings("---\nllm: GPT-5\n---\ntext\n") == []
