"""Many URLs examined at once: a thread pool over one fetcher, hosts taken in turn."""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from itertools import chain, zip_longest
from urllib.parse import urlsplit

from bot.sources.cache import ResponseCache, cache_folder
from bot.sources.fetch import Fetcher
from bot.sources.lookup import Examined, examine
from bot.sources.settings import SourceSettings


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
    """Every URL examined; ``urls`` maps each to the draft's text about it (for a DOI there)."""
    cache = ResponseCache(cache_folder(), settings.max_age_days, refresh=refresh)
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
            futures = {
                pool.submit(examine, url, fetcher, settings.doi_resolver, urls[url]): url
                for url in by_turns(list(urls))
            }
            for future in as_completed(futures):
                found[futures[future]] = future.result()
                progress.step()
    finally:
        cache.close()
    return found
