"""push on a terminal: shows the diffs and asks once for the whole batch."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.botrun import draft, unique, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text


def on_terminal(config: Path, answer: str, *arguments: str) -> tuple[int, str]:
    """Run wikidraft on a pseudo-terminal; answer its one question; returns status, screen."""
    leader, follower = pty.openpty()
    env = dict(os.environ, WIKIDRAFT_CONFIG=str(config), XDG_STATE_HOME=str(config.parent / "s"))
    child = subprocess.Popen(
        [sys.executable, "-m", "bot", *arguments],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    seen, answered, deadline = b"", False, time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                seen += os.read(leader, 65536)
            except OSError:  # the child has exited and closed the terminal
                break
        if not answered and b"[y/N]" in seen:
            os.write(leader, answer.encode() + b"\n")
            answered = True
        if child.poll() is not None and not ready:
            break
    child.wait(timeout=60)
    os.close(leader)
    return child.returncode, seen.decode("utf-8", "replace")


@pytest.mark.parametrize(("answer", "status"), [("n", 1), ("y", 0)])
def test_push_shows_diffs_and_asks_once(
    local_wiki: LocalWiki, tmp_path: Path, answer: str, status: int
) -> None:
    config = write_config(tmp_path, local_wiki)
    titles = [unique("Terminal"), unique("Terminal")]
    paths = [str(draft(tmp_path, title)) for title in titles]
    code, screen = on_terminal(config, answer, "push", *paths)
    assert code == status, screen
    assert screen.count("[y/N]") == 1 and "Push 2 page(s)" in screen
    assert "+A fact." in screen and "\033[32m" in screen  # coloured diff on a terminal
    created = [page_text(local_wiki, f"Draft:{title}") is not None for title in titles]
    assert created == [answer == "y"] * 2
    assert ("] 2/2 " in screen) is (answer == "y")  # the progress bar, on stderr
