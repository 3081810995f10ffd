"""The answer to a cited URL, as kept and judged: status, redirects, body, or the problem."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MAX_BODY = 2 * 1024 * 1024  # a page's metadata is in its head; a PDF's info is read from this
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
# Answers worth keeping: pages, redirects and "gone". A refusal (401, 403, 429) or a server
# error may be over tomorrow, so it is asked again instead of remembered for a week.
CACHED_CODES = frozenset({200, 203, 204, 300, 404, 410} | REDIRECT_CODES)


@dataclass(frozen=True)
class Fetched:
    """The answer to one URL after its redirects, or the problem that left it without one."""

    url: str
    final_url: str
    status: int | None = None  # None when no answer came
    redirects: tuple[str, ...] = ()  # each URL redirected to, in order
    content_type: str = ""
    body: bytes = b""  # at most MAX_BODY bytes, after Content-Encoding
    fetched_on: date | None = None  # when the final answer was fetched (a cached one's date)
    # None, or why there is no answer: "refused", "dns", "timeout", "connection",
    # "redirects" (too many), "offline" (not in the cache).
    problem: str | None = None
    detail: str = ""
