"""List items of appendix sections: "See also" names articles, "External links" names URLs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.tree import SyntaxTreeNode

from converters.escape import LINK_LABEL, escape_text
from converters.render.context import RenderContext, line_of
from converters.render.links import link_wikitext, page_title, url_label, wikilink
from converters.structure import plain_text

# "[Title] (https://…)": a link whose space before the parenthesis broke it.
_BROKEN_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\s+\((?P<url>[a-z][a-z0-9+.-]*:[^\s()]+)\)")
_BARE_URL = re.compile(r"(?P<url>https?://\S+)")
# "Genomics - the study of genomes": the article, then a description after a dash (hyphen,
# en or em dash) or a colon.
_DESCRIBED = re.compile(r"(?P<title>[^:\u2013\u2014]+?)(?P<rest>\s+[-\u2013\u2014]\s.*|:\s.*)?")


def _written(node: SyntaxTreeNode) -> str | None:
    """The text of a piece of plain text as written: text, a line break, a bare URL."""
    if node.type in ("text", "softbreak"):
        return node.content or " "
    if node.type == "link" and node.markup == "linkify":
        return plain_text(node)
    return None


def _plain_text(blocks: Sequence[SyntaxTreeNode]) -> str | None:
    """The text of an item that is one paragraph of plain text (bare URLs too), else None."""
    if len(blocks) != 1 or blocks[0].type != "paragraph" or not blocks[0].children:
        return None
    pieces = [_written(child) for child in blocks[0].children[0].children]
    if None in pieces:
        return None
    return "".join(piece for piece in pieces if piece is not None).strip()


def appendix_item(blocks: Sequence[SyntaxTreeNode], ctx: RenderContext) -> str | None:
    """The wikitext of a top-level appendix list item written as plain text, or None."""
    section = ctx.scope.section
    if section is None or ctx.scope.list_prefix not in ("*", "#"):
        return None
    text = _plain_text(blocks)
    if not text:
        return None
    if section == "See also":
        parts = _DESCRIBED.fullmatch(text)
        title = page_title(parts["title"]) if parts else None
        if parts is None or title is None:
            return None
        return wikilink(ctx, title, title) + escape_text(parts["rest"] or "")
    if section != "External links":
        return None
    match = _BROKEN_LINK.fullmatch(text) or _BARE_URL.fullmatch(text)
    if match is None:
        return None
    named = match.groupdict().get("text")
    label = escape_text(named, LINK_LABEL) if named else url_label(match["url"], ctx)
    return link_wikitext(match["url"], label, ctx, line_of(blocks[0]))
