"""A push killed mid-batch, even between a save and its ledger entry, resumes without duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.botrun import draft, unique, wikidraft, write_config
from tests.faultproxy import Fault, FaultProxy
from tests.localwiki import LocalWiki, start_wiki, stop_wiki
from tests.wikiadmin import page_text, revision_count


def recorded(ledger: Path) -> dict[str, int]:
    """Title -> revision id, as the ledger holds them now (empty if there is none yet)."""
    try:
        wikis = json.loads(ledger.read_text(encoding="utf-8"))["wikis"]
    except FileNotFoundError:
        return {}
    return {
        title: int(entry["revid"]) for pages in wikis.values() for title, entry in pages.items()
    }


def test_killed_push_resumes_skipping_what_was_saved(local_wiki: LocalWiki, tmp_path: Path) -> None:
    titles = [unique(f"Resume {n}") for n in range(3)]
    paths = [str(draft(tmp_path, title)) for title in titles]
    ledger = tmp_path / ".wikidraft" / "ledger.json"
    with FaultProxy(local_wiki.api) as proxy:
        config = write_config(tmp_path, local_wiki, api=proxy.api)
        # Every save is held 2 s by the proxy, then done by the wiki whether or not we wait.
        proxy.inject(Fault("delay", seconds=2.0, times=3, action="edit"))
        env = dict(os.environ, WIKIDRAFT_CONFIG=str(config), XDG_STATE_HOME=str(tmp_path / "s"))
        push = subprocess.Popen(
            [sys.executable, "-m", "bot", "push", "--yes", *paths],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while (not recorded(ledger) or proxy.count("edit") < 2) and time.monotonic() < deadline:
            time.sleep(0.02)
        # The first save is recorded; the second is held by the proxy: kill the push right now.
        push.send_signal(signal.SIGKILL)
        push.wait()
        assert list(recorded(ledger)) == [f"Draft:{titles[0]}"]
        time.sleep(2.5)  # the wiki finishes the second save, which nobody will confirm
        assert page_text(local_wiki, f"Draft:{titles[1]}") is not None
        assert page_text(local_wiki, f"Draft:{titles[2]}") is None

        proxy.clear()
        rerun = wikidraft(config, "push", "--yes", *paths)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "1 created, 0 updated, 2 unchanged" in rerun.stdout
    assert [revision_count(local_wiki, f"Draft:{title}") for title in titles] == [1, 1, 1]
    assert recorded(ledger) == {
        f"Draft:{title}": page_text(local_wiki, f"Draft:{title}")[0] for title in titles
    }


def test_wiki_stopped_mid_batch_then_back_resumes(local_wiki: LocalWiki, tmp_path: Path) -> None:
    wiki = start_wiki(tmp_path / "wiki")  # a wiki of this test's own: it will be stopped
    try:
        titles = [unique(f"Stopped {n}") for n in range(3)]
        paths = [str(draft(tmp_path, title)) for title in titles]
        ledger = tmp_path / ".wikidraft" / "ledger.json"
        with FaultProxy(wiki.api) as proxy:
            config = write_config(tmp_path, wiki, api=proxy.api)
            proxy.inject(Fault("delay", seconds=1.0, times=3, action="edit"))
            push = subprocess.Popen(
                [sys.executable, "-m", "bot", "push", "--yes", *paths],
                env=dict(os.environ, WIKIDRAFT_CONFIG=str(config), XDG_STATE_HOME=str(tmp_path)),
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                text=True,
            )
            deadline = time.monotonic() + 60
            while not recorded(ledger) and time.monotonic() < deadline:
                time.sleep(0.02)
            stop_wiki(wiki.folder)  # while the second save is held by the proxy
            out, _ = push.communicate(timeout=120)
            assert push.returncode == 1, out
            first, second, third = out.splitlines()[:3]
            assert first.startswith("created") and second.startswith("failed")
            assert "not tried: the wiki stopped answering" in third
            assert list(recorded(ledger)) == [f"Draft:{titles[0]}"]

            start_wiki(wiki.folder, wiki.port)
            proxy.clear()
            rerun = wikidraft(config, "push", "--yes", *paths)
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
        assert "2 created, 0 updated, 1 unchanged" in rerun.stdout
        assert [revision_count(wiki, f"Draft:{title}") for title in titles] == [1, 1, 1]
        assert len(recorded(ledger)) == 3
    finally:
        stop_wiki(wiki.folder)
