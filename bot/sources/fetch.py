"""Fetching one URL within limits: redirects re-checked, a total deadline, the body cut at 2 MB."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from bot.sources.answer import CACHED_CODES, MAX_BODY, REDIRECT_CODES, Fetched
from bot.sources.safety import Refused, check_url

if TYPE_CHECKING:
    from collections.abc import Iterator

    from bot.sources.cache import ResponseCache

MAX_REDIRECTS = 5
PER_HOST = 2  # requests at a time to one host: the politeness of reFill and Citoid
CONNECT_TIMEOUT = 10.0
CHUNK = 64 * 1024
PAGE_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8"
# Storing an answer costs about twice its size for a moment; what was read from a bigger one
# is kept all the same, with the examination (bot.sources.memo).
MAX_CACHED_BODY = 512 * 1024


class DeadlineExceeded(Exception):
    """The URL's total deadline passed while its answer was still coming."""


class Fetcher:
    """One requests.Session for all URLs, with the cache, the deadline and a per-host limit."""

    def __init__(
        self,
        *,
        user_agent: str,
        timeout: float,
        allow_private: bool,
        cache: ResponseCache | None,
        offline: bool = False,
    ) -> None:
        self._session = requests.Session()
        self._session.headers["User-Agent"] = user_agent
        self._timeout = timeout
        self._allow_private = allow_private
        self._cache = cache
        self._offline = offline
        self._hosts: defaultdict[str, threading.BoundedSemaphore] = defaultdict(
            lambda: threading.BoundedSemaphore(PER_HOST)
        )
        self._hosts_lock = threading.Lock()

    @contextmanager
    def _host_slot(self, url: str) -> Iterator[None]:
        """Hold one of the host's PER_HOST slots."""
        with self._hosts_lock:
            slot = self._hosts[(urlsplit(url).hostname or "").lower()]
        with slot:
            yield

    def fetch(self, url: str, *, accept: str = PAGE_ACCEPT, trusted: bool = False) -> Fetched:
        """Follow ``url`` to its answer; ``trusted`` skips the address check of the first hop.

        Never raises for anything a server or the network does: that becomes ``problem``.
        """
        try:
            with self._host_slot(url):
                # The deadline starts once the host has a free slot: waiting is no fault of it.
                return self._follow(url, accept, trusted, time.monotonic() + self._timeout)
        except Refused as error:
            return Fetched(url, url, problem="refused", detail=str(error))

    def _follow(self, url: str, accept: str, trusted: bool, deadline: float) -> Fetched:
        """The redirect chain of ``url``, each target checked like the first URL."""
        current, redirects = url, []
        for hop in range(MAX_REDIRECTS + 1):
            try:
                if not (trusted and hop == 0):
                    # Offline nothing is sent, so the host is not looked up: without a network
                    # every lookup fails, and a source would be called dead for it.
                    check_url(current, allow_private=self._allow_private or self._offline)
                response = self._answer(current, accept, deadline)
            except (DeadlineExceeded, requests.Timeout, urllib3.exceptions.TimeoutError):
                problem, detail = "timeout", f"no complete answer within {self._timeout:g} s"
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
                problem = "dns" if _is_name_error(error) else "connection"
                detail = f"no answer ({type(error).__name__})"
            else:
                location = response.headers.get("Location") if response is not None else None
                if response is not None and response.status_code in REDIRECT_CODES and location:
                    current = urljoin(current, location)
                    redirects.append(current)
                    continue
                if response is not None:
                    return Fetched(
                        url,
                        current,
                        response.status_code,
                        tuple(redirects),
                        response.headers.get("Content-Type", ""),
                        response.content,
                        # A fresh answer is not a CachedResponse (when there is no cache).
                        getattr(response, "created_at", datetime.now(UTC)).date(),
                    )
                problem, detail = "offline", "offline, and not in the cache"
            return Fetched(url, current, None, tuple(redirects), problem=problem, detail=detail)
        detail = f"more than {MAX_REDIRECTS} redirects"
        return Fetched(url, current, None, tuple(redirects), problem="redirects", detail=detail)

    def _answer(self, url: str, accept: str, deadline: float) -> requests.Response | None:
        """The cached answer for one hop, else the network's (None: offline and not cached)."""
        request = self._session.prepare_request(
            requests.Request("GET", url, headers={"Accept": accept})
        )
        cached = self._cache.get(request) if self._cache else None
        if cached is not None:
            return cached
        if self._offline:
            return None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise DeadlineExceeded
        response = self._session.send(
            request,
            stream=True,
            allow_redirects=False,
            timeout=(min(CONNECT_TIMEOUT, remaining), remaining),
        )
        try:
            response._content = _read_capped(response, deadline)
        finally:
            response.close()
        if (
            self._cache
            and response.status_code in CACHED_CODES
            and (len(response.content) <= MAX_CACHED_BODY)
        ):
            return self._cache.put(response)
        return response


def _read_capped(response: requests.Response, deadline: float) -> bytes:
    """The body, decompressed, up to MAX_BODY bytes; DeadlineExceeded if it comes too slowly.

    ``read1`` returns whatever one read from the socket gave, so a server that trickles a
    byte a second is caught by the deadline instead of filling a whole chunk first; and
    urllib3 decompresses at most the asked amount at a time, so a gzip bomb costs a chunk.
    """
    # BytesIO.getvalue() hands over its buffer without a copy: one body in memory, not two.
    body = io.BytesIO()
    while body.tell() < MAX_BODY:
        if time.monotonic() > deadline:
            raise DeadlineExceeded
        part = response.raw.read1(min(CHUNK, MAX_BODY - body.tell()), decode_content=True)
        if not part:
            break
        body.write(part)
    return body.getvalue()


def _is_name_error(error: BaseException) -> bool:
    """Whether a connection failed because the host name does not resolve."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, socket.gaierror | urllib3.exceptions.NameResolutionError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
