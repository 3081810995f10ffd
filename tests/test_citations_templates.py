"""Template parameter values: pipes, equals signs and braces never escape their parameter."""

from __future__ import annotations

import mwparserfromhell
import pytest

from converters.citations.templates import positional, template, text_value, wikitext_value


@pytest.mark.parametrize(
    ("wikitext", "value"),
    [
        ("a | b", "a {{!}} b"),
        ("[https://x.org a|b]", "[https://x.org a{{!}}b]"),  # brackets do not protect pipes
        ("<span>a|b</span>", "<span>a{{!}}b</span>"),
        ("[[Page|label]]", "[[Page|label]]"),
        ("{{nowrap|x}}", "{{nowrap|x}}"),
        ("<nowiki>a|b</nowiki>", "<nowiki>a|b</nowiki>"),
        ("<math>|x|</math>", "<math>|x|</math>"),
    ],
)
def test_wikitext_value_escapes_the_pipes_that_would_split(wikitext: str, value: str) -> None:
    assert wikitext_value(wikitext) == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain note", "plain note"),
        ("E = mc2", "1=E = mc2"),
        ('<span style="x">a</span>', '1=<span style="x">a</span>'),
        ("[https://x.org/?a=b x]", "1=[https://x.org/?a=b x]"),
        ("[[A=B|c]] and {{x|y=z}}", "[[A=B|c]] and {{x|y=z}}"),
    ],
)
def test_positional_names_the_parameter_when_an_equals_sign_would_bind(
    value: str, expected: str
) -> None:
    assert positional(value) == expected


def test_text_value_is_literal_and_on_one_line() -> None:
    assert text_value("A | B\n  {{x}} ''y''") == (
        "A {{!}} B <nowiki>{{</nowiki>x<nowiki>}}</nowiki> <nowiki>''</nowiki>y<nowiki>''</nowiki>"
    )


def test_template_keeps_each_value_in_its_parameter() -> None:
    title = text_value("Pipes | and }} braces")
    call = template("cite web", ("url", "https://x.org"), ("title", title), ("website", ""))
    parsed = mwparserfromhell.parse(call).filter_templates()[0]
    assert [str(p.name) for p in parsed.params] == ["url", "title"]
    assert "website" not in call  # empty values are left out
    assert parsed.get("title").value.strip_code().strip() != ""


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('"Point Reyes". *Lighthousefriends.com*', '"Point Reyes". Lighthousefriends.com'),
        ("[The **Fresnel** lens](https://x.org) `v2`", "The Fresnel lens v2"),
        ("C*-algebra and snake_case_name", "C*-algebra and snake_case_name"),
        ("Vectors <T> in C++ \\* 2", "Vectors &lt;T> in C++ * 2"),  # "<" escaped, not lost
    ],
)
def test_text_value_leaves_markdown_marks_out_and_keeps_literal_characters(
    text: str, value: str
) -> None:
    assert text_value(text) == value
