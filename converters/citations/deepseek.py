"""DeepSeek and OpenAI assistants' file search: numbered markers ``【4†source】``, ``[citation:3]``.

They cite the numbered source list under the answer (read by ``numbered.py``); the artifact rules
turn them into refs. Fixture: ``tests/fixtures/convert/assistant-deepseek.md``.
"""

from __future__ import annotations

from converters.citations.artifact import NUMBERED, Artifact, artifact

# Its markers in running text; each names a source of the list under the answer.
TEXT_ARTIFACTS: tuple[Artifact, ...] = (
    # OpenAI Assistants' file-search annotations "【4:0†source】" (OpenAI API reference,
    # "File search": annotations), also copied from DeepSeek ("【85†L261-269】").
    artifact(
        "source-number-marker",
        "OpenAI assistants or DeepSeek",
        r"【(?P<keys>\d+)(?::\d+)?†[^】\n]*】",
        "cite",
        NUMBERED,
    ),
    # DeepSeek's search answers copied as text: "[citation:3]".
    artifact(
        "deepseek-citation",
        "DeepSeek",
        r"\[citation:\s*(?P<keys>\d+(?:\s*,\s*\d+)*)\]",
        "cite",
        NUMBERED,
    ),
)
