"""The one table of node renderers: every Markdown node type the parser can produce."""

from __future__ import annotations

from types import MappingProxyType

from markdown_it.tree import SyntaxTreeNode

from converters.render import anchors, blocks, inline, lists, rawhtml, tables
from converters.render.context import Render, RenderContext
from converters.render.refs import RENDERERS as CITATION_RENDERERS


def _recorded(render: Render) -> Render:
    """A renderer whose wikitext is written by others: the check parses it to learn its parts."""

    def recorded(node: SyntaxTreeNode, ctx: RenderContext) -> str:
        wikitext = render(node, ctx)
        ctx.report.foreign.append(wikitext)
        return wikitext

    return recorded


RENDERERS: MappingProxyType[str, Render] = MappingProxyType(
    {
        "root": blocks.blocks,
        "front_matter": blocks.front_matter,
        "paragraph": blocks.paragraph,
        "heading": blocks.heading,
        "blockquote": blocks.blockquote,
        "hr": blocks.thematic_break,
        "code_block": blocks.code_block,
        "fence": blocks.code_block,
        "html_block": rawhtml.html_block,
        "math_block": inline.math_block,
        "math_block_label": inline.math_block,
        "bullet_list": lists.bullet_list,
        "ordered_list": lists.ordered_list,
        "dl": lists.definition_list,
        "dt": lists.term,
        "dd": lists.definition,
        "table": tables.table,
        "inline": inline.inline,
        "text": inline.text,
        "softbreak": inline.softbreak,
        "hardbreak": inline.hardbreak,
        "em": inline.em,
        "strong": inline.strong,
        "s": inline.strikethrough,
        "code_inline": inline.code_inline,
        "math_inline": inline.math_inline,
        "math_inline_double": inline.math_block,
        "html_inline": rawhtml.html_inline,
        "link": anchors.link,
        "image": anchors.image,
        **{name: _recorded(render) for name, render in CITATION_RENDERERS.items()},
    }
)
