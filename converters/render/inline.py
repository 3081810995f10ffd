"""Renderers of inline nodes: text, breaks, emphasis, code, math, and the inline joiner."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.tree import SyntaxTreeNode

from converters.escape import LINK_LABEL, escape_text, nowiki
from converters.render.context import RenderContext, line_of
from converters.render.join import join_inline
from converters.render.links import link_wikitext
from converters.render.rawhtml import balance, group_inline_html


def render_inline_children(nodes: Sequence[SyntaxTreeNode], ctx: RenderContext) -> str:
    """Render inline siblings, letting raw HTML tags like ``<a href>`` span several of them."""
    parts: list[str] = []
    for group in group_inline_html(nodes):
        if isinstance(group, SyntaxTreeNode):
            parts.append(ctx.render(group))
        elif group.href is not None:
            label = render_label(group.inner, ctx)
            parts.append(link_wikitext(group.href, label, ctx, line_of(group.inner_parent)))
        else:
            ctx.report.warn(line_of(group.inner_parent), f"removed <{group.tag}> and its content")
    return join_inline(parts)


def _balanced(nodes: Sequence[SyntaxTreeNode], ctx: RenderContext, **changes: object) -> str:
    """Inline siblings rendered with their raw HTML tags balanced within them (and ``changes``
    to the scope): end tags that close nothing dropped, elements left open closed."""
    stray, closing = balance(nodes)
    with ctx.entering(stray_tags=ctx.scope.stray_tags | stray, **changes):
        return render_inline_children(nodes, ctx) + closing


def inline(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A block's inline content, its raw HTML tags balanced within it."""
    # Its children are parsed from its source text, and a raw tag starts with "<": most
    # content holds none, and needs no walk looking for tags.
    if "<" not in node.content:
        return render_inline_children(node.children, ctx)
    return _balanced(node.children, ctx)


def render_label(nodes: Sequence[SyntaxTreeNode], ctx: RenderContext) -> str:
    """A link's label: ``]`` made literal, raw HTML tags balanced within it."""
    return _balanced(nodes, ctx, in_link=True, extra={**ctx.scope.extra, **LINK_LABEL})


def text(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Plain text, escaped so no wiki markup leaks."""
    # A newline can only come from "&#10;"; written raw it would end the paragraph.
    return escape_text(node.content, ctx.scope.extra).replace("\n", "&#10;")


def softbreak(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A soft line break: a space, so that no line of the paragraph starts with markup."""
    return " "


def hardbreak(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A hard line break."""
    return "<br />"


def _marked(mark: str, quotes: str, node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Wrap children in apostrophes, unless the same mark already encloses them."""
    if mark in ctx.scope.marks:  # <em><em>x</em></em> shows as <em>x</em>
        return render_inline_children(node.children, ctx)
    with ctx.entering(marks=ctx.scope.marks | {mark}):
        inner = render_inline_children(node.children, ctx)
    if not inner:  # emphasis of nothing shows nothing; written, its quotes would pair up
        return ""
    # The delimiter algorithm leaves empty text nodes next to nested marks; they show nothing.
    shown = [child for child in node.children if child.type != "text" or child.content]
    first, last = (shown[0], shown[-1]) if shown else (node, node)
    # Markup apostrophes may merge ('''''), literal ones must not.
    if inner.startswith("'") and first.type not in ("em", "strong"):
        inner = "<nowiki/>" + inner
    if inner.endswith("'") and last.type not in ("em", "strong"):
        inner += "<nowiki/>"
    return f"{quotes}{inner}{quotes}"


def em(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Emphasis: ``''text''``."""
    return _marked("em", "''", node, ctx)


def strong(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Strong emphasis: ``'''text'''``."""
    return _marked("strong", "'''", node, ctx)


def strikethrough(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Strikethrough: ``<s>text</s>``."""
    return f"<s>{render_inline_children(node.children, ctx)}</s>"


def code_inline(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Inline code; ``<nowiki>`` inside only when the code holds something wiki would read."""
    code = node.content
    plain = escape_text(code, ctx.scope.extra) == code
    return f"<code>{code if plain else nowiki(code)}</code>"


def math_inline(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Inline TeX for the Math extension."""
    return f"<math>{_tex(node.content)}</math>"


def math_block(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Display TeX for the Math extension."""
    return f'<math display="block">{_tex(node.content.strip())}</math>'


def _tex(content: str) -> str:
    """TeX as the body of a <math> tag, which ends at the first "</math", on one line."""
    return re.sub(r"(?i)</math", r"\\lt/math", content).replace("\n", " ")
