"""diff says what push would refuse, in the same words, as text and as JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.botrun import draft, pushed, unique, wikidraft
from tests.localwiki import LocalWiki
from tests.wikiadmin import admin, page_text, reviewer


def test_diff_reports_every_refusal_of_push_with_the_same_words(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    edited, foreign, deleted = unique("Say edited"), unique("Say foreign"), unique("Say deleted")
    config, edited_path = pushed(local_wiki, tmp_path, edited, "Ours.\n")
    _, deleted_path = pushed(local_wiki, tmp_path, deleted, "Ours.\n")
    _, text = page_text(local_wiki, f"Draft:{edited}")
    reviewer(local_wiki).edit(f"Draft:{edited}", text + "\n\nTheirs.")
    reviewer(local_wiki).edit(f"Draft:{foreign}", "Someone else's page.")
    admin(local_wiki).delete(f"Draft:{deleted}")
    draft(tmp_path, edited, "Ours, changed.\n")
    paths = [str(edited_path), str(draft(tmp_path, foreign)), str(deleted_path)]

    text_diff = wikidraft(config, "diff", *paths)
    json_diff = wikidraft(config, "diff", "--format", "json", *paths)
    push = wikidraft(config, "push", "--yes", *paths)

    # push's words, per page, from its table: "failed  Draft:X  -  (refused: <why>)"
    refused = dict(re.findall(r"^failed +(Draft:.+?) +- +\(refused: (.+)\)$", push.stdout, re.M))
    assert push.returncode == 1 and len(refused) == 3, push.stdout
    assert "edited on the wiki by Reviewer since your last push" in refused[f"Draft:{edited}"]
    assert "never pushed from here" in refused[f"Draft:{foreign}"]
    assert "deleted on the wiki since your last push" in refused[f"Draft:{deleted}"]
    assert text_diff.returncode == json_diff.returncode == 1, text_diff.stdout + text_diff.stderr
    for title, why in refused.items():
        assert re.search(rf"^refused +{re.escape(title)} \(.+\): {re.escape(why)}$",
                         text_diff.stdout, re.M), text_diff.stdout  # fmt: skip
    document = json.loads(json_diff.stdout)
    said = {page["title"]: (page["status"], page["refused"]) for page in document["pages"]}
    assert said == {title: ("refused", why) for title, why in refused.items()}
