"""The one warning format every command prints: path:line: severity: message."""

from __future__ import annotations

import io
from dataclasses import dataclass

from bot.notices import print_warnings


@dataclass(frozen=True)
class Said:
    """A notice as the converter and the wiki checks give them."""

    line: int | None
    message: str
    severity: str = "warning"


def printed(*notices: Said) -> list[str]:
    """The lines print_warnings writes for the notices of draft.md."""
    stream = io.StringIO()
    print_warnings("draft.md", notices, stream)
    return stream.getvalue().splitlines()


def test_one_notice_a_line_in_the_order_given() -> None:
    assert printed(Said(7, "b"), Said(None, "a"), Said(3, "c", "error")) == [
        "draft.md:7: warning: b",
        "draft.md: warning: a",
        "draft.md:3: error: c",
    ]


def test_a_notice_repeated_on_one_line_is_printed_once_with_its_count() -> None:
    # Two Copilot markers in one sentence: two identical warnings, which look like a bug twice.
    marker = "Copilot artifact '[^2^][2]' became a reference"
    assert printed(Said(11, marker), Said(12, "other"), Said(11, marker)) == [
        f"draft.md:11: warning: {marker} (2 times)",
        "draft.md:12: warning: other",
    ]


def test_the_same_message_on_other_lines_or_severities_stays_apart() -> None:
    assert printed(Said(1, "m"), Said(2, "m"), Said(1, "m", "error")) == [
        "draft.md:1: warning: m",
        "draft.md:2: warning: m",
        "draft.md:1: error: m",
    ]
