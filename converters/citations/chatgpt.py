"""ChatGPT's own citation shapes: attribution wrappers, ``oai_citation`` links, sandbox files.

Its text markers (``citeturn0search0``, ``contentReference``) are rows of ``artifacts.py``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from converters.citations.artifacts import ATTRIBUTION, OAI_CITATION, SANDBOX_LINK
from converters.citations.links import link_citation
from converters.citations.markers import report, rewrite_links
from converters.citations.state import citation_state


def attribution(state: StateInline, silent: bool) -> bool:
    """``^[sentence]({"attribution":…})``: the sentence, parsed as usual; the wrapper reported."""
    if not state.src.startswith("^[", state.pos):
        return False
    match = ATTRIBUTION.pattern.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        found = (ATTRIBUTION, match.group(), ATTRIBUTION.advice)
        state.push("artifact", "", 0).meta = {"found": found}  # reported with its line later
        end = state.posMax
        state.pos, state.posMax = match.start("text"), match.end("text")
        state.md.inline.tokenize(state)
        state.posMax = end
    state.pos = match.end()
    return True


def _text(children: list[Token]) -> str:
    return "".join(t.content for t in children)


def _link(line: int, link: Token, label: list[Token], env: dict[str, Any]) -> list[Token] | None:
    """What an ``oai_citation`` or ``sandbox:`` link becomes, or None for any other link."""
    href = str(link.attrs.get("href", ""))
    cited = OAI_CITATION.pattern.fullmatch(_text(label))
    if cited:
        report(env, line, OAI_CITATION, f"[{_text(label)}]", OAI_CITATION.advice)
        links = citation_state(env).links
        token = link_citation(href, cited["site"], citation_state(env))
        key = token.meta["key"]
        if links[key].title is None:  # the site part is all there is: better than no title
            links[key] = replace(links[key], title=cited["site"])
        return [token]
    if SANDBOX_LINK.pattern.match(href):
        report(env, line, SANDBOX_LINK, href, SANDBOX_LINK.advice)
        return label
    return None


def replace_links(state: StateCore) -> None:
    """``[oai_citation:2‡Site](url)`` becomes a ref; a ``sandbox:`` link its text; reported."""
    rewrite_links(state, _link, lambda text: "oai_citation" in text or "sandbox:" in text)
