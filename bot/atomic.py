"""The one file writer: a regular file is replaced whole, anything else is written through.

The output files (bot/output.py) and the ledger (bot/ledger.py) are written here. A regular file,
or a new path, gets a temporary file beside it renamed over it, so a reader or a crash sees the
old text or the whole new one; the file keeps its mode (a new one gets the umask's). A symbolic
link stays a link: the file it leads to is replaced so (the ledger kept in a shared checkout and
linked in is written as safely as one that is not). Anything else is written through, never
replaced: a character device, a FIFO, and a path through /proc (``-o /dev/stdout``), whatever
file that descriptor is.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path


def write_text(path: Path, text: str, *, durable: bool = False) -> None:
    """Write text to path as UTF-8 (see the module); OSError on failure.

    durable: the replacement is on disk before this returns (the file and its folder synced),
    as the ledger needs to survive a power cut after a save it records.
    """
    # Through any links: the file they lead to is replaced, and they stay.
    target = Path(os.path.realpath(path))
    try:
        status = path.stat()
    except FileNotFoundError:  # a new file, or a link to one
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace(target, text, None, durable)
        return
    if stat.S_ISREG(status.st_mode) and not _open_descriptor(path):
        _replace(target, text, stat.S_IMODE(status.st_mode), durable)
    elif stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    else:
        with path.open("w", encoding="utf-8") as stream:
            stream.write(text)


def _open_descriptor(path: Path) -> bool:
    """Whether path leads through /proc, as /dev/stdout and /dev/fd/N do: a file this process
    has open, which the user means as it is open (redirected, appended to), not by its name."""
    for _ in range(40):  # the kernel's own bound on the links it follows
        if Path(os.path.realpath(path.parent)).parts[1:2] == ("proc",):
            return True
        if not path.is_symlink():
            return False
        path = path.parent / path.readlink()
    return False


def _replace(path: Path, text: str, mode: int | None, durable: bool) -> None:
    """Write a temporary file beside path and rename it over path; mode None: the umask's."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    # 0o666 lets the umask decide, as for any new file; an existing file's mode is set below,
    # before any text is in the temporary file.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            stream.write(text)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if durable:  # the rename is durable only once the folder's entry is on disk too
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
