"""The fault matrix: each fault, through a real proxy or on the real wiki, and what push does.

Every row checks the message, the exit status, what was written on the wiki (never a page
twice, never a lost edit) and what the ledger holds. docs/reliability.md has the table.
"""

from __future__ import annotations

import os
import pty
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.botrun import (
    draft,
    ledger,
    planned,
    pushed,
    recorded,
    started,
    unique,
    wikidraft,
    write_config,
)
from tests.faultproxy import Fault, FaultProxy
from tests.localwiki import LocalWiki
from tests.wikiadmin import admin, expire_sessions, page_text, revision_count


@pytest.fixture
def proxy(local_wiki: LocalWiki) -> Iterator[FaultProxy]:
    """A fault proxy in front of the session wiki."""
    with FaultProxy(local_wiki.api) as running:
        yield running


@dataclass(frozen=True)
class Row:
    """One fault on the first page's save, and what push must do about it."""

    faults: list[Fault]
    exit_code: int
    first: str  # status of the faulted page in the final table
    second: str  # status of the page after it
    message: str = ""  # in the faulted page's line
    saved: list[int] = field(default_factory=lambda: [1, 1])  # revisions of each page after


ROWS = {
    "503 twice, Retry-After": Row([Fault("status", status=503, times=2, action="edit")], 0,
                                  "created", "created"),
    "502 once": Row([Fault("status", status=502, action="edit")], 0, "created", "created"),
    "500 beyond the retries": Row(
        [Fault("status", status=500, times=5, action="edit")], 1, "failed", "failed",
        "no answer: Maximum retries attempted", [0, 0]),
    "maxlag twice": Row([Fault("maxlag", times=2, action="edit")], 0, "created", "created"),
    "maxlag beyond the retries": Row(
        [Fault("maxlag", times=5, action="edit")], 1, "failed", "failed",
        "Maximum retries attempted due to maxlag", [0, 0]),
    "connection reset": Row([Fault("reset", action="edit")], 0, "created", "created"),
    "response lost after the save": Row(  # the retry meets our own page: read back
        [Fault("lost_response", action="edit")], 0, "created", "created",
        "confirmed by reading it back"),
    "bad CSRF token once": Row([Fault("bad_token", action="edit")], 0, "created", "created"),
    "bad CSRF token every time": Row(  # pywikibot's two tries, then wikidraft's two
        [Fault("bad_token", times=4, action="edit")], 1, "failed", "created",
        "badtoken", [0, 1]),
    "session cookie not sent": Row(  # the session is resumed, the edit sent once more
        [Fault("drop_cookies", action="edit")], 0, "created", "created"),
}  # fmt: skip


@pytest.mark.parametrize("name", ROWS)
def test_fault_on_a_save(
    name: str, proxy: FaultProxy, local_wiki: LocalWiki, tmp_path: Path
) -> None:
    row = ROWS[name]
    config = write_config(tmp_path, local_wiki, api=proxy.api)
    titles = [unique("Fault first"), unique("Fault second")]
    paths = [str(draft(tmp_path, title)) for title in titles]
    for fault in row.faults:
        proxy.inject(fault)
    started = time.monotonic()
    result = wikidraft(config, "push", "--yes", *paths)
    assert time.monotonic() - started < 60  # bounded retries
    assert result.returncode == row.exit_code, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(row.first) and row.message in lines[0], result.stdout
    assert lines[1].startswith(row.second), result.stdout
    assert "Traceback" not in result.stderr
    assert local_wiki.password not in result.stdout + result.stderr
    revisions = [revision_count(local_wiki, f"Draft:{title}") for title in titles]
    assert revisions == row.saved  # nothing saved twice, nothing half-saved
    statuses = (row.first, row.second)
    created = {
        f"Draft:{t}" for t, status in zip(titles, statuses, strict=True) if status == "created"
    }
    assert set(recorded(tmp_path)) == created  # exactly the saves confirmed to us


def test_expired_session_logs_in_again_and_saves(
    proxy: FaultProxy, local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki, api=proxy.api)
    titles = [unique("Expired first"), unique("Expired second")]
    paths = [str(draft(tmp_path, title)) for title in titles]
    # The wiki forgets every session just before the first save arrives.
    proxy.inject(Fault("hook", action="edit", hook=lambda: expire_sessions(local_wiki)))
    result = wikidraft(config, "push", "--yes", *paths)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "User assertion failed. Forcing re-login." in result.stderr
    assert "2 created" in result.stdout
    assert proxy.count("login") == 2  # the push's login, and one more after the sessions went
    assert [revision_count(local_wiki, f"Draft:{title}") for title in titles] == [1, 1]
    assert set(recorded(tmp_path)) == {f"Draft:{title}" for title in titles}


def test_lost_answer_to_an_update_is_confirmed_by_reading_back(
    proxy: FaultProxy, local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki, api=proxy.api)
    title = unique("Lost update")
    path = str(draft(tmp_path, title, "First text.\n"))
    assert wikidraft(config, "push", "--yes", path).returncode == 0
    draft(tmp_path, title, "Second text.\n")
    proxy.inject(Fault("lost_response", action="edit"))
    result = wikidraft(config, "push", "--yes", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("updated") and "confirmed by reading it back" in result.stdout
    revid, text = page_text(local_wiki, f"Draft:{title}")
    assert "Second text." in text and revision_count(local_wiki, f"Draft:{title}") == 2
    assert ledger(tmp_path)[f"Draft:{title}"]["revid"] == revid  # the lost answer's revision


def test_retries_are_shown_on_a_terminal(
    proxy: FaultProxy, local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki, api=proxy.api)
    proxy.inject(Fault("status", status=503, times=2, action="edit"))
    stderr = on_terminal(config, "push", "--yes", str(draft(tmp_path, unique("Visible"))))
    assert stderr.count("before retrying") == 2, stderr


def test_maxlag_pauses_are_shown_on_a_terminal(
    proxy: FaultProxy, local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki, api=proxy.api)
    proxy.inject(Fault("maxlag", times=2, action="edit"))
    stderr = on_terminal(config, "push", "--yes", str(draft(tmp_path, unique("Lagged"))))
    assert stderr.count("Pausing due to database lag") == 2, stderr


def on_terminal(config: Path, *arguments: str) -> str:
    """Run wikidraft with stderr on a pseudo-terminal, as a user sees it; returns stderr."""
    main, secondary = pty.openpty()
    child = started(
        config, *arguments, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=secondary
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.communicate(timeout=120)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_response_slower_than_the_timeout_is_retried_without_a_duplicate(
    proxy: FaultProxy,
    local_wiki: LocalWiki,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bot import cli, site

    # The real read timeout is 60 s; a 1 s one shows the same path in a test's time.
    monkeypatch.setitem(site.RETRIES, "socket_timeout", (1.0, 1.0))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    config = write_config(tmp_path, local_wiki, api=proxy.api)
    title = unique("Slow")
    proxy.inject(Fault("delay", seconds=3.0, action="edit"))  # the wiki still saves, later
    code = cli.main(["push", "--yes", "--config", str(config), str(draft(tmp_path, title))])
    time.sleep(2.5)  # let the held request reach the wiki too
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("created"), out
    assert proxy.count("edit") == 2  # the timed-out save and its retry
    assert revision_count(local_wiki, f"Draft:{title}") == 1  # createonly: never twice
    assert set(recorded(tmp_path)) == {f"Draft:{title}"}


def test_page_deleted_between_diff_and_push_is_not_recreated(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.publish import Status, publish

    title = unique("Deleted between")
    pushed(local_wiki, tmp_path, title, "First text.\n")
    draft(tmp_path, title, "Second text.\n")
    connection, changes = planned(local_wiki, tmp_path, monkeypatch)
    admin(local_wiki).delete(f"Draft:{title}")
    (outcome,) = publish(connection, changes, "wikidraft test", minor=False, force=False)
    assert outcome.status is Status.CONFLICTED and "deleted on the wiki" in outcome.detail
    assert page_text(local_wiki, f"Draft:{title}") is None
