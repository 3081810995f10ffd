"""Part 1: conversion throughput of `wikidraft convert` against pandoc, and start-up time."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from benchmarks import corpus, measure
from benchmarks.report import Table
from benchmarks.tools import MB, Settings, pandoc, pandoc_command, wikidraft

STARTUP_TARGET = 0.3  # seconds for one small draft, process start included
# A user converting a folder with pandoc runs it once per file, like this.
PANDOC_LOOP = (
    'for f in "$1"/*.md; do "$0" -f gfm -t mediawiki "$f" -o "$2/$(basename "$f" .md).wiki"; done'
)


def folder_loop(source: Path, target: Path) -> list[str]:
    """The shell loop running pandoc once per draft of source."""
    return ["bash", "-c", PANDOC_LOOP, pandoc(), str(source), str(target)]


def shown(command: list[str], settings: Settings) -> str:
    """The command as a shell line, with the work folder as $WORK and programs by name."""
    line = shlex.join([command[0].rsplit("/", 1)[-1], *command[1:]])
    return line.replace(f"{settings.work}/", "$WORK/").replace(pandoc(), "pandoc")


def compare(title: str, settings: Settings, size: int, commands: dict[str, list[str]]) -> Table:
    """Time the commands alternately; one row per tool with wall time, MB/s, memory, ratio."""
    runs = measure.alternating(commands, settings.repeats)
    pandoc_seconds = measure.median_seconds(runs["pandoc"])
    table = Table(
        title,
        settings.command,
        [
            "tool",
            f"median wall (s, n={settings.repeats})",
            "MB/s",
            "peak RSS (MiB)",
            "speed vs pandoc",
        ],
    )
    for name in commands:
        seconds = measure.median_seconds(runs[name])
        table.rows.append(
            [
                name,
                f"{seconds:.3f}",
                f"{size / MB / seconds:.2f}",
                f"{measure.max_peak_mib(runs[name]):.0f}",
                f"{pandoc_seconds / seconds:.2f}x",
            ]
        )
    table.notes.append(
        f"input: {size:,} bytes (1 MB = 10^6 bytes); wall time includes process start"
    )
    table.notes += [f"{name}: `{shown(command, settings)}`" for name, command in commands.items()]
    return table


def one_long_draft(settings: Settings) -> Table:
    """The 1 MB draft: one wikidraft process against one pandoc process."""
    folder = settings.work / "throughput"
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "long.md"
    source.write_text(corpus.long_draft(MB), encoding="utf-8")
    commands = {
        "wikidraft": [wikidraft(), "convert", str(source), "-o", str(folder / "long.wiki")],
        "pandoc": pandoc_command(source, folder / "long.pandoc.wiki"),
    }
    table = compare("Throughput: one 1 MB draft", settings, source.stat().st_size, commands)
    table.notes.append("target: wikidraft at least 2x pandoc")
    return table


def many_small_drafts(settings: Settings) -> Table:
    """500 small drafts: one wikidraft process for the folder, pandoc once per file."""
    count = 50 if settings.quick else 500
    folder = settings.work / "throughput" / "drafts"
    paths = corpus.small_drafts(folder, count)
    outputs = {
        name: settings.work / "throughput" / f"out-{name}" for name in ("wikidraft", "pandoc")
    }
    for output in outputs.values():
        output.mkdir(exist_ok=True)
    commands = {
        "wikidraft": [wikidraft(), "convert", str(folder), "--out-dir", str(outputs["wikidraft"])],
        "pandoc": folder_loop(folder, outputs["pandoc"]),
    }
    size = sum(path.stat().st_size for path in paths)
    return compare(f"Throughput: a folder of {count} small drafts", settings, size, commands)


def import_times(source: Path, target: Path) -> list[str]:
    """The slowest top-level imports of one `wikidraft convert`, from python -X importtime."""
    command = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "bot",
        "convert",
        str(source),
        "-o",
        str(target),
    ]
    found = []
    for line in measure.run(command).stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\S.*)$", line)
        if match and not match[3].startswith(" "):  # indented names are nested imports
            found.append((int(match[2]), match[3]))
    found.sort(reverse=True)
    return [f"{name} {micros / 1000:.0f} ms" for micros, name in found[:8]]


def single_small_draft(settings: Settings) -> Table:
    """`wikidraft convert` of one small draft, process start included, next to pandoc's."""
    folder = settings.work / "startup"
    [source] = corpus.small_drafts(folder, 1)
    repeats = max(settings.repeats, 10)
    commands = {
        "wikidraft": [wikidraft(), "convert", str(source), "-o", str(folder / "out.wiki")],
        "python -c pass": [sys.executable, "-c", "pass"],
        "pandoc": pandoc_command(source, folder / "out.pandoc.wiki"),
    }
    runs = measure.alternating(commands, repeats)
    table = Table(
        "Start-up: `wikidraft convert` of one small draft",
        settings.command,
        ["command", f"median wall (s, n={repeats})", "min (s)", "peak RSS (MiB)"],
    )
    for name, group in runs.items():
        table.rows.append(
            [
                name,
                f"{measure.median_seconds(group):.3f}",
                f"{min(r.seconds for r in group):.3f}",
                f"{measure.max_peak_mib(group):.0f}",
            ]
        )
    table.notes += [f"{name}: `{shown(command, settings)}`" for name, command in commands.items()]
    verdict = "met" if measure.median_seconds(runs["wikidraft"]) < STARTUP_TARGET else "NOT met"
    table.notes.append(
        f"input: {source.stat().st_size:,} bytes; target < {STARTUP_TARGET} s: {verdict}"
    )
    table.notes.append(
        "slowest top-level imports (python -X importtime, cumulative): "
        + "; ".join(import_times(source, folder / "out.wiki"))
    )
    return table


def run(settings: Settings) -> list[Table]:
    """All throughput tables."""
    return [one_long_draft(settings), many_small_drafts(settings), single_small_draft(settings)]
