"""A blocked account and the wiki's rate limit: clear per-page outcomes, exit 1, no waiting.

Each test runs on a wiki of its own: a block or a rate limit must not reach the shared one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki, start_wiki, stop_wiki
from tests.wikiadmin import block, page_text, rate_limit_edits


@pytest.fixture
def own_wiki(local_wiki: LocalWiki, tmp_path: Path) -> Iterator[LocalWiki]:
    """A throwaway wiki for this test alone (local_wiki: skipped where no wiki can be had)."""
    wiki = start_wiki(tmp_path / "wiki")
    try:
        yield wiki
    finally:
        stop_wiki(wiki.folder)


def outcome_lines(stdout: str, status: str) -> list[str]:
    """The per-page lines of a push's table with the given status."""
    return [line for line in stdout.splitlines() if line.startswith(status + " ")]


def test_rate_limit_fails_the_later_pages_at_once_and_the_batch_goes_on(
    own_wiki: LocalWiki, tmp_path: Path
) -> None:
    rate_limit_edits(own_wiki)
    titles = [unique("Upsilon"), unique("Phi"), unique("Chi")]
    paths = [str(draft(tmp_path, title)) for title in titles]
    started = time.monotonic()
    result = wikidraft(write_config(tmp_path, own_wiki), "push", "--yes", *paths)
    elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 created, 0 updated, 0 unchanged, 0 conflicted, 2 failed" in result.stdout
    failed = outcome_lines(result.stdout, "failed")
    assert len(failed) == 2 and all(
        "ratelimited: rate limited by the wiki; try again later" in line for line in failed
    ), result.stdout
    assert "not tried" not in result.stdout  # each page asked the wiki: the window may pass
    assert "Traceback" not in result.stderr
    # pywikibot would wait and resend each refused edit (two waits of 10 s); wikidraft does not.
    assert elapsed < 8, f"push took {elapsed:.1f} s"
    assert page_text(own_wiki, f"Draft:{titles[0]}") is not None
    assert [page_text(own_wiki, f"Draft:{title}") for title in titles[1:]] == [None, None]


def test_blocked_account_is_named_once_and_nothing_is_sent(
    own_wiki: LocalWiki, tmp_path: Path
) -> None:
    block(own_wiki, "Admin", "wikidraft test block")
    titles = [unique("Psi"), unique("Omega")]
    paths = [str(draft(tmp_path, title)) for title in titles]
    result = wikidraft(write_config(tmp_path, own_wiki), "push", "--yes", *paths)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 created, 0 updated, 0 unchanged, 0 conflicted, 2 failed" in result.stdout
    first, second = outcome_lines(result.stdout, "failed")
    assert "blocked: the account is blocked (blocked by " in first, first
    assert "wikidraft test block" in first
    assert "not tried: the account is blocked" in second
    assert "Traceback" not in result.stderr and "error" not in result.stderr.lower()
    assert [page_text(own_wiki, f"Draft:{title}") for title in titles] == [None, None]
    assert not (tmp_path / ".wikidraft" / "ledger.json").exists()
