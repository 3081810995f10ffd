"""Compare convert() across commits: the 1 MB draft through each revision's converters/.

    python -m benchmarks.commits REV [REV ...] [--repeats N]

Each revision's converters/ is exported with git archive to a temporary folder and imported
from there by a child process (`python -m benchmarks.inproc`), the runs interleaved.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from benchmarks import corpus, measure
from benchmarks.report import REPO, Table, machine
from benchmarks.tools import MB


def export(revision: str, folder: Path) -> None:
    """Write the converters/ package of revision into folder."""
    archive = subprocess.run(
        ["git", "archive", revision, "converters"], cwd=REPO, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")


def main() -> int:
    """Time convert() of the 1 MB draft at each revision and print a table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.commits", description=__doc__)
    parser.add_argument("revisions", nargs="+", metavar="REV")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wikidraft-commits-") as scratch:
        work = Path(scratch)
        draft = work / "long.md"
        draft.write_text(corpus.long_draft(MB), encoding="utf-8")
        for revision in args.revisions:
            export(revision, work / revision)
        # The exported converters/ comes first on sys.path (the child's working folder).
        env = dict(os.environ, PYTHONPATH=str(REPO))
        results: dict[str, list[dict[str, float]]] = {revision: [] for revision in args.revisions}
        for round_ in range(args.repeats):
            order = args.revisions if round_ % 2 == 0 else args.revisions[::-1]
            for revision in order:
                child = [sys.executable, "-m", "benchmarks.inproc", str(draft)]
                run = measure.run(child, cwd=work / revision, env=env)
                results[revision].append(json.loads(run.stdout))
    table = Table(
        "convert() of the 1 MB draft at each revision",
        " ".join(["python -m benchmarks.commits", *sys.argv[1:]]),
        ["revision", f"median convert() (s, n={args.repeats})", "peak RSS growth (MiB)"],
    )
    for revision, runs in results.items():
        seconds = statistics.median(r["seconds"] for r in runs)
        growth = max(r["peak_kib"] - r["before_kib"] for r in runs) / 1024
        table.rows.append([f"`{revision}`", f"{seconds:.3f}", f"{growth:.0f}"])
    print(machine() + "\n\n" + table.markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
