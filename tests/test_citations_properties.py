"""Property tests: any mix of citation syntaxes converts, and every ref name is defined once."""

from __future__ import annotations

from typing import Any

import mwparserfromhell
import pytest
from hypothesis import given
from hypothesis import strategies as st

from converters import convert
from converters.citations.artifact import Artifact
from converters.citations.artifact_rules import artifacts_in, holds_uncitable_url
from converters.citations.artifacts import IN_TEXT, UNCITEABLE_URLS

# Fragments of the ways drafts cite, including broken and ambiguous ones.
MARKERS = st.sampled_from(
    ["[^1^][1]", "[^2^][2]", "[^1^]", "[1]", "[2][3]", "[^a]", "[^b]", "[^9^][9]", "^[inline]"]
)
WORDS = st.sampled_from(["Tides", "rise", "(twice)", "a|b", "{{x}}", "''y''", ".", ",", "?", " "])
DEFINITIONS = st.sampled_from(
    [
        "[^1^][1]: [Site](https://a.org/x)",
        '[1]: https://b.org/y "A | title"',
        "[^a]: Smith, J. (2001). *Book*.",
        "[^b]: https://en.wikipedia.org/wiki/Tide",
        "Citations:\n[2] https://c.org/z\n[3] https://d.org/w",
        "Source: Conversation with Bing, 1/1/2024\n(1) T - Wikipedia. https://en.wikipedia.org/wiki/T.",
        "## Notes",
        "## References",
        "Text ([Reuters](https://www.reuters.com/a?utm_source=chatgpt.com)).",
    ]
)
SENTENCES = st.lists(st.one_of(WORDS, MARKERS), min_size=1, max_size=12).map(" ".join)
# Sentences also stand in list items, quotes, headings and table cells.
BLOCKS = st.builds(
    lambda prefix, text: prefix.replace("TEXT", text),
    st.sampled_from(
        ["TEXT", "- TEXT", "> TEXT", "## TEXT", "1. a\n\n   TEXT", "| a |\n|---|\n| TEXT |"]
    ),
    SENTENCES,
)
DRAFTS = st.lists(st.one_of(BLOCKS, DEFINITIONS), min_size=1, max_size=8).map("\n\n".join)


@given(DRAFTS)
def test_any_mix_converts_with_each_name_defined_once(markdown: str) -> None:
    conversion = convert(markdown, title="T")
    refs = [t for t in mwparserfromhell.parse(conversion.wikitext).filter_tags() if t.tag == "ref"]
    defined = [str(t.get("name").value) for t in refs if not t.self_closing and t.has("name")]
    reused = {str(t.get("name").value) for t in refs if t.self_closing}
    assert len(defined) == len(set(defined))
    assert reused <= set(defined)
    assert not any(name.isdigit() for name in defined)
    assert conversion.wikitext.count("{{reflist}}") == (1 if defined else 0)
    assert "utm_source" not in conversion.wikitext


@pytest.mark.parametrize("artifact", IN_TEXT, ids=lambda artifact: artifact.kind)
@given(data=st.data())
def test_every_artifact_in_text_is_found_past_the_hints(artifact: Artifact, data: Any) -> None:
    """The substring pretest (artifacts.IN_TEXT_HINTS) never passes an artifact over."""
    text = data.draw(st.from_regex(artifact.pattern, fullmatch=True))
    assert artifacts_in(text)


@pytest.mark.parametrize("artifact", UNCITEABLE_URLS, ids=lambda artifact: artifact.kind)
@given(data=st.data())
def test_every_uncitable_url_is_found_past_the_pretest(artifact: Artifact, data: Any) -> None:
    """The "://" pretest of holds_uncitable_url never passes a URL of the table over."""
    assert holds_uncitable_url(data.draw(st.from_regex(artifact.pattern)))
