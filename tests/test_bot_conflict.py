"""An edit by someone else between the fetch and the save is a conflict: reported, never lost.

The test drives the library step by step through the real wiki: plan (fetch), then Reviewer
edits over the API, then publish (save) against the revision that was fetched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import config as configuration
from bot import plan, site
from bot.compare import compare
from bot.publish import Outcome, Status, publish
from tests.botrun import draft, pushed, unique, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text, reviewer


def fetch_edit_save(wiki: LocalWiki, folder: Path, title: str, their_text: str) -> Outcome:
    """Fetch the page for the draft in folder, let Reviewer save their_text, then save ours."""
    config = configuration.load(str(write_config(folder, wiki)))
    connection = site.connect(config, login=True)
    changes = [compare(item) for item in plan.build(connection, config, [str(folder)])]
    assert [change.status for change in changes] in (["new"], ["changed"])
    reviewer(wiki).edit(f"Draft:{title}", their_text)
    (outcome,) = publish(connection, changes, "wikidraft test", minor=False, force=False)
    return outcome


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """pywikibot's state for in-process runs goes under tmp_path."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path


def test_overlapping_edit_in_between_is_a_conflict_and_theirs_stays(
    local_wiki: LocalWiki, state: Path
) -> None:
    title = unique("Conflict")
    pushed(local_wiki, state, title, "Line one.\n\nLine two.\n")
    live = page_text(local_wiki, f"Draft:{title}")[1]
    draft(state, title, "Line one, ours.\n\nLine two.\n")
    theirs = live.replace("Line one.", "Line one, theirs.")
    outcome = fetch_edit_save(local_wiki, state, title, theirs)
    assert outcome.status is Status.CONFLICTED and "editconflict" in outcome.detail
    assert page_text(local_wiki, f"Draft:{title}")[1] == theirs


def test_edit_elsewhere_in_between_is_still_reported_as_a_conflict(
    local_wiki: LocalWiki, state: Path
) -> None:
    title = unique("Merged")
    body = "".join(f"Paragraph {n}.\n\n" for n in range(12))
    pushed(local_wiki, state, title, body)
    live = page_text(local_wiki, f"Draft:{title}")[1]
    draft(state, title, body.replace("Paragraph 11.", "Paragraph 11, ours."))
    theirs = live.replace("Paragraph 0.", "Paragraph 0, theirs.")
    outcome = fetch_edit_save(local_wiki, state, title, theirs)
    # MediaWiki merges edits that touch different lines; the save is then not what was compared.
    assert outcome.status is Status.CONFLICTED and "made since the diff" in outcome.detail
    assert "Paragraph 0, theirs." in page_text(local_wiki, f"Draft:{title}")[1]


def test_page_created_in_between_is_a_conflict_and_not_overwritten(
    local_wiki: LocalWiki, state: Path
) -> None:
    title = unique("Created")
    draft(state, title)
    outcome = fetch_edit_save(local_wiki, state, title, "Reviewer was first.")
    assert outcome.status is Status.CONFLICTED and "articleexists" in outcome.detail
    assert page_text(local_wiki, f"Draft:{title}")[1] == "Reviewer was first."
