"""push --submit: {{subst:submit}} on top of the drafts, only when asked, never twice, never on
a page whose submission is pending; the local wiki's stand-in leaves a pending AfC submission."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.submit import pending
from tests.botrun import draft, pushed, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text, reviewer


@pytest.mark.parametrize(
    ("text", "waiting"),
    [
        ("{{AfC submission|||ts=20260101000000|u=X|ns=118}}\nText", True),
        ("{{AfC submission|r|ts=20260101000000|u=X|ns=118}}\nText", True),
        ("{{AfC submission|d|nn|u=X}}\nText", False),
        ("{{AfC submission|t||u=X}}\nText", False),
        ("{{subst:submit}}\nText", True),
        ("Text", False),
    ],
)
def test_a_pending_submission_is_recognised(text: str, waiting: bool) -> None:
    assert pending(text) is waiting


def test_push_submit_submits_once(local_wiki: LocalWiki, tmp_path: Path) -> None:
    title = unique("Submit")
    config = write_config(tmp_path, local_wiki)
    path = draft(tmp_path, title)
    first = wikidraft(config, "push", "--yes", "--submit", str(path))
    assert first.returncode == 0, first.stderr
    _, text = page_text(local_wiki, f"Draft:{title}")
    top, _, rest = text.partition("\n")
    assert top.startswith("{{AfC submission|||ts=") and "|u=Admin|ns=118}}" in top
    assert rest.startswith("A fact.")

    path.write_text(f"# {title}\n\nA changed fact.[^1]\n\n[^1]: A source.\n", encoding="utf-8")
    again = wikidraft(config, "push", "--yes", "--submit", str(path))
    assert again.returncode == 0, again.stderr
    _, text = page_text(local_wiki, f"Draft:{title}")
    assert text.count("AfC submission") == 1 and "A changed fact." in text


def test_push_without_submit_adds_nothing(local_wiki: LocalWiki, tmp_path: Path) -> None:
    title = unique("No submit")
    pushed(local_wiki, tmp_path, title, "A fact.\n")
    assert "AfC" not in page_text(local_wiki, f"Draft:{title}")[1]


def test_a_declined_draft_is_submitted_again_a_pending_one_is_not(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    declined, waiting = unique("Declined"), unique("Waiting")
    config, _ = pushed(local_wiki, tmp_path, declined, "A fact.\n")
    pushed(local_wiki, tmp_path, waiting, "A fact.\n")
    account = reviewer(local_wiki)
    for title, status in ((declined, "d"), (waiting, "")):
        _, text = page_text(local_wiki, f"Draft:{title}")
        account.edit(f"Draft:{title}", f"{{{{AfC submission|{status}||u=Admin|ns=118}}}}\n{text}")
    paths = [str(tmp_path / (t.lower().replace(" ", "-") + ".md")) for t in (declined, waiting)]
    result = wikidraft(config, "push", "--yes", "--force", "--submit", *paths)
    assert result.returncode == 0, result.stderr
    assert page_text(local_wiki, f"Draft:{declined}")[1].count("{{AfC submission|||ts=") == 1
    assert "{{AfC submission|||ts=" not in page_text(local_wiki, f"Draft:{waiting}")[1]
