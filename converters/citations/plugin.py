"""``install(md)``: the citation rules, registered on a markdown-it parser."""

from __future__ import annotations

from markdown_it import MarkdownIt

from converters.citations import chatgpt, gemini
from converters.citations.blocks import (
    bing_definition,
    bing_footer,
    numbered_sources,
    perplexity_sources,
)
from converters.citations.definitions import (
    flatten_footnotes,
    move_definitions,
    record_footnotes,
)
from converters.citations.inline import cite_ref
from converters.citations.links import cite_links, clean_definitions, clean_urls
from converters.citations.markers import replace_text_artifacts, replace_uncitable_urls
from converters.citations.positions import number_references
from converters.citations.punctuation import place_references
from converters.citations.unresolved import unresolve_markers

_INTERRUPTS = {"alt": ["paragraph", "reference"]}


def install(md: MarkdownIt) -> None:
    """Add the citation rules; call after mdit-py-plugins' footnote plugin is in use."""
    md.block.ruler.before("reference", "cite_bing_definition", bing_definition, _INTERRUPTS)
    md.block.ruler.before("reference", "cite_bing_footer", bing_footer, _INTERRUPTS)
    md.block.ruler.before("reference", "cite_perplexity", perplexity_sources, _INTERRUPTS)
    md.block.ruler.before("list", "cite_numbered", numbered_sources, _INTERRUPTS)
    # Before "link", so "[^1^][1]" and "[1][2]" are citations, not links to "[1]: url".
    md.inline.ruler.before("link", "cite_ref", cite_ref)
    # Before footnote_inline, which would read "^[sentence]" as a footnote.
    md.inline.ruler.before("footnote_inline", "chatgpt_attribution", chatgpt.attribution)
    md.core.ruler.after("block", "cite_flatten_footnotes", flatten_footnotes)
    md.core.ruler.after("cite_flatten_footnotes", "cite_record_footnotes", record_footnotes)
    md.core.ruler.after("cite_record_footnotes", "clean_definitions", clean_definitions)
    # The assistants' artifacts, before cite_links reads links as sources (an oai_citation
    # link is one, with its own site name), and redirects after it (it names their sources).
    md.core.ruler.after("inline", "clean_urls", clean_urls)
    md.core.ruler.after("clean_urls", "artifacts_in_text", replace_text_artifacts)
    md.core.ruler.after("artifacts_in_text", "chatgpt_links", chatgpt.replace_links)
    md.core.ruler.after("chatgpt_links", "gemini_spans", gemini.drop_spans)
    md.core.ruler.after("gemini_spans", "cite_links", cite_links)
    md.core.ruler.after("cite_links", "artifacts_uncitable_urls", replace_uncitable_urls)
    md.core.ruler.after("artifacts_uncitable_urls", "cite_move_definitions", move_definitions)
    # Last: references created by every earlier rule (footnote_tail too) are in place by then.
    md.core.ruler.push("cite_number_references", number_references)
    md.core.ruler.push("cite_unresolve_markers", unresolve_markers)
    md.core.ruler.push("cite_place_references", place_references)
