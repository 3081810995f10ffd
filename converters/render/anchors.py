"""Renderers of link and image nodes (the wikitext they become is decided in links.py)."""

from __future__ import annotations

from markdown_it.tree import SyntaxTreeNode

from converters.render.context import RenderContext, line_of
from converters.render.inline import render_label
from converters.render.links import (
    free_link_ends,
    image_wikitext,
    is_free_link,
    link_target,
    link_wikitext,
    url_label,
)
from converters.structure import plain_text


def _alt(image: SyntaxTreeNode) -> str:
    """An image's alt text: the plain text of its description, line breaks dropped."""
    return plain_text(image, line_break="")


def image(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """An image; thumbnail-sized when it stands alone in a top-level paragraph."""
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


def _ends_free_link(node: SyntaxTreeNode | None, url: str) -> bool:
    """Whether MediaWiki ends a bare ``url`` before what ``node`` (the next sibling) writes."""
    if node is None or node.type in ("softbreak", "hardbreak"):
        return True
    return node.type == "text" and free_link_ends(url, node.content)


def autolink_wikitext(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A URL written as text (``<https://…>``, or bare as GFM links it): a bare URL where the
    wiki links exactly that URL by itself, else ``[url text]``."""
    href, shown = str(node.attrs["href"]), plain_text(node)
    before = node.previous_sibling
    last = before.content[-1:] if before is not None and before.type == "text" else ""
    # A free link starts at a word boundary; "[" before it would make it a bracketed link.
    if shown != href or last.isalnum() or last == "_" or not is_free_link(href, ctx):
        return link_wikitext(href, url_label(shown, ctx), ctx, line_of(node))
    ctx.report.emit("external_link", href)
    opening = "<nowiki/>" if last == "[" else ""
    closing = "" if _ends_free_link(node.next_sibling, href) else "<nowiki/>"
    return f"{opening}{href}{closing}"


def link(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A Markdown link or autolink."""
    linked = _linked_image(node, ctx)
    if linked is not None:
        return linked
    href = str(node.attrs["href"])
    if node.markup in ("autolink", "linkify") and not ctx.scope.in_link:
        return autolink_wikitext(node, ctx)
    return link_wikitext(href, render_label(node.children, ctx), ctx, line_of(node))
