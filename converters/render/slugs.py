"""In-page anchors: GitHub's heading slugs mapped to the headings MediaWiki gives ids to."""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from converters.structure import plain_text
from converters.treewalk import block_nodes

# github-slugger: lower case, punctuation removed, each space a hyphen.
_NOT_SLUG = re.compile(r"[^\w\- ]")


def github_slug(text: str) -> str:
    """The id GitHub gives a heading showing ``text`` (before numbering repeats)."""
    return _NOT_SLUG.sub("", text.strip().lower()).replace(" ", "-")


def _shown(heading: SyntaxTreeNode) -> str:
    """A heading's text on one line, single-spaced."""
    return " ".join(plain_text(heading).split())


def heading_slugs(tree: SyntaxTreeNode) -> list[tuple[str, SyntaxTreeNode]]:
    """Each heading with its GitHub id, from its text as the draft writes it; a repeated
    heading is ``slug-1``, ``slug-2`` … on GitHub."""
    slugs: list[tuple[str, SyntaxTreeNode]] = []
    seen: dict[str, int] = {}
    for node in block_nodes([tree]):  # headings are blocks
        if node.type == "heading":
            slug = github_slug(_shown(node))
            repeat = seen.get(slug, 0)
            seen[slug] = repeat + 1
            slugs.append((f"{slug}-{repeat}" if repeat else slug, node))
    return slugs


def heading_anchors(slugs: list[tuple[str, SyntaxTreeNode]]) -> dict[str, str]:
    """Each GitHub id mapped to the fragment of a link to its heading as the page shows it
    (read after headings are tidied); a repeated heading is ``Name 2``, ``Name 3`` … on a wiki.
    """
    anchors: dict[str, str] = {}
    seen: dict[str, int] = {}
    for slug, node in slugs:
        text = _shown(node)
        repeat = seen.get(text, 0) + 1
        seen[text] = repeat
        anchors.setdefault(slug, text if repeat == 1 else f"{text} {repeat}")
    return anchors
