"""Writing output files where asked, never replacing a device, a FIFO, a link or a draft."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from bot import atomic
from bot.errors import UserError

# What the user can do about a failed write, by errno; the rest get FALLBACK_HINT.
HINTS = {
    errno.ENOSPC: "free some space and retry",
    errno.EDQUOT: "free some space and retry",
    errno.EROFS: "the file system is read-only; choose another place",
    errno.EACCES: "check the permissions, or choose another place",
    errno.EPERM: "check the permissions, or choose another place",
    errno.EISDIR: "name a file",
    errno.EEXIST: "a file has that name; name a directory",
    errno.ENOTDIR: "part of the path is a file, not a directory",
}
FALLBACK_HINT = "check the path"


def refuse_overwriting(targets: Iterable[Path], sources: Iterable[Path], flag: str) -> None:
    """Stop before anything is written (or the wiki asked) when a target is one of the source
    drafts, or a directory, which write_file would refuse only at the end."""
    drafts = {inode: source for source in sources if (inode := _inode(source))}
    for target in targets:
        if target.is_dir():
            error = IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
            raise UserError(_cannot(f"{flag} {target}", "write it", error))
        inode = _inode(target)
        if inode in drafts:
            raise UserError(
                f"{flag}: writing {target} would overwrite the draft {drafts[inode]}; "
                "choose another output"
            )


def _inode(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file behind path (links followed); None if there is none."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def make_directory(folder: Path, flag: str) -> None:
    """Create folder (and its parents) unless it is there; a failure is a one-line UserError."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(_cannot(f"{flag} {folder}", "create the directory", error)) from None


def write_file(path: Path, text: str, flag: str) -> None:
    """Write text to path as UTF-8; a failure is a one-line UserError naming flag and path.

    A regular file, or a new one, is replaced atomically (keeping its mode; a new one gets the
    umask's), and so is the file a symbolic link leads to (the link stays); a device or a FIFO
    is written through, never replaced (bot/atomic.py).
    """
    try:
        atomic.write_text(path, text)
    except OSError as error:
        raise UserError(_cannot(f"{flag} {path}", "write it", error)) from None


def write_stdout(text: str) -> None:
    """Print text and flush it, so that a full disk behind stdout is a one-line UserError."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # a reader that stopped (`| head`) is no error; the CLI exits quietly
    except OSError as error:
        raise UserError(_cannot("standard output", "write to it", error)) from None


def _cannot(where: str, action: str, error: OSError) -> str:
    """One line: where (flag and path), what failed, why and what to do."""
    reason = error.strerror or type(error).__name__
    hint = HINTS.get(error.errno or 0, FALLBACK_HINT)
    return f"{where}: cannot {action} ({reason}); {hint}"
