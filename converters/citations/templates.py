"""Template calls with safe parameter values: ``{{!}}`` for pipes, ``1=`` where ``=`` would bind."""

from __future__ import annotations

from functools import cache

import mwparserfromhell
from markdown_it import MarkdownIt
from mwparserfromhell.nodes import ExternalLink, Tag, Text
from mwparserfromhell.wikicode import Wikicode

from converters.escape import escape_text
from converters.title import clean_title
from converters.wikisyntax import EXTENSION_TAGS


def _protects(node: object) -> bool:
    """True for nodes whose inside the preprocessor leaves alone: ``[[…]]``, ``{{…}}``, ext tags."""
    if isinstance(node, Tag):
        return str(node.tag).lower() in EXTENSION_TAGS
    return not isinstance(node, Text | ExternalLink)


def _escape_pipes(code: Wikicode) -> None:
    """Replace every pipe the preprocessor would read as a parameter separator."""
    for node in code.nodes:
        if isinstance(node, Text):
            node.value = node.value.replace("|", "{{!}}")
        elif isinstance(node, ExternalLink) and node.title is not None:
            _escape_pipes(node.title)  # brackets of external links do not protect pipes
        elif isinstance(node, Tag) and not _protects(node) and node.contents is not None:
            _escape_pipes(node.contents)


def wikitext_value(wikitext: str) -> str:
    """Rendered wikitext as a parameter value: pipes the preprocessor would split on escaped."""
    code = mwparserfromhell.parse(wikitext)
    _escape_pipes(code)
    return str(code)


def positional(value: str) -> str:
    """A parameter value placed as the first unnamed parameter: ``1=`` when an ``=`` would bind."""
    code = mwparserfromhell.parse(value)
    exposed = "".join(str(node) for node in code.nodes if not _protects(node))
    return f"1={value}" if "=" in exposed else value


@cache
def _inline_parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


# Inline tokens whose content a reader sees; marks, link brackets and escapes are markup.
_SHOWN = {"text", "code_inline", "html_inline", "image", "softbreak", "hardbreak"}


def markdown_text(text: str) -> str:
    """What inline Markdown shows: ``*Site*`` -> "Site", ``[a](url)`` -> "a", ``\\*`` -> "*"."""
    if not any(char in text for char in "*_`[\\&<"):
        return text  # most titles: no character that could be Markdown
    [inline] = _inline_parser().parseInline(text) or [None]
    if inline is None or not inline.children:
        return text
    return "".join(
        " " if t.type.endswith("break") else t.content for t in inline.children if t.type in _SHOWN
    )


def text_value(text: str) -> str:
    """Plain text (a title, a site name) as a parameter value on one line, Markdown marks gone."""
    return escape_text(clean_title(markdown_text(text)), {"|": "{{!}}"})


def template(name: str, *params: tuple[str, str]) -> str:
    """``{{name |key=value …}}`` from escaped values; empty values are left out."""
    return "{{" + name + "".join(f" |{key}={value}" for key, value in params if value) + "}}"
