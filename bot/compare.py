"""What a push would change: unified diffs and one summary line per page, as text or JSON."""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from bot import notices
from bot.plan import Item, stored
from bot.worddiff import word_diff

if TYPE_CHECKING:
    from bot.wikilinks import Finding

COLORS = {"+": "\033[32m", "-": "\033[31m", "@": "\033[36m", "header": "\033[1m"}
RESET = "\033[0m"


@dataclass(frozen=True)
class Change:
    """One page's comparison: new, changed (+added -removed lines), unchanged or refused."""

    item: Item
    status: str  # "new" | "changed" | "unchanged" | "refused"
    added: int
    removed: int
    diff: tuple[str, ...]  # unified diff lines, without line ends

    def summary(self) -> str:
        """The one-line summary of this page."""
        where = f"{self.item.title} ({self.item.source})"
        if self.status == "refused":
            return f"refused    {where}: {self.item.refused}"
        if self.status == "changed":
            return f"changed    {where} (+{self.added} \u2212{self.removed})"
        if self.status == "new":
            return f"new        {where} (+{self.added})"
        return f"unchanged  {where}"

    def to_json(self) -> dict[str, object]:
        """The shape printed by ``--format json``."""
        return {
            "source": str(self.item.source),
            "title": self.item.title,
            "status": self.status,
            "added": self.added,
            "removed": self.removed,
            "revid": self.item.revid,
            "refused": self.item.refused,
            "warnings": [notices.to_json(warning) for warning in self.item.conversion.warnings],
            "diff": "\n".join(self.diff),
        }


def compare(item: Item) -> Change:
    """Compare the text a push would save with the live page."""
    if item.refused:
        return Change(item, "refused", 0, 0, ())
    before, after = sides(item)
    if item.exists and before == after:
        return Change(item, "unchanged", 0, 0, ())
    old = f"{item.title} (rev {item.revid})" if item.exists else "/dev/null"
    lines = tuple(
        difflib.unified_diff(before, after, old, f"{item.title} ({item.source})", lineterm="")
    )
    added = sum(1 for line in lines[2:] if line.startswith("+"))
    removed = sum(1 for line in lines[2:] if line.startswith("-"))
    return Change(item, "changed" if item.exists else "new", added, removed, lines)


def sides(item: Item) -> tuple[list[str], list[str]]:
    """The lines of the live page (none when missing) and of the text a push would save."""
    return (stored(item.current).splitlines() if item.exists else []), item.text.splitlines()


def use_color(stream: TextIO) -> bool:
    """Colour on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def paint(line: str, color: bool) -> str:
    """A diff line, coloured by its first character when color is on."""
    if not color:
        return line
    key = "@" if line.startswith("@@") else line[:1]
    if line.startswith(("+++", "---")):
        key = "header"
    return f"{COLORS[key]}{line}{RESET}" if key in COLORS else line


def write_text(changes: list[Change], stream: TextIO = sys.stdout, *, word: bool = False) -> None:
    """Every diff (by lines, or by words within the lines), then one summary line per page."""
    color = use_color(stream)
    for change in changes:
        lines = change.diff
        if word and lines:
            lines = (*lines[:2], *word_diff(*sides(change.item), color))
        for line in lines:
            stream.write(paint(line, color and not word) + "\n")
    for change in changes:
        stream.write(change.summary() + "\n")


def write_json(
    changes: list[Change], findings: Sequence[Finding] = (), stream: TextIO = sys.stdout
) -> None:
    """All comparisons as one JSON document, each page with the wiki's findings on its draft."""
    pages = [
        {
            **change.to_json(),
            "findings": [f.to_json() for f in findings if f.source == str(change.item.source)],
        }
        for change in changes
    ]
    json.dump({"pages": pages}, stream, ensure_ascii=False)
    stream.write("\n")
