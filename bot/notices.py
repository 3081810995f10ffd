"""Warnings for a person, in one format for every command: ``path:line: warning: message``."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from typing import Protocol, TextIO


class Notice(Protocol):
    """Anything with a draft line and a message: a conversion warning, a finding of the wiki."""

    line: int | None
    message: str


def format_warning(source: str, line: int | None, message: str, severity: str = "warning") -> str:
    """One warning (or error) line, as compilers write them (the line left out when unknown)."""
    where = f"{source}:{line}" if line else source
    return f"{where}: {severity}: {message}"


def warning_lines(source: str, notices: Iterable[Notice]) -> list[str]:
    """The warning (or error) lines for the notices of the draft source; a notice said more
    than once at one line (two markers in a sentence) once, with its count."""
    said = Counter(
        (notice.line, getattr(notice, "severity", "warning"), notice.message) for notice in notices
    )
    return [
        format_warning(source, line, f"{message} ({times} times)" if times > 1 else message, kind)
        for (line, kind, message), times in said.items()
    ]


def print_warnings(source: str, notices: Iterable[Notice], stream: TextIO | None = None) -> None:
    """Print the warning lines of the draft source (to standard error by default)."""
    for line in warning_lines(source, notices):
        print(line, file=stream or sys.stderr)


def to_json(notice: Notice) -> dict[str, object]:
    """A warning in every command's --json output."""
    return {
        "severity": getattr(notice, "severity", "warning"),
        "kind": getattr(notice, "kind", None),
        "line": notice.line,
        "message": notice.message,
    }
