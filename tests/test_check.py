"""The safety net's counting agrees with mwparserfromhell's own node tree, on any wikitext."""

from __future__ import annotations

from collections import Counter

import mwparserfromhell
from hypothesis import given
from hypothesis import strategies as st
from mwparserfromhell.nodes import ExternalLink, Heading, Tag, Template, Wikilink

from converters.check import constructs

# Pieces of wikitext that open, name, separate and close the counted constructs, nested or not.
_PIECES = (
    *("{{", "}}", "{{{", "}}}", "[[", "]]", "[", "]", "|", "=", "==", "\n", " ", "a", "cite web"),
    *("<ref>", "</ref>", '<ref name="a" />', "<ref name={{x}}>", "<REF >", "<b>", "</b>"),
    *("http://e.org/x", "''", "'''", "&amp;", "<!--", "-->", "<nowiki>", "</nowiki>"),
    *("*", "#", ":", "{|", "|}", "|-", "!", "File:x.png", "~~~~", "__TOC__"),
)


def tree_constructs(wikitext: str) -> Counter[tuple[str, str]]:
    """The oracle: the same constructs, read from the nodes mwparserfromhell builds."""
    found: Counter[tuple[str, str]] = Counter()
    for node in mwparserfromhell.parse(wikitext).ifilter(recursive=True):
        if isinstance(node, Heading):
            found["heading", str(node.title).strip()] += 1
        elif isinstance(node, Template):
            found["template", str(node.name).strip()] += 1
        elif isinstance(node, Wikilink):
            found["wikilink", str(node.title).strip()] += 1
        elif isinstance(node, ExternalLink):
            found["external_link", str(node.url).strip()] += 1
        elif isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
            found["ref", ""] += 1
    return found


def test_names_holding_markup_are_printed_as_the_node_tree_prints_them() -> None:
    text = "== A ''b'' <ref>x</ref> ==\n{{tl|{{x}}}} [[a&amp;b|c]] [http://e.org/{{p}} y]"
    assert constructs(text) == tree_constructs(text)
    assert constructs(text)["heading", "A ''b'' <ref>x</ref>"] == 1


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_token_count_matches_the_node_tree(wikitext: str) -> None:
    assert constructs(wikitext) == tree_constructs(wikitext)
