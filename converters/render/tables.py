"""Tables: ``{| class="wikitable"`` with one cell per line, or HTML inside a single line."""

from __future__ import annotations

from markdown_it.tree import SyntaxTreeNode

from converters.escape import CELL, HEADER_CELL
from converters.render.context import RenderContext
from converters.render.inline import inline


def _rows(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The rows of a table, header rows first."""
    return [row for section in node.children for row in section.children]


def _cell(cell: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A cell's content, with the characters that split cells made literal."""
    with ctx.entering(extra={**ctx.scope.extra, **(HEADER_CELL if cell.type == "th" else CELL)}):
        return inline(cell.children[0], ctx) if cell.children else ""


def _style(cell: SyntaxTreeNode) -> str:
    """The alignment of a cell as an attribute string (empty when unaligned)."""
    style = cell.attrs.get("style")
    # Left is how wiki tables align text anyway; saying so on every cell is noise.
    return f'style="{style}"' if style and style != "text-align:left" else ""


def table(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A GFM table with its column alignment."""
    if ctx.scope.single_line:
        return _html_table(node, ctx)
    lines = ['{| class="wikitable"']
    for index, row in enumerate(_rows(node)):
        if index:
            lines.append("|-")
        for cell in row.children:
            marker = "!" if cell.type == "th" else "|"
            style = _style(cell)
            content = _cell(cell, ctx)
            lines.append(" ".join(p for p in (marker, style, "|" if style else "", content) if p))
    lines.append("|}")
    return "\n".join(lines)


def _html_table(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A table on one line, for places where table lines cannot start (list items)."""
    rows = []
    for row in _rows(node):
        cells = []
        for cell in row.children:
            style = _style(cell)
            opening = f"<{cell.tag} {style}>" if style else f"<{cell.tag}>"
            cells.append(f"{opening}{_cell(cell, ctx)}</{cell.tag}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="wikitable">{"".join(rows)}</table>'
