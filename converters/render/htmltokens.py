"""Raw HTML read as tags: a tokenizer that keeps entities as written, and tag rebuilding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from markdown_it.tree import SyntaxTreeNode

from converters.escape import escape_attribute
from converters.wikisyntax import VOID_TAGS

Attrs = list[tuple[str, str | None]]


@dataclass(frozen=True)
class Tag:
    """One piece of raw HTML: kind is start, end, text, entity, comment or other."""

    kind: str
    name: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()
    data: str = ""

    def attr(self, name: str) -> str | None:
        """The value of attribute ``name``, if present."""
        return next((v for k, v in self.attrs if k == name), None)


class _Tokenizer(HTMLParser):
    """Splits raw HTML into Tags, keeping entities as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        self.tags.append(Tag("start", tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        # "<a/>" opens an element in HTML (the slash means nothing), so it is a start tag.
        self.tags.append(Tag("start", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(Tag("end", tag))

    def handle_data(self, data: str) -> None:
        self.tags.append(Tag("text", data=data))

    def handle_entityref(self, name: str) -> None:
        self.tags.append(Tag("entity", data=f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.tags.append(Tag("entity", data=f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        self.tags.append(Tag("comment", data=data))

    def handle_decl(self, decl: str) -> None:
        self.tags.append(Tag("other", data=decl))

    def handle_pi(self, data: str) -> None:
        self.tags.append(Tag("other", data=data))

    def unknown_decl(self, data: str) -> None:
        self.tags.append(Tag("other", data=data))


def tokenize(html: str) -> list[Tag]:
    """The Tags of an HTML fragment; text the parser cannot read stays text."""
    tokenizer = _Tokenizer()
    try:
        tokenizer.feed(html)
        tokenizer.close()
    except AssertionError:  # HTMLParser gives up on some declarations ("<![{"): all text then
        return [Tag("text", data=html)]
    if tokenizer.rawdata:  # an unfinished "<foo" is text to a browser as well
        tokenizer.tags.append(Tag("text", data=tokenizer.rawdata))
    return _merge_text(tokenizer.tags)


def _merge_text(tags: list[Tag]) -> list[Tag]:
    """Adjacent text pieces as one, so escaping sees "<" with what follows it."""
    merged: list[Tag] = []
    for tag in tags:
        if tag.kind == "text" and merged and merged[-1].kind == "text":
            merged[-1] = Tag("text", data=merged[-1].data + tag.data)
        else:
            merged.append(tag)
    return merged


def start_tag(tag: Tag) -> str:
    """An allowed start tag rebuilt with its attribute values made literal."""
    attrs = "".join(
        f" {k}" if v is None else f' {k}="{escape_attribute(v)}"'
        for k, v in tag.attrs
        if re.fullmatch(r"[a-z][a-z0-9_:.-]*", k)
    )
    return f"<{tag.name}{attrs} />" if tag.name in VOID_TAGS else f"<{tag.name}{attrs}>"


_COMMENT = re.compile(r"<!--(?:-?>|(?P<data>.*?)-->)", re.DOTALL)
_TAG_NAME = re.compile(r"<(?P<end>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)")


def single_tag(node: SyntaxTreeNode) -> Tag:
    """The one tag an html_inline node holds (CommonMark guarantees it is one)."""
    return _tag_of(node.content)


# Grouping, balancing and rendering each ask for the tag of the same node, and drafts repeat
# the same few tags; a Tag is immutable, so one read of each text serves them all.
@lru_cache(maxsize=1024)
def _tag_of(html: str) -> Tag:
    """The one tag of an html_inline node's text."""
    comment = _COMMENT.fullmatch(html)
    if comment:  # "<!-->" and "<!--->" are empty comments, which HTMLParser misreads
        return Tag("comment", data=comment["data"] or "")
    tags = tokenize(html)
    if len(tags) == 1 and tags[0].kind != "text":
        return tags[0]
    name = _TAG_NAME.match(html)
    if name:  # attributes HTMLParser cannot read: the tag without them
        return Tag("end" if name["end"] else "start", name["name"].lower())
    return Tag("other", data=html)
