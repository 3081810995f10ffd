"""A wiki that stops answering mid-batch: the page being saved fails, the rest are not tried."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.publish import Status, publish
from tests.botrun import draft, planned
from tests.localwiki import LocalWiki, start_wiki, stop_wiki


@pytest.fixture
def own_wiki(local_wiki: LocalWiki, tmp_path: Path) -> Iterator[LocalWiki]:
    """A wiki of this test's own, to be stopped (local_wiki: skipped where none can run)."""
    wiki = start_wiki(tmp_path / "wiki")
    yield wiki
    stop_wiki(wiki.folder)


def test_wiki_stopping_mid_batch_fails_one_page_and_stops_sending(
    own_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("One", "Two", "Three"):
        draft(tmp_path, name)
    connection, changes = planned(own_wiki, tmp_path, monkeypatch)
    saving = publish(connection, changes, "wikidraft test", minor=False, force=False)
    first = next(saving)
    stop_wiki(own_wiki.folder)
    second, third = saving
    assert first.status is Status.CREATED
    assert second.status is Status.FAILED and second.detail.startswith("no answer")
    assert (third.status, third.detail) == (Status.FAILED, "not tried: the wiki stopped answering")
