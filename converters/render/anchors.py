"""Renderers of link and image nodes (the wikitext they become is decided in links.py)."""

from __future__ import annotations

from markdown_it.tree import SyntaxTreeNode

from converters.render.context import RenderContext, line_of
from converters.render.inline import render_label
from converters.render.links import (
    free_link_ends,
    free_link_trail,
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


def _starts_free_link(node: SyntaxTreeNode | None) -> bool:
    """Whether a bare URL after ``node`` (the previous sibling) starts a free link.

    MediaWiki links a URL only at a word boundary; after a space or "(" that is certain,
    after other text or markup (a tag dropped, a "[" that would bracket it) it is not.
    """
    if node is None or node.type in ("softbreak", "hardbreak"):
        return True
    last = node.content[-1:] if node.type == "text" else ""
    return last.isspace() or last == "("


def _ends_free_link(link: SyntaxTreeNode, url: str) -> bool:
    """Whether MediaWiki ends the bare ``url`` of ``link`` before what follows it."""
    after, node = "", link.next_sibling
    while node is not None and node.type == "text":  # text split in several nodes reads on
        after += node.content
        node = node.next_sibling
    if after.lstrip(free_link_trail(url)):
        return free_link_ends(url, after)
    if node is None:
        # Punctuation the link leaves out, last in an emphasis: the closing '' follows it, and
        # mwparserfromhell reads the link on across it ("''url;''~" links "url;~").
        return not after or link.parent is None or link.parent.type == "inline"
    return node.type in ("softbreak", "hardbreak")


def autolink_wikitext(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A URL written as text (``<https://…>``, or bare as GFM links it): a bare URL where the
    wiki links exactly that URL by itself, else ``[url text]``."""
    href, shown = str(node.attrs["href"]), plain_text(node)
    # markdown-it decodes "%01" and "%90" in the text into characters no one can read: such
    # a URL is shown as written, as GitHub shows it.
    if not shown.isprintable() or "\ufffd" in shown:
        shown = href
    bare = shown == href and _starts_free_link(node.previous_sibling) and is_free_link(href, ctx)
    if not bare:
        return link_wikitext(href, url_label(shown, ctx), ctx, line_of(node))
    ctx.report.emit("external_link", href)
    return href if _ends_free_link(node, href) else f"{href}<nowiki/>"


def link(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A Markdown link or autolink."""
    linked = _linked_image(node, ctx)
    if linked is not None:
        return linked
    href = str(node.attrs["href"])
    if node.markup in ("autolink", "linkify") and not ctx.scope.in_link:
        return autolink_wikitext(node, ctx)
    return link_wikitext(href, render_label(node.children, ctx), ctx, line_of(node))
