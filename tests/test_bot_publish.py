"""The save step on its own, through the real wiki: {{nobots}} honoured, AfC templates kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.publish import Status, publish
from tests.botrun import draft, planned, pushed, unique
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text, reviewer


def test_nobots_page_is_not_edited_unless_forced(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    title = unique("Delta")
    kept = "{{nobots}}\nA reviewer's page that bots must leave alone."
    reviewer(local_wiki).edit(f"Draft:{title}", kept)
    draft(tmp_path, title)
    site, changes = planned(local_wiki, tmp_path, monkeypatch)
    (outcome,) = publish(site, changes, "wikidraft test", minor=False, force=False)
    assert outcome.status is Status.FAILED and "opts out of bots" in outcome.detail
    assert page_text(local_wiki, f"Draft:{title}")[1] == kept
    (forced,) = publish(site, changes, "wikidraft test", minor=False, force=True)
    assert forced.status is Status.UPDATED


def test_reviewer_templates_at_the_top_survive_an_update(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    title = unique("Theta")
    pushed(local_wiki, tmp_path, title, "Body text.\n")
    live = page_text(local_wiki, f"Draft:{title}")[1]
    afc = "{{AfC submission|d|nn|u=Someone}}"
    reviewer(local_wiki).edit(f"Draft:{title}", afc + "\n" + live)
    draft(tmp_path, title, "Body text, improved.\n")

    site, (change,) = planned(local_wiki, tmp_path, monkeypatch)
    assert change.status == "changed" and (change.added, change.removed) == (1, 1)
    assert "-Body text." in change.diff and "+Body text, improved." in change.diff
    assert f" {afc}" in change.diff  # kept: a context line, neither removed nor added

    (outcome,) = publish(site, [change], "wikidraft test", minor=False, force=False)
    assert outcome.status is Status.UPDATED
    text = page_text(local_wiki, f"Draft:{title}")[1]
    assert text.startswith(afc + "\n") and "Body text, improved." in text
