"""The walks that stop at inline blocks meet what ``SyntaxTreeNode.walk()`` meets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it.tree import SyntaxTreeNode

from converters.parser import parse
from converters.treewalk import block_nodes, inline_tokens

# Blocks that nest (quotes, lists, tables, footnotes, definition lists, HTML) with citations and
# images (whose alt text holds tokens of its own) inside them.
PIECES = st.sampled_from(
    [
        "Word ", "[^1]", "^[inline [^2] note]", "![alt [^1] text](a.png)", "[cite: 1]", "*em*",
        "`code`", "\n", "\n\n", "> ", "- ", "1. ", "  ", "| a | b |\n|---|---|\n| ", " | ",
        "<div>\n", "Term\n: ", "# Heading ", "- [ ] ", "\n[^1]: Note [^2]\n", "\n[^2]: Two\n",
        "\nSources:\n[1] https://example.org/a\n", "$$\nx\n$$\n", "```\nfenced\n```\n",
        "[link *a*](u)", "**b _i_**", "<span>x</span>", "https://example.org/?q=1 ",
    ]
)  # fmt: skip


def _below_an_inline(node: SyntaxTreeNode) -> bool:
    """Whether node is inside an inline block (an inline token or one it holds)."""
    parent = node.parent
    while parent is not None:
        if parent.type == "inline":
            return True
        parent = parent.parent
    return False


def _same_walk(markdown: str) -> None:
    """block_nodes meets the nodes walk() meets above inline blocks, inline_tokens their tokens."""
    tree = parse(markdown, {})
    walked = list(tree.walk())
    assert list(block_nodes([tree])) == [node for node in walked if not _below_an_inline(node)]
    for block in (node for node in walked if node.type == "inline"):
        below = [node for node in block.walk() if node is not block]
        tokens = list(inline_tokens(block.token.children or ()))
        # a leaf node wraps one token; a container node its opening and closing tokens
        assert [t for t in tokens if t.nesting == 0] == [n.token for n in below if n.token]
        assert [t for t in tokens if t.nesting == 1] == [
            n.nester_tokens.opening for n in below if n.nester_tokens
        ]


@given(st.lists(PIECES, max_size=40).map("".join))
def test_the_walks_meet_the_nodes_of_nested_blocks_as_walk_does(markdown: str) -> None:
    _same_walk(markdown)


@pytest.mark.parametrize("markdown", ["", "Text.\n", "> - a\n>   - b [^1]\n\n[^1]: c\n"])
def test_the_walks_meet_the_nodes_of_small_drafts_as_walk_does(markdown: str) -> None:
    _same_walk(markdown)
