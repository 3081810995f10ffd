"""Renderers of the citation node types, for the converter's one renderer table.

``RENDERERS`` maps node types to ``(node, ctx) -> str`` like every other renderer; the core
table merges it. They need ``ctx.book`` (a ``ReferenceBook`` whose ``collect`` has run).
Definitions render as nothing: the book shows them where they are first cited.
"""

from __future__ import annotations

from collections.abc import Mapping

from markdown_it.tree import SyntaxTreeNode

from converters.render.context import Render, RenderContext


def _line(node: SyntaxTreeNode, ctx: RenderContext) -> int | None:
    """The marker's source line; a marker in a heading is also a warning (MOS:HEADINGS)."""
    line = node.meta.get("line")  # set by the parser rules; None inside inline footnotes
    parent = node.parent
    while parent is not None and parent.type != "heading":
        parent = parent.parent
    if parent is not None:
        ctx.report.warn(line, "a citation in a heading (MOS:HEADINGS); move it into the text")
    return line


def cite_ref(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A citation marker: its ref, or the marker as text when nothing defines it."""
    return ctx.book.cite(node.meta["key"], _line(node, ctx), node.meta.get("source", ""))


def footnote_ref(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A footnote marker ``[^label]`` (or inline ``^[…]``): its ref or ``{{efn}}``."""
    return ctx.book.footnote(node.meta, _line(node, ctx))


def citation_needed(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Where a chat assistant's citation lost its source: the reviewer sees the claim flagged."""
    if ctx.options.reflist == "template":
        return "{{citation needed}}"
    return "<sup>[<i>citation needed</i>]</sup>"  # the template's look, for wikis without it


def definition(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A definition or list of them, already in the book: nothing in the body."""
    return ""


RENDERERS: Mapping[str, Render] = {
    "cite_ref": cite_ref,
    "footnote_ref": footnote_ref,
    "citation_needed": citation_needed,
    "cite_block": definition,
    "cite_def": definition,
    "footnote_block": definition,
    "footnote": definition,
    "footnote_anchor": definition,
}
