"""Renderers of leaf and container blocks: paragraphs, headings, quotes, code, rules."""

from __future__ import annotations

from collections.abc import Sequence

import mwparserfromhell
from markdown_it.tree import SyntaxTreeNode

from converters.escape import escape_line_start, escape_pre
from converters.lexers import LEXERS
from converters.render.context import RenderContext, line_of
from converters.render.inline import inline
from converters.wikisyntax import ALLOWED_TAGS, EXTENSION_TAGS

# Info strings that open the door for deliberate wikitext (pandoc's raw attribute included).
VERBATIM_INFO = frozenset({"wikitext", "mediawiki", "{=mediawiki}"})


def render_blocks(nodes: Sequence[SyntaxTreeNode], ctx: RenderContext) -> str:
    """Render sibling blocks: blank-line separated, or run together on a single line."""
    rendered = [ctx.render(node) for node in nodes]
    separator = "" if ctx.scope.single_line else "\n\n"
    return separator.join(part for part in rendered if part)


def blocks(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A container whose children are blocks (the document root)."""
    return render_blocks(node.children, ctx)


def paragraph(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A paragraph: one line of text, or ``<p>`` where blocks share a line."""
    # Space at a paragraph's edges shows nothing, but at the start of a line it makes a <pre>.
    content = inline(node.children[0], ctx).strip() if node.children else ""
    if not content:
        return ""
    if ctx.scope.single_line:
        return f"<p>{content}</p>"
    return escape_line_start(content)


def heading(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A heading below the top level (in a quote or list): an HTML heading outside the TOC."""
    level = max(2, int(node.tag[1]))
    return f"<h{level}>{inline(node.children[0], ctx)}</h{level}>"


def blockquote(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A block quote with its blocks inside ``<blockquote>``."""
    with ctx.entering(list_prefix=""):
        content = render_blocks(node.children, ctx)
    if ctx.scope.single_line:
        return f"<blockquote>{content}</blockquote>"
    return f"<blockquote>\n{content}\n</blockquote>"


def thematic_break(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A horizontal rule."""
    return "<hr />" if ctx.scope.single_line else "----"


def code_block(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Fenced or indented code: highlighted when the language is known, else ``<pre>``."""
    info = node.info.strip().split()[0].lower() if node.info.strip() else ""
    code = node.content.removesuffix("\n")
    if info in VERBATIM_INFO and _self_contained(code):
        ctx.report.foreign.append(code)
        return code
    if info in VERBATIM_INFO:
        ctx.report.warn(
            line_of(node), "wikitext block leaves a tag, comment or link open; shown as code"
        )
    unsafe = "</syntaxhighlight" in code.lower() or "~~~" in code  # signatures expand on save
    newline = "" if ctx.scope.single_line else "\n"
    if info in LEXERS and not unsafe:
        return f'<syntaxhighlight lang="{info}">{newline}{code}{newline}</syntaxhighlight>'
    return f"<pre>{newline}{escape_pre(code, ctx.scope.single_line)}{newline}</pre>"


# What later text could write to close something a verbatim block left open.
_CLOSERS = ("", "}}", "]]", "-->", *(f"</{tag}>" for tag in sorted(ALLOWED_TAGS | EXTENSION_TAGS)))


def _self_contained(wikitext: str) -> bool:
    """True when nothing in ``wikitext`` stays open to swallow what follows it.

    A heading after the block must stay a heading whatever later text closes.
    """
    sentinel = "wikidraft end of block"
    for closer in _CLOSERS:
        parsed = mwparserfromhell.parse(f"{wikitext}\n\n== {sentinel} ==\n{closer}")
        headings = parsed.filter_headings(recursive=False)
        if not any(str(h.title).strip() == sentinel for h in headings):
            return False
    return True


def front_matter(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Front matter is read by the structure step, never shown."""
    return ""
