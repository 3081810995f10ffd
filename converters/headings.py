"""Section headings as MOS:HEADINGS wants them: no numbering, no emoji, sentence case."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from markdown_it.tree import SyntaxTreeNode

from converters.result import Warn
from converters.treewalk import block_nodes, inline_tokens

# "1. Overview", "2.3 History", "4) Uses", "IV. Legacy": numbering MediaWiki adds itself (in
# the table of contents). A plain number needs its dot or parenthesis: "1984 in film" is a name.
_NUMBERING = re.compile(r"\A\s*(?:\d+(?:\.\d+)+\.?|\d+[.)]|[IVX]{1,4}[.)])\s+")
# A word as sentence case reads it: letters, with inner apostrophes and hyphens.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# Where a sentence ends: the next word starts a sentence, so its capital says nothing.
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
# Words Title Case leaves in lower case (articles, conjunctions, prepositions): they do not
# decide whether a heading is in Title Case.
# fmt: off
_MINOR = frozenset((
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "onto", "over", "than",
    "that", "upon", "between", "among", "about", "after", "before", "under", "within", "without",
))
# fmt: on
# WP:NOTESSAY: an encyclopedia article informs; it does not sum up an argument.
_ESSAY_HEADINGS = frozenset({"conclusion", "conclusions", "in conclusion", "final thoughts"})


def _texts(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The text nodes inside ``node`` in reading order (code spans are not words to recase)."""
    return [child for child in node.walk() if child.type == "text"]


def _name(word: str) -> str:
    """A word compared as a name: casefolded, without a possessive ("Newton's" -> "newton")."""
    return (word[:-2] if word.endswith(("'s", "\u2019s")) else word).casefold()


def _is_capitalised(word: str) -> bool:
    """True for "Word": a capital, then small letters only (not "NASA", "iPhone" or "I")."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _running_texts(blocks: Sequence[SyntaxTreeNode]) -> Iterator[str]:
    """The text of each inline block under ``blocks`` but in headings, its texts joined by
    spaces (what ``_texts`` finds, read from the tokens)."""
    for node in block_nodes(blocks):
        inline = node.token
        if inline is None or inline.type != "inline":
            continue
        if node.parent and node.parent.type == "heading":
            continue
        texts = inline_tokens(inline.children or ())
        yield " ".join(token.content for token in texts if token.type == "text")


def proper_nouns(blocks: Sequence[SyntaxTreeNode]) -> frozenset[str]:
    """Words (as ``_name`` compares them) the draft's running text capitalises mid-sentence
    and never writes in lower case: names, which sentence case keeps. Headings are Title Case:
    not evidence."""
    words: set[str] = set()  # each distinct word is judged once
    for text in _running_texts(blocks):
        for sentence in _SENTENCE_END.split(text):
            words.update(_WORD.findall(sentence)[1:])
    lower = {_name(word) for word in words if word.islower()}
    capitalised = {_name(word) for word in words if _is_capitalised(word)}
    return frozenset(capitalised - lower)


def _is_title_case(words: list[str]) -> bool:
    """True when every word after the first but small ones starts with a capital, and some do."""
    major = [word for word in words[1:] if word.casefold() not in _MINOR]
    return bool(major) and all(word[0].isupper() for word in major)


def _drop_emoji(texts: list[SyntaxTreeNode], line: int | None, warn: Warn) -> None:
    """Remove the emoji from a heading's texts, and warn when there were any."""
    # Imported here, for the few headings outside ASCII: loading its data costs 12 ms of
    # every start of `wikidraft convert`.
    import emoji

    if any(emoji.emoji_count(node.content) for node in texts):
        for node in texts:
            node.token.content = emoji.replace_emoji(node.content, "")
        warn(line, "emoji removed from a heading (MOS:HEADINGS)")


def tidy_heading(heading: SyntaxTreeNode, proper: frozenset[str], warn: Warn) -> None:
    """Drop numbering and emoji from ``heading`` and put it in sentence case, in place;
    warn about emoji and a "Conclusion"."""
    line = heading.map[0] + 1 if heading.map else None
    texts = _texts(heading)
    if not texts:
        return
    # Every emoji is outside ASCII: most headings are passed over without emoji's tokenizer.
    if not all(node.content.isascii() for node in texts):
        _drop_emoji(texts, line, warn)
    first = texts[0]
    if heading.children[0].children and heading.children[0].children[0] is first:
        first.token.content = _NUMBERING.sub("", first.content, count=1).lstrip()
    words = [word for node in texts for word in _WORD.findall(node.content)]
    if _is_title_case(words):
        seen = 0

        def recase(match: re.Match[str]) -> str:
            nonlocal seen
            seen += 1
            word = match[0]
            if seen == 1 or not _is_capitalised(word) or _name(word) in proper:
                return word
            return word.lower()

        for node in texts:
            node.token.content = _WORD.sub(recase, node.content)
    if " ".join(words).casefold() in _ESSAY_HEADINGS:
        warn(
            line,
            f'a "{" ".join(words)}" section sums up like an essay (WP:NOTESSAY); '
            "an article ends with its last topic",
        )
