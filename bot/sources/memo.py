"""Examinations kept beside the HTTP cache, so a warm check reads no page a second time."""

from __future__ import annotations

import json
import pickle
import time
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from requests_cache.backends.sqlite import SQLiteDict

from bot.sources.fetch import CACHED_CODES

if TYPE_CHECKING:
    from bot.sources.fetch import Fetched
    from bot.sources.lookup import Examined


def _complete(fetched: Fetched | None) -> bool:
    """Whether an answer is one the HTTP cache keeps (not a refusal, timeout or server error)."""
    return fetched is None or (fetched.problem is None and fetched.status in CACHED_CODES)


class Memo:
    """``Examined`` per URL and settings, good as long as the answers they were read from."""

    def __init__(self, database: Path, max_age_days: float) -> None:
        # The HTTP cache's own SQLite file, a table of its own; values pickled here (the
        # library's serializer is made for responses).
        self._table = SQLiteDict(database, table_name="examined", serializer=None, fast_save=True)
        self._lifetime = timedelta(days=max_age_days)

    @staticmethod
    def key(url: str, resolver: str, allow_private: bool, text_doi: str | None) -> str:
        """The key of one examination: everything its result depends on besides the web."""
        return json.dumps([url, resolver, allow_private, text_doi])

    def get(self, key: str) -> Examined | None:
        """The examination stored under ``key``, if its answers are still fresh."""
        stored = self._table.get(key)
        if stored is None:
            return None
        expires, examined = pickle.loads(stored)
        return examined if time.time() < expires else None

    def put(self, key: str, examined: Examined) -> None:
        """Keep ``examined`` if every answer in it is one the HTTP cache keeps."""
        fetched = examined.fetched
        if not (_complete(fetched) and _complete(examined.doi_answer)) or not fetched.fetched_on:
            return
        day = datetime.combine(fetched.fetched_on, datetime.min.time(), UTC)
        expires = (day + self._lifetime).timestamp()  # no later than the page's cache entry
        self._table[key] = pickle.dumps((expires, examined))

    def batch(self) -> AbstractContextManager[None]:
        """Store the puts made inside in one transaction."""
        return self._table.bulk_commit()

    def close(self) -> None:
        """Close the table."""
        self._table.close()
