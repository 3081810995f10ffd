"""diff asks the wiki about the drafts' links and subjects: red links, redirects, disambiguation
pages, and an article on the same subject (WP:AFCDUP), each a warning at the draft's line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import config as configuration
from tests.botrun import draft, planned, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import admin


def test_diff_reports_what_the_wiki_has_for_links_and_subject(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    key = unique("Links").split()[-1]
    article, redirect, ambiguous, red = (f"{name} {key}" for name in ("Gene", "Genes", "Mer", "No"))
    account = admin(local_wiki)
    account.edit(article, f"'''{article}''' is a topic.")
    account.edit(redirect, f"#REDIRECT [[{article}#History]]")
    account.edit(ambiguous, f"'''{ambiguous}''' may mean:\n* [[{article}]]\n{{{{disambiguation}}}}")
    body = (
        f"**{article}** is studied here.[^1]\n\n"
        f"## See also\n\n* {redirect}\n* {ambiguous}\n* {red}\n* {article}\n\n[^1]: A source.\n"
    )
    path = draft(tmp_path, f"Study of {key}", body)
    config = write_config(tmp_path, local_wiki)

    result = wikidraft(config, "diff", "--json", str(path))

    assert result.returncode == 1, result.stderr
    (page,) = json.loads(result.stdout)["pages"]
    found = {(f["kind"], f["title"], f["line"], f["target"]) for f in page["findings"]}
    assert found == {
        ("redirect", redirect, 7, f"{article}#History"),
        ("disambiguation", ambiguous, 8, None),
        ("red link", red, 9, None),
        ("exists", article, 3, None),  # the bold-lead subject, where it is bold
    }
    assert f"{path}:9: warning: [[{red}]] is a red link" in result.stderr
    assert f"{path}:3: warning: the wiki already has [[{article}]]" in result.stderr
    assert "WP:AFCDUP" in result.stderr


def test_a_draft_titled_like_an_article_is_named(local_wiki: LocalWiki, tmp_path: Path) -> None:
    title = unique("Existing")
    admin(local_wiki).edit(title, "An article.")
    config = write_config(tmp_path, local_wiki)
    result = wikidraft(config, "diff", str(draft(tmp_path, title)))
    assert result.returncode == 1
    assert f":1: warning: the wiki already has [[{title}]]" in result.stderr


def test_findings_are_at_the_lines_of_the_text_that_was_converted(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.commands.common import review

    reds = {since: unique("Nowhere") for since in ("changed", "deleted")}
    paths = {
        since: draft(tmp_path, unique(f"Read once {since}"), f"A fact.\n\n## See also\n\n* {red}\n")
        for since, red in reds.items()
    }
    site, changes = planned(local_wiki, tmp_path, monkeypatch)
    # The files change between their conversion and the questions: the findings must still be
    # about the text converted (read once), not another text read later, nor fail.
    moved = f"# Other\n\n* {reds['changed']}\n"  # the link on line 3
    paths["changed"].write_text(moved, encoding="utf-8")
    paths["deleted"].unlink()
    config = configuration.load(str(tmp_path / "wikidraft.toml"))

    findings = review(site, config, changes)

    found = {(finding.kind, finding.title, finding.line) for finding in findings}
    assert found == {("red link", red, 7) for red in reds.values()}
