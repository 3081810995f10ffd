"""A push killed mid-batch, even between a save and its ledger entry, resumes without duplicates."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from tests.botrun import draft, recorded, started, unique, wikidraft, write_config
from tests.faultproxy import Fault, FaultProxy
from tests.localwiki import LocalWiki, start_wiki, stop_wiki
from tests.wikiadmin import page_text, revision_count


class Push(NamedTuple):
    """A push of three drafts running in the background through a fault proxy."""

    titles: list[str]
    paths: list[str]
    config: Path
    proxy: FaultProxy
    child: subprocess.Popen[Any]


@contextmanager
def slow_push(
    wiki: LocalWiki, folder: Path, prefix: str, seconds: float, state: Path, **popen: Any
) -> Iterator[Push]:
    """Start pushing three new drafts in folder, each save held seconds by the proxy."""
    titles = [unique(f"{prefix} {n}") for n in range(3)]
    paths = [str(draft(folder, title)) for title in titles]
    with FaultProxy(wiki.api) as proxy:
        config = write_config(folder, wiki, api=proxy.api)
        proxy.inject(Fault("delay", seconds=seconds, times=3, action="edit"))
        child = started(config, "push", "--yes", *paths, state=state, **popen)
        yield Push(titles, paths, config, proxy, child)


def until(condition: Callable[[], object], seconds: float = 60) -> None:
    """Wait until condition() holds, looking every 20 ms, for at most seconds."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_killed_push_resumes_skipping_what_was_saved(local_wiki: LocalWiki, tmp_path: Path) -> None:
    # Every save is held 2 s by the proxy, then done by the wiki whether or not we wait. The
    # child's output goes to a file of this test's own (never /dev/null: see tests/conftest.py).
    with (
        open(tmp_path / "push.out", "w", encoding="utf-8") as out,
        slow_push(
            local_wiki, tmp_path, "Resume", 2.0, tmp_path / "s", stdout=out, stderr=out
        ) as running,
    ):
        titles, paths, config, proxy, push = running
        until(lambda: recorded(tmp_path) and proxy.count("edit") >= 2)
        # The first save is recorded; the second is held by the proxy: kill the push right now.
        push.send_signal(signal.SIGKILL)
        push.wait()
        assert list(recorded(tmp_path)) == [f"Draft:{titles[0]}"]
        # The wiki finishes the second save, which nobody will confirm; the third never started.
        until(lambda: page_text(local_wiki, f"Draft:{titles[1]}") is not None)
        assert page_text(local_wiki, f"Draft:{titles[2]}") is None

        proxy.clear()
        rerun = wikidraft(config, "push", "--yes", *paths)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "1 created, 0 updated, 2 unchanged" in rerun.stdout
    assert [revision_count(local_wiki, f"Draft:{title}") for title in titles] == [1, 1, 1]
    assert recorded(tmp_path) == {
        f"Draft:{title}": page_text(local_wiki, f"Draft:{title}")[0] for title in titles
    }


def test_wiki_stopped_mid_batch_then_back_resumes(local_wiki: LocalWiki, tmp_path: Path) -> None:
    wiki = start_wiki(tmp_path / "wiki")  # a wiki of this test's own: it will be stopped
    try:
        output = {"stdout": subprocess.PIPE, "text": True}
        with slow_push(wiki, tmp_path, "Stopped", 1.0, tmp_path, **output) as running:
            titles, paths, config, proxy, push = running
            until(lambda: recorded(tmp_path))
            stop_wiki(wiki.folder)  # while the second save is held by the proxy
            out, _ = push.communicate(timeout=120)
            assert push.returncode == 1, out
            first, second, third = out.splitlines()[:3]
            assert first.startswith("created") and second.startswith("failed")
            assert "not tried: the wiki stopped answering" in third
            assert list(recorded(tmp_path)) == [f"Draft:{titles[0]}"]

            start_wiki(wiki.folder, wiki.port)
            proxy.clear()
            rerun = wikidraft(config, "push", "--yes", *paths)
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
        assert "2 created, 0 updated, 1 unchanged" in rerun.stdout
        assert [revision_count(wiki, f"Draft:{title}") for title in titles] == [1, 1, 1]
        assert len(recorded(tmp_path)) == 3
    finally:
        stop_wiki(wiki.folder)
