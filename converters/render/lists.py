"""Lists: bullet, ordered, definition; wikitext lines where possible, HTML where not."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.tree import SyntaxTreeNode

from converters.escape import TERM
from converters.render.appendix import appendix_item
from converters.render.context import RenderContext
from converters.render.inline import inline

_LIST_TYPES = ("bullet_list", "ordered_list", "dl")


def _start(node: SyntaxTreeNode) -> int:
    """The number of an ordered list's first item (1 for other lists)."""
    return int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1


def _nests_as_lines(node: SyntaxTreeNode) -> bool:
    """True for a list wikitext list lines can express (no start number)."""
    return node.type in _LIST_TYPES and _start(node) == 1


def bullet_list(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A bullet list: ``*`` lines."""
    return _list(node, ctx, "*", "ul")


def ordered_list(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """An ordered list: ``#`` lines, or ``<ol start=N>`` when it does not start at 1."""
    return _list(node, ctx, "#", "ol")


def _list(node: SyntaxTreeNode, ctx: RenderContext, marker: str, tag: str) -> str:
    """A list as wikitext lines, or as HTML inside a single line or with a start number."""
    start = _start(node)
    if ctx.scope.single_line or start != 1:
        opening = f'<{tag} start="{start}">' if start != 1 else f"<{tag}>"
        with ctx.entering(single_line=True):
            items = [f"<li>{item_line(item.children, ctx)}</li>" for item in node.children]
        separator = "" if ctx.scope.single_line else "\n"
        return separator.join([opening, *items, f"</{tag}>"])
    prefix = ctx.scope.list_prefix + marker
    return "\n".join(_item(item.children, prefix, ctx) for item in node.children)


def _item(children: Sequence[SyntaxTreeNode], prefix: str, ctx: RenderContext) -> str:
    """One item: its blocks on the marker's line, then trailing nested lists as deeper lines."""
    split = len(children)
    while split and _nests_as_lines(children[split - 1]):
        split -= 1
    with ctx.entering(list_prefix=prefix, single_line=True):
        line = appendix_item(children[:split], ctx) or item_line(children[:split], ctx)
    with ctx.entering(list_prefix=prefix, single_line=False):
        nested = [ctx.render(child) for child in children[split:]]
    return "\n".join([f"{prefix} {line}".rstrip(), *nested])


def item_line(children: Sequence[SyntaxTreeNode], ctx: RenderContext) -> str:
    """An item's blocks on one line: a first paragraph bare, the others as HTML."""
    parts = []
    for index, child in enumerate(children):
        if index == 0 and child.type == "paragraph":
            parts.append(inline(child.children[0], ctx))
        else:
            parts.append(ctx.render(child))
    return "".join(parts)


def definition_list(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A definition list: ``; term`` and ``: definition`` lines (HTML on a single line)."""
    if ctx.scope.single_line:
        return f"<dl>{''.join(ctx.render(child) for child in node.children)}</dl>"
    lines = []
    for child in node.children:
        if child.type == "dt":
            lines.append(f"{ctx.scope.list_prefix};{' ' + _term(child, ctx)}".rstrip())
        else:
            lines.append(_item(child.children, ctx.scope.list_prefix + ":", ctx))
    return "\n".join(lines)


def _term(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A term, whose colon would otherwise start the definition on the same line."""
    with ctx.entering(extra={**ctx.scope.extra, **TERM}):
        return inline(node.children[0], ctx)


def term(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A term inside an HTML definition list."""
    return f"<dt>{inline(node.children[0], ctx)}</dt>"


def definition(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A definition inside an HTML definition list."""
    return f"<dd>{item_line(node.children, ctx)}</dd>"
