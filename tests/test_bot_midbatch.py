"""A wiki that stops answering mid-batch: the page being saved fails, the rest are not tried."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import config as configuration
from bot import plan, site
from bot.compare import compare
from bot.publish import Status, publish
from tests.botrun import draft, write_config
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
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("One", "Two", "Three"):
        draft(drafts, name)
    config = configuration.load(str(write_config(tmp_path, own_wiki)))
    connection = site.connect(config, login=True)
    changes = [compare(item) for item in plan.build(connection, config, [str(drafts)])]
    saving = publish(connection, changes, "wikidraft test", minor=False, force=False)
    first = next(saving)
    stop_wiki(own_wiki.folder)
    second, third = saving
    assert first.status is Status.CREATED
    assert second.status is Status.FAILED and second.detail.startswith("no answer")
    assert (third.status, third.detail) == (Status.FAILED, "not tried: the wiki stopped answering")
