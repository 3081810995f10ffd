"""Core rules: chat assistants' artifacts (the table in ``artifacts.py``) become refs,
``{{citation needed}}`` or nothing, and every one is reported with its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.artifact import Artifact, any_of, report
from converters.citations.artifacts import IN_TEXT, IN_TEXT_HINTS, UNCITEABLE_URLS
from converters.citations.book import footnote_key, footnote_label
from converters.citations.positions import (
    child_lines,
    inline_blocks,
    inline_footnotes,
    rewrite_links,
    rewritten_links,
    running_text,
    token_lines,
    tokens_text,
)
from converters.citations.state import citation_state
from converters.citations.unresolved import defined

# Any artifact of the table, for one search per text; the entry that matched is then found by
# its own pattern.
_ANY_IN_TEXT = any_of(IN_TEXT)


def citation_needed(line: int | None) -> Token:
    """A ``{{citation needed}}`` token for a claim whose source is lost."""
    return Token("citation_needed", "", 0, meta={"line": line})


def _which(text: str, start: int, end: int) -> tuple[Artifact, re.Match[str]]:
    """The table entry that matched ``text[start:end]`` (the first, as in the alternation)."""
    for artifact in IN_TEXT:
        match = artifact.pattern.fullmatch(text, start, end)
        if match:
            return artifact, match
    raise AssertionError(f"no artifact matches {text[start:end]!r}")  # the alternation did


def _replacement(
    artifact: Artifact, match: re.Match[str], line: int, env: dict[str, Any]
) -> list[Token]:
    """The tokens standing for one artifact in text, reported."""
    text = match.group()
    if artifact.action in ("drop", "needed"):
        report(env, line, artifact, text, artifact.advice)
        return [citation_needed(line)] if artifact.action == "needed" else []
    keys = re.findall(r"\d+", match["keys"])
    listed = [key for key in keys if defined(key, env)]
    missing = [key for key in keys if key not in listed]
    if listed:
        report(env, line, artifact, text, f"{artifact.advice} ({', '.join(listed)})")
    if missing:
        lost = ", ".join(missing)
        what = f"names source {lost}, which no source list defines: {{{{citation needed}}}}"
        report(env, line, artifact, text, what)
    refs = [Token("cite_ref", "", 0, meta={"key": key, "source": text}) for key in listed]
    return [*refs, citation_needed(line)] if missing else refs


def artifacts_in(text: str) -> list[re.Match[str]]:
    """Where the artifacts of the table are in ``text`` (each match of any of them)."""
    if not any(hint in text for hint in IN_TEXT_HINTS):
        return []
    return list(_ANY_IN_TEXT.finditer(text))


def _split(token: Token, line: int, env: dict[str, Any]) -> list[Token] | None:
    """``token``'s text with each artifact replaced, or None when it holds none."""
    content = token.content
    matches = artifacts_in(content)
    if not matches:
        return None
    out: list[Token] = []
    position = 0
    for found in matches:
        before = content[position : found.start()]
        following = content[found.end() : found.end() + 1]
        artifact, match = _which(content, found.start(), found.end())
        tokens = _replacement(artifact, match, line + content.count("\n", 0, found.start()), env)
        if not tokens and (not following or following.isspace() or following in ".,;:!?)"):
            before = before.rstrip()  # a dropped word leaves one space, none before punctuation
        out += [Token("text", "", 0, content=before), *tokens]
        position = found.end()
    out.append(Token("text", "", 0, content=content[position:]))
    return [t for t in out if t.type != "text" or t.content]


def _may_hold_artifacts(text: str) -> bool:
    """False when ``text`` holds no artifact and no marker an inline rule reports ("[^", "^[")."""
    return "^" in text or bool(artifacts_in(text))


def _replaced(lines: Iterator[tuple[int, Token]], env: dict[str, Any]) -> list[Token]:
    """Inline tokens with every artifact replaced; those inline rules marked are reported."""
    children: list[Token] = []
    for line, token in lines:
        if "found" in token.meta:  # left by an inline rule, which knows no line
            report(env, line, *token.meta.pop("found"))
        if token.type == "artifact":  # a wrapper that stands for nothing
            continue
        replaced = _split(token, line, env) if token.type == "text" else None
        children.extend([token] if replaced is None else replaced)
    return children


def replace_text_artifacts(state: StateCore) -> None:
    """Replace every artifact in running text and in inline footnotes."""
    for block in inline_blocks(state.tokens, _may_hold_artifacts):
        block.children = _replaced(child_lines(block), state.env)
    for line, tokens in inline_footnotes(state.tokens, state.env):
        tokens[:] = _replaced(token_lines(tokens, line), state.env)


def holds_uncitable_url(text: str) -> bool:
    """Whether ``text`` holds a URL of the table; each has a scheme, so "://" is tested first."""
    return "://" in text and _uncitable_in(text) is not None


def _uncitable(url: str) -> Artifact | None:
    """The table entry for a URL that is not the source it stands for, if it is one."""
    return next((a for a in UNCITEABLE_URLS if a.pattern.match(url)), None)


def _uncitable_link(
    line: int, link: Token, label: list[Token], env: dict[str, Any]
) -> list[Token] | None:
    """A link to a redirect or an upload: its text (the claim), then ``{{citation needed}}``;
    an autolink's text is the URL itself, an artifact: only ``{{citation needed}}`` stays."""
    url = str(link.attrs.get("href", ""))
    artifact = _uncitable(url)
    if artifact is None:
        return None
    written = tokens_text(label) if link.markup == "linkify" else url  # "www.x" less "http://"
    report(env, line, artifact, written, artifact.advice)
    if link.markup in ("autolink", "linkify"):
        return [citation_needed(line)]
    return [*label, citation_needed(line)]


def _uncitable_in(text: str) -> Artifact | None:
    """The table entry for the first kind of redirect or upload URL ``text`` holds, if any."""
    return next((a for a in UNCITEABLE_URLS if a.pattern.search(text)), None)


def _uncitable_inline_footnotes(env: dict[str, Any]) -> dict[str, Artifact]:
    """Inline footnotes ``^[…]`` whose text holds a redirect or an upload URL, by the book's
    key; each is reported by its marker, where it stands."""
    notes = env.get("footnotes", {}).get("list", {})
    return {
        footnote_key({"id": number}): found
        for number, note in notes.items()
        if "tokens" in note and (found := _uncitable_in(note["content"]))
    }


def _uncitable_definitions(state: StateCore) -> dict[str, Artifact]:
    """Source list entries and footnotes whose URL is a redirect or an upload, by key (a
    footnote's as the book keys it), each reported."""
    keys: dict[str, Artifact] = {}
    opening: Token | None = None
    for token in state.tokens:
        if token.type in {"cite_def_open", "footnote_reference_open"}:
            opening = token
        elif token.type == "footnote_reference_close":
            opening = None
        elif opening is not None and token.type == "inline":
            found = _uncitable_in(token.content)
            footnote = opening.type == "footnote_reference_open"
            key = footnote_key(opening.meta) if footnote else opening.meta["key"]
            if found is not None and key not in keys:
                line = (token.map or opening.map or [None])[0]
                line = line + 1 if line is not None else None
                message = "is no source; its citations are flagged"
                report(state.env, line, found, token.content, message)
                keys[key] = found
            opening = opening if footnote else None  # a source list entry is one line
    return keys


def _cited_key(token: Token) -> str:
    """The book's key of the definition a citation marker or footnote marker cites, else ""."""
    if token.type == "cite_ref":
        return str(token.meta["key"])
    return footnote_key(token.meta) if token.type == "footnote_ref" else ""


def _written_marker(meta: dict[str, Any], env: dict[str, Any]) -> str:
    """A footnote marker as the draft has it: ``[^label]``, or an inline footnote's ``^[…]``."""
    if meta.get("label"):
        return f"[^{footnote_label(meta)}]"
    return f"^[{env['footnotes']['list'][meta['id']]['content']}]"


def replace_uncitable_urls(state: StateCore) -> None:
    """Links and citations to redirects and uploads become ``{{citation needed}}``, reported."""
    links = citation_state(state.env).links
    hrefs = [str(d["href"]) for d in state.env.get("references", {}).values()]
    defined = any(_uncitable(href) for href in hrefs)  # "[x][1]" links show no URL in the text
    # "[1] url" lines and footnotes: their markers show no URL either.
    listed = _uncitable_definitions(state) | _uncitable_inline_footnotes(state.env)

    def holds(text: str) -> bool:
        return defined or bool(listed) or holds_uncitable_url(text)

    rewrite_links(state, _uncitable_link, holds)
    for block in inline_blocks(state.tokens, holds):  # "([Site](url))" groups, as citations
        children: list[Token] = []
        for line, token in child_lines(block):
            key = _cited_key(token)
            source = links.get(key)
            artifact = _uncitable(source.url) if source else listed.get(key)
            if artifact is None:
                children.append(token)
                continue
            written = token.meta.get("source") or _written_marker(token.meta, state.env)
            report(state.env, line, artifact, written, artifact.advice)
            children.append(citation_needed(line))
        block.children = children


def _uncitable_autolink(
    line: int, link: Token, label: list[Token], env: dict[str, Any]
) -> list[Token] | None:
    """A GFM autolink to a redirect or an upload, as a link to one (``<url>`` is one too)."""
    return _uncitable_link(line, link, label, env) if link.markup == "linkify" else None


def _may_hold_autolinked_url(text: str) -> bool:
    """Whether GFM may have autolinked a redirect or an upload in ``text``: a URL of the
    table, or a ``www.`` name (linkify adds its scheme)."""
    return "www." in text.lower() or holds_uncitable_url(text)


def replace_uncitable_autolinks(state: StateCore) -> None:
    """GFM's autolinks to redirects and uploads (a bare URL, a ``www.`` name) in running text
    and inline footnotes get ``{{citation needed}}`` too: linkify made them after
    ``replace_uncitable_urls`` read the links."""
    for line, block in running_text(state.tokens, _may_hold_autolinked_url):
        children = token_lines(block.children or [], line)
        block.children = rewritten_links(children, _uncitable_autolink, state.env)
