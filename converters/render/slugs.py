"""In-page anchors: GitHub's heading slugs mapped to the headings MediaWiki gives ids to."""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from converters.structure import plain_text

# github-slugger: lower case, punctuation removed, each space a hyphen.
_NOT_SLUG = re.compile(r"[^\w\- ]")


def github_slug(text: str) -> str:
    """The id GitHub gives a heading showing ``text`` (before numbering repeats)."""
    return _NOT_SLUG.sub("", text.strip().lower()).replace(" ", "-")


def heading_anchors(tree: SyntaxTreeNode) -> dict[str, str]:
    """Each heading's GitHub slug mapped to the text of a link to it (``Deep heading jump``).

    A repeated heading is ``slug-1``, ``slug-2`` … on GitHub and ``Name_2``, ``Name_3`` … on
    a wiki.
    """
    anchors: dict[str, str] = {}
    seen: dict[str, int] = {}
    wiki_seen: dict[str, int] = {}
    for node in tree.walk():
        if node.type != "heading":
            continue
        text = " ".join(plain_text(node).split())
        slug = github_slug(text)
        repeat = seen.get(slug, 0)
        seen[slug] = repeat + 1
        wiki_repeat = wiki_seen.get(text, 0) + 1
        wiki_seen[text] = wiki_repeat
        anchor = text if wiki_repeat == 1 else f"{text} {wiki_repeat}"
        anchors.setdefault(f"{slug}-{repeat}" if repeat else slug, anchor)
    return anchors
