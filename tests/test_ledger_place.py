"""One ledger per project, beside the config file: whichever drafts a push names, from anywhere."""

from __future__ import annotations

import json
from pathlib import Path

from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text

LEDGER = Path(".wikidraft") / "ledger.json"


def pages(ledger: Path) -> dict[str, int]:
    """Title -> revision id in the ledger file at ledger."""
    wikis = json.loads(ledger.read_text(encoding="utf-8"))["wikis"]
    return {title: entry["revid"] for pages in wikis.values() for title, entry in pages.items()}


def test_pushing_more_drafts_from_elsewhere_keeps_using_the_same_ledger(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "other").mkdir()
    config = write_config(tmp_path, local_wiki)
    a, b = unique("Place a"), unique("Place b")
    path_a = draft(tmp_path / "drafts", a, "First.\n")
    path_b = draft(tmp_path / "other", b, "Other.\n")
    assert wikidraft(config, "push", "--yes", str(path_a)).returncode == 0
    draft(tmp_path / "drafts", a, "Second.\n")
    push = wikidraft(config, "push", "--yes", str(path_a), str(path_b))
    assert push.returncode == 0, push.stdout + push.stderr
    assert "1 created, 1 updated" in push.stdout
    assert set(pages(tmp_path / LEDGER)) == {f"Draft:{a}", f"Draft:{b}"}
    assert not (tmp_path / "drafts" / LEDGER).exists()


def test_ledger_next_to_the_drafts_is_moved_beside_the_config_once(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    (tmp_path / "drafts").mkdir()
    config = write_config(tmp_path, local_wiki)
    title = unique("Migrated")
    path = draft(tmp_path / "drafts", title, "First.\n")
    assert wikidraft(config, "push", "--yes", str(path)).returncode == 0
    # Where wikidraft used to keep it: in the drafts' common folder.
    old = tmp_path / "drafts" / LEDGER
    if not old.exists():
        old.parent.mkdir()
        (tmp_path / LEDGER).rename(old)
    draft(tmp_path / "drafts", title, "Second.\n")

    push = wikidraft(config, "push", "--yes", str(path))
    assert push.returncode == 0, push.stdout + push.stderr
    assert f"moved the ledger {old} into {tmp_path / LEDGER}" in push.stderr
    assert pages(tmp_path / LEDGER) == {
        f"Draft:{title}": page_text(local_wiki, f"Draft:{title}")[0]
    }
    assert not old.exists() and old.with_name("ledger.json.migrated").exists()
    again = wikidraft(config, "push", "--yes", str(path))
    assert "moved the ledger" not in again.stderr and "1 unchanged" in again.stdout


def test_unwritable_ledger_is_one_line_before_any_save(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    title = unique("Unwritable")
    path = draft(tmp_path, title)
    # A folder where the ledger's lock file must go: no writing there, even as root.
    (tmp_path / ".wikidraft" / "ledger.lock").mkdir(parents=True)
    push = wikidraft(config, "push", "--yes", str(path))
    assert push.returncode == 2, push.stdout + push.stderr
    assert push.stderr.startswith("wikidraft: error: cannot write the ledger ")
    assert len(push.stderr.splitlines()) == 1 and "Traceback" not in push.stderr
    assert page_text(local_wiki, f"Draft:{title}") is None  # nothing saved
