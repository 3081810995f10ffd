"""Run commands as child processes and measure wall time and peak memory (RSS)."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float  # wall time, process start included
    peak_kib: int  # peak RSS of the child or of any descendant it waited for
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
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=cwd)
        # wait4, not getrusage(RUSAGE_CHILDREN): the latter is a maximum over every child so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = (f.read().decode(errors="replace") for f in (out, err))
        if process.returncode not in ok:
            tail = stderr.strip()[-2000:]
            raise RuntimeError(f"{' '.join(command)} exited {process.returncode}: {tail}")
        return Run(seconds, usage.ru_maxrss, stdout, stderr)


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
