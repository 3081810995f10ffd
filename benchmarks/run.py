"""Run the wikidraft benchmarks by hand and print the results as Markdown (`make bench`).

    python benchmarks/run.py                      every part
    python benchmarks/run.py --only throughput    one part (repeatable: --only a --only b)
    python benchmarks/run.py --quick              smaller inputs, to try the harness

Generated drafts and outputs go to a temporary folder, deleted afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import the package from the repository root
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from benchmarks import hotspots, scaling, sources, throughput, wiki_cost
from benchmarks.report import load_average, machine
from benchmarks.tools import Settings

PARTS = {
    "throughput": throughput.run,
    "scaling": scaling.run,
    "wiki": wiki_cost.run,
    "profile": hotspots.run,
    "sources": sources.run_sources,
}


def main(argv: list[str] | None = None) -> int:
    """Run the chosen parts and print their tables."""
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=PARTS, help="run only this part")
    parser.add_argument("--quick", action="store_true", help="smaller inputs and fewer repeats")
    parser.add_argument(
        "--repeats", type=int, help="timed runs per measurement (default 5, quick 3)"
    )
    parser.add_argument(
        "--work", type=Path, help="folder for generated inputs (default: a temp dir)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--wiki-port", type=int, default=8130, help="port of the benchmark wiki")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="wikidraft-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        work=work.resolve(),
        repeats=args.repeats or (3 if args.quick else 5),
        quick=args.quick,
        command=shlex.join(
            ["python", "benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]
        ),
        wiki_port=args.wiki_port,
    )
    print(machine(), flush=True)
    try:
        for name in args.only or PARTS:
            for table in PARTS[name](settings):
                print("\n" + table.markdown(), flush=True)
            print(f"(load average after {name}: {load_average()})", flush=True)
    finally:
        if args.keep or args.work:
            print(f"\n(generated files kept in {work})", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
