"""``install(md)``: the citation rules, registered on a markdown-it parser."""

from __future__ import annotations

from markdown_it import MarkdownIt

from converters.citations import chatgpt, copilot, footnotes, gemini, numbered, perplexity
from converters.citations.artifact_rules import (
    replace_text_artifacts,
    replace_uncitable_autolinks,
    replace_uncitable_urls,
)
from converters.citations.cite_markers import cite_ref
from converters.citations.positions import number_references
from converters.citations.punctuation import place_references
from converters.citations.sourcelists import move_definitions
from converters.citations.tracking import clean_autolinks, clean_definitions, clean_urls
from converters.citations.unresolved import unresolve_markers

_INTERRUPTS = {"alt": ["paragraph", "reference"]}


def install(md: MarkdownIt) -> None:
    """Add the citation rules; call after mdit-py-plugins' footnote plugin is in use.

    Each style's rules are in its module; the order between them is set here, in one place.
    """
    block, inline, core = md.block.ruler, md.inline.ruler, md.core.ruler
    block.before("reference", "cite_bing_definition", copilot.bing_definition, _INTERRUPTS)
    block.before("reference", "cite_bing_footer", copilot.bing_footer, _INTERRUPTS)
    block.before("reference", "cite_perplexity", perplexity.perplexity_sources, _INTERRUPTS)
    block.before("list", "cite_numbered", numbered.numbered_sources, _INTERRUPTS)
    # Before "link", so "[^1^][1]" and "[1][2]" are citations, not links to "[1]: url".
    inline.before("link", "cite_ref", cite_ref)
    # Before footnote_inline, which would read "^[sentence]" as a footnote.
    inline.before("footnote_inline", "chatgpt_attribution", chatgpt.attribution)
    core.after("block", "cite_flatten_footnotes", footnotes.flatten_footnotes)
    core.after("cite_flatten_footnotes", "cite_record_footnotes", footnotes.record_footnotes)
    core.after("cite_record_footnotes", "clean_definitions", clean_definitions)
    # The assistants' artifacts, before cite_links reads links as sources (an oai_citation
    # link is one, with its own site name), and redirects after it (it names their sources).
    core.after("inline", "clean_urls", clean_urls)
    core.after("clean_urls", "artifacts_in_text", replace_text_artifacts)
    core.after("artifacts_in_text", "chatgpt_links", chatgpt.replace_links)
    core.after("chatgpt_links", "gemini_spans", gemini.drop_spans)
    core.after("gemini_spans", "cite_links", chatgpt.cite_links)
    core.after("cite_links", "artifacts_uncitable_urls", replace_uncitable_urls)
    core.after("artifacts_uncitable_urls", "cite_move_definitions", move_definitions)
    # GFM's autolinks are made after these rules read the links: their targets are read again.
    core.after("linkify", "clean_autolinks", clean_autolinks)
    core.after("clean_autolinks", "artifacts_uncitable_autolinks", replace_uncitable_autolinks)
    # Last: references created by every earlier rule (footnote_tail too) are in place by then.
    core.push("cite_number_references", number_references)
    core.push("cite_unresolve_markers", unresolve_markers)
    core.push("cite_place_references", place_references)
