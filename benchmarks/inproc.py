"""Child process: convert one draft with converters.convert; print time and memory as JSON.

Run as ``python -m benchmarks.inproc FILE``. Imports and a tiny warm-up conversion happen
before the clock starts, so the numbers are the conversion's own, without process start.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def peak_kib() -> int:
    """This process's peak RSS so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    """Convert the file named on the command line once and report."""
    import converters

    converters.convert("# Warm-up\n\nText.[^a]\n\n[^a]: Note.\n")
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    before = peak_kib()
    start = time.perf_counter()
    result = converters.convert(text, source_name=sys.argv[1])
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "seconds": seconds,
                "before_kib": before,
                "peak_kib": peak_kib(),
                "output_chars": len(result.wikitext),
            }
        )
    )


if __name__ == "__main__":
    main()
