"""Links and images: external links, the wiki's own articles, fragments, files."""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from converters.escape import FILE_CAPTION, LINK_LABEL, escape_text, escape_url
from converters.wikisyntax import COMMONS_FILE_PREFIXES, URL_PROTOCOLS

if TYPE_CHECKING:
    from converters.render.context import RenderContext

# Characters MediaWiki forbids in page titles ($wgLegalTitleChars) plus what would end a link.
_BAD_TITLE = re.compile(r"[\[\]{}|<>#\x00-\x1f\x7f]|~~~|''|^\s*$")
_FILE_PREFIX = re.compile(r"(?i)^(?:file|image):")


def _has_protocol(url: str) -> bool:
    """True when ``url`` starts with a protocol MediaWiki links."""
    lowered = url.lower()
    return lowered.startswith(URL_PROTOCOLS)


# What MediaWiki strips from the end of a free link (Parser::makeFreeExternalLink), ")" only
# when the URL holds no "(".
_FREE_LINK_TRAIL = ",;.:!?"
# Text that ends a free link where it starts, for MediaWiki and mwparserfromhell alike.
_FREE_LINK_STOP = re.compile(r"[ \n]|$")


def free_link_trail(url: str) -> str:
    """The characters MediaWiki would leave out at the end of a free link ``url``."""
    return _FREE_LINK_TRAIL + ("" if "(" in url else ")")


def is_free_link(url: str, ctx: RenderContext) -> bool:
    """Whether ``url`` written bare is linked by MediaWiki as exactly this URL."""
    return (
        _has_protocol(url)
        and "://" in url
        and escape_url(url) == url
        and _own_title(url, ctx) is None
        and url.rstrip(free_link_trail(url)) == url
        # In a heading mwparserfromhell ends a free link before a final "=" (MediaWiki does
        # not): bracketed, the link is the same to both.
        and not url.endswith("=")
    )


def free_link_ends(url: str, after: str) -> bool:
    """Whether MediaWiki ends the free link ``url`` before the wikitext ``after`` that follows.

    Trailing punctuation it strips from a link, so what follows that must stop the link.
    """
    rest = after.lstrip(free_link_trail(url))
    return _FREE_LINK_STOP.match(rest) is not None


def page_title(path: str) -> str | None:
    """A wiki page title from a URL path ("Foo_bar" -> "Foo bar"), or None if none is valid."""
    title = unquote(path).replace("_", " ").strip()
    return None if _BAD_TITLE.search(title) else title


def wikilink(ctx: RenderContext, title: str, label: str, fragment: str = "") -> str:
    """``[[Title#fragment|label]]``; a title with a prefix is linked, never embedded."""
    fragment = fragment.strip()
    if _BAD_TITLE.search(fragment.replace("#", "")) and fragment:
        fragment = ""  # not an anchor MediaWiki can make: link the page itself
    target = (":" + title if ":" in title else title) + (f"#{fragment}" if fragment else "")
    ctx.report.emit("wikilink", target)
    if not label or (label == title and not fragment):
        return f"[[{target}]]"
    return f"[[{target}|{label}]]"


def url_label(url: str, ctx: RenderContext) -> str:
    """A URL as its own link's label: text inside ``[url label]``; inside ``[[Title|label]]``
    (the wiki's own article) protected, since a parser reads a bare URL there as a link."""
    return escape_text(url, LINK_LABEL, free_links=_own_title(url, ctx) is not None)


def _own_title(url: str, ctx: RenderContext) -> str | None:
    """The title of the target wiki's article ``url`` names, if it names one."""
    base = ctx.options.wiki_article_base
    return page_title(url[len(base) :].partition("#")[0]) if base and url.startswith(base) else None


def link_wikitext(url: str, label: str, ctx: RenderContext, line: int | None) -> str:
    """Wikitext for a Markdown link to ``url`` whose rendered text is ``label``."""
    report = ctx.report
    if ctx.scope.in_link:
        return label  # a link inside link text cannot be a link in wikitext
    if not label.strip():
        report.warn(line, f"link to {url!r} has no text; dropped")
        return ""
    own_title = _own_title(url, ctx)
    own_fragment = url.partition("#")[2]
    if url.startswith("#"):
        return _in_page(url[1:], label, ctx, line)
    if own_title:  # an article of the target wiki (a URL naming no article stays a URL)
        return wikilink(ctx, own_title, label, unquote(own_fragment).replace("_", " "))
    if _has_protocol(url):
        safe = escape_url(url)
        report.emit("external_link", safe)
        return f"[{safe} {label}]"
    if not urlsplit(url).scheme:
        return _relative(url, label, ctx, line)
    report.warn(line, f"link to {url!r} cannot be written in wikitext; kept its text")
    return label


def _in_page(fragment: str, label: str, ctx: RenderContext, line: int | None) -> str:
    """A link to a heading of this draft, named by its GitHub slug or by its text."""
    heading = ctx.anchors.get(unquote(fragment).lower())
    if heading is None:
        ctx.report.warn(line, f"link to #{fragment} names no heading of the draft; check it")
    target = heading or page_title(fragment)
    return wikilink(ctx, "", label, target) if target else label


# The last segment of a path naming a file: a name with an extension ("notes.md", "a.pdf").
_FILE_NAME = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")


def _draft_title(url: str, ctx: RenderContext) -> str | None:
    """The page of the draft a relative URL names, when the options know that draft."""
    drafts = ctx.options.draft_titles
    if not drafts:
        return None
    here = posixpath.dirname(ctx.options.source_name or "")
    path = posixpath.normpath(posixpath.join(here, unquote(urlsplit(url).path)))
    return drafts.get(path)


def _relative_title(url: str, ctx: RenderContext) -> str | None:
    """The wiki page a relative URL without a file extension names ("/wiki/Foo_bar" -> "Foo
    bar"), if any; the wiki's own article path is dropped like a leading "/" or "./"."""
    path = urlsplit(url).path
    article_path = urlsplit(ctx.options.wiki_article_base).path
    if article_path and path.startswith(article_path):
        path = path[len(article_path) :]
    path = path.removeprefix("./").lstrip("/")
    # A file, or a path no title has ("(http://x)" is a URL gone wrong, not a page).
    return None if _FILE_NAME.search(path) or "//" in path else page_title(path)


def _relative(url: str, label: str, ctx: RenderContext, line: int | None) -> str:
    """A relative link: a page of the wiki, or the page a sibling draft is published as."""
    fragment = unquote(url.partition("#")[2]).replace("_", " ")
    title = _draft_title(url, ctx) or _relative_title(url, ctx)
    if title:
        return wikilink(ctx, title, label, fragment)
    if _FILE_NAME.search(urlsplit(url).path):
        ctx.report.warn(line, f"relative link {url!r} names a file, not a wiki page; kept its text")
    else:
        ctx.report.warn(line, f"link to {url!r} names no wiki page; kept its text")
    return label


def _file_name(src: str) -> str | None:
    """The wiki file name an image source names (File:, Commons, a relative path), if any."""
    if _FILE_PREFIX.match(src):
        return _FILE_PREFIX.sub("", src)
    if src.startswith(COMMONS_FILE_PREFIXES[0]):
        return unquote(src[len(COMMONS_FILE_PREFIXES[0]) :])
    segments = urlsplit(src).path.split("/")
    if src.startswith(COMMONS_FILE_PREFIXES[1]):
        # .../commons/thumb/a/ab/Name.jpg/220px-Name.jpg names the file one segment earlier.
        return unquote(segments[-2] if "/thumb/" in src and len(segments) > 1 else segments[-1])
    if not urlsplit(src).scheme and not src.startswith("//"):
        return unquote(segments[-1])
    return None


def link_target(url: str, ctx: RenderContext) -> str | None:
    """What an image's ``link=`` can name for ``url``: a page of the wiki, a URL, or None."""
    base = ctx.options.wiki_article_base
    if base and url.startswith(base):
        return _own_title(url, ctx)
    if _has_protocol(url):
        return escape_url(url)
    if not urlsplit(url).scheme:
        return _draft_title(url, ctx) or _relative_title(url, ctx)
    return None


def image_wikitext(
    src: str, alt: str, ctx: RenderContext, line: int | None, *, alone: bool, link: str = ""
) -> str:
    """``[[File:Name|frameless|alt]]`` for files the wiki can show, else a link with a warning.

    An image alone in its paragraph is thumbnail-sized (``frameless``), not a ``thumb``: a
    thumb shows its text as a caption, and Markdown's alt text is never shown. ``link`` is
    where clicking the image leads (an image inside a Markdown link).
    """
    name = _file_name(src)
    title = page_title(name) if name else None
    if title is None:
        ctx.report.warn(line, f"image {src} is not a wiki file; written as a link (upload it)")
        return link_wikitext(src, escape_text(alt or src, ctx.scope.extra), ctx, line)
    title = title[:1].upper() + title[1:]  # the name MediaWiki stores the file under
    if not (src.startswith(COMMONS_FILE_PREFIXES) or _FILE_PREFIX.match(src)):
        ctx.report.warn(line, f"image {src} must be uploaded to the wiki as File:{title}")
    caption = escape_text(alt, FILE_CAPTION)
    parts = [
        f"File:{title}",
        *(["frameless"] if alone else []),
        *([f"link={link}"] if link else []),
        *([caption] if caption else []),
    ]
    wikitext = "[[" + "|".join(parts) + "]]"
    ctx.report.foreign.append(wikitext)  # a parser reads link=URL as a link of its own
    return wikitext
