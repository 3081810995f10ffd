"""A word diff, as ``git diff --word-diff`` shows one: changed words marked within their line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence

# Words, runs of spaces and single other characters: a changed comma leaves its word alone.
TOKEN = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]")
PLAIN = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
PAINTED = {"delete": ("\033[31m", "\033[0m"), "insert": ("\033[32m", "\033[0m")}


def word_diff(before: Sequence[str], after: Sequence[str], color: bool = False) -> list[str]:
    """Hunks of lines with removed words as [-old-] and added ones as {+new+} (colour instead)."""
    marks = PAINTED if color else PLAIN
    lines = difflib.SequenceMatcher(None, before, after, autojunk=False)
    out: list[str] = []
    for group in lines.get_grouped_opcodes(3):
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(" " + line for line in before[i1:i2])
            else:
                out.extend(_marked("\n".join(before[i1:i2]), "\n".join(after[j1:j2]), marks))
    return out


def _range(start: int, stop: int) -> str:
    """A hunk header's range, as unified diffs write it (an empty one at the line before)."""
    return f"{start + 1 if stop > start else start},{stop - start}"


def _marked(old: str, new: str, marks: dict[str, tuple[str, str]]) -> list[str]:
    """The lines of new with the words taken from old and the words added to it marked."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    words = difflib.SequenceMatcher(None, a, b, autojunk=False)
    text = []
    for tag, i1, i2, j1, j2 in words.get_opcodes():
        if tag == "equal":
            text.append("".join(a[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            text.extend(_wrap("".join(a[i1:i2]), marks["delete"]))
        if tag in ("insert", "replace"):
            text.extend(_wrap("".join(b[j1:j2]), marks["insert"]))
    return "".join(text).split("\n")


def _wrap(text: str, mark: tuple[str, str]) -> Iterator[str]:
    """text between the marks, line by line, so that no mark spans a line break."""
    start, end = mark
    for number, line in enumerate(text.split("\n")):
        if number:
            yield "\n"
        if line:
            yield f"{start}{line}{end}"
