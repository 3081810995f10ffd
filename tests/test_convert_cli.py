"""`wikidraft convert` end to end, in a subprocess as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

SEED = Path("/work/shared/seed-draft.md")


def wikidraft(
    *args: str, stdin: bytes = b"", cwd: Path | None = None, **popen: Any
) -> subprocess.CompletedProcess:
    """Run the command line the way the entry point does (popen: umask, other streams)."""
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    return subprocess.run(
        [sys.executable, "-m", "bot", "convert", *args],
        input=stdin,
        cwd=cwd,
        check=False,
        **(streams | popen),
    )


def test_converts_a_file_to_stdout_with_warnings_on_stderr(tmp_path: Path) -> None:
    draft = tmp_path / "tide.md"
    draft.write_text("# Tide\n\nTide is [here](docs/x.md).\n", encoding="utf-8")
    result = wikidraft(str(draft))
    assert result.returncode == 0
    assert result.stdout.decode() == "'''Tide''' is here.\n"
    assert result.stderr.decode() == (
        f"{draft}:3: warning: relative link 'docs/x.md' names a file, not a wiki page; "
        "kept its text\n"
    )


def test_help_names_the_warning_format_it_prints(tmp_path: Path) -> None:
    draft = tmp_path / "tide.md"
    draft.write_text("# Tide\n\nTide is [here](docs/x.md).\n", encoding="utf-8")
    printed = wikidraft(str(draft)).stderr.decode()
    assert printed.startswith(f"{draft}:3: warning: ")
    help_text = " ".join(wikidraft("--help").stdout.decode().split())
    assert "standard error as FILE:LINE: warning: MESSAGE" in help_text


def test_reads_stdin_and_prints_json() -> None:
    result = wikidraft("-", "--json", "--title", "Given", stdin=b"Hello *world*.\n")
    payload = json.loads(result.stdout)
    assert payload == {
        "title": "Given",
        "namespace": None,
        "empty": False,
        "wikitext": "Hello ''world''.\n",
        "warnings": [],
        "provenance": {"assistant_written": False, "evidence": []},
        "references": [],
    }


def test_directory_converts_every_markdown_file_into_out_dir(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text("# A\n\nA text.\n", encoding="utf-8")
    (tmp_path / "in" / "b.md").write_text("B text.\n", encoding="utf-8")
    (tmp_path / "in" / "notes.txt").write_text("ignored", encoding="utf-8")
    result = wikidraft(str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["a.wiki", "b.wiki"]
    assert (tmp_path / "out" / "a.wiki").read_text(encoding="utf-8") == "'''A''' text.\n"


def test_non_utf8_input_is_one_line_exit_2_and_nothing_written(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("fine\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"caf\xe9\n")
    result = wikidraft(
        str(tmp_path / "good.md"), str(tmp_path / "bad.md"), "--out-dir", "out", cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        f"wikidraft: error: {tmp_path / 'bad.md'}: not UTF-8 text (byte 3); "
        "save the file as UTF-8 and retry"
    ]
    assert not (tmp_path / "out").exists()


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = wikidraft(str(tmp_path / "nope.md"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()
    assert result.stderr.decode().startswith(
        f"wikidraft: error: {tmp_path / 'nope.md'}: cannot read"
    )


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    result = wikidraft(str(SEED), "-o", str(tmp_path / "seed.wiki"))
    assert result.returncode == 0
    text = (tmp_path / "seed.wiki").read_text(encoding="utf-8")
    assert text.startswith("'''Personalized medicine'''") and text.endswith("]\n")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_several_drafts_to_stdout_are_refused_up_front(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    result = wikidraft(str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert result.returncode == 2
    assert b"several drafts need --out-dir DIR" in result.stderr


def test_output_flags_exclude_each_other() -> None:
    result = wikidraft("-", "-o", "x.wiki", "--out-dir", "d")
    assert result.returncode == 2
    assert b"not allowed with argument" in result.stderr


def test_convert_does_not_import_pywikibot(tmp_path: Path) -> None:
    code = (
        "import sys; from bot.cli import main; "
        f"main(['convert', {str(SEED)!r}, '-o', {str(tmp_path / 'seed.wiki')!r}]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pywikibot', 'requests'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert result.stdout.decode().strip() == "[]"


def test_two_drafts_with_one_name_are_refused_for_out_dir(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.md").write_text("x\n", encoding="utf-8")
    result = wikidraft(str(tmp_path / "a"), str(tmp_path / "b"), "--out-dir", str(tmp_path / "o"))
    assert result.returncode == 2
    first, second = (str(tmp_path / folder / "x.md") for folder in ("a", "b"))
    target = tmp_path / "o" / "x.wiki"
    assert f"{first} and {second} would both be written to {target}".encode() in result.stderr
    assert not (tmp_path / "o").exists()


def test_out_dir_mirrors_the_subfolders_of_a_folder_read_with_recursive(tmp_path: Path) -> None:
    # a/x.md and b/x.md once went to one out/x.wiki (or were refused as one name)
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.md").write_text(f"{folder} text.\n", encoding="utf-8")
    result = wikidraft("-r", str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    written = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
    )
    assert written == ["a", "a/x.wiki", "b", "b/x.wiki"]
    for folder in ("a", "b"):
        text = (tmp_path / "out" / folder / "x.wiki").read_text(encoding="utf-8")
        assert text == f"{folder} text.\n"


def test_two_drafts_for_one_output_in_one_folder_are_one_line_before_any_write(
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    for name in ("a.md", "x.markdown", "x.md"):
        (tmp_path / "in" / name).write_text("text.\n", encoding="utf-8")
    result = wikidraft(str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"))
    first, second = (str(tmp_path / "in" / name) for name in ("x.markdown", "x.md"))
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        f"wikidraft: error: --out-dir: {first} and {second} would both be written to "
        f"{tmp_path / 'out' / 'x.wiki'}; rename one, or convert them separately"
    ]
    assert not (tmp_path / "out").exists()


def test_stdin_without_a_title_is_untitled_not_named_after_stdin() -> None:
    result = wikidraft("-", "--json", stdin=b"Just text.\n")
    assert json.loads(result.stdout)["title"] == "Untitled draft"
    assert (
        result.stderr.decode()
        == "<stdin>: warning: no title found; pass --title or start the draft with a # Title\n"
    )
