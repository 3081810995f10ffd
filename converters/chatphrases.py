"""Chat text that is never article content: found in running text, reported as errors.

Each entry names where it comes from. The phrases are the telltales of WP:AISIGNS ("Signs of
AI writing") that speedy deletion G15 and WP:NEWLLM act on; ``convert`` still writes the
wikitext, ``convert --strict`` fails and ``push`` refuses the page until a human removes them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.positions import (
    child_lines,
    inline_blocks,
    inline_footnotes,
    token_lines,
    tokens_text,
)
from converters.findings import Finding, record


@dataclass(frozen=True)
class ChatPhrase:
    """One kind of chat text: its shape, whether only at a line's start, what to tell."""

    kind: str
    pattern: re.Pattern[str]
    # Lower-case words one of which every match holds (as ``folded`` reads it): a block without
    # any is passed over (substring searches, where searching every block with the patterns
    # costs 0.8 s/MB).
    hints: tuple[str, ...]
    line_start: bool
    what: str
    evidence: bool = True  # a sign a chat assistant wrote the draft (provenance)


def _phrase(
    kind: str, pattern: str, hints: str, what: str, *, line_start: bool = False
) -> ChatPhrase:
    return ChatPhrase(kind, re.compile(pattern, re.I), tuple(hints.split("|")), line_start, what)


# Words in Title Case between brackets that a model leaves as blanks: "[Birth Date]".
_BLANKS = (
    "Date", "Name", "Year", "Number", "Location", "City", "Country", "Source", "Link", "URL",
    "Author", "Title", "Publisher", "Place", "Company", "Organization", "Population", "Amount",
)  # fmt: skip
_BLANK_WORDS = tuple(blank.lower() for blank in _BLANKS)

PHRASES: tuple[ChatPhrase, ...] = (
    # WP:AISIGNS, "Collaborative communication": the answer's opening words to the user.
    _phrase(
        "chat-preamble",
        r"(?:sure|certainly|of course|absolutely)\b[!,.]|here(?:'s|\u2019s| is) (?:a|an|the|your)"
        r" (?:[\w-]+ ){0,3}(?:article|draft|version|overview|summary|entry)\b",
        "sure|certainly|of course|absolutely|here",
        "a chat assistant's preamble",
        line_start=True,
    ),
    # WP:AISIGNS, "Collaborative communication": the answer's closing offer.
    _phrase(
        "chat-sign-off",
        r"I hope this helps|let me know if you(?:'d|\u2019d| would) like|feel free to (?:ask|let"
        r" me know)|would you like me to\b|if you(?:'d|\u2019d| would) like, I can\b",
        "hope this helps|let me know|feel free|would you like|like, i can",
        "a chat assistant's sign-off",
    ),
    # WP:AISIGNS, "Collaborative communication": the model speaking of itself.
    _phrase(
        "ai-disclaimer",
        r"as an AI(?: language model)?\b|as a large language model\b",
        "as an ai|as a large language model",
        "a chat assistant speaking of itself",
    ),
    # WP:AISIGNS, "Knowledge-cutoff disclaimers".
    _phrase(
        "knowledge-cutoff",
        r"as of my (?:last )?(?:knowledge|training)(?: data)?(?: update| cut-?off)?\b|(?:up to|"
        r"based on|according to) my (?:training data|knowledge cut-?off)",
        "as of my|my training data|my knowledge cut",
        "a chat assistant's knowledge-cutoff phrase",
    ),
    # A chat transcript pasted whole: the speakers' labels (chatgpt.com's "Copy" of a chat
    # writes "You said:" and "ChatGPT said:").
    _phrase(
        "transcript-label",
        r"(?:user|assistant|you said|(?:chatgpt|gemini|copilot|claude|grok) said)\s*:",
        "user|assistant|said",
        "a chat transcript's speaker label",
        line_start=True,
    ),
)
# WP:AISIGNS, "Placeholder text": fields the model left for the user to fill in. People write
# such placeholders in templates too, so they block a push but are no evidence of provenance.
PLACEHOLDER = ChatPhrase(
    "placeholder",
    re.compile(
        r"\[(?:insert|add|enter|your)\b[^\]\n]*\]"
        # Title Case only: "[the city]" in a quotation is an editor's insertion, not a blank.
        rf"|(?-i:\[(?:[A-Z][a-z]+ ){{0,3}}(?:{'|'.join(_BLANKS)})\])"
        r"|\b\d{4}-XX-XX\b|\bXX/XX/\d{4}\b"
        r"|\((?:citation|source|reference) needed here\)",
        re.IGNORECASE,
    ),
    ("[insert", "[add", "[enter", "[your", "xx", "needed here", *(f"{b}]" for b in _BLANK_WORDS)),
    False,
    "a placeholder left to fill in",
    evidence=False,
)
_BREAKS = {"softbreak", "hardbreak"}
_HINTS = frozenset(hint for phrase in (*PHRASES, PLACEHOLDER) for hint in phrase.hints)


def folded(text: str) -> str:
    """``text`` in lower case as the case-insensitive patterns read it, for the hint tests.

    re.IGNORECASE also takes long s for "s" and dotless i and dotted capital I for "i", which
    lower() does not make them (it gives "i" and a combining dot for the capital).
    """
    # Three replaces: each is a fast scan, where str.translate costs 50 ms per MB.
    return text.replace("\u017f", "s").replace("\u0131", "i").replace("\u0130", "i").lower()


def _hinted(texts: list[str]) -> set[int]:
    """The indexes of ``texts`` whose ``folded`` text holds any phrase's hint.

    Each hint is looked for in all the texts joined, a fast substring search, where testing
    each of the ~40 hints in each text in turn costs about 50 ms per MB. A hint holds no NUL,
    so no hint is found across the NUL that separates two texts.
    """
    lowered = [folded(text) for text in texts]
    joined = "\0".join(lowered)
    starts = list(accumulate((len(text) + 1 for text in lowered), initial=0))
    found: set[int] = set()
    for hint in _HINTS:
        at = joined.find(hint)
        while at != -1:
            index = bisect_right(starts, at) - 1
            found.add(index)
            at = joined.find(hint, starts[index + 1])  # in the next texts
    return found


def _findings(text: str, line: int, line_start: bool, phrases: list[ChatPhrase]) -> list[Finding]:
    """The ``phrases`` in one text, which starts a line when ``line_start``."""
    found: list[Finding] = []
    for phrase in phrases:
        if not phrase.line_start:
            matches = list(phrase.pattern.finditer(text))
        elif line_start and (first := phrase.pattern.match(text.lstrip())):
            matches = [first]
        else:
            matches = []
        for match in matches:
            message = (
                f"{phrase.what}, {match.group()!r}: not article content; remove it "
                "(push refuses the page until then)"
            )
            found.append(Finding(line, phrase.kind, message, "error", phrase.evidence))
    return found


def _find(lines: Iterator[tuple[int, Token]], text: str, env: dict[str, Any]) -> None:
    """Record the chat phrases in inline tokens whose source is ``text``."""
    lower = folded(text)
    phrases = [p for p in (*PHRASES, PLACEHOLDER) if any(h in lower for h in p.hints)]
    if not phrases:
        return
    line_start = True
    for line, token in lines:
        if token.type in _BREAKS:
            line_start = True
        elif token.type == "text":
            for finding in _findings(token.content, line, line_start, phrases):
                record(env, finding)
            line_start = line_start and not token.content.strip()
        elif not token.type.endswith(("_open", "_close")):
            line_start = False


def find_chat_phrases(state: StateCore) -> None:
    """Report every chat phrase in running text and inline footnotes (never code) as an error."""
    blocks = list(inline_blocks(state.tokens, lambda _: True))
    for index in sorted(_hinted([block.content for block in blocks])):
        _find(child_lines(blocks[index]), blocks[index].content, state.env)
    for line, tokens in inline_footnotes(state.tokens, state.env):
        _find(token_lines(tokens, line), tokens_text(tokens), state.env)


def install(md: MarkdownIt) -> None:
    """Add the rule; it reads the text inline parsing leaves."""
    md.core.ruler.after("inline", "chat_phrases", find_chat_phrases)
