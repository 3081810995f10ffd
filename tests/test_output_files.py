"""`convert -o` / `--out-dir` never replace what is not a regular file, nor a draft; errors are
one line.

Every target is inside the test's own folder, or a private pseudo-terminal; /dev/full is only
reached through a link in that folder (a writer that replaced the link would leave /dev/full
alone) or as an already opened standard output.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tty
from pathlib import Path

import pytest

from tests.test_convert_cli import wikidraft

DRAFT = "# Tide\n\nTide is *here*.\n"
WIKITEXT = "'''Tide''' is ''here''.\n"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A small draft in the test's folder."""
    path = tmp_path / "tide.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit 2 and a single 'wikidraft: error:' line on stderr holding every one of words."""
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("wikidraft: error: "), stderr
    for word in words:
        assert word in stderr


def test_a_character_device_is_written_through(draft: Path) -> None:
    # A pseudo-terminal of our own: a character device no other process uses. (On the old
    # writer the temporary file could not even be made: nothing is created in /dev/pts.)
    main, secondary = os.openpty()
    try:
        tty.setraw(secondary)  # no newline translation: the bytes written are the bytes read
        device = os.ttyname(secondary)
        result = wikidraft(str(draft), "-o", device)
        assert result.returncode == 0, result.stderr
        assert os.read(main, 4096).decode() == WIKITEXT
        assert stat.S_ISCHR(os.stat(device).st_mode)
    finally:
        os.close(secondary)
        os.close(main)


def test_a_fifo_is_written_through(draft: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Opened for reading first (without waiting for a writer), so the writer's open succeeds.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = wikidraft(str(draft), "-o", str(fifo))
        assert result.returncode == 0, result.stderr
        assert os.read(reader, 4096).decode() == WIKITEXT
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def linked(folder: Path, name: str) -> tuple[Path, Path]:
    """A link folder/name to an existing file folder/real/name of mode 640: (link, target)."""
    target = folder / "real" / name
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = folder / name
    link.symlink_to(target)
    return link, target


def written_through(link: Path, target: Path) -> str:
    """What the link's target holds, once checked that the link stayed and the target kept its
    mode, with no temporary file left beside it."""
    assert link.is_symlink() and link.readlink() == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    return target.read_text(encoding="utf-8")


def test_a_symlink_s_target_gets_the_text_and_the_link_stays(draft: Path, tmp_path: Path) -> None:
    link, target = linked(tmp_path, "tide.wiki")
    result = wikidraft(str(draft), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert written_through(link, target) == WIKITEXT


def test_a_link_to_standard_output_writes_to_whatever_stdout_is(
    draft: Path, tmp_path: Path
) -> None:
    # What -o /dev/stdout does (/dev/stdout is such a link), with the link in the test folder:
    # a pipe's /proc entry is no path a file could be renamed onto.
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = wikidraft(str(draft), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == WIKITEXT
    assert link.is_symlink()


@pytest.mark.parametrize(("umask", "mode"), [("022", 0o644), ("027", 0o640), ("002", 0o664)])
def test_a_new_file_gets_the_mode_the_umask_gives(
    draft: Path, tmp_path: Path, umask: str, mode: int
) -> None:
    out = str(tmp_path / "out")
    result = wikidraft(str(draft), "--out-dir", out, "--json", umask=int(umask, 8))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "out" / "tide.json").stat().st_mode) == mode


def test_an_existing_file_keeps_its_mode(draft: Path, tmp_path: Path) -> None:
    existing = tmp_path / "tide.wiki"
    existing.write_text("old\n", encoding="utf-8")
    existing.chmod(0o604)  # a mode no umask gives, so it cannot be kept by chance
    result = wikidraft(str(draft), "-o", str(existing), umask=0o077)
    assert result.returncode == 0, result.stderr
    assert existing.read_text(encoding="utf-8") == WIKITEXT
    assert stat.S_IMODE(existing.stat().st_mode) == 0o604


@pytest.mark.parametrize("spelling", ["same path", "./ prefix", "through a link"])
def test_output_onto_the_draft_is_refused(draft: Path, tmp_path: Path, spelling: str) -> None:
    target = {"same path": str(draft), "./ prefix": "./tide.md", "through a link": "link.wiki"}
    (tmp_path / "link.wiki").symlink_to(draft)
    result = wikidraft(str(draft), "-o", target[spelling], cwd=tmp_path)
    one_line_error(result, "-o", "would overwrite the draft", str(draft))
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_out_dir_over_an_input_draft_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    first = tmp_path / "a.md"
    first.write_text("# A\n\nA text.\n", encoding="utf-8")
    second = tmp_path / "notes.wiki"  # a draft of any name, and notes.wiki is its output's name
    second.write_text("# Notes\n\nNotes text.\n", encoding="utf-8")
    result = wikidraft(str(first), str(second), "--out-dir", str(tmp_path))
    one_line_error(result, "--out-dir", "would overwrite the draft", str(second))
    assert second.read_text(encoding="utf-8") == "# Notes\n\nNotes text.\n"
    assert not (tmp_path / "a.wiki").exists()


def test_out_dir_naming_a_file_is_one_line(draft: Path, tmp_path: Path) -> None:
    existing = tmp_path / "build"
    existing.write_text("keep\n", encoding="utf-8")
    result = wikidraft(str(draft), "--out-dir", str(existing))
    one_line_error(result, f"--out-dir {existing}: cannot create the directory", "name a dir")
    assert existing.read_text(encoding="utf-8") == "keep\n"


def test_output_naming_a_directory_is_one_line(draft: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build"
    folder.mkdir()
    result = wikidraft(str(draft), "-o", str(folder))
    one_line_error(result, f"-o {folder}: cannot write it (Is a directory); name a file")
    assert folder.is_dir() and not list(folder.iterdir())


@pytest.mark.parametrize("flag", ["-o", "--out-dir"])
def test_an_output_folder_that_cannot_be_created_is_one_line(
    draft: Path, tmp_path: Path, flag: str
) -> None:
    # Tests run as root in CI, where no permission stops a mkdir; a file in the way does.
    (tmp_path / "file").write_text("keep\n", encoding="utf-8")
    result = wikidraft(str(draft), flag, str(tmp_path / "file" / "sub" / "x.wiki"))
    one_line_error(result, flag, "(Not a directory); part of the path is a file")
    assert (tmp_path / "file").read_text(encoding="utf-8") == "keep\n"


def test_a_full_disk_behind_output_is_one_line(draft: Path, tmp_path: Path) -> None:
    # /dev/full (a character device failing every write with ENOSPC) stands for a full file
    # system; reached through a link here, so even a writer that replaces its target could
    # only ever replace the link.
    full = Path("/dev/full")
    assert stat.S_ISCHR(full.stat().st_mode)
    link = tmp_path / "tide.wiki"
    link.symlink_to(full)
    result = wikidraft(str(draft), "-o", str(link))
    one_line_error(result, f"-o {link}: cannot write it (No space left on device); free some")
    assert link.is_symlink() and stat.S_ISCHR(full.stat().st_mode)


def test_a_full_disk_behind_stdout_is_one_line(draft: Path) -> None:
    full = Path("/dev/full")
    with full.open("wb") as stdout:  # opening a device never replaces it
        result = wikidraft(str(draft), stdout=stdout)
    one_line_error(result, "standard output: cannot write to it (No space left on device)")
    assert stat.S_ISCHR(full.stat().st_mode)


def test_preview_onto_the_draft_is_refused_before_the_wiki_is_asked(
    draft: Path, tmp_path: Path
) -> None:
    config = tmp_path / "wikidraft.toml"  # a wiki nothing answers for: the refusal comes first
    config.write_text("[wiki]\napi = 'http://127.0.0.1:1/api.php'\nusername = 'A@b'\n")
    command = [sys.executable, "-m", "bot", "preview", str(draft), "-o", str(draft)]
    result = subprocess.run(
        command, capture_output=True, env=dict(os.environ, WIKIDRAFT_CONFIG=str(config))
    )
    one_line_error(result, f"-o: writing {draft} would overwrite the draft {draft}")
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_a_link_to_standard_output_that_is_a_file_writes_that_open_file(
    draft: Path, tmp_path: Path
) -> None:
    # -o /dev/stdout with stdout redirected to a file: the text goes into the file as it is
    # open, not into a new file renamed over its name (the caller's descriptor would keep the
    # old one, and a folder the caller may not write would refuse the rename).
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    redirected = tmp_path / "redirected.wiki"
    with redirected.open("wb") as stdout:
        before = os.fstat(stdout.fileno()).st_ino
        result = subprocess.run(
            [sys.executable, "-m", "bot", "convert", str(draft), "-o", str(link)],
            stdout=stdout,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr
    assert redirected.stat().st_ino == before
    assert redirected.read_text(encoding="utf-8") == WIKITEXT
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "redirected.wiki",
        "stdout",
        "tide.md",
    ]
