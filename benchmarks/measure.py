"""Run commands as child processes and measure wall time and peak memory (RSS)."""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

TIME = "/usr/bin/time"  # GNU time: peak RSS of the command and of the processes it waited for


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float  # wall time, process start included
    peak_kib: int  # peak RSS of the command or of any process it waited for
    stdout: str
    stderr: str


def run(
    command: Sequence[str],
    *,
    ok: tuple[int, ...] = (0,),
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Run:
    """Run command to completion; raise with its stderr when the exit status is not in ok."""
    if not Path(TIME).exists():
        raise SystemExit(f"bench: GNU time ({TIME}) is missing; on Debian: apt-get install time")
    with tempfile.TemporaryDirectory() as scratch:
        out, err, peak = (Path(scratch) / name for name in ("stdout", "stderr", "peak"))
        # GNU time forks the command from its own small process. A child forked straight from
        # this (large) Python process would report at least this process's peak RSS: Linux
        # keeps the pre-exec address space's high-water mark in ru_maxrss.
        timed = [TIME, "--format=%M", f"--output={peak}", *command]
        with out.open("wb") as stdout, err.open("wb") as stderr:
            start = time.perf_counter()
            status = subprocess.run(timed, stdout=stdout, stderr=stderr, env=env, cwd=cwd)
            seconds = time.perf_counter() - start
        result = Run(seconds, int(peak.read_text().split()[-1]), out.read_text(), err.read_text())
    if status.returncode not in ok:
        tail = result.stderr.strip()[-2000:]
        raise RuntimeError(f"{' '.join(command)} exited {status.returncode}: {tail}")
    return result


def alternating(commands: Mapping[str, Sequence[str]], repeats: int) -> dict[str, list[Run]]:
    """Run each command repeats times, interleaved, the order reversed every round (ABBA)."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    names = list(commands)
    for round_ in range(repeats):
        for name in names if round_ % 2 == 0 else reversed(names):
            runs[name].append(run(commands[name]))
    return runs


def median_seconds(runs: Sequence[Run]) -> float:
    """The median wall time."""
    return statistics.median(r.seconds for r in runs)


def max_peak_mib(runs: Sequence[Run]) -> float:
    """The largest peak RSS among runs, in MiB."""
    return max(r.peak_kib for r in runs) / 1024
