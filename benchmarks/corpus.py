"""Benchmark inputs built from examples/: small drafts with unique titles, and long drafts."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"

HEADING = re.compile(r"^(#+)(?=\S| )", re.MULTILINE)
FOOTNOTE = re.compile(r"\[\^([^\]\^\s]+)\]")  # [^label], not Bing's [^1^]
BING_KEY = re.compile(r"(\[\^\d+\^\]\[)(\d+)\]")  # [^N^][M]: M is the key
LINK_DEFINITION = re.compile(r"^\[(\d+)\]:", re.MULTILINE)
FENCE = re.compile(r"^(```|~~~)")


def examples() -> list[str]:
    """The bundled example drafts, in a stable order."""
    return [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.md"))]


def outside_code(markdown: str) -> list[tuple[str, bool]]:
    """The draft's lines, each with whether it lies outside a fenced code block."""
    lines, in_code = [], False
    for line in markdown.splitlines():
        fence = bool(FENCE.match(line))
        lines.append((line, not in_code and not fence))
        in_code ^= fence
    return lines


def with_title_suffix(markdown: str, suffix: str) -> str:
    """The draft with suffix appended to what names its title: front matter, Draft: line, H1."""
    out = []
    in_front_matter = markdown.startswith("---\n")
    for number, (line, prose) in enumerate(outside_code(markdown)):
        if in_front_matter:
            in_front_matter = number == 0 or line != "---"
            names_title = line.startswith("title:")
        else:
            names_title = prose and line.startswith(("# ", "Draft:"))
        out.append(line + suffix if names_title else line)
    return "\n".join(out) + "\n"


def small_drafts(folder: Path, count: int, tag: str = "") -> list[Path]:
    """Write count drafts (the examples in turn, titles made unique) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = examples()
    paths = []
    for index in range(count):
        path = folder / f"draft-{tag}{index:04d}.md"
        path.write_text(with_title_suffix(texts[index % len(texts)], f" {tag}{index:04d}"), "utf-8")
        paths.append(path)
    return paths


def as_section(markdown: str, part: int) -> str:
    """One example as a section of a long article: headings one level down, own citations."""
    if markdown.startswith("---\n"):
        markdown = markdown.split("\n---\n", 1)[1]
    out = []
    for line, prose in outside_code(markdown):
        if prose and line.startswith("Draft:"):
            continue
        if prose and line.startswith("# "):
            line = f"## {line[2:]} (part {part})"
        elif prose:
            line = HEADING.sub(r"#\1", line)
            line = FOOTNOTE.sub(rf"[^\1-{part}]", line)
            # Bing keys must stay numeric (their definitions are "[M]: url" lines).
            line = BING_KEY.sub(lambda m: f"{m[1]}{part * 100 + int(m[2])}]", line)
            line = LINK_DEFINITION.sub(lambda m: f"[{part * 100 + int(m[1])}]:", line)
        out.append(line)
    return "\n".join(out).strip() + "\n"


def long_draft(size: int) -> str:
    """A single draft of about size bytes (UTF-8): the examples as numbered sections, in turn."""
    texts = examples()
    pieces = ["# Benchmark article\n\nBenchmark article is a long draft built from the examples.\n"]
    total = len(pieces[0].encode())
    part = 0
    while total < size:
        piece = "\n" + as_section(texts[part % len(texts)], part + 1)
        pieces.append(piece)
        total += len(piece.encode())
        part += 1
    return "".join(pieces)
