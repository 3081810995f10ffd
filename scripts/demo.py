"""The demo behind `make demo`: convert the examples, diff, push, diff again, on a local wiki of
its own, and end with the review report's URL.

The demo has its own wiki (folder .wiki-demo/wiki, port 8090), never the one `make wiki` starts
(.wiki, port 8080): it resets its wiki, and the user's pages are not its to delete. It works on
a copy of examples/ in .wiki-demo, with its own ledger and config, so that every run shows the
same story (pages created, then unchanged). Each step is printed as the command a user can type
in that folder (../.venv/bin/wikidraft …), then run exactly as printed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The venv's command: `wikidraft` alone is not on a new user's PATH.
WIKIDRAFT = Path(sys.executable).with_name("wikidraft")
CONFIG = """[wiki]
api = "http://127.0.0.1:{port}/api.php"
namespace = "Draft"
username = "Admin@wikidraft"
password_file = "wiki/bot-password"
user_agent = "wikidraft (demo on the local wiki)"

[edit]
summary = "wikidraft demo"
throttle = 0
"""

# (arguments, the exit statuses that mean the step went as it should)
STEPS: list[tuple[list[str], set[int]]] = [
    (["convert", "examples", "--out-dir", "out"], {0}),
    (["diff", "--html", "review.html", "examples"], {0, 1}),  # 1: something to upload
    (["push", "--yes", "examples"], {0}),
    (["diff", "examples"], {0}),  # 0: the wiki now holds exactly what we converted
]


def typed(arguments: list[str], folder: Path) -> str:
    """The command line of a step as a user types it in the demo's folder."""
    return shlex.join([os.path.relpath(WIKIDRAFT, folder), *arguments])


def main() -> int:
    """Prepare the demo's folder and wiki, run every step; stop at the first that goes wrong."""
    parser = argparse.ArgumentParser(prog="scripts/demo.py", description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=REPO / ".wiki-demo", help="demo folder")
    parser.add_argument("--port", type=int, default=8090, help="port of the demo's wiki")
    args = parser.parse_args()
    folder = args.dir.resolve()
    wiki = folder / "wiki"
    print(f"$ scripts/local-wiki reset --port {args.port} --dir {wiki}", flush=True)
    script = str(REPO / "scripts" / "local-wiki")
    reset = subprocess.run(
        [sys.executable, script, "reset", "--port", str(args.port), "--dir", str(wiki)]
    )
    if reset.returncode != 0:
        return 1
    # A fresh copy: the ledger of an earlier run would read the fresh wiki's missing pages as
    # "deleted on the wiki since your last push".
    shutil.rmtree(folder / "examples", ignore_errors=True)
    shutil.rmtree(folder / ".wikidraft", ignore_errors=True)  # the ledger beside its config
    shutil.copytree(REPO / "examples", folder / "examples", ignore=shutil.ignore_patterns(".*"))
    (folder / "wikidraft.toml").write_text(CONFIG.format(port=args.port), encoding="utf-8")
    print(f"$ cd {folder}", flush=True)
    for arguments, expected in STEPS:
        command = typed(arguments, folder)
        print(f"\n$ {command}", flush=True)
        status = subprocess.run(shlex.split(command), cwd=folder).returncode
        if status not in expected:
            print(f"demo: step failed with exit status {status}", file=sys.stderr)
            return 1
    print("\ndemo: done — the drafts are on the demo's wiki (URLs above); stop it with")
    print(f"  scripts/local-wiki stop --dir {wiki}")
    print("The review report (the wiki's diffs and renderings, before the push):")
    print(f"  {(folder / 'review.html').as_uri()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
