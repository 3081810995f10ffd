"""Raw HTML keeps its Markdown meaning: allowed tags pass, <a>/<img> translate, GFM's
disallowed tags show as text, the rest goes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown_it.tree import SyntaxTreeNode

from converters.escape import (
    LINK_LABEL,
    escape_line_start,
    escape_pre,
    escape_text,
)
from converters.render.context import line_of
from converters.render.htmltokens import Tag, single_tag, start_tag, tokenize
from converters.render.join import join_inline
from converters.render.links import image_wikitext, link_wikitext
from converters.wikisyntax import ALLOWED_TAGS, INLINE_TAGS, REMOVED_TAGS, VOID_TAGS

if TYPE_CHECKING:
    from converters.render.context import RenderContext


@dataclass(frozen=True)
class HtmlGroup:
    """Inline siblings between a raw ``<a href>`` or removed tag and its end tag."""

    tag: str
    href: str | None
    inner: Sequence[SyntaxTreeNode]
    inner_parent: SyntaxTreeNode


def group_inline_html(nodes: Sequence[SyntaxTreeNode]) -> Iterator[SyntaxTreeNode | HtmlGroup]:
    """Yield nodes, grouping those enclosed by ``<a href>…</a>`` or ``<script>…</script>``."""
    index = 0
    while index < len(nodes):
        node = nodes[index]
        tag = single_tag(node) if node.type == "html_inline" else None
        href = tag.attr("href") if tag and tag.name == "a" else None
        if tag and tag.kind == "start" and (href is not None or tag.name in REMOVED_TAGS):
            # An unclosed element lasts to the end of its block, as in a browser.
            end = _matching_end(nodes, index, tag.name)
            last = len(nodes) if end is None else end
            yield HtmlGroup(tag.name, href, nodes[index + 1 : last], node)
            index = last + 1
            continue
        yield node
        index += 1


def _matching_end(nodes: Sequence[SyntaxTreeNode], start: int, name: str) -> int | None:
    """The index of the end tag closing the start tag at ``start``, if any."""
    depth = 0
    for index in range(start, len(nodes)):
        if nodes[index].type != "html_inline":
            continue
        tag = single_tag(nodes[index])
        if tag.name == name:
            depth += 1 if tag.kind == "start" else -1 if tag.kind == "end" else 0
            if depth == 0:
                return index
    return None


# GFM's tagfilter (spec 0.29, section 6.11): the "<" of these tags is escaped, so GitHub shows
# them, and what they enclose, as text.
_DISALLOWED = re.compile(
    r"<(?=/?(?P<name>title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)"
    r"(?:[\s/>]|$))",
    re.IGNORECASE,
)


def _filtered(html: str, ctx: RenderContext, node: SyntaxTreeNode) -> list[Tag] | None:
    """The Tags of raw HTML with GFM's disallowed tags made text, or None if it has none."""
    found = list(_DISALLOWED.finditer(html))
    if not found:
        return None
    opened = sorted({m["name"].lower() for m in found if html[m.end()] != "/"})
    for name in opened:  # one warning per element, not one for its end tag as well
        ctx.report.warn(line_of(node), f"<{name}> is shown as text, as GitHub shows it; remove it")
    return tokenize(_DISALLOWED.sub("&lt;", html))


def html_inline(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """One raw inline tag, by the policy in this module's docstring."""
    if id(node) in ctx.scope.stray_tags:
        return ""
    tags = _filtered(node.content, ctx, node) or [single_tag(node)]
    return _HtmlWriter(ctx, node).write(tags)


def balance(nodes: Sequence[SyntaxTreeNode]) -> tuple[frozenset[int], str]:
    """Raw tags of some inline content that close nothing, and the end tags it still needs.

    A paragraph, heading or link label must not leave an element open for what follows to
    close, or the parse would pair tags across it; a browser closes them at its end too.
    Link labels are balanced on their own, so their tags are not counted here.
    """
    stack: list[str] = []
    stray: set[int] = set()
    for node in _tags_outside_links(nodes):
        tag = single_tag(node)
        if tag.name not in INLINE_TAGS or tag.name in VOID_TAGS:
            continue
        if tag.kind == "start":
            stack.append(tag.name)
        elif tag.kind == "end" and stack and stack[-1] == tag.name:
            stack.pop()
        elif tag.kind == "end":
            stray.add(id(node))
    return frozenset(stray), "".join(f"</{name}>" for name in reversed(stack))


def _tags_outside_links(nodes: Sequence[SyntaxTreeNode]) -> Iterator[SyntaxTreeNode]:
    """The raw inline tags among ``nodes`` and their marks, outside links and removed tags."""
    for item in group_inline_html(nodes):
        if isinstance(item, HtmlGroup) or item.type == "link":
            continue
        if item.type == "html_inline":
            yield item
        else:
            yield from _tags_outside_links(item.children)


# What line handling must not touch: preformatted text, and comments (MediaWiki removes
# them before it looks at line starts, so escaping inside one could end it early).
_PROTECTED = re.compile(r"<pre>.*?</pre>|<!--.*?-->", re.DOTALL)


def html_block(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """A raw HTML block; its text is escaped and line starts made harmless."""
    tags = _filtered(node.content, ctx, node) or tokenize(node.content)
    written = _HtmlWriter(ctx, node).write(tags)
    joiner = " " if ctx.scope.single_line else "\n"
    pieces: list[str] = []
    at_line_start = True  # comments are transparent: text after one may start a line
    position = 0
    for match in [*_PROTECTED.finditer(written), None]:
        text = written[position : match.start() if match else len(written)]
        pieces.append(_lines(text, at_line_start, joiner))
        if text.strip():
            at_line_start = text.endswith("\n")
        if match is None:
            break
        protected = match.group()
        if protected.startswith("<pre>"):
            at_line_start = False
        pieces.append(protected)
        position = match.end()
    return "".join(pieces).strip()


def _lines(text: str, at_line_start: bool, joiner: str) -> str:
    """Text between protected pieces, each of its line starts escaped, blank lines dropped.

    A blank line would end a wiki paragraph; a browser sees only white space.
    """
    lines = text.split("\n")
    first = 0 if at_line_start else 1  # a first piece that continues a line keeps its start
    kept = lines[:first] + [escape_line_start(ln.lstrip()) for ln in lines[first:] if ln.strip()]
    return joiner.join(kept) + (joiner if len(lines) > 1 and not lines[-1].strip() else "")


class _HtmlWriter:
    """Writes Tags as wikitext: one pass with the state raw HTML needs (pre, a, removed)."""

    def __init__(self, ctx: RenderContext, node: SyntaxTreeNode) -> None:
        self.ctx = ctx
        self.line = line_of(node)
        self.block = node.type == "html_block"
        self.allowed = ALLOWED_TAGS if self.block else INLINE_TAGS
        self.out: list[str] = []
        self.removing: str | None = None  # inside <script> and the like
        self.in_pre = False
        self.links: list[tuple[str, int]] = []  # open <a href>: URL, index in out

    def warn(self, message: str) -> None:
        self.ctx.report.warn(self.line, message)

    def write(self, tags: Sequence[Tag]) -> str:
        """The wikitext of ``tags``; an unclosed <pre> is closed."""
        for tag in tags:
            if self.removing:
                if tag.kind == "end" and tag.name == self.removing:
                    self.removing = None
            elif self.in_pre:
                self._pre(tag)
            else:
                self._tag(tag)
        if self.in_pre:
            self.out.append("</pre>")
        while self.links:  # links left open end with the block
            self._close_link()
        return join_inline(self.out)

    def _pre(self, tag: Tag) -> None:
        """Inside <pre>: text literal, tags dropped (MediaWiki would show them as text)."""
        if tag.kind == "end" and tag.name == "pre":
            self.in_pre = False
            self.out.append("</pre>")
        elif tag.kind == "text":
            self.out.append(escape_pre(tag.data, self.ctx.scope.single_line))
        elif tag.kind == "entity":
            self.out.append(tag.data)

    def _tag(self, tag: Tag) -> None:
        """Outside <pre>: apply the raw HTML policy to one tag."""
        extra = LINK_LABEL if self.links else self.ctx.scope.extra
        if tag.kind == "text":
            self.out.append(escape_text(tag.data, extra))
        elif tag.kind == "entity":
            self.out.append(tag.data)
        elif tag.kind == "comment":
            # A comment ends at its first "-->" (what follows is text), in browsers as in wikis.
            comment, end, text = tag.data.partition("-->")
            self.out.append(f"<!--{comment}-->")
            if end:  # inline, its line breaks are spaces: a newline would end the line
                rest = f"{text}-->" if self.block else f"{text}-->".replace("\n", " ")
                self.out.append(escape_text(rest, extra))
        elif tag.kind == "other":
            self.warn(f"removed <!{tag.data[:20]}…>: not visible in a page")
            # A browser ends "<![CDATA[" outside SVG at the first ">": what follows is text.
            hidden, end, shown = tag.data.partition(">")
            if end and hidden.startswith("CDATA["):
                self.out.append(escape_text(f"{shown}]]>", extra))
        elif tag.kind == "start":
            self._start(tag)
        elif tag.name == "a" and self.links:
            self._close_link()
        elif tag.name in self.allowed and tag.name not in VOID_TAGS:
            self.out.append(f"</{tag.name}>")

    def _start(self, tag: Tag) -> None:
        """A start tag: translate, pass, remove or unwrap it."""
        name = tag.name
        if name == "input" and "task-list-item-checkbox" in (tag.attr("class") or ""):
            self.out.append("☑" if tag.attr("checked") is not None else "☐")
        elif name == "a" and tag.attr("href") is not None:
            if self.links:  # a link cannot hold a link: a new <a> ends the open one, as in browsers
                self._close_link()
            self.links.append((tag.attr("href") or "", len(self.out)))
        elif name == "img":
            src, alt = tag.attr("src") or "", tag.attr("alt") or ""
            self.out.append(image_wikitext(src, alt, self.ctx, self.line, alone=False))
        elif name == "pre" and self.block:
            self.in_pre = True
            self.out.append("<pre>")
        elif name in self.allowed:
            self.out.append(start_tag(tag))
        elif name in REMOVED_TAGS:
            self.removing = name
            self.warn(f"removed <{name}> and its content")
        elif name in ALLOWED_TAGS:
            self.warn(f"unwrapped <{name}>: a block inside a line of text; its text is kept")
        else:
            self.warn(f"unwrapped <{name}>: MediaWiki does not allow it; its text is kept")

    def _close_link(self) -> None:
        """End the innermost raw <a href>: its collected text becomes the link label."""
        href, start = self.links.pop()
        # A link is one line of wikitext: a line break of the block's text is a space in it.
        label = " ".join(join_inline(self.out[start:]).splitlines())
        del self.out[start:]
        self.out.append(link_wikitext(href, label, self.ctx, self.line))
