"""One kind of chat-assistant artifact (what it looks like, what it becomes) and its report.

Each assistant's module lists its own artifacts, each with where it was observed;
``artifacts.py`` gathers them into the one table the rules read. Every artifact is reported with
its line (never silently deleted); ``action`` says what becomes of it: "cite" the numbered source
it names (``{{citation needed}}`` when no list names it), "needed" ``{{citation needed}}`` (no
source can be recovered), "drop" nothing, "ref" a reference for the link's URL, "text" the link's
text without the link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from converters.findings import Finding, record


@dataclass(frozen=True)
class Artifact:
    """One kind of artifact: its assistant, its shape, what it becomes and what to tell."""

    kind: str  # the warning kind, e.g. "chatgpt-turn-marker"
    assistant: str
    pattern: re.Pattern[str]  # in running text, a link's text, or a URL (see artifacts.py)
    action: str  # "cite" | "needed" | "drop" | "ref" | "text"
    advice: str  # what the author is told after the artifact is named


def artifact(kind: str, assistant: str, pattern: str, action: str, advice: str) -> Artifact:
    """An ``Artifact`` whose ``pattern`` is compiled from a regex string."""
    return Artifact(kind, assistant, re.compile(pattern), action, advice)


def any_of(artifacts: tuple[Artifact, ...]) -> re.Pattern[str]:
    """One pattern matching any of ``artifacts`` (their group names dropped: they repeat)."""
    return re.compile("|".join(re.sub(r"\(\?P<\w+>", "(?:", a.pattern.pattern) for a in artifacts))


UNRECOVERABLE = "its source cannot be recovered: {{citation needed}}; cite a source"
NUMBERED = "became the numbered source it names"


def report(env: dict[str, Any], line: int | None, artifact: Artifact, text: str, what: str) -> None:
    """Record the artifact ``text`` found on ``line``; ``what`` says what became of it."""
    message = f"{artifact.assistant} artifact {text!r} {what}"
    record(env, Finding(line, artifact.kind, message))
