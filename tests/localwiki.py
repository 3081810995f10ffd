"""Start and stop throwaway local wikis (scripts/local-wiki) for the test suite."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "local-wiki"


@dataclass(frozen=True)
class LocalWiki:
    """A running local wiki: where it answers and how to log in to it."""

    folder: Path
    port: int
    api: str
    username: str  # the bot-password login name, e.g. "Admin@wikidraft"
    password_file: Path  # mode 600, holds the bot password
    admin_password: str  # for the plain "Admin" account (server-side setup in tests)
    reviewer_password: str  # a second account, "Reviewer", for edits by someone else

    @property
    def password(self) -> str:
        """The bot password."""
        return self.password_file.read_text(encoding="utf-8").strip()

    @property
    def server_log(self) -> Path:
        """php -S's log: one '[200]: POST /api.php' line per request."""
        return self.folder / "server.log"


def parse(api: str, wikitext: str, title: str, **extra: object) -> dict:
    """What the wiki's parser makes of wikitext on page title (action=parse; nothing saved)."""
    data = {
        "action": "parse",
        "title": title,
        "text": wikitext,
        "contentmodel": "wikitext",
        "prop": "text",
        "disablelimitreport": 1,
        "format": "json",
        "formatversion": 2,
        **extra,
    }
    response = requests.post(api, data=data, timeout=60)
    response.raise_for_status()
    return response.json()["parse"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run_script(*arguments: str) -> subprocess.CompletedProcess[str]:
    """Run scripts/local-wiki with the given arguments."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), *arguments], capture_output=True, text=True, timeout=600
    )


def start_wiki(folder: Path, port: int | None = None) -> LocalWiki:
    """Create (if needed) and start a wiki in folder; raise with the script's message if not."""
    port = port or free_port()
    result = run_script("start", "--port", str(port), "--dir", str(folder))
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or result.stdout.strip())
    info = json.loads((folder / "wiki.json").read_text(encoding="utf-8"))
    return LocalWiki(
        folder=folder,
        port=port,
        api=info["api"],
        username=info["username"],
        password_file=folder / "bot-password",
        admin_password=(folder / "admin-password").read_text(encoding="utf-8").strip(),
        reviewer_password=(folder / "reviewer-password").read_text(encoding="utf-8").strip(),
    )


def stop_wiki(folder: Path) -> None:
    """Stop the wiki served from folder."""
    run_script("stop", "--dir", str(folder))


def wiki_unavailable_reason() -> str | None:
    """Why no local wiki can be had here (None when it can); CI must always have one."""
    return install_refused(run_script("install"), "wiki")


def install_refused(result: subprocess.CompletedProcess[str], kind: str) -> str | None:
    """Why an install script (its result) failed, None if it did not; in CI a failure is fatal."""
    if result.returncode == 0:
        return None
    reason = result.stderr.strip() or result.stdout.strip()
    if os.environ.get("CI"):
        raise RuntimeError(f"CI must run the {kind} tests, but: {reason}")
    return reason
