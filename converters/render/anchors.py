"""Renderers of link and image nodes (the wikitext they become is decided in links.py)."""

from __future__ import annotations

from markdown_it.tree import SyntaxTreeNode

from converters.render.context import RenderContext, line_of
from converters.render.inline import render_label
from converters.render.links import image_wikitext, link_target, link_wikitext, url_label
from converters.structure import plain_text


def _alt(image: SyntaxTreeNode) -> str:
    """An image's alt text: the plain text of its description, line breaks dropped."""
    return plain_text(image, line_break="")


def image(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """An image; a thumbnail when it stands alone in a top-level paragraph."""
    siblings = node.parent.children if node.parent else []
    paragraph = node.parent.parent if node.parent else None
    alone = (
        len(siblings) == 1
        and paragraph is not None
        and paragraph.type == "paragraph"
        and paragraph.parent is not None
        and paragraph.parent.type == "root"
    )
    return image_wikitext(str(node.attrs["src"]), _alt(node), ctx, line_of(node), alone=alone)


def _linked_image(node: SyntaxTreeNode, ctx: RenderContext) -> str | None:
    """A link around nothing but an image: the image with ``link=``, if wikitext can say it."""
    if len(node.children) != 1 or node.children[0].type != "image" or ctx.scope.in_link:
        return None
    target = link_target(str(node.attrs["href"]), ctx)
    if not target:
        return None
    picture = node.children[0]
    src = str(picture.attrs["src"])
    return image_wikitext(src, _alt(picture), ctx, line_of(node), alone=False, link=target)


def link(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A Markdown link or autolink."""
    linked = _linked_image(node, ctx)
    if linked is not None:
        return linked
    href = str(node.attrs["href"])
    if node.markup == "autolink" and not ctx.scope.in_link:
        return link_wikitext(href, url_label(plain_text(node), ctx), ctx, line_of(node))
    return link_wikitext(href, render_label(node.children, ctx), ctx, line_of(node))
