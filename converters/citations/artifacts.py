"""What chat assistants leave in the text they copy out, each entry with where it comes from.

Every artifact is reported with its line (never silently deleted); ``action`` says what becomes
of it: "cite" the numbered source it names (``{{citation needed}}`` when no list names it),
"needed" ``{{citation needed}}`` (no source can be recovered), "drop" nothing, "ref" a reference
for the link's URL, "text" the link's text without the link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Artifact:
    """One kind of artifact: its assistant, its shape, what it becomes and what to tell."""

    kind: str  # the warning kind, e.g. "chatgpt-turn-marker"
    assistant: str
    pattern: re.Pattern[str]  # in running text, a link's text, or a URL (see the tables below)
    action: str  # "cite" | "needed" | "drop" | "ref" | "text"
    advice: str  # what the author is told after the artifact is named


def _artifact(kind: str, assistant: str, pattern: str, action: str, advice: str) -> Artifact:
    return Artifact(kind, assistant, re.compile(pattern), action, advice)


def any_of(artifacts: tuple[Artifact, ...]) -> re.Pattern[str]:
    """One pattern matching any of ``artifacts`` (their group names dropped: they repeat)."""
    return re.compile("|".join(re.sub(r"\(\?P<\w+>", "(?:", a.pattern.pattern) for a in artifacts))


_UNRECOVERABLE = "its source cannot be recovered: {{citation needed}}; cite a source"
_NUMBERED = "became the numbered source it names"

# Artifacts in running text: markdown-it leaves them in text tokens ("cite" ones number their
# sources in the named group "keys", separated by commas).
IN_TEXT: tuple[Artifact, ...] = (
    # ChatGPT search answers copied as text: U+E200 "cite" U+E202 "turn0search0" U+E201; the
    # private-use wrappers are removed first (converters/invisible.py); observed in copies from
    # chatgpt.com (2024-2025) and listed at WP:AISIGNS ("turn0search0").
    _artifact(
        "chatgpt-turn-marker",
        "ChatGPT",
        r"(?:file)?cite(?:turn\d+[a-z]+\d+)+|(?<![\w/])turn\d+(?:search|news|file|view|fetch)\d+",
        "needed",
        _UNRECOVERABLE,
    ),
    # ChatGPT's copy of a file citation (WP:AISIGNS, "contentReference").
    _artifact(
        "chatgpt-content-reference",
        "ChatGPT",
        r":?contentReference\[oaicite:\d+\](?:\{index=\d+\})?",
        "needed",
        _UNRECOVERABLE,
    ),
    # OpenAI Assistants' file-search annotations "【4:0†source】" (OpenAI API reference,
    # "File search": annotations), also copied from DeepSeek ("【85†L261-269】").
    _artifact(
        "source-number-marker",
        "OpenAI assistants or DeepSeek",
        r"【(?P<keys>\d+)(?::\d+)?†[^】\n]*】",
        "cite",
        _NUMBERED,
    ),
    # DeepSeek's search answers copied as text: "[citation:3]".
    _artifact(
        "deepseek-citation",
        "DeepSeek",
        r"\[citation:\s*(?P<keys>\d+(?:\s*,\s*\d+)*)\]",
        "cite",
        _NUMBERED,
    ),
    # Gemini's copied answers and Deep Research exports: "[cite: 8]", "[cite: 1, 2]".
    _artifact(
        "gemini-cite",
        "Gemini",
        r"\[cite:\s*(?P<keys>\d+(?:\s*,\s*\d+)*)\]",
        "cite",
        _NUMBERED,
    ),
    # Gemini marks where a cited passage starts; the marker itself says nothing.
    _artifact("gemini-cite-start", "Gemini", r"\[cite_start\]", "drop", "dropped"),
    # Perplexity answers copied through its API or Comet: "[web:1]".
    _artifact("perplexity-web", "Perplexity", r"\[web:(?P<keys>\d+)\]", "cite", _NUMBERED),
    # Perplexity: a file the user uploaded, which no reader can see.
    _artifact(
        "perplexity-attached-file",
        "Perplexity",
        r"\[attached_file:\d+\]",
        "needed",
        "an uploaded file cannot be cited: {{citation needed}}; cite a published source",
    ),
    # Grok's citation cards copied as text (grok.com, 2025): a JSON blob, or its placeholder.
    _artifact(
        "grok-card",
        "Grok",
        r"grok_render_citation_card_json=\{(?:[^{}\n]|\{[^{}\n]*\})*\}|grok_card\b",
        "drop",
        "dropped; cite the source the card showed",
    ),
)

# Artifacts that are links, recognised by their text or URL in chatgpt.py, gemini.py, markers.py.
# ChatGPT's "Copy" of an answer with search results: "[oai_citation:2‡Site](url)".
OAI_CITATION = _artifact(
    "chatgpt-oai-citation",
    "ChatGPT",
    r"oai_citation(?:_attribution)?:\d+‡(?P<site>.*)",
    "ref",
    "became a reference to its URL",
)
# Bing Chat / Copilot's markers "[^1^][1]" (display number, then key) and the footer its copy
# button appends, "Source: Conversation with Bing, 2/25/2024" (recognised in inline.py, blocks.py).
COPILOT_MARKER = _artifact("copilot-marker", "Copilot", r"\[\^\d+\^\]", "ref", "became a reference")
COPILOT_FOOTER = _artifact(
    "copilot-footer",
    "Copilot",
    r"Source:\s*Conversation with",
    "drop",
    "(the chat's footer) dropped; its sources became references",
)
# Gemini's span anchors "[span_1](start_span)" … "[span_1](end_span)" around cited passages.
GEMINI_SPAN = _artifact("gemini-span", "Gemini", r"(?:start|end)_span", "drop", "dropped")
# ChatGPT's code interpreter files: "[x.csv](sandbox:/mnt/data/x.csv)" exist only in the chat.
SANDBOX_LINK = _artifact(
    "chatgpt-sandbox-link",
    "ChatGPT",
    r"sandbox:",
    "text",
    "is a file in the chat, not a source: kept as text",
)
# URLs that are not the source they stand for.
UNCITEABLE_URLS: tuple[Artifact, ...] = (
    # Gemini's grounding links redirect to the page it read (Vertex AI "Grounding with Google
    # Search" documentation): the redirect expires and names nothing.
    _artifact(
        "gemini-grounding-redirect",
        "Gemini",
        r"https?://vertexaisearch\.cloud\.google\.com/grounding-api-redirect/",
        "needed",
        "is a redirect, not the source: {{citation needed}}; cite the page it redirects to",
    ),
    # Perplexity's store of files users uploaded (pplx-res / ppl-ai-file-upload buckets).
    _artifact(
        "perplexity-file-upload",
        "Perplexity",
        r"https?://[\w.-]*ppl-ai-file-upload[\w.-]*/",
        "needed",
        "is a file uploaded to Perplexity, which cannot be cited: {{citation needed}}",
    ),
)
# ChatGPT's "attributions" wrapper around a sentence: ``^[sentence]({"attribution":…})``.
ATTRIBUTION = _artifact(
    "chatgpt-attribution",
    "ChatGPT",
    r'\^\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\{"attribution":[^\n]*?\}\)',
    "text",
    "wrapper dropped, its sentence kept",
)

# Tracking parameters whose value names a chat assistant: strong evidence of provenance. The
# parameters themselves are removed by ClearURLs' rules (converters/citations/urls.py); these
# are the values chat assistants append (observed in links copied from each, 2024-2026).
ASSISTANT_TRACKERS: dict[tuple[str, str], str] = {
    ("utm_source", "chatgpt.com"): "ChatGPT",
    ("utm_source", "openai"): "ChatGPT",
    ("utm_source", "perplexity"): "Perplexity",
    ("utm_source", "perplexity.ai"): "Perplexity",
    ("ref", "perplexity"): "Perplexity",
    ("utm_source", "copilot.com"): "Copilot",
    ("utm_source", "gemini"): "Gemini",
    ("referrer", "grok.com"): "Grok",
    ("utm_source", "grok.com"): "Grok",
}
