"""Walks over the Markdown syntax tree that stop at inline blocks and read their tokens.

``SyntaxTreeNode.walk`` is a recursive generator that also visits a node for every inline
token, and its ``type`` is a property worked out on every read: on a 1 MB draft, walks of the
whole tree cost a tenth of a conversion. Block nodes are about half of all nodes; below an
inline block, its tokens (which the tree's nodes wrap) say the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode


def block_nodes(nodes: Sequence[SyntaxTreeNode]) -> Iterator[SyntaxTreeNode]:
    """Each of ``nodes`` and every node under it in document order (as ``walk()``), but not
    the nodes inside an inline block: only containers are entered."""
    pending = list(reversed(nodes))
    while pending:
        node = pending.pop()
        yield node
        if node.token is None:  # the root or a container; a token's children are inline
            pending.extend(reversed(node.children))


def inline_tokens(tokens: Iterable[Token]) -> Iterator[Token]:
    """Each of the inline ``tokens`` and the tokens inside them (an image's alt text), in
    reading order: the tokens of the nodes ``walk()`` meets below an inline block."""
    for token in tokens:
        yield token
        if token.children:
            yield from inline_tokens(token.children)
