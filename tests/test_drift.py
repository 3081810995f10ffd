"""Drift across runs: edits on the wiki since our last push are named, shown, never overwritten."""

from __future__ import annotations

from pathlib import Path

from tests.botrun import draft, ledger, pushed, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import add_abuse_filter, admin, page_text, reviewer


def test_edit_by_someone_else_is_named_shown_and_refused_unless_forced(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    edited, other = unique("Drift edited"), unique("Drift other")
    config, path = pushed(local_wiki, tmp_path, edited, "Our first text.\n")
    _, other_path = pushed(local_wiki, tmp_path, other, "Other text.\n")
    ours = ledger(tmp_path)[f"Draft:{edited}"]["revid"]
    live, text = page_text(local_wiki, f"Draft:{edited}")
    assert live == ours
    theirs = reviewer(local_wiki).edit(f"Draft:{edited}", text + "\n\nA reviewer's sentence.")
    draft(tmp_path, edited, "Our second text.\n")
    draft(tmp_path, other, "Other text, changed.\n")

    diff = wikidraft(config, "diff", str(path), str(other_path))
    notice = (
        f"Draft:{edited}: edited on the wiki by Reviewer since your last push "
        f"(rev {ours} -> rev {theirs})"
    )
    assert diff.returncode == 1 and notice in diff.stdout
    assert "+A reviewer's sentence." in diff.stdout  # what they changed

    push = wikidraft(config, "push", "--yes", str(path), str(other_path))
    assert push.returncode == 1, push.stdout + push.stderr
    assert notice in push.stdout and "1 updated" in push.stdout and "1 failed" in push.stdout
    assert page_text(local_wiki, f"Draft:{edited}")[1].endswith("A reviewer's sentence.")
    assert ledger(tmp_path)[f"Draft:{edited}"]["revid"] == ours  # still our last save

    forced = wikidraft(config, "push", "--yes", "--force", str(path))
    assert forced.returncode == 0, forced.stdout + forced.stderr
    revid, text = page_text(local_wiki, f"Draft:{edited}")
    assert "Our second text." in text and ledger(tmp_path)[f"Draft:{edited}"]["revid"] == revid


def test_page_never_pushed_from_here_is_refused_unless_forced(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    title = unique("Drift foreign")
    reviewer(local_wiki).edit(f"Draft:{title}", "Someone else's draft.")
    config = write_config(tmp_path, local_wiki)
    path = draft(tmp_path, title, "Our text.\n")

    push = wikidraft(config, "push", "--yes", str(path))
    assert push.returncode == 1
    assert "exists on the wiki but was never pushed from here, last edited by Reviewer" in (
        push.stdout
    )
    assert page_text(local_wiki, f"Draft:{title}")[1] == "Someone else's draft."
    assert not (tmp_path / ".wikidraft" / "ledger.json").exists()  # nothing saved, nothing noted

    assert wikidraft(config, "push", "--yes", "--force", str(path)).returncode == 0
    assert "Our text." in page_text(local_wiki, f"Draft:{title}")[1]


def test_page_deleted_since_our_push_is_not_recreated_unless_forced(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    title = unique("Drift deleted")
    config, path = pushed(local_wiki, tmp_path, title, "Text.\n")
    ours = ledger(tmp_path)[f"Draft:{title}"]["revid"]
    admin(local_wiki).delete(f"Draft:{title}")

    push = wikidraft(config, "push", "--yes", str(path))
    assert push.returncode == 1
    assert f"deleted on the wiki since your last push (rev {ours})" in push.stdout
    assert page_text(local_wiki, f"Draft:{title}") is None

    assert wikidraft(config, "push", "--yes", "--force", str(path)).returncode == 0
    assert page_text(local_wiki, f"Draft:{title}") is not None


def test_reviewer_template_added_on_top_is_not_drift(local_wiki: LocalWiki, tmp_path: Path) -> None:
    title = unique("Drift afc")
    config, path = pushed(local_wiki, tmp_path, title, "Text.\n")
    _, text = page_text(local_wiki, f"Draft:{title}")
    reviewer(local_wiki).edit(f"Draft:{title}", "{{AfC submission|d|nn}}\n" + text)
    draft(tmp_path, title, "Better text.\n")

    push = wikidraft(config, "push", "--yes", str(path))
    assert push.returncode == 0, push.stdout + push.stderr
    assert "since your last push" not in push.stdout
    _, text = page_text(local_wiki, f"Draft:{title}")
    assert text.startswith("{{AfC submission|d|nn}}") and "Better text." in text


def test_protection_or_a_null_revision_is_not_drift(local_wiki: LocalWiki, tmp_path: Path) -> None:
    title = unique("Drift null")
    config, path = pushed(local_wiki, tmp_path, title, "Text.\n")
    ours = ledger(tmp_path)[f"Draft:{title}"]["revid"]
    admin(local_wiki).protect(f"Draft:{title}")  # adds a revision with the same text
    assert page_text(local_wiki, f"Draft:{title}")[0] != ours
    draft(tmp_path, title, "Changed text.\n")
    diff = wikidraft(config, "diff", str(path))
    assert diff.returncode == 1 and "since your last push" not in diff.stdout


def test_refused_saves_leave_no_ledger_entry(local_wiki: LocalWiki, tmp_path: Path) -> None:
    phrase = unique("zqledgerblock").replace(" ", "")
    add_abuse_filter(local_wiki, phrase)
    refused, saved = unique("Drift refused"), unique("Drift saved")
    paths = [str(draft(tmp_path, refused, f"Has {phrase}.\n")), str(draft(tmp_path, saved))]
    push = wikidraft(write_config(tmp_path, local_wiki), "push", "--yes", *paths)
    assert push.returncode == 1 and "abusefilter-disallowed" in push.stdout
    assert set(ledger(tmp_path)) == {f"Draft:{saved}"}
