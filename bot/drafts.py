"""Which files are drafts: the files named, and the Markdown files in the folders named."""

from __future__ import annotations

import os
from pathlib import Path

from bot.errors import UserError

SUFFIXES = (".md", ".markdown")  # in any case: "NOTES.MD" is a draft too


def decode(name: str, data: bytes) -> str:
    """The text of the draft name, whose bytes must be UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UserError(
            f"{name}: not UTF-8 text (byte {error.start}); save the file as UTF-8 and retry"
        ) from None


def is_draft(path: Path) -> bool:
    """Whether a file found in a folder is a Markdown draft (not hidden, .md or .markdown)."""
    return not path.name.startswith(".") and path.suffix.lower() in SUFFIXES


def in_folder(folder: Path, recursive: bool) -> list[Path]:
    """The drafts in folder, sorted; with recursive, in its subfolders too.

    Hidden folders are skipped, .wikidraft (the ledger) and .git among them.
    """
    found: list[Path] = []
    for root, folders, files in os.walk(folder, onerror=_unreadable):
        folders[:] = [name for name in folders if recursive and not name.startswith(".")]
        found += (Path(root, name) for name in files if is_draft(Path(root, name)))
    return sorted(found)


def _unreadable(error: OSError) -> None:
    """Stop at a folder that cannot be listed: its drafts must not be left out unnoticed."""
    raise UserError(f"{error.filename}: cannot read this folder ({error.strerror})")


def draft_files(paths: list[str], recursive: bool = False) -> list[Path]:
    """The drafts named by paths: a file as it is, a folder for the drafts in it."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = in_folder(path, recursive)
            if not found:
                deeper = "" if recursive else " (-r also reads its subfolders)"
                raise UserError(f"{name}: no *.md or *.markdown files in this directory{deeper}")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise UserError(f"{name}: no such file or directory")
    return files
