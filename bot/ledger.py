"""The drift ledger: what wikidraft last wrote to each wiki page, kept next to the drafts.

The edit-conflict check of a save only covers the seconds between fetch and save. The ledger
covers the time between two pushes: after every successful save, push records the revision it
created and a hash of the text it wrote, so the next diff or push can tell whether anyone else
has edited the page since (the live revision is no longer ours) and refuse to overwrite them.

File: ``<drafts folder>/.wikidraft/ledger.json``, UTF-8 JSON, safe to commit (no secrets: no
user names, passwords, tokens or cookies; API URLs are stored without user info or query)::

    {
      "schema": 1,
      "wikis": {
        "https://en.wikipedia.org/w/api.php": {
          "Draft:Tidal locking": {
            "revid": 1234567,
            "sha256": "<hex sha256 of the saved text, see content_hash>",
            "saved": "2026-11-28T22:40:00Z"
          }
        }
      }
    }

``schema`` is bumped on any incompatible change; a ledger with a newer schema is refused rather
than misread. Every ``record`` rewrites the whole file atomically (temporary file in the same
folder, fsync, ``os.replace``, fsync of the folder), so a crash mid-batch leaves the ledger as it
was after the last successful save: never half-written. Two pushes of the same drafts at once
each re-read the file under a lock (``ledger.lock``, empty) before recording, so neither
loses the other's entries.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bot.errors import UserError
from bot.plan import stored

SCHEMA = 1
FOLDER = ".wikidraft"
FILENAME = "ledger.json"
LOCK = "ledger.lock"  # held while a save is recorded; holds nothing


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


def ledger_path(drafts: list[Path]) -> Path:
    """Where the ledger of these drafts lives: ``.wikidraft/ledger.json`` in their common folder."""
    folders = [str((p if p.is_dir() else p.parent).resolve()) for p in drafts] or [os.getcwd()]
    return Path(os.path.commonpath(folders)) / FOLDER / FILENAME


class Ledger:
    """The ledger file of one drafts folder, read once and rewritten after each save."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._wikis: dict[str, dict[str, Entry]] = self._read()

    def get(self, api: str, title: str) -> Entry | None:
        """What we last wrote to title on this wiki, or None if we never wrote it."""
        return self._wikis.get(wiki_key(api), {}).get(title)

    def record(self, api: str, title: str, revid: int, text: str) -> Entry:
        """Remember a successful save and write the ledger to disk at once (atomically)."""
        saved = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        entry = Entry(revid=int(revid), sha256=content_hash(text), saved=saved)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.parent / LOCK, "a") as lock:
            # Another push of the same drafts may have recorded its saves since we read the
            # file: read again under the lock, so neither run's entries are lost.
            fcntl.flock(lock, fcntl.LOCK_EX)
            self._wikis = self._read()
            self._wikis.setdefault(wiki_key(api), {})[title] = entry
            self._write()
        return entry

    def _read(self) -> dict[str, dict[str, Entry]]:
        """The entries on disk; an absent file is an empty ledger."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            raise LedgerError(f"cannot read the ledger {self.path}: {error}") from None
        if not isinstance(data, dict) or not isinstance(data.get("schema"), int):
            raise LedgerError(f"{self.path} is not a wikidraft ledger (no schema number)")
        if data["schema"] > SCHEMA:
            raise LedgerError(
                f"{self.path} has schema {data['schema']}, newer than this wikidraft "
                f"understands ({SCHEMA}); upgrade wikidraft"
            )
        try:
            return {
                wiki: {title: Entry(**fields) for title, fields in pages.items()}
                for wiki, pages in data.get("wikis", {}).items()
            }
        except (AttributeError, TypeError) as error:
            raise LedgerError(f"{self.path} is malformed: {error}") from None

    def _write(self) -> None:
        """Replace the file atomically: a reader or a crash sees the old or the new ledger."""
        document = {
            "schema": SCHEMA,
            "wikis": {
                wiki: {title: asdict(entry) for title, entry in sorted(pages.items())}
                for wiki, pages in sorted(self._wikis.items())
            },
        }
        payload = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        handle, temporary = tempfile.mkstemp(prefix=".ledger-", dir=self.path.parent)
        try:
            # mkstemp makes the file private; the ledger holds nothing secret and may be committed.
            os.fchmod(handle, 0o644)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        # The rename is durable only once the folder's entry is on disk too.
        folder = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
