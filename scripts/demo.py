"""The demo behind `make demo`: convert the examples, diff, push, diff again, on the local wiki.

It starts from a fresh local wiki and an empty ledger, so that every run shows the same story
(pages created, then unchanged) whatever earlier runs or converter versions left behind. Each
step is printed as the command a user can type in the repository (.venv/bin/wikidraft …), then
run exactly as printed.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(str(path.relative_to(REPO)) for path in (REPO / "examples").glob("*.md"))
# The venv's command, as typed from the repository: `wikidraft` alone is not on a new user's PATH.
WIKIDRAFT = os.path.relpath(Path(sys.executable).with_name("wikidraft"), REPO)
# The ledger beside the config the demo uses (./wikidraft.toml, else config/local.toml), and
# the one older versions kept next to the examples.
LEDGERS = [REPO / folder / ".wikidraft" / "ledger.json" for folder in (".", "config", "examples")]

# (arguments, the exit statuses that mean the step went as it should)
STEPS: list[tuple[list[str], set[int]]] = [
    (["convert", "examples", "--out-dir", "out"], {0}),
    (["diff", *EXAMPLES], {0, 1}),  # 1: there is something to upload
    (["push", "--yes", *EXAMPLES], {0}),
    (["diff", *EXAMPLES], {0}),  # 0: the wiki now holds exactly what we converted
]


def typed(arguments: list[str]) -> str:
    """The command line of a step as a user types it in the repository."""
    return shlex.join([WIKIDRAFT, *arguments])


def main() -> int:
    """Run every step; stop at the first one that does not go as it should."""
    print("$ scripts/local-wiki reset   # a fresh local wiki for the demo", flush=True)
    reset = subprocess.run([sys.executable, str(REPO / "scripts" / "local-wiki"), "reset"])
    if reset.returncode != 0:
        return 1
    # The ledger remembers pushes to the wiki just deleted; without this the fresh pages would
    # read as "deleted on the wiki since your last push".
    for ledger in LEDGERS:
        ledger.unlink(missing_ok=True)
    for arguments, expected in STEPS:
        command = typed(arguments)
        print(f"\n$ {command}", flush=True)
        status = subprocess.run(shlex.split(command), cwd=REPO).returncode
        if status not in expected:
            print(f"demo: step failed with exit status {status}", file=sys.stderr)
            return 1
    print("\ndemo: done — the drafts are on the local wiki (URLs above).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
