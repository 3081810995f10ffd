"""Part 4: where converters.convert spends its time on the 1 MB draft (cProfile)."""

from __future__ import annotations

import cProfile
import gc
import pstats
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from benchmarks import corpus
from benchmarks.report import REPO, Table
from benchmarks.tools import MB, Settings

ROWS = 15


def ours(filename: str) -> bool:
    """Whether a profiled function is repository code (a venv inside the repository is not)."""
    path = Path(filename)
    return path.is_relative_to(REPO) and "site-packages" not in path.parts


def where(function: tuple[str, int, str]) -> str:
    """A profiler key as 'file:line(name)', paths shortened to the repository or package."""
    filename, line, name = function
    path = Path(filename)
    if "site-packages" in path.parts:
        filename = "/".join(path.parts[path.parts.index("site-packages") + 1 :])
    elif path.is_relative_to(REPO):
        filename = str(path.relative_to(REPO))
    return f"`{filename}:{line}({name})`"


def top(stats: pstats.Stats, key: str, only_ours: bool) -> list[list[str]]:
    """The ROWS heaviest functions by key (tottime or cumtime), optionally only repository code."""
    entries = []
    for function, (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if only_ours and not ours(function[0]):
            continue
        entries.append(
            (tottime if key == "tottime" else cumtime, function, calls, tottime, cumtime)
        )
    entries.sort(key=lambda entry: entry[0], reverse=True)
    return [
        [where(f), f"{calls:,}", f"{tot:.3f}", f"{cum:.3f}"]
        for _, f, calls, tot, cum in entries[:ROWS]
    ]


def median_time(function: Callable[[], object], repeats: int) -> float:
    """The median wall time of repeats calls, the cyclic collector paused as in convert()."""
    from converters.api import cyclic_gc_paused

    times = []
    for _ in range(repeats):
        with cyclic_gc_paused():
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def traced_peak(function: Callable[[], object]) -> float:
    """The peak of the memory Python allocates during one call (tracemalloc), in MiB."""
    gc.collect()
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def floors(text: str, settings: Settings) -> Table:
    """convert() next to the library calls it is built on (markdown-it, mwparserfromhell)."""
    import mwparserfromhell
    from markdown_it import MarkdownIt

    import converters
    from converters.check import constructs
    from converters.parser import parse

    wikitext = converters.convert(text).wikitext
    commonmark = MarkdownIt("commonmark")
    rows = [
        ("converters.convert(markdown)", lambda: converters.convert(text)),
        (
            "converters.parser.parse(markdown) (markdown-it-py + plugins + tree)",
            lambda: parse(text, {}),
        ),
        (
            'MarkdownIt("commonmark").parse(markdown) (no plugins, no tree)',
            lambda: commonmark.parse(text),
        ),
        (
            "converters.check.constructs(wikitext) (the safety check's tokens)",
            lambda: constructs(wikitext),
        ),
        (
            "mwparserfromhell.parse(wikitext) (a node tree; the check no longer builds it)",
            lambda: mwparserfromhell.parse(wikitext),
        ),
    ]
    table = Table(
        "Profile: the converter next to the library calls it is built on (1 MB draft, no profiler)",
        settings.command,
        ["call", f"median (s, n={settings.repeats})", "peak traced memory (MiB)"],
    )
    table.rows = [
        [f"`{name}`", f"{median_time(call, settings.repeats):.3f}", f"{traced_peak(call):.0f}"]
        for name, call in rows
    ]
    table.notes += [
        "in the benchmark's own process, after a warm-up conversion; times without tracemalloc",
        f"input {len(text.encode()) / 2**20:.2f} MiB; output {len(wikitext.encode()) / 2**20:.2f} "
        "MiB; peak traced memory: what Python allocated at the highest point of one call "
        "(tracemalloc; RSS adds allocator overhead)",
    ]
    return table


def run(settings: Settings) -> list[Table]:
    """Profile one conversion of the 1 MB draft; tables by own time and by cumulative time."""
    import converters

    text = corpus.long_draft(MB)
    converters.convert(text[:2000])  # imports and caches outside the profile
    profiler = cProfile.Profile()
    profiler.runcall(converters.convert, text, title="Benchmark article")
    output = settings.work / "convert.prof"
    profiler.dump_stats(output)
    stats = pstats.Stats(profiler)
    header = ["function", "calls", "own time (s)", "cumulative (s)"]
    total = stats.total_tt  # type: ignore[attr-defined]
    size = len(text.encode())
    note = (
        f"one convert() of {size:,} bytes under cProfile ({total:.2f} s); the profile is "
        f"{output.name} in the work folder (run with --keep to keep it)"
    )
    return [
        floors(text, settings),
        Table(
            "Profile: most own time", settings.command, header, top(stats, "tottime", False), [note]
        ),
        Table(
            "Profile: repository functions by cumulative time",
            settings.command,
            header,
            top(stats, "cumtime", True),
            [note],
        ),
    ]
