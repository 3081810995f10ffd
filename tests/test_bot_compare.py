"""diff output: plain when piped, coloured on a terminal unless NO_COLOR, summary lines."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.compare import compare, write_text
from bot.plan import Item
from converters import Conversion


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Pretend to be one."""
        return True


def item(current: str | None, text: str) -> Item:
    """A planned page with the given live and new texts."""
    conversion = Conversion("X", text)
    revid = 7 if current is not None else None
    return Item(Path("x.md"), "Draft:X", text, conversion, "", current=current, revid=revid)


def test_summaries_count_lines() -> None:
    assert compare(item(None, "a\nb")).summary() == "new        Draft:X (x.md) (+2)"
    changed = compare(item("a\nb\nc", "a\nB\nc\nd"))
    assert (changed.status, changed.added, changed.removed) == ("changed", 2, 1)
    assert changed.summary() == "changed    Draft:X (x.md) (+2 \u22121)"
    assert compare(item("a\nb  \n", "a\nb")).status == "unchanged"  # as MediaWiki stores it


@pytest.mark.parametrize(
    ("stream", "no_color", "colored"),
    [(io.StringIO, "", False), (Terminal, "", True), (Terminal, "1", False)],
)
def test_colour_only_on_a_terminal_without_no_color(
    monkeypatch: pytest.MonkeyPatch, stream: type[io.StringIO], no_color: str, colored: bool
) -> None:
    monkeypatch.setenv("NO_COLOR", no_color)
    out = stream()
    write_text([compare(item("a", "b"))], out)
    assert ("\033[" in out.getvalue()) is colored
    assert "-a" in out.getvalue() and "+b" in out.getvalue()
