"""Part 3: API requests (counted in the wiki's server log) and wall time of diff and push."""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import corpus, measure, naive
from benchmarks.report import Table
from benchmarks.tools import Settings, wikidraft
from tests.botrun import api_requests, environment, write_config
from tests.localwiki import LocalWiki, start_wiki, stop_wiki

BATCH = 50  # titles per preloading query


class Wiki:
    """The benchmark's own local wiki, its config file, and a request counter on its log."""

    def __init__(self, settings: Settings) -> None:
        self.folder = settings.work / "wiki"
        self.local: LocalWiki = start_wiki(self.folder, settings.wiki_port)
        self.config = write_config(
            settings.work, self.local, user_agent="wikidraft-benchmarks (local wiki)"
        )
        self.states = (settings.work / "state" / str(number) for number in itertools.count())

    def cost(self, action: Callable[..., object], *args: Any, **kwargs: Any) -> tuple[int, float]:
        """The API requests and wall seconds that action(*args, **kwargs) takes."""
        before, start = api_requests(self.local), time.perf_counter()
        action(*args, **kwargs)
        seconds = time.perf_counter() - start
        return api_requests(self.local) - before, seconds

    def wikidraft(self, *arguments: str, ok: tuple[int, ...] = (0,)) -> None:
        """Run the real `wikidraft` command against this wiki, as on its first use."""
        # A fresh state folder each time: pywikibot's cookies and caches from an earlier run
        # would save a login here and there, and the per-row constants would not compare.
        env = environment(self.config, next(self.states))
        measure.run([wikidraft(), *arguments], ok=ok, env=env)


def titles(paths: list[Path]) -> dict[str, str]:
    """Page title (in the Draft namespace) → converted wikitext, as wikidraft would push it."""
    import converters

    pages = {}
    for path in paths:
        result = converters.convert(path.read_text(encoding="utf-8"), source_name=str(path))
        pages[f"Draft:{result.title}"] = result.wikitext
    return pages


def cell(cost: tuple[int, float]) -> str:
    """'requests / seconds' for one table cell."""
    return f"{cost[0]} / {cost[1]:.2f} s"


def run(settings: Settings) -> list[Table]:
    """Diff and push of 1, 10, 100, 500 new drafts, each next to the one-page-at-a-time loop."""
    counts = [1, 10] if settings.quick else [1, 10, 100, 500]
    wiki = Wiki(settings)
    table = Table(
        "Wiki cost: API requests / wall time",
        settings.command,
        [
            "drafts N",
            "diff (new pages)",
            "naive read loop",
            "push (new pages)",
            "naive push loop",
            "diff after push",
            "push again (no change)",
            "diff - ⌈N/50⌉",
            "push - N - ⌈N/50⌉",
        ],
    )
    try:
        for count in counts:
            paths = corpus.small_drafts(
                settings.work / "wiki-drafts" / f"n{count}", count, f"n{count}-"
            )
            others = corpus.small_drafts(
                settings.work / "wiki-drafts" / f"naive{count}", count, f"naive{count}-"
            )
            files = list(map(str, paths))
            local = wiki.local
            diff_new = wiki.cost(wiki.wikidraft, "diff", *files, ok=(1,))
            read_new = wiki.cost(naive.read_each, local.api, titles(paths))
            push = wiki.cost(wiki.wikidraft, "push", "--yes", *files)
            naive_push = wiki.cost(naive.push_each, local, titles(others))
            diff_after = wiki.cost(wiki.wikidraft, "diff", *files)
            push_again = wiki.cost(wiki.wikidraft, "push", "--yes", *files)
            batches = math.ceil(count / BATCH)
            table.rows.append(
                [
                    str(count),
                    cell(diff_new),
                    cell(read_new),
                    cell(push),
                    cell(naive_push),
                    cell(diff_after),
                    cell(push_again),
                    str(diff_new[0] - batches),
                    str(push[0] - count - batches),
                ]
            )
    finally:
        stop_wiki(wiki.folder)
    table.notes += [
        "requests: api.php lines added to the wiki's server log (php -S logs one line per request)",
        "every wikidraft command runs with an empty state folder (XDG_STATE_HOME), so each "
        "logs in and reads the site info afresh, as on a first run",
        "naive read loop: one `action=query&prop=revisions` GET per page (benchmarks/naive.py); "
        "naive push loop: login (3 requests), then per page one GET and one edit POST; both "
        "run in the benchmark's own process, conversion not timed",
        "targets: diff ≈ N/50 + a small constant; push = N + N/50 + a constant; the last two "
        "columns are those constants",
    ]
    return [table]
