"""push and diff against the real local wiki: create, compare, skip, refuse, report."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from tests.botrun import draft, pushed, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import admin, page_text, revision_count


def rendered(wiki: LocalWiki, title: str) -> str:
    """The HTML the wiki renders for the saved page."""
    query = {"action": "parse", "page": title, "prop": "text", "format": "json"}
    return requests.get(wiki.api, params={**query, "formatversion": 2}, timeout=60).json()["parse"][
        "text"
    ]


def test_push_creates_rendered_pages_then_diff_is_clean_and_push_again_saves_nothing(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    titles = [unique("Alpha"), unique("Beta")]
    paths = [str(draft(tmp_path, title)) for title in titles]

    before = wikidraft(config, "diff", *paths)
    assert before.returncode == 1, before.stderr
    assert all(f"new        Draft:{title}" in before.stdout for title in titles)

    result = wikidraft(config, "push", "--yes", *paths)
    assert result.returncode == 0, result.stderr
    assert "2 created, 0 updated, 0 unchanged, 0 conflicted, 0 failed" in result.stdout
    for title in titles:
        assert f"/index.php/Draft:{title.replace(' ', '_')}" in result.stdout
        html = rendered(local_wiki, f"Draft:{title}")
        assert 'class="references"' in html and "A source." in html
        assert "mw-ext-cite-error" not in html and "Cite error" not in html

    after = wikidraft(config, "diff", *paths)
    assert after.returncode == 0, after.stdout + after.stderr
    assert all(f"unchanged  Draft:{title}" in after.stdout for title in titles)

    revisions = [revision_count(local_wiki, f"Draft:{title}") for title in titles]
    again = wikidraft(config, "push", "--yes", *paths)
    assert again.returncode == 0, again.stderr
    assert "0 created, 0 updated, 2 unchanged" in again.stdout
    assert [revision_count(local_wiki, f"Draft:{title}") for title in titles] == revisions
    for path in (tmp_path / "state").rglob("*"):  # pywikibot's cookies and caches
        assert not path.is_file() or local_wiki.password.encode() not in path.read_bytes()


def test_changed_draft_updates_the_page_and_diff_counts_lines(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    title = unique("Gamma")
    config, path = pushed(local_wiki, tmp_path, title, "First line.\n")
    draft(tmp_path, title, "First line.\n\nA new second paragraph.\n")

    diff = wikidraft(config, "diff", "--format", "json", str(path))
    assert diff.returncode == 1
    (page,) = json.loads(diff.stdout)["pages"]
    assert (page["status"], page["added"], page["removed"]) == ("changed", 2, 0)
    assert "+A new second paragraph." in page["diff"]

    result = wikidraft(config, "push", "--yes", str(path))
    assert result.returncode == 0 and "0 created, 1 updated" in result.stdout
    assert page_text(local_wiki, f"Draft:{title}")[1].endswith("A new second paragraph.")


def test_protected_page_is_reported_and_the_batch_goes_on(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    locked, free = unique("Epsilon"), unique("Zeta")
    config, path = pushed(local_wiki, tmp_path, locked, "Protected text.\n")
    admin(local_wiki).protect(f"Draft:{locked}")
    draft(tmp_path, locked, "Text the bot may no longer save.\n")
    result = wikidraft(config, "push", "--yes", str(path), str(draft(tmp_path, free)))
    assert result.returncode == 1, result.stderr
    assert "protectedpage" in result.stdout and "1 created" in result.stdout
    assert "1 failed" in result.stdout
    assert page_text(local_wiki, f"Draft:{locked}")[1] == "Protected text."
    assert page_text(local_wiki, f"Draft:{free}") is not None


def test_titles_outside_the_namespace_are_refused(local_wiki: LocalWiki, tmp_path: Path) -> None:
    config = write_config(tmp_path, local_wiki)
    name = unique("Eta")
    hostile = {
        "user.md": f"---\ntitle: User:{name}\n---\n# Heading\n\nText.\n",  # another namespace
        "talk.md": f"# Talk:{name}\n\nText.\n",
        "special.md": f"# Special:{name}\n\nText.\n",
        "interwiki.md": f"# wikipedia:{name}\n\nText.\n",
        "lookalike.md": f"# Talk\uff1a{name}\n\nText.\n",
        "dots.md": "# ../../etc/passwd\n\nText.\n",
    }
    for file, text in hostile.items():
        (tmp_path / file).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / file) for file in hostile]

    diff = wikidraft(config, "diff", *paths)
    assert diff.returncode == 2
    assert diff.stdout.count("refused") == len(hostile), diff.stdout

    result = wikidraft(config, "push", "--yes", *paths)
    assert result.returncode == 1
    assert f"0 created, 0 updated, 0 unchanged, 0 conflicted, {len(hostile)} failed" in (
        result.stdout
    )
    for title in (f"User:{name}", f"Talk:{name}", f"Draft:Talk:{name}", f"Draft:{name}"):
        assert page_text(local_wiki, title) is None


def test_push_without_a_terminal_needs_yes(local_wiki: LocalWiki, tmp_path: Path) -> None:
    config = write_config(tmp_path, local_wiki)
    title = unique("Iota")
    result = wikidraft(config, "push", str(draft(tmp_path, title)))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "--yes" in result.stderr
    assert page_text(local_wiki, f"Draft:{title}") is None
