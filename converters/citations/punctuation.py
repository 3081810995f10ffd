"""Core rule for MOS:REFPUNCT: a reference follows punctuation, with no space before it."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# "citation_needed" stands where a lost source was cited, and is placed like a ref.
REF_TYPES = frozenset({"cite_ref", "footnote_ref", "citation_needed"})
# Punctuation that a reference follows (MOS:REFPUNCT); dashes and brackets are not moved.
_PUNCTUATION = re.compile(r"[.,;:!?]+")


def _is_space(token: Token) -> bool:
    """True for a line break or text that is only whitespace."""
    return token.type == "softbreak" or (token.type == "text" and not token.content.strip())


def _place(children: list[Token]) -> list[Token]:
    """``children`` with each run of references moved after the punctuation that follows it."""
    out: list[Token] = []
    i = 0
    while i < len(children):
        if children[i].type not in REF_TYPES:
            out.append(children[i])
            i += 1
            continue
        run: list[Token] = []
        while i < len(children) and (children[i].type in REF_TYPES or _is_space(children[i])):
            run.append(children[i])
            i += 1
        refs = [t for t in run if t.type in REF_TYPES]
        # Spaces after the run's last reference belong to the text that follows.
        trailing = run[run.index(refs[-1]) + 1 :]
        while out and _is_space(out[-1]):
            out.pop()
        if out and out[-1].type == "text":
            out[-1].content = out[-1].content.rstrip(" \t")
        after = children[i] if i < len(children) and not trailing else None
        if (
            after is not None
            and after.type == "text"
            and (mark := _PUNCTUATION.match(after.content))
        ):
            out.append(Token("text", "", 0, content=mark.group()))
            after.content = after.content[mark.end() :]
        out.extend(refs)
        out.extend(trailing)
    return out


def place_references(state: StateCore) -> None:
    """Apply MOS:REFPUNCT to every inline token of the document."""
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = _place(block.children)
