"""The read-back after a lost save is part of that save: its failure is the page's outcome."""

from __future__ import annotations

from pathlib import Path

from tests.botrun import draft, recorded, unique, wikidraft, write_config
from tests.faultproxy import Fault, FaultProxy
from tests.localwiki import LocalWiki
from tests.wikiadmin import revision_count


def test_network_failure_while_reading_a_lost_save_back_fails_that_page_and_stops(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    titles = [unique("Read back first"), unique("Read back second")]
    paths = [str(draft(tmp_path, title)) for title in titles]
    with FaultProxy(local_wiki.api) as proxy:
        config = write_config(tmp_path, local_wiki, api=proxy.api)
        # The first save is made but its answer lost; pywikibot's retry meets the page
        # ("articleexists"), and from then on the wiki answers no query: the read-back fails.
        down = Fault("status", status=500, times=20, action="query")
        proxy.inject(Fault("lost_response", action="edit"))
        proxy.inject(Fault("hook", action="edit", hook=lambda: proxy.inject(down)))
        push = wikidraft(config, "push", "--yes", *paths)
        assert push.returncode == 1, push.stdout + push.stderr
        assert "Traceback" not in push.stderr, push.stderr
        first, second = push.stdout.splitlines()[:2]
        assert first.startswith(f"failed      Draft:{titles[0]}") and "no answer" in first
        assert second.startswith("failed") and "not tried: the wiki stopped answering" in second
        assert [revision_count(local_wiki, f"Draft:{title}") for title in titles] == [1, 0]
        assert recorded(tmp_path) == {}  # nothing confirmed, nothing recorded

        # The wiki answers again: the unconfirmed page holds what was sent, so it is ours.
        proxy.clear()
        draft(tmp_path, titles[0], "Changed meanwhile.\n")
        rerun = wikidraft(config, "push", "--yes", *paths)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "1 created, 1 updated" in rerun.stdout
