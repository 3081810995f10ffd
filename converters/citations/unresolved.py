"""Core rule: citation markers nothing defines go back to text, remembered for a warning."""

from __future__ import annotations

from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from converters.citations.positions import inline_blocks
from converters.citations.state import citation_state


def defined(key: str, env: dict[str, Any]) -> bool:
    """True when a definition block, a link reference or a source link defines ``key``."""
    state = citation_state(env)
    return key in state.defined or key in state.links or key in env.get("references", {})


def unresolve_markers(state: StateCore) -> None:
    """Turn undefined ``cite_ref`` tokens into their text, so later rules leave them in place."""
    undefined = citation_state(state.env).undefined
    for block in inline_blocks(state.tokens, lambda _: True):
        for index, token in enumerate(block.children or []):
            if token.type == "cite_ref" and not defined(token.meta["key"], state.env):
                undefined.append((token.meta.get("line"), token.meta["source"]))
                block.children[index] = Token("text", "", 0, content=token.meta["source"])
