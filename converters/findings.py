"""What the parser rules find for the author: artifacts and chat phrases, each with its line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ENV_KEY = "wikidraft_findings"


@dataclass(frozen=True)
class Finding:
    """One thing found in the draft; ``evidence`` marks a sign that a chat assistant wrote it."""

    line: int | None
    kind: str
    message: str
    severity: str = "warning"  # "error": never article content, push refuses the page
    evidence: bool = True


def record(env: dict[str, Any], finding: Finding) -> None:
    """Remember ``finding`` for this parse."""
    env.setdefault(ENV_KEY, []).append(finding)


def found(env: dict[str, Any]) -> list[Finding]:
    """Everything the rules of this parse found, in the order they found it."""
    return list(env.get(ENV_KEY, []))
