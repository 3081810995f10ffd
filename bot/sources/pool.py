"""Many URLs examined at once: a thread pool over one fetcher, hosts taken in turn."""

from __future__ import annotations

import importlib
import sys
from collections import defaultdict
from collections.abc import Mapping
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from itertools import chain, zip_longest
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.sources.doi import find_doi
from bot.sources.folder import cache_database
from bot.sources.memo import Memo
from bot.sources.settings import SourceSettings

if TYPE_CHECKING:
    from bot.sources.lookup import Examined


def by_turns(urls: list[str]) -> list[str]:
    """``urls`` reordered so that hosts take turns: no worker waits while others are free."""
    hosts: defaultdict[str, list[str]] = defaultdict(list)
    for url in urls:
        hosts[(urlsplit(url).hostname or "").lower()].append(url)
    turns = zip_longest(*hosts.values())
    return [url for url in chain.from_iterable(turns) if url is not None]


class Progress:
    """ "checking sources: 3/40" on standard error, rewritten in place; silent off a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.shown = sys.stderr.isatty() and total > 0

    def step(self) -> None:
        """Count one URL done."""
        self.done += 1
        if self.shown:
            end = "\n" if self.done == self.total else ""
            print(f"\rchecking sources: {self.done}/{self.total}", end=end, file=sys.stderr)


def examine_all(
    urls: Mapping[str, str],
    settings: SourceSettings,
    *,
    offline: bool = False,
    refresh: bool = False,
) -> dict[str, Examined]:
    """Every URL examined; ``urls`` maps each to the draft's text about it (for a DOI there).

    Examinations kept from an earlier run are taken as they are; only the rest is fetched.
    """
    memo = Memo(cache_database(), settings.max_age_days)
    key = {
        url: Memo.key(url, settings.doi_resolver, settings.allow_private, find_doi(text))
        for url, text in urls.items()
    }
    try:
        kept = {} if refresh else {url: memo.get(key[url]) for url in urls}
        found = {url: examined for url, examined in kept.items() if examined is not None}
        missing = {url: text for url, text in urls.items() if url not in found}
        fetched = _fetch_all(missing, settings, offline, refresh) if missing else {}
        memo.put_all({url: (key[url], examined) for url, examined in fetched.items()})
        found.update(fetched)
    finally:
        memo.close()
    return found


def _fetch_all(
    urls: Mapping[str, str], settings: SourceSettings, offline: bool, refresh: bool
) -> dict[str, Examined]:
    """Every URL fetched through the HTTP cache by a pool of threads that only fetch.

    Answers are read here, between answers, and a DOI found in one goes back to the pool: no
    fetching slot waits while a page is parsed.
    """
    from bot.sources.cache import ResponseCache
    from bot.sources.doi import resolve
    from bot.sources.fetch import Fetcher
    from bot.sources.lookup import read_answer, with_record

    cache = ResponseCache(cache_database(), settings.max_age_days, refresh=refresh)
    fetcher = Fetcher(
        user_agent=settings.user_agent,
        timeout=settings.timeout,
        allow_private=settings.allow_private,
        cache=cache,
        offline=offline,
    )
    progress = Progress(len(urls))
    found: dict[str, Examined] = {}
    try:
        with ThreadPoolExecutor(max_workers=settings.concurrency) as pool:
            # The extractor takes a third of a second to import: done while the first answers
            # are awaited, not after they came.
            pool.submit(importlib.import_module, "bot.sources.metadata")
            pending = {pool.submit(fetcher.fetch, url): url for url in by_turns(list(urls))}
            unresolved: dict[str, Examined] = {}
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    url = pending.pop(future)
                    if url in unresolved:
                        found[url] = with_record(unresolved.pop(url), future.result())
                    elif (examined := read_answer(future.result(), urls[url])).doi is None:
                        found[url] = examined
                    else:
                        unresolved[url] = examined
                        asked = pool.submit(resolve, examined.doi, settings.doi_resolver, fetcher)
                        pending[asked] = url
                        continue
                    progress.step()
    finally:
        cache.close()
    return found
