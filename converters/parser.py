"""The Markdown parser: CommonMark plus the extensions drafts use, built once per process."""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from converters import chatphrases, citations
from converters.autolinks import GfmLinkify
from converters.errors import ConversionError
from converters.htmlspans import spread_spanning_tags
from converters.repairs import install as install_repairs

_UNSAFE = ("javascript:", "vbscript:", "data:", "file://")


def valid_link(url: str) -> bool:
    """markdown-it's check, but ``File:Name.png`` (a wiki file, not a local path) is a link."""
    return not url.strip().lower().startswith(_UNSAFE)


# Front matter is YAML: at least one "key:" line. "---\nFoo\n---" is a rule and a heading.
_YAML_KEY = re.compile(r"^[ \t]*[A-Za-z_][\w-]*[ \t]*:", re.MULTILINE)


@cache
def markdown_parser(front_matter: bool = True) -> MarkdownIt:
    """The shared parser; rules are added once, and parsing keeps its state in ``env``."""
    md = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough"])
    # Autolinks are found in text after the citation rules have read it (core, not inline).
    md.core.ruler.enable("linkify")
    md.linkify = GfmLinkify()
    if front_matter:
        md.use(front_matter_plugin)
    md = (
        md.use(footnote_plugin)
        .use(deflist_plugin)
        .use(dollarmath_plugin, allow_space=False, allow_digits=False)  # "$5 and $10" is prose
        .use(tasklists_plugin)
    )
    md.validateLink = valid_link
    md.core.ruler.after("inline", "html_spans", spread_spanning_tags)
    install_repairs(md)
    citations.install(md)
    chatphrases.install(md)
    return md


def parse(markdown: str, env: dict[str, object]) -> SyntaxTreeNode:
    """The syntax tree of ``markdown``; rules leave what they learn in ``env``."""
    tokens = markdown_parser().parse(markdown, env)
    if tokens and tokens[0].type == "front_matter" and not _YAML_KEY.search(tokens[0].content):
        env.clear()
        tokens = markdown_parser(front_matter=False).parse(markdown, env)
    refuse_lost_nesting(tokens, int(markdown_parser().options["maxNesting"]))
    return SyntaxTreeNode(tokens)


def refuse_lost_nesting(tokens: list[Token], limit: int) -> None:
    """Raise ConversionError where markdown-it dropped text nested ``limit`` levels deep.

    markdown-it stops parsing inside a block opened at level ``limit - 1`` and silently drops
    its content: 10 nested list levels (two levels each: list and item) or 19 nested quotes.
    """
    for token in tokens:
        if token.nesting == 1 and token.level >= limit - 1:
            where = f"line {token.map[0] + 1}: " if token.map else ""
            raise ConversionError(
                f"{where}lists and block quotes are nested too deeply (more than "
                f"{(limit - 2) // 2} list levels or {limit - 2} quote levels): their text would "
                "be lost; flatten the nesting"
            )
