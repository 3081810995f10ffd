"""Examinations kept beside the HTTP cache, so a warm check reads no page a second time."""

from __future__ import annotations

import json
import pickle
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot.sources.answer import CACHED_CODES

if TYPE_CHECKING:
    from bot.sources.answer import Fetched
    from bot.sources.lookup import Examined


def _complete(fetched: Fetched | None) -> bool:
    """Whether an answer is one the HTTP cache keeps (not a refusal, timeout or server error)."""
    return fetched is None or (fetched.problem is None and fetched.status in CACHED_CODES)


class Memo:
    """``Examined`` per URL and settings, good as long as the answers they were read from.

    A table of its own in the HTTP cache's SQLite file, read with the standard library: a warm
    run needs neither requests nor requests-cache, which take longer to import than it to run.
    """

    def __init__(self, database: Path, max_age_days: float) -> None:
        self._db = sqlite3.connect(database)
        self._db.execute("PRAGMA synchronous = OFF")  # a cache lost in a crash is made again
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS examined (key TEXT PRIMARY KEY, expires REAL, value BLOB)"
        )
        self._lifetime = timedelta(days=max_age_days)

    @staticmethod
    def key(url: str, resolver: str, allow_private: bool, text_doi: str | None) -> str:
        """The key of one examination: everything its result depends on besides the web."""
        return json.dumps([url, resolver, allow_private, text_doi])

    def get(self, key: str) -> Examined | None:
        """The examination stored under ``key``, if its answers are still fresh."""
        row = self._db.execute(
            "SELECT value FROM examined WHERE key = ? AND expires > ?", (key, time.time())
        ).fetchone()
        return pickle.loads(row[0]) if row else None

    def put_all(self, examined: dict[str, tuple[str, Examined]]) -> None:
        """Keep each examination (by key) whose answers the HTTP cache keeps too, in one commit."""
        rows = []
        for key, found in examined.values():
            fetched = found.fetched
            if _complete(fetched) and _complete(found.doi_answer) and fetched.fetched_on:
                day = datetime.combine(fetched.fetched_on, datetime.min.time(), UTC)
                expires = (day + self._lifetime).timestamp()  # not after the page's cache entry
                rows.append((key, expires, pickle.dumps(found)))
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO examined VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        """Close the database."""
        self._db.close()
