"""The HTTP cache on disk: requests-cache's SQLite store (bot.sources.folder says where)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from requests_cache import CachedResponse, SQLiteCache

# A page and its metadata request differ only in the Accept header (DOI content negotiation).
MATCHED_HEADERS = ("Accept",)


class ResponseCache:
    """Answers stored with the date they were fetched, good for ``max_age_days``.

    Responses are stored by hand, not through requests-cache's CachedSession, because that
    session reads every body whole before the fetcher could cut it at its size limit.
    """

    def __init__(self, database: Path, max_age_days: float, *, refresh: bool = False) -> None:
        # fast_save: no fsync per answer (a cache lost in a crash is only fetched again);
        # with it, 200 answers are stored in milliseconds instead of seconds.
        self._store = SQLiteCache(database, match_headers=list(MATCHED_HEADERS), fast_save=True)
        self._lifetime = timedelta(days=max_age_days)
        self._refresh = refresh
        self._lock = threading.Lock()

    def key(self, request: requests.PreparedRequest) -> str:
        """The cache key of a request (method, URL, body and Accept header)."""
        return self._store.create_key(request, match_headers=list(MATCHED_HEADERS))

    def get(self, request: requests.PreparedRequest) -> CachedResponse | None:
        """The stored answer to ``request`` if there is one still fresh (never with --refresh)."""
        if self._refresh:
            return None
        with self._lock:
            cached = self._store.get_response(self.key(request))
        if cached is None or cached.is_expired:
            return None
        return cached

    def put(self, response: requests.Response) -> CachedResponse:
        """Store ``response`` (its body already read) and return the stored copy."""
        expires = datetime.now(UTC) + self._lifetime
        with self._lock:
            self._store.save_response(response, self.key(response.request), expires)
        return CachedResponse.from_response(response, expires=expires)

    def close(self) -> None:
        """Close the database."""
        self._store.close()
