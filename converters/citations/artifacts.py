"""Every chat assistant's artifacts in one table, gathered from the assistants' modules.

The order of ``IN_TEXT`` is the order in which the artifact rules try the patterns at one place
of the text. A new assistant's module adds its rows here (and its rules in ``plugin.py``).
"""

from __future__ import annotations

from converters.citations import chatgpt, copilot, deepseek, gemini, grok, perplexity
from converters.citations.artifact import Artifact

# Artifacts in running text: markdown-it leaves them in text tokens ("cite" ones number their
# sources in the named group "keys", separated by commas).
IN_TEXT: tuple[Artifact, ...] = (
    *chatgpt.TEXT_ARTIFACTS,
    *deepseek.TEXT_ARTIFACTS,
    *gemini.TEXT_ARTIFACTS,
    *perplexity.TEXT_ARTIFACTS,
    *grok.TEXT_ARTIFACTS,
)
# Every match of an ``IN_TEXT`` pattern holds one of these literals (a test draws matches of
# each): substring tests pass most text over, where one search of the patterns costs 70 ms/MB.
IN_TEXT_HINTS = ("cit", "turn", "【", "[web:", "[attached_file:", "grok_")
# URLs that are not the source they stand for.
UNCITEABLE_URLS: tuple[Artifact, ...] = (gemini.GROUNDING_REDIRECT, perplexity.FILE_UPLOAD)
# Tracking parameters whose value names a chat assistant: strong evidence of provenance. The
# parameters themselves are removed by ClearURLs' rules (converters/citations/urls.py).
ASSISTANT_TRACKERS: dict[tuple[str, str], str] = {
    **chatgpt.TRACKERS,
    **perplexity.TRACKERS,
    **copilot.TRACKERS,
    **gemini.TRACKERS,
    **grok.TRACKERS,
}
