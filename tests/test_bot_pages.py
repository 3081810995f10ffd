"""Pages wikidraft must not make: empty ones, oversize ones, ones outside Draft or your sandbox.

Against the real local wiki: every refusal is decided when the push is planned, shown the
same by diff (text and JSON), and nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.plan import stored
from converters import convert
from converters.invisible import CONTROLS
from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import admin, page_text, revision_count, server_settings

ALLOWED = (
    'must be "Draft" (or the wiki\'s own name for namespace 118) or a subpage of your '
    'own user page, like "User:Admin/sandbox"'
)


def table_url(stdout: str, title: str) -> str:
    """The URL column of push's table line for title."""
    line = next(line for line in stdout.splitlines() if f"  {title}  " in line)
    return line.split(f"  {title}  ", 1)[1].split()[0]


def test_empty_drafts_are_refused_by_diff_and_push(local_wiki: LocalWiki, tmp_path: Path) -> None:
    config = write_config(tmp_path, local_wiki)
    titled, fronted, full = unique("Title only"), unique("Front only"), unique("Chi")
    (tmp_path / "fronted.md").write_text(f"---\ntitle: {fronted}\n---\n", encoding="utf-8")
    paths = [draft(tmp_path, titled, ""), tmp_path / "fronted.md", draft(tmp_path, full)]
    arguments = [str(path) for path in paths]

    alone = wikidraft(config, "diff", arguments[0])
    assert alone.returncode == 1, alone.stderr  # a refused page, not trouble (2)
    diff = wikidraft(config, "diff", *arguments)
    assert diff.returncode == 1, diff.stderr
    for title, path in ((titled, paths[0]), (fronted, paths[1])):
        assert f"refused    Draft:{title} ({path}): empty draft" in diff.stdout
    assert f"new        Draft:{full}" in diff.stdout
    as_json = wikidraft(config, "diff", "--format", "json", *arguments)
    assert as_json.returncode == 1
    pages = {page["title"]: page for page in json.loads(as_json.stdout)["pages"]}
    assert pages[f"Draft:{titled}"]["status"] == "refused"
    assert pages[f"Draft:{titled}"]["refused"].startswith("empty draft")

    push = wikidraft(config, "push", "--yes", *arguments)
    assert push.returncode == 1, push.stderr
    assert "1 created, 0 updated, 0 unchanged, 0 conflicted, 2 failed" in push.stdout
    assert table_url(push.stdout, f"Draft:{titled}") == "-"
    assert page_text(local_wiki, f"Draft:{titled}") is None
    assert page_text(local_wiki, f"Draft:{fronted}") is None


def test_a_page_over_the_wikis_size_limit_is_refused_before_any_write(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    fits, over = unique("Size fits"), unique("Size over")
    # 1 kB = 1024 bytes of UTF-8 to MediaWiki: 512 two-byte letters fit, one more letter not.
    bodies = {fits: "é" * 512 + "\n", over: "é" * 512 + "a\n"}
    paths = [str(draft(tmp_path, title, body)) for title, body in bodies.items()]
    sizes = [
        len(stored(convert(Path(p).read_text(), source_name=p).wikitext).encode()) for p in paths
    ]
    assert sizes == [1024, 1025]
    with server_settings(local_wiki, "pagesize.php", "<?php\n$wgMaxArticleSize = 1;\n"):
        # MediaWiki's own boundary, which wikidraft's check must match.
        account = admin(local_wiki)
        account.edit(f"Draft:{unique('Size fits')}", "é" * 512)
        with pytest.raises(RuntimeError, match="contenttoobig"):
            account.edit(f"Draft:{unique('Size over')}", "é" * 512 + "a")

        config = write_config(tmp_path, local_wiki)
        diff = wikidraft(config, "diff", *paths)
        assert diff.returncode == 1, diff.stderr
        assert f"new        Draft:{fits}" in diff.stdout
        assert (
            f"refused    Draft:{over} ({paths[1]}): the page would be 1,025 bytes (1.001 kB), over "
            "the wiki's page size limit of 1,024 bytes (1 kB)"
        ) in diff.stdout

        push = wikidraft(config, "push", "--yes", *paths)
    assert push.returncode == 1, push.stderr
    assert "1 created, 0 updated, 0 unchanged, 0 conflicted, 1 failed" in push.stdout
    assert table_url(push.stdout, f"Draft:{over}") == "-"
    assert table_url(push.stdout, f"Draft:{fits}").endswith(f"Draft:{fits.replace(' ', '_')}")
    assert revision_count(local_wiki, f"Draft:{over}") == 0


def test_a_size_limit_lowered_since_the_last_run_counts_at_once(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    title = unique("Size lowered")
    path = str(draft(tmp_path, title, "é" * 512 + "a\n"))  # 1,025 bytes, as above
    config = write_config(tmp_path, local_wiki)
    state = tmp_path / "state"
    before = wikidraft(config, "diff", path, state=state)  # caches pywikibot's site info
    assert f"new        Draft:{title}" in before.stdout, before.stderr
    with server_settings(local_wiki, "pagesize.php", "<?php\n$wgMaxArticleSize = 1;\n"):
        after = wikidraft(config, "diff", path, state=state)
    assert after.returncode == 1, after.stderr
    assert f"refused    Draft:{title} ({path}): the page would be 1,025 bytes" in after.stdout


@pytest.mark.parametrize(
    "namespace",
    ["", "Main", "Template", "MediaWiki", "User", "Draft talk", "Talk:Admin/x", "User:Reviewer/x"],
)
def test_namespace_must_be_draft_or_your_own_sandbox(
    local_wiki: LocalWiki, tmp_path: Path, namespace: str
) -> None:
    title = unique("Psi")
    config = write_config(tmp_path, local_wiki, namespace=namespace)
    result = wikidraft(config, "push", "--yes", str(draft(tmp_path, title)))
    assert result.returncode == 2, result.stdout
    assert result.stderr.count("\n") == 1 and ALLOWED in result.stderr
    for where in (title, f"{namespace}:{title}", f"{namespace}/{title}", f"Draft:{title}"):
        assert page_text(local_wiki, where) is None, where


def test_a_sandbox_under_your_own_user_page_holds_the_drafts(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    title = unique("Omega")
    config = write_config(tmp_path, local_wiki, namespace="User:Admin/sandbox")
    path = str(draft(tmp_path, title, "A fact.\n"))
    (tmp_path / "categorised.md").write_text(
        f"---\ntitle: {title} 2\ncategories: [Stars]\n---\nText.\n", encoding="utf-8"
    )
    result = wikidraft(config, "push", "--yes", path, str(tmp_path / "categorised.md"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert page_text(local_wiki, f"User:Admin/sandbox/{title}")[1] == "A fact."
    # User space is not the encyclopedia: its categories stay disabled, as in Draft.
    assert "[[:Category:Stars]]" in page_text(local_wiki, f"User:Admin/sandbox/{title} 2")[1]
    again = wikidraft(config, "diff", path)
    assert again.returncode == 0 and f"unchanged  User:Admin/sandbox/{title}" in again.stdout


def test_mediawiki_replaces_exactly_the_controls_convert_removes(local_wiki: LocalWiki) -> None:
    title = f"Draft:{unique('Controls')}"
    codes = [*range(1, 0x20), 0x7F, 0x85, 0xFEFF, 0xFFFE, 0xFFFF]
    admin(local_wiki).edit(title, "".join(f"<{code}{chr(code)}>" for code in codes))
    saved = page_text(local_wiki, title)[1]
    replaced = {code for code in codes if f"<{code}\ufffd>" in saved}
    assert replaced == {code for code in codes if CONTROLS.fullmatch(chr(code))}


def test_a_draft_with_a_control_character_is_unchanged_after_its_push(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    path = str(draft(tmp_path, unique("Bell"), "It rings\x07 once.\n"))
    push = wikidraft(config, "push", "--yes", path)
    assert push.returncode == 0, push.stdout + push.stderr
    diff = wikidraft(config, "diff", path)
    assert diff.returncode == 0, diff.stdout  # it said "changed" for ever: the wiki has U+FFFD
    assert "unchanged" in diff.stdout
    assert "removed 1 character(s) that MediaWiki cannot store" in push.stderr
    assert "non-normalized data" not in push.stderr  # the wiki's API warning about C0 controls


def test_drafts_in_subfolders_with_recursive_and_one_title_twice_is_an_error(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    drafts = tmp_path / "drafts"
    first, second = unique("Sigma"), unique("Tau")
    (drafts / "deep" / "er").mkdir(parents=True)
    (drafts / ".wikidraft").mkdir()
    (drafts / "one.MD").write_text(f"# {first}\n\nText.\n", encoding="utf-8")
    (drafts / "deep" / "er" / "two.markdown").write_text(f"# {second}\n\nText.\n", "utf-8")
    (drafts / ".wikidraft" / "x.md").write_text("# Never read\n\nText.\n", encoding="utf-8")

    flat = wikidraft(config, "diff", str(drafts))
    assert flat.returncode == 1 and f"Draft:{first}" in flat.stdout
    assert f"Draft:{second}" not in flat.stdout
    deep = wikidraft(config, "diff", "-r", str(drafts))
    assert deep.returncode == 1, deep.stderr
    assert f"new        Draft:{second}" in deep.stdout and "Never read" not in deep.stdout

    twin = drafts / "deep" / "twin.md"
    twin.write_text(f"# {first}\n\nOther text.\n", encoding="utf-8")
    clash = wikidraft(config, "push", "--yes", "--recursive", str(drafts))
    assert clash.returncode == 2
    # Drafts are read in path order: deep/twin.md comes first.
    assert f"{twin} and {drafts / 'one.MD'} both go to Draft:{first}" in clash.stderr
    assert page_text(local_wiki, f"Draft:{first}") is None


def test_preview_recursive_renders_every_draft_of_a_folder(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    first, second = unique("Upper"), unique("Lower")
    (tmp_path / "drafts" / "sub").mkdir(parents=True)
    (tmp_path / "drafts" / "a.md").write_text(f"# {first}\n\nText.\n", encoding="utf-8")
    (tmp_path / "drafts" / "sub" / "b.markdown").write_text(f"# {second}\n\nText.\n", "utf-8")
    result = wikidraft(config, "preview", "-r", str(tmp_path / "drafts"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["a.html", "b.html"]  # written where it runs (tmp_path)
    for name, title in (("a.html", first), ("b.html", second)):
        document = (tmp_path / name).read_text(encoding="utf-8")
        assert f'<h1 class="firstHeading">Draft:{title}' in document
    several = wikidraft(config, "preview", "-r", str(tmp_path / "drafts"), "-o", "x.html")
    assert several.returncode == 2 and "-o FILE takes one draft" in several.stderr
