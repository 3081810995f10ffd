"""A save MediaWiki merged with someone else's edit is not ours alone: the next push refuses.

Reviewer edits another paragraph while our save is on its way (a hook of the fault proxy runs
just before the save reaches the wiki), so MediaWiki merges the two edits. The ledger must not
pair that merged revision with our text, or the next plain push overwrites their paragraph.
"""

from __future__ import annotations

from pathlib import Path

from tests.botrun import draft, ledger, unique, wikidraft, write_config
from tests.faultproxy import Fault, FaultProxy
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text, reviewer


def test_merged_save_is_refused_as_drift_on_the_next_push(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    title = unique("Merged later")
    page = f"Draft:{title}"
    body = "".join(f"Paragraph {n}.\n\n" for n in range(12))

    def their_edit() -> None:
        _, live = page_text(local_wiki, page)
        reviewer(local_wiki).edit(page, live.replace("Paragraph 0.", "Paragraph 0, theirs."))

    with FaultProxy(local_wiki.api) as proxy:
        config = write_config(tmp_path, local_wiki, api=proxy.api)
        path = draft(tmp_path, title, body)
        assert wikidraft(config, "push", "--yes", str(path)).returncode == 0
        first = ledger(tmp_path)[page]["revid"]
        draft(tmp_path, title, body.replace("Paragraph 11.", "Paragraph 11, ours."))
        proxy.inject(Fault("hook", action="edit", hook=their_edit))
        merged = wikidraft(config, "push", "--yes", str(path))
        assert merged.returncode == 1 and merged.stdout.startswith("conflicted"), merged.stdout
        revid, text = page_text(local_wiki, page)
        assert "Paragraph 0, theirs." in text and "Paragraph 11, ours." in text  # merged
        assert ledger(tmp_path)[page]["revid"] == first  # not the merged revision

        again = wikidraft(config, "push", "--yes", str(path))
    assert again.returncode == 1, again.stdout + again.stderr
    assert f"{page}: edited on the wiki by Reviewer since your last push" in again.stdout
    assert f"-> rev {revid})" in again.stdout and "refused" in again.stdout
    assert page_text(local_wiki, page) == (revid, text)  # their paragraph is still there
