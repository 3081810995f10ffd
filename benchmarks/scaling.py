"""Part 2: how time and peak memory grow with the size of a draft and of a folder."""

from __future__ import annotations

import json
import statistics
import sys

from benchmarks import corpus, measure
from benchmarks.report import REPO, Table
from benchmarks.tools import MB, Settings, wikidraft

TIME_FACTOR = 11  # 10x the input must take at most 11x the time
MEMORY_FACTOR = 10  # peak memory (beyond the idle process) at most 10x the input


def ratio(value: float, previous: float | None) -> str:
    """value / previous as '12.3x', or '' for the first row."""
    return f"{value / previous:.1f}x" if previous else ""


def single_drafts(settings: Settings) -> Table:
    """Drafts of 0.1, 1 and 10 MB: the CLI's wall time and the library's own time and memory."""
    sizes = [0.1, 1.0] if settings.quick else [0.1, 1.0, 10.0]
    folder = settings.work / "scaling"
    folder.mkdir(parents=True, exist_ok=True)
    table = Table(
        "Scaling: one draft of growing size",
        settings.command,
        [
            "input (bytes)",
            "CLI wall (s)",
            "CLI peak RSS (MiB)",
            "convert() (s)",
            "time ratio",
            "peak RSS growth during convert() (MiB)",
            "growth / input",
        ],
    )
    previous = None
    for size in sizes:
        source = folder / f"long-{size:g}MB.md"
        source.write_text(corpus.long_draft(int(size * MB)), encoding="utf-8")
        cli = [
            measure.run(
                [wikidraft(), "convert", str(source), "-o", str(source.with_suffix(".wiki"))]
            )
            for _ in range(settings.repeats)
        ]
        inproc = [
            json.loads(
                measure.run(
                    [sys.executable, "-m", "benchmarks.inproc", str(source)], cwd=REPO
                ).stdout
            )
            for _ in range(settings.repeats)
        ]
        seconds = statistics.median(r["seconds"] for r in inproc)
        growth = max(r["peak_kib"] - r["before_kib"] for r in inproc) * 1024
        nbytes = source.stat().st_size
        table.rows.append(
            [
                f"{nbytes:,}",
                f"{measure.median_seconds(cli):.3f}",
                f"{measure.max_peak_mib(cli):.0f}",
                f"{seconds:.3f}",
                ratio(seconds, previous),
                f"{growth / 2**20:.1f}",
                f"{growth / nbytes:.1f}x",
            ]
        )
        previous = seconds
    table.notes += [
        f"medians of {settings.repeats} runs; convert() is timed inside a child process after its "
        "imports and a warm-up conversion (`python -m benchmarks.inproc FILE`)",
        f"targets: time ratio per 10x input at most {TIME_FACTOR}x; peak RSS growth during "
        f"convert() at most {MEMORY_FACTOR}x the input (the idle interpreter with its imports is "
        "not counted: it is a constant, shown in the CLI column)",
    ]
    return table


def folders(settings: Settings) -> Table:
    """Folders of 1, 10, 100, 1000 small drafts, converted by one `wikidraft convert DIR`."""
    counts = [1, 10, 100] if settings.quick else [1, 10, 100, 1000]
    table = Table(
        "Scaling: a folder of growing size (`wikidraft convert DIR --out-dir OUT`)",
        settings.command,
        ["drafts", "input (bytes)", "wall (s)", "time ratio", "ms per draft", "peak RSS (MiB)"],
    )
    previous = None
    for count in counts:
        source = settings.work / "scaling" / f"drafts-{count}"
        paths = corpus.small_drafts(source, count)
        target = source.with_name(f"out-{count}")
        target.mkdir(exist_ok=True)
        runs = [
            measure.run([wikidraft(), "convert", str(source), "--out-dir", str(target)])
            for _ in range(settings.repeats)
        ]
        seconds = measure.median_seconds(runs)
        table.rows.append(
            [
                str(count),
                f"{sum(p.stat().st_size for p in paths):,}",
                f"{seconds:.3f}",
                ratio(seconds, previous),
                f"{seconds / count * 1000:.1f}",
                f"{measure.max_peak_mib(runs):.0f}",
            ]
        )
        previous = seconds
    table.notes.append(f"medians of {settings.repeats} runs; wall time includes process start")
    return table


def run(settings: Settings) -> list[Table]:
    """Both scaling tables."""
    return [single_drafts(settings), folders(settings)]
