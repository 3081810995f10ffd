"""Article structure: the H1 and "Introduction" out, heading levels, appendix sections in order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from converters.headings import proper_nouns, tidy_heading
from converters.result import Warn

# MOS:ORDER: the standard appendices, in the order they close an article, with the headings
# drafts use for them (compared case-insensitively, without punctuation).
APPENDICES: dict[str, frozenset[str]] = {
    "See also": frozenset({"see also", "related articles", "related topics"}),
    "Notes": frozenset({"notes", "footnotes", "explanatory notes"}),
    "References": frozenset(
        {"references", "reference", "sources", "source", "citations", "works cited", "refs"}
    ),
    "Further reading": frozenset({"further reading", "reading list", "additional reading"}),
    "External links": frozenset({"external links", "external link", "links", "web links"}),
}
_LEAD_HEADINGS = frozenset({"introduction", "intro", "overview"})
# Blocks defining a footnote or citation: shown only where the text cites them.
DEFINITIONS = frozenset({"cite_def", "cite_block"})


def plain_text(node: SyntaxTreeNode, line_break: str = " ") -> str:
    """The text a node shows, without markup (for titles, heading names and image alt text).

    A line break shows as ``line_break``.
    """
    if node.type in ("text", "code_inline"):
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return line_break
    return "".join(plain_text(child, line_break) for child in node.children)


def _key(text: str) -> str:
    """A heading name compared loosely: lower case, letters and spaces only."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).lower().split())


def appendix_name(text: str) -> str | None:
    """The standard appendix a heading names ("Sources" -> "References"), if any."""
    key = _key(text)
    return next((name for name, keys in APPENDICES.items() if key in keys), None)


@dataclass
class Section:
    """A heading (None for the lead) with its output level and the blocks under it."""

    heading: SyntaxTreeNode | None
    level: int
    blocks: list[SyntaxTreeNode] = field(default_factory=list)
    appendix: str | None = None


@dataclass
class Outline:
    """The draft as sections: lead, body, appendices by name, and its title heading if any."""

    lead: Section
    body: list[Section]
    appendices: dict[str, list[Section]]
    h1: str | None
    h1_line: int | None = None


def has_body(outline: Outline) -> bool:
    """Whether the article has text of its own: a block beyond headings and note definitions."""
    sections = [outline.lead, *outline.body, *(s for ss in outline.appendices.values() for s in ss)]
    return any(block.type not in DEFINITIONS for s in sections for block in s.blocks)


def _is_heading(node: SyntaxTreeNode) -> bool:
    return node.type == "heading"


def title_heading(nodes: Sequence[SyntaxTreeNode]) -> SyntaxTreeNode | None:
    """The draft's title heading: its only H1, before any other heading, when it is the first
    block or heads sections (chat text before it is then a preamble, not the lead).

    It is the title whatever else names the page (MediaWiki shows the page title).
    """
    headings = [node for node in nodes if _is_heading(node)]
    h1s = [node for node in headings if node.tag == "h1"]
    if len(h1s) != 1 or headings[0] is not h1s[0]:
        return None
    return h1s[0] if nodes[0] is h1s[0] or len(headings) > 1 else None


def outline(nodes: Sequence[SyntaxTreeNode], warn: Warn) -> Outline:
    """Split top-level blocks into sections with MediaWiki heading levels.

    In a draft with prose (an article), the title heading leaves the body and the other
    headings are tidied (``tidy_heading``). A draft of headings, lists or code alone is a
    fragment (as the CommonMark spec's examples are): its headings stay as written.
    """
    nodes = [node for node in nodes if node.type != "front_matter"]
    article = any(node.type == "paragraph" for node in nodes)
    heading = title_heading(nodes) if article else None
    if heading is not None:
        nodes.remove(heading)
    if article:
        proper = proper_nouns(nodes)
        for node in nodes:
            if _is_heading(node):
                tidy_heading(node, proper, warn)
    first = next((n for n in nodes if n.type not in DEFINITIONS), None)
    if first is not None and _is_heading(first) and _key(plain_text(first)) in _LEAD_HEADINGS:
        nodes.remove(first)  # its text is the lead
    lead = Section(None, 0)
    sections: list[Section] = []
    for node in nodes:
        if _is_heading(node):
            sections.append(Section(node, int(node.tag[1])))
        else:
            (sections[-1] if sections else lead).blocks.append(node)
    _level(sections)
    body: list[Section] = []
    appendices: dict[str, list[Section]] = {}
    current: list[Section] = body
    for section in sections:
        name = appendix_name(plain_text(section.heading)) if section.level == 2 else None
        if name:
            section.appendix = name
            current = appendices.setdefault(name, [])
        elif section.level == 2:
            current = body
        current.append(section)
    ordered = {n: appendices[n] for n in APPENDICES if n in appendices}
    if heading is None:
        return Outline(lead, body, ordered, None)
    line = heading.map[0] + 1 if heading.map else None
    return Outline(lead, body, ordered, plain_text(heading).strip(), line)


def _level(sections: Sequence[Section]) -> None:
    """The top level becomes 2 (``==``) and no level is skipped on the way down."""
    if not sections:
        return
    top = min(section.level for section in sections)
    previous = 1
    for section in sections:
        section.level = min(section.level - top + 2, previous + 1, 6)
        previous = section.level
