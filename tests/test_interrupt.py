"""Ctrl-C or SIGTERM mid-push: what was saved is reported, and our own save is not drift later.

The second save is held by the fault proxy when the signal arrives; the proxy forwards it
anyway, so the wiki makes a revision nobody confirms to wikidraft. The ledger noted the text
before sending it, so the next push adopts that revision instead of refusing the page as
"edited on the wiki by" our own account.
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from tests.botrun import draft, recorded, started, unique, wikidraft, write_config
from tests.faultproxy import Fault, FaultProxy
from tests.localwiki import LocalWiki
from tests.test_resume import until
from tests.wikiadmin import page_text


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_push_reports_its_saves_and_the_next_adopts_the_unconfirmed_one(
    signum: signal.Signals, local_wiki: LocalWiki, tmp_path: Path
) -> None:
    titles = [unique(f"Interrupted {n}") for n in range(2)]
    pages = [f"Draft:{title}" for title in titles]
    with FaultProxy(local_wiki.api) as proxy:
        config = write_config(tmp_path, local_wiki, api=proxy.api)
        paths = [str(draft(tmp_path, title, "First text.\n")) for title in titles]
        assert wikidraft(config, "push", "--yes", *paths).returncode == 0
        before = recorded(tmp_path)
        for title in titles:
            draft(tmp_path, title, "Second text.\n")
        proxy.inject(Fault("delay", seconds=2.0, times=2, action="edit"))
        output = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
        push = started(config, "push", "--yes", *paths, **output)
        # The first save is recorded and the second is held by the proxy: interrupt now.
        until(lambda: recorded(tmp_path)[pages[0]] != before[pages[0]] and proxy.count("edit") >= 4)
        push.send_signal(signum)
        out, err = push.communicate(timeout=120)
        assert push.returncode == 130, out + err
        assert out.splitlines()[0].startswith(f"updated     {pages[0]}"), out
        assert "Traceback" not in err and "interrupted" in err
        # The held save reaches the wiki after all; the ledger still holds our first save.
        until(lambda: "Second text." in page_text(local_wiki, pages[1])[1])
        assert recorded(tmp_path)[pages[1]] == before[pages[1]]

        for title in titles:
            draft(tmp_path, title, "Third text.\n")
        rerun = wikidraft(config, "push", "--yes", *paths)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "since your last push" not in rerun.stdout and "2 updated" in rerun.stdout
    assert recorded(tmp_path) == {page: page_text(local_wiki, page)[0] for page in pages}


def test_an_interrupted_submit_is_adopted_though_the_wiki_rewrote_the_text(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    # {{subst:submit}} is expanded by the wiki on save (its pre-save transform), so the page
    # never holds the text the draft asked for; the save cut off by SIGTERM must still be ours.
    title = unique("Interrupted submit")
    page = f"Draft:{title}"
    with FaultProxy(local_wiki.api) as proxy:
        config = write_config(tmp_path, local_wiki, api=proxy.api)
        path = str(draft(tmp_path, title, "First text.\n"))
        assert wikidraft(config, "push", "--yes", path).returncode == 0
        assert proxy.count("parse") == 0  # a text the wiki stores as sent costs no request
        before = recorded(tmp_path)
        draft(tmp_path, title, "Second text.\n")
        proxy.inject(Fault("delay", seconds=2.0, action="edit"))
        with open(tmp_path / "push.out", "w", encoding="utf-8") as out:  # never /dev/null
            push = started(config, "push", "--yes", "--submit", path, stdout=out, stderr=out)
        until(lambda: proxy.count("edit") >= 2)  # the save is held by the proxy: stop now
        push.send_signal(signal.SIGTERM)
        assert push.wait(timeout=120) == 130
        until(lambda: "Second text." in page_text(local_wiki, page)[1])
        assert recorded(tmp_path) == before and proxy.count("parse") == 1
        assert page_text(local_wiki, page)[1].startswith("{{AfC submission|||ts=")

        draft(tmp_path, title, "Third text.\n")
        rerun = wikidraft(config, "push", "--yes", path)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "since your last push" not in rerun.stdout and "1 updated" in rerun.stdout
    assert recorded(tmp_path) == {page: page_text(local_wiki, page)[0]}
