"""Core rules: every URL of the draft (links, text, definitions) loses its tracking parameters."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from markdown_it.common.normalize_url import normalizeLinkText
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.artifacts import ASSISTANT_TRACKERS
from converters.citations.positions import child_lines, inline_blocks, running_text, token_lines
from converters.citations.urls import clean_url, removed_parameters
from converters.findings import Finding, record

# A URL in running text; punctuation at its end belongs to the sentence.
_URL_IN_TEXT = re.compile(r"https?://[^\s<>]*[^\s<>.,;:!?)\]'\"]")


def _tracking(url: str, line: int, env: dict[str, Any], written: str = "") -> str:
    """``url`` without tracking parameters; what was removed is reported, quoting ``written``
    (the URL as the draft has it) if given (and an assistant's tracker is evidence of
    provenance)."""
    removed = removed_parameters(url)
    if removed:
        names = [ASSISTANT_TRACKERS.get(pair) for pair in removed]
        assistant = next((name for name in names if name), None)
        kind = "assistant-tracker" if assistant else "tracking-parameter"
        pairs = "&".join(f"{key}={value}" for key, value in removed)
        by = f" ({assistant}'s)" if assistant else ""
        message = f"tracking parameters{by} {pairs} removed from {written or url}"
        record(env, Finding(line, kind, message, evidence=assistant is not None))
    return clean_url(url)


def _clean(token: Token, line: int, env: dict[str, Any], shown: bool) -> None:
    """Remove tracking from a link's target and from URLs written as text; ``shown`` says the
    text is an autolink's ``<url>``, its target as shown, reported with the target."""
    if token.type == "link_open" and isinstance(token.attrs.get("href"), str):
        token.attrs["href"] = _tracking(str(token.attrs["href"]), line, env)
    elif token.type == "text" and "?" in token.content and "://" in token.content:
        clean = clean_url if shown else lambda url: _tracking(url, line, env)
        token.content = _URL_IN_TEXT.sub(lambda match: clean(match.group()), token.content)


def clean_definitions(state: StateCore) -> None:
    """Remove tracking from ``[1]: url`` definitions before links take their URLs."""
    for definition in state.env.get("references", {}).values():
        line = definition["map"][0] + 1 if definition.get("map") else 0
        definition["href"] = _tracking(definition["href"], line, state.env)


def _may_track(text: str) -> bool:
    """Whether ``text`` may hold a URL with parameters: a query or a fragment."""
    return "?" in text or "#" in text


def clean_urls(state: StateCore) -> None:
    """Remove tracking parameters from every URL of links and text, reporting each."""
    for block in inline_blocks(state.tokens, _may_track):
        previous = Token("text", "", 0)
        for line, token in child_lines(block):
            autolink = previous.type == "link_open" and previous.markup == "autolink"
            _clean(token, line, state.env, shown=autolink)
            previous = token


def clean_autolinks(state: StateCore) -> None:
    """Remove tracking from GFM's autolinks too, which are made after ``clean_urls``: a
    ``www.`` name is no URL in text ("://"), so only its link's target shows the parameters."""
    for start, block in running_text(state.tokens, _may_track, definitions=True):
        for (line, token), (_, text) in pairwise(token_lines(block.children or [], start)):
            if token.type != "link_open" or token.markup != "linkify":
                continue
            url = str(token.attrs["href"])
            cleaned = _tracking(url, line, state.env, written=text.content)
            if cleaned != url:  # its text is the target as linkify showed it, "http://" or not
                shown = normalizeLinkText(cleaned)
                text.content = shown if "://" in text.content[:8] else shown[len("http://") :]
                token.attrs["href"] = cleaned
