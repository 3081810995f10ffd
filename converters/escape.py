"""Minimal escaping: text that MediaWiki would read as markup is made literal, nothing more."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote

from converters.wikisyntax import URL_PROTOCOLS

_FREE_PROTOCOLS = "|".join(re.escape(p) for p in URL_PROTOCOLS)
_ENTITY_LIKE = r"&(?=[A-Za-z][A-Za-z0-9]*;|\#[0-9]+;|\#[xX][0-9A-Fa-f]+;)"

# Each alternative is one way plain text turns into markup; named groups pick the remedy.
_INLINE = re.compile(
    rf"""
    (?P<url>(?<![A-Za-z0-9])(?:{_FREE_PROTOCOLS})[^\s<>\[\]"{{}}|]*)  # free links
    | (?P<nowiki>
        \[\[+ | \]\]+ | \{{\{{+ | \}}\}}+   # links, templates, parameters
        | '{{2,}}                           # bold and italic
        | ~{{3,}}                           # signatures
        | __(?=[A-Za-z0-9_]*[A-Za-z]__)     # behaviour switches such as __NOTOC__
        | -\{{ | \}}-                       # language converter
      )
    | (?P<amp>{_ENTITY_LIKE})              # text that reads as an entity
    | (?P<lt><(?=[A-Za-z/!?]))             # text that reads as a tag or comment
    | (?P<bracket>\[(?=//))                 # protocol-relative bracketed link
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Every match of _INLINE holds one of these (each URL protocol ends in ":" or "://"). Most
# text holds none, and finding that out is far quicker than scanning it with _INLINE.
_MAYBE_MARKUP = re.compile(r"[:\[\]{}'~_&<]")

# Characters that only matter in some places: table cells, link labels, definition terms.
CELL = {"|": "&#124;"}
HEADER_CELL = {"|": "&#124;", "!!": "!&#33;"}
# MediaWiki's external link label excludes U+FFFD (Parser::EXT_LINK_TEXT_CLASS): written
# raw, it leaves the brackets as text.
LINK_LABEL = {"]": "&#93;", "\ufffd": "&#xFFFD;"}
FILE_CAPTION = {"|": "&#124;", "]": "&#93;"}
TERM = {":": "&#58;"}


def nowiki(text: str) -> str:
    """``text`` shown literally inside ``<nowiki>``, where entities would still be decoded."""
    return f"<nowiki>{escape_literal(text)}</nowiki>"


def escape_literal(text: str) -> str:
    """Escape the two characters HTML still interprets inside ``<nowiki>`` and ``<pre>``."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def escape_pre(text: str, single_line: bool = False) -> str:
    """The body of a ``<pre>``: literal, and no signature, which would expand on save.

    ``single_line`` writes line breaks as ``&#10;``, for a ``<pre>`` inside a line of text
    (a list item): ``<pre>`` is not protected from MediaWiki's line handling.
    """
    literal = escape_literal(text).replace("~~~", "&#126;~~")
    return literal.replace("\n", "&#10;") if single_line else literal


def _inline_replacement(match: re.Match[str]) -> str:
    """The literal form of one dangerous match."""
    kind = match.lastgroup
    if kind == "amp":
        return "&amp;"
    if kind == "lt":
        return "&lt;"
    if kind == "bracket":
        return "&#91;"
    return nowiki(match.group())


def _replacement_keeping_urls(match: re.Match[str]) -> str:
    """Like ``_inline_replacement``, but a URL stays as written."""
    return match.group() if match.lastgroup == "url" else _inline_replacement(match)


def escape_text(
    text: str, extra: Mapping[str, str] | None = None, *, free_links: bool = True
) -> str:
    """Inline text as literal wikitext; ``extra`` maps strings special where it is placed.

    ``free_links=False`` leaves URLs alone, for the label of ``[url label]`` where they are text.
    """
    replace = _inline_replacement if free_links else _replacement_keeping_urls
    escaped = _INLINE.sub(replace, text) if _MAYBE_MARKUP.search(text) else text
    if not extra:
        return escaped
    parts = re.split(r"(<nowiki>.*?</nowiki>)", escaped)
    for index in range(0, len(parts), 2):  # the inside of <nowiki> is already literal
        for special, replacement in extra.items():
            parts[index] = parts[index].replace(special, replacement)
    return "".join(parts)


# A leading "=" is escaped even alone: a ref's text may end on the line that text after it
# continues, and "=" ... "=" makes a heading.
_LINE_START = re.compile(r"[*#:;=]|[ \t]|\{\||----")


def escape_line_start(line: str) -> str:
    """Escape what a line's first characters would mean: lists, pre, tables, rules, headings."""
    match = _LINE_START.match(line)
    if not match:
        return line
    return nowiki(match.group()) + line[match.end() :]


def escape_heading(text: str) -> str:
    """Heading text whose own ``=`` at either end would change the heading level."""
    if text.startswith("="):
        text = nowiki("=") + text[1:]
    if text.endswith("="):
        text = text[:-1] + nowiki("=")
    return text


_URL_UNSAFE = {
    " ": "%20", '"': "%22", "'": "%27", "<": "%3C", ">": "%3E", "[": "%5B", "]": "%5D",
    "{": "%7B", "|": "%7C", "}": "%7D", "~": "%7E",
}  # fmt: skip


def escape_url(url: str) -> str:
    """A URL safe inside ``[url text]``: what would end it, expand or format it, percent-encoded."""
    return "".join(_url_char(char) for char in url)


def _url_char(char: str) -> str:
    """One URL character: percent-encoded when MediaWiki would end or change the link there."""
    if char in _URL_UNSAFE:
        return _URL_UNSAFE[char]
    return quote(char, safe="") if char.isspace() or not char.isprintable() else char


_ATTRIBUTE = str.maketrans(
    {'"': "&quot;", "{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;", "|": "&#124;"}
)


def escape_attribute(value: str) -> str:
    """An HTML attribute value as literal wikitext inside double quotes."""
    return escape_pre(value).translate(_ATTRIBUTE).replace("''", "&#39;'")
