"""Which files are drafts: .md and .markdown in any case; -r walks subfolders, not hidden ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.drafts import draft_files
from bot.errors import UserError

TREE = {
    "a.md": True,
    "B.MD": True,
    "c.markdown": True,
    "d.Markdown": True,
    "notes.txt": False,
    ".hidden.md": False,
    "sub/e.md": "recursive",
    "sub/deeper/f.markdown": "recursive",
    ".git/g.md": False,
    ".wikidraft/h.md": False,
    "sub/.cache/i.md": False,
}


def tree(root: Path) -> Path:
    """The files of TREE under root, each a small draft titled after its name."""
    for name in TREE:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {path.stem.upper()}\n\nText of {path.stem}.\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("recursive", [False, True])
def test_a_folder_holds_md_and_markdown_drafts_in_any_case(tmp_path: Path, recursive: bool) -> None:
    found = draft_files([str(tree(tmp_path))], recursive)
    wanted = {name for name, kind in TREE.items() if kind is True or (recursive and kind)}
    assert {path.relative_to(tmp_path).as_posix() for path in found} == wanted
    assert found == sorted(found)


def test_a_folder_without_drafts_suggests_recursive(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.md").write_text("x\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"no \*\.md or \*\.markdown files .*-r"):
        draft_files([str(tmp_path)])
    assert draft_files([str(tmp_path)], recursive=True) == [tmp_path / "sub" / "x.md"]


def test_convert_recursive_writes_every_draft_of_the_tree(tmp_path: Path) -> None:
    out = tmp_path / "out"
    arguments = ["convert", "-r", str(tree(tmp_path / "in")), "--out-dir", str(out)]
    result = subprocess.run(
        [sys.executable, "-m", "bot", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    written = sorted(path.relative_to(out).as_posix() for path in out.rglob("*.wiki"))
    assert written == ["B.wiki", "a.wiki", "c.wiki", "d.wiki", "sub/deeper/f.wiki", "sub/e.wiki"]
    assert (out / "sub" / "deeper" / "f.wiki").read_text(encoding="utf-8") == "Text of f.\n"
