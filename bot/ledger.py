"""The drift ledger: what wikidraft last wrote to each wiki page, kept beside the config file.

The edit-conflict check of a save only covers the seconds between fetch and save. The ledger
covers the time between two pushes: after every successful save, push records the revision it
created and a hash of the text it wrote, so the next diff or push can tell whether anyone else
has edited the page since (the live revision is no longer ours) and refuse to overwrite them.

File: ``.wikidraft/ledger.json`` in the folder of the config file in use (``wikidraft.toml``,
``--config FILE``, ``$WIKIDRAFT_CONFIG``; for the repository's ``config/local.toml`` that is
``config/.wikidraft/``), one per project whatever drafts a push names, keyed by wiki and page
title. UTF-8 JSON, safe to commit (no secrets: no user names, passwords, tokens or cookies; API
URLs are stored without user info or query)::

    {
      "schema": 2,
      "wikis": {
        "https://en.wikipedia.org/w/api.php": {
          "Draft:Tidal locking": {
            "revid": 1234567,
            "sha256": "<hex sha256 of the saved text, see content_hash>",
            "saved": "2026-11-28T22:40:00Z"
          }
        }
      },
      "sending": {
        "https://en.wikipedia.org/w/api.php": {"Draft:Tidal locking": "<sha256>"}
      }
    }

The hashed text is the page without the reviewer templates push keeps at its top
(``edit.preserve_templates``): the live page is hashed the same way, so a reviewer's template
is never drift. ``sending`` holds the hash of a text whose save has been sent but not yet
confirmed: written before the save, cleared after it. A push interrupted in between (Ctrl-C,
SIGTERM, a crash) leaves it, and the next run adopts the live revision when its text is exactly
that one, instead of calling our own save someone else's edit.

``schema`` is bumped on any incompatible change (2: the ``sending`` map, and hashes without
reviewer templates); a ledger with a newer schema is refused rather than misread. Every change
rewrites the whole file atomically (bot/atomic.py: temporary file in the same folder, fsync,
``os.replace``, fsync of the folder; the file's mode kept, the umask's when new; a ledger that is a
symbolic link stays one, and the file it leads to is replaced so) after re-reading it under a lock
(``ledger.lock``, empty, beside the file a link leads to), so a crash leaves the ledger as it was
after the last confirmed save, and two processes writing it at once keep each other's entries. A
ledger left by older versions next to the drafts (their common folder) is read too, and moved into
this one by ``prepare``.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

from bot import atomic
from bot.errors import UserError
from bot.plan import stored

SCHEMA = 2
FOLDER = ".wikidraft"
FILENAME = "ledger.json"
LOCK = "ledger.lock"  # held while the file is rewritten; holds nothing
MIGRATED = ".migrated"  # suffix of a legacy ledger once its entries are moved here


V = TypeVar("V")


class LedgerError(UserError):
    """The ledger file exists but cannot be used (unreadable, corrupt, newer schema)."""


@dataclass(frozen=True)
class Entry:
    """One page as wikidraft last saved it: the revision created and the hash of its text."""

    revid: int
    sha256: str
    saved: str  # ISO 8601 UTC time of the save, for people reading the file

    def matches(self, text: str) -> bool:
        """Whether text is (after MediaWiki's save normalisation) what we wrote."""
        return content_hash(text) == self.sha256


def content_hash(text: str) -> str:
    """sha256 of text as MediaWiki stores it (NFC, LF line ends, trailing whitespace removed)."""
    # MediaWiki applies exactly these on save, so our hash equals the hash of the live text.
    return hashlib.sha256(stored(text).encode("utf-8")).hexdigest()


def wiki_key(api: str) -> str:
    """The API URL without user info, query or fragment: the ledger must never hold secrets."""
    parts = urlsplit(api)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def ledger_path(config_file: Path) -> Path:
    """Where the ledger of a project lives: ``.wikidraft/ledger.json`` beside its config file."""
    return config_file.resolve().parent / FOLDER / FILENAME


def legacy_paths(drafts: list[Path]) -> list[Path]:
    """Where older versions kept the ledger: in the drafts' common folder (or their own).

    A folder holding a wikidraft.toml is left out: its ledger is that project's own.
    """
    folders = [(p if p.is_dir() else p.parent).resolve() for p in drafts]
    common = [Path(os.path.commonpath(folders))] if folders else []
    return [
        folder / FOLDER / FILENAME
        for folder in dict.fromkeys(common + folders)
        if not (folder / "wikidraft.toml").exists()
    ]


Pages = dict[str, dict[str, Entry]]  # wiki key -> title -> entry
Sending = dict[str, dict[str, str]]  # wiki key -> title -> hash of the text being saved


class Ledger:
    """The ledger file of one project, read once and rewritten at each save."""

    def __init__(self, path: Path, legacy: list[Path] | None = None) -> None:
        self.path = path
        self.legacy = [old for old in legacy or [] if old != path and old.is_file()]
        self._wikis, self._sending = self._read(path)
        for old in self.legacy:
            _merge(self._wikis, self._read(old)[0])

    def get(self, api: str, title: str) -> Entry | None:
        """What we last wrote to title on this wiki, or None if we never wrote it."""
        return self._wikis.get(wiki_key(api), {}).get(title)

    def sending(self, api: str, title: str) -> str | None:
        """The hash of a text whose save was sent to title and never confirmed, if any."""
        return self._sending.get(wiki_key(api), {}).get(title)

    def prepare(self) -> list[Path]:
        """Make sure the ledger can be written, before any save; move legacy ledgers into it.

        Returns the legacy files moved (each renamed with the suffix ``.migrated``).
        """
        moved, self.legacy = self.legacy, []
        with self._locked():
            if not moved:  # nothing to write yet: only show that writing works
                tempfile.TemporaryFile(dir=self._folder()).close()
                return []
            for old in moved:
                _merge(self._wikis, self._read(old)[0])
            self._write()
            for old in moved:
                old.rename(old.with_name(old.name + MIGRATED))
        return moved

    def intend(self, api: str, title: str, text: str) -> None:
        """Note, on disk, that text is about to be saved to title (see ``sending``)."""
        digest = content_hash(text)

        def note() -> None:
            self._sending.setdefault(wiki_key(api), {})[title] = digest

        self._update(note)

    def record(self, api: str, title: str, revid: int, text: str) -> Entry:
        """Remember a successful save and write the ledger to disk at once (atomically)."""
        saved = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        entry = Entry(revid=int(revid), sha256=content_hash(text), saved=saved)

        def note() -> None:
            self._wikis.setdefault(wiki_key(api), {})[title] = entry
            self._sending.get(wiki_key(api), {}).pop(title, None)

        self._update(note)
        return entry

    def settle(self, api: str, title: str) -> None:
        """Forget a save sent to title that did not leave our text there (failed or merged)."""
        if self.sending(api, title) is not None:
            self._update(lambda: self._sending[wiki_key(api)].pop(title, None))

    def _update(self, change: Callable[[], object]) -> None:
        """Apply change to the file as it is now, and write it back."""
        with self._locked():
            change()
            self._write()

    def _folder(self) -> Path:
        """The folder the file is written in, and locked: behind a link, the linked file's, so
        every project linking one ledger takes one lock."""
        return Path(os.path.realpath(self.path)).parent

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the lock, with the file re-read; any failure to write is one LedgerError."""
        try:
            folder = self._folder()
            folder.mkdir(parents=True, exist_ok=True)
            with open(folder / LOCK, "a") as lock:
                # Another push may have written the file since we read it: read it again under
                # the lock, so neither run's entries are lost.
                fcntl.flock(lock, fcntl.LOCK_EX)
                self._wikis, self._sending = self._read(self.path)
                yield
        except OSError as error:
            raise LedgerError(
                f"cannot write the ledger {self.path}: {error.strerror or error}; push records "
                "every save there, beside the config file"
            ) from None

    def _read(self, path: Path) -> tuple[Pages, Sending]:
        """The entries and the unconfirmed saves in the file at path; absent means empty."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}, {}
        except (OSError, ValueError) as error:
            raise LedgerError(f"cannot read the ledger {path}: {error}") from None
        if not isinstance(data, dict) or not isinstance(data.get("schema"), int):
            raise LedgerError(f"{path} is not a wikidraft ledger (no schema number)")
        if data["schema"] > SCHEMA:
            raise LedgerError(
                f"{path} has schema {data['schema']}, newer than this wikidraft "
                f"understands ({SCHEMA}); upgrade wikidraft"
            )
        try:
            wikis = {
                wiki: {title: Entry(**fields) for title, fields in pages.items()}
                for wiki, pages in data.get("wikis", {}).items()
            }
            sending = {
                wiki: {str(title): str(digest) for title, digest in pages.items()}
                for wiki, pages in data.get("sending", {}).items()
            }
        except (AttributeError, TypeError) as error:
            raise LedgerError(f"{path} is malformed: {error}") from None
        return wikis, sending

    def _write(self) -> None:
        """Replace the file atomically: a reader or a crash sees the old or the new ledger."""
        if not any(self._wikis.values()) and not any(self._sending.values()):
            # Only a save sent and then refused was noted: nothing saved, no ledger to keep.
            self.path.unlink(missing_ok=True)
            return
        document = {
            "schema": SCHEMA,
            "wikis": _sorted(self._wikis, asdict),
            "sending": _sorted({wiki: pages for wiki, pages in self._sending.items() if pages}),
        }
        payload = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        atomic.write_text(self.path, payload, durable=True)


def _merge(into: Pages, other: Pages) -> None:
    """Add other's entries to into; of two entries for one page the later save wins."""
    for wiki, pages in other.items():
        mine = into.setdefault(wiki, {})
        for title, entry in pages.items():
            if title not in mine or mine[title].revid < entry.revid:
                mine[title] = entry


def _sorted(wikis: dict[str, dict[str, V]], shape: Callable[[V], object] = lambda v: v) -> dict:
    """wikis as a JSON-ready mapping in a stable order (small diffs when the file is committed)."""
    return {
        wiki: {title: shape(value) for title, value in sorted(pages.items())}
        for wiki, pages in sorted(wikis.items())
    }
