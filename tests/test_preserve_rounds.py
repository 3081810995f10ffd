"""Reviewer templates kept at the top are never drift, in any round of push and review."""

from __future__ import annotations

from pathlib import Path

from tests.botrun import draft, pushed, unique, wikidraft
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text, reviewer

# What a reviewer does at the top of a draft, one round after another.
REVIEWS = [
    lambda text: "{{AfC submission|d|nn}}\n" + text,
    lambda text: "{{AfC comment|1=Needs a second source.}}\n" + text,
    lambda text: text.replace("{{AfC submission|d|nn}}", "{{AfC submission|d|v}}"),
]


def test_reviewer_templates_are_not_drift_in_any_round(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    title = unique("Rounds")
    page = f"Draft:{title}"
    config, path = pushed(local_wiki, tmp_path, title, "Text 0.\n")
    for number, review in enumerate(REVIEWS, start=1):
        _, live = page_text(local_wiki, page)
        reviewed = review(live)
        reviewer(local_wiki).edit(page, reviewed)
        draft(tmp_path, title, f"Text {number}.\n")
        push = wikidraft(config, "push", "--yes", str(path))
        assert push.returncode == 0, f"round {number}: {push.stdout}{push.stderr}"
        assert "since your last push" not in push.stdout
        _, text = page_text(local_wiki, page)
        templates = reviewed[: reviewed.index("Text ")]
        assert text.startswith(templates + f"Text {number}."), f"round {number}: {text!r}"
