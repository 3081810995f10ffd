"""An edit by someone else between the fetch and the save is a conflict: reported, never lost.

The test drives the library step by step through the real wiki: plan (fetch), then Reviewer
edits over the API, then publish (save) against the revision that was fetched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.publish import Outcome, Status, publish
from tests.botrun import draft, planned, pushed, unique
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text, reviewer


def fetch_edit_save(
    wiki: LocalWiki, folder: Path, title: str, their_text: str, monkeypatch: pytest.MonkeyPatch
) -> Outcome:
    """Fetch the page for the draft in folder, let Reviewer save their_text, then save ours."""
    connection, changes = planned(wiki, folder, monkeypatch)
    assert [change.status for change in changes] in (["new"], ["changed"])
    reviewer(wiki).edit(f"Draft:{title}", their_text)
    (outcome,) = publish(connection, changes, "wikidraft test", minor=False, force=False)
    return outcome


def test_overlapping_edit_in_between_is_a_conflict_and_theirs_stays(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    title = unique("Conflict")
    pushed(local_wiki, tmp_path, title, "Line one.\n\nLine two.\n")
    live = page_text(local_wiki, f"Draft:{title}")[1]
    draft(tmp_path, title, "Line one, ours.\n\nLine two.\n")
    theirs = live.replace("Line one.", "Line one, theirs.")
    outcome = fetch_edit_save(local_wiki, tmp_path, title, theirs, monkeypatch)
    assert outcome.status is Status.CONFLICTED and "editconflict" in outcome.detail
    assert page_text(local_wiki, f"Draft:{title}")[1] == theirs


def test_edit_elsewhere_in_between_is_still_reported_as_a_conflict(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    title = unique("Merged")
    body = "".join(f"Paragraph {n}.\n\n" for n in range(12))
    pushed(local_wiki, tmp_path, title, body)
    live = page_text(local_wiki, f"Draft:{title}")[1]
    draft(tmp_path, title, body.replace("Paragraph 11.", "Paragraph 11, ours."))
    theirs = live.replace("Paragraph 0.", "Paragraph 0, theirs.")
    outcome = fetch_edit_save(local_wiki, tmp_path, title, theirs, monkeypatch)
    # MediaWiki merges edits that touch different lines; the save is then not what was compared.
    assert outcome.status is Status.CONFLICTED and "made since the diff" in outcome.detail
    assert "Paragraph 0, theirs." in page_text(local_wiki, f"Draft:{title}")[1]


def test_page_created_in_between_is_a_conflict_and_not_overwritten(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    title = unique("Created")
    draft(tmp_path, title)
    outcome = fetch_edit_save(local_wiki, tmp_path, title, "Reviewer was first.", monkeypatch)
    assert outcome.status is Status.CONFLICTED and "articleexists" in outcome.detail
    assert page_text(local_wiki, f"Draft:{title}")[1] == "Reviewer was first."


def test_edit_in_the_same_second_as_the_base_revision_is_still_a_conflict(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MediaWiki's self-conflict check compares revision timestamps to the second: with
    # basetimestamp, someone else's edit in the same second as the base revision was overwritten
    # silently. Give Reviewer's revision the base revision's timestamp to make that race certain.
    title = unique("Same second")
    pushed(local_wiki, tmp_path, title, "Line one.\n\nLine two.\n")
    draft(tmp_path, title, "Line one, ours.\n\nLine two.\n")
    site, changes = planned(local_wiki, tmp_path, monkeypatch)
    base = changes[0].item.revid
    theirs = "Line one, theirs.\n\nLine two."
    mine = reviewer(local_wiki).edit(f"Draft:{title}", theirs)
    with sqlite3.connect(local_wiki.folder / "data" / "wikidraft.sqlite") as database:
        database.execute(
            "UPDATE revision SET rev_timestamp = (SELECT rev_timestamp FROM revision"
            " WHERE rev_id = ?) WHERE rev_id = ?",
            (base, mine),
        )
    (outcome,) = publish(site, changes, "wikidraft test", minor=False, force=False)
    assert outcome.status is Status.CONFLICTED
    assert page_text(local_wiki, f"Draft:{title}")[1] == theirs
