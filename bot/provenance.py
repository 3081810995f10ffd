"""Push's rules for chat-assistant drafts: blocking findings, and disclosure on Wikimedia wikis.

Chat text that is never article content (a preamble, a placeholder, …) refuses the page until
a human removes it (--force overrides, as for other refusals). On a Wikimedia wiki, WP:NEWLLM
prohibits LLM-generated article text and WP:LLMDISCLOSE asks that LLM use be named in the edit
summary: a page with strong evidence of a chat assistant needs a disclosure (--disclose MODEL
or front matter ``llm: MODEL``), which the edit summary then carries. Elsewhere the evidence is
a warning only.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING, TextIO
from urllib.parse import urlsplit

from bot.compare import Change, compare
from bot.notices import format_warning

if TYPE_CHECKING:
    from bot.config import Config
    from converters import Conversion

# Domains of Wikimedia's projects (meta.wikimedia.org, "Wikimedia projects"): a host under one
# of them is held to the English Wikipedia's and the movement's policies on LLM text.
WIKIMEDIA_DOMAINS = (
    "wikipedia.org", "wiktionary.org", "wikibooks.org", "wikinews.org", "wikiquote.org",
    "wikisource.org", "wikiversity.org", "wikivoyage.org", "wikidata.org", "wikimedia.org",
    "mediawiki.org", "wikifunctions.org",
)  # fmt: skip


def is_wikimedia(config: Config) -> bool:
    """True for a wiki under Wikimedia's policies: by ``[wiki] policy`` or by the api host."""
    if config.policy is not None:
        return config.policy == "wikimedia"
    host = (urlsplit(config.api).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in WIKIMEDIA_DOMAINS)


def disclosure(conversion: Conversion, disclose: str | None) -> str | None:
    """The model named for this page: --disclose, else the draft's front matter ``llm:``."""
    return disclose or conversion.provenance.model


def edit_summary(summary: str, conversion: Conversion, disclose: str | None) -> str:
    """The edit summary, with "LLM-assisted: MODEL" when a model is named (WP:LLMDISCLOSE)."""
    model = disclosure(conversion, disclose)
    return f"{summary}; LLM-assisted: {model}" if model else summary


def _evidence(conversion: Conversion) -> str:
    """The first piece of evidence, for a message: "line 3: chatgpt-turn-marker"."""
    first = conversion.provenance.evidence[0]
    return f"line {first.line}: {first.kind}" if first.line else first.kind


def refusal(
    conversion: Conversion, wikimedia: bool, disclose: str | None, force: bool
) -> str | None:
    """Why push must not write this page, or None."""
    errors = conversion.errors
    if errors and not force:
        first = errors[0]
        return (
            f"{len(errors)} finding(s) that are not article content (first: line {first.line}: "
            f"{first.kind}); remove them, or --force"
        )
    if (
        wikimedia
        and conversion.provenance.assistant_written
        and not disclosure(conversion, disclose)
    ):
        return (
            f"written by a chat assistant ({_evidence(conversion)}); WP:NEWLLM prohibits "
            'LLM-generated article text: if a model helped, name it with --disclose "MODEL"'
        )
    return None


def refuse(
    changes: list[Change],
    config: Config,
    disclose: str | None,
    force: bool,
    stream: TextIO = sys.stderr,
) -> list[Change]:
    """The changes, with pages push must not write refused; elsewhere evidence is a warning."""
    wikimedia = is_wikimedia(config)
    kept: list[Change] = []
    for change in changes:
        conversion = change.item.conversion
        why = None if change.item.refused else refusal(conversion, wikimedia, disclose, force)
        if why:
            kept.append(compare(replace(change.item, refused=why)))
            continue
        if conversion.provenance.assistant_written and not disclosure(conversion, disclose):
            first = conversion.provenance.evidence[0]
            message = f"written by a chat assistant ({first.kind}); consider --disclose MODEL"
            print(format_warning(str(change.item.source), first.line, message), file=stream)
        kept.append(change)
    return kept
