"""What push tells the operator: progress on stderr while saving, a table of outcomes at the end."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TextIO

from bot.publish import Outcome, Status

BAR = 24


class Progress:
    """A progress bar on a terminal, one line per page otherwise; always on stderr."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.live = stream.isatty()

    def track(self, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
        """Pass outcomes through, reporting each."""
        for outcome in outcomes:
            self.done += 1
            self.show(outcome)
            yield outcome
        if self.live and self.total:
            self.stream.write("\n")

    def show(self, outcome: Outcome) -> None:
        """Report one finished page."""
        title, status = outcome.change.item.title, outcome.status.value
        if self.live:
            filled = BAR * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (BAR - filled)
            self.stream.write(f"\r\033[K[{bar}] {self.done}/{self.total} {title}: {status}")
        else:
            self.stream.write(f"wikidraft: [{self.done}/{self.total}] {title}: {status}\n")
        self.stream.flush()


def page_url(article_base: str, title: str) -> str:
    """The page's address on the wiki."""
    from urllib.parse import quote

    return article_base + quote(title.replace(" ", "_"), safe="/:()!,")


def address(outcome: Outcome, article_base: str) -> str | None:
    """The page's address; None for a page that is not there: a draft refused before it had
    a page, or a new page the wiki did not save."""
    item = outcome.change.item
    made = item.exists or outcome.status is not Status.FAILED
    return page_url(article_base, item.title) if item.refused is None and made else None


def table(outcomes: list[Outcome], article_base: str, stream: TextIO | None = None) -> None:
    """One line per page (status, title, URL, detail), then the counts per status."""
    # sys.stdout when called, not when imported: it may have been replaced since (tests do).
    stream = stream or sys.stdout
    width = max((len(outcome.change.item.title) for outcome in outcomes), default=0)
    for outcome in outcomes:
        item = outcome.change.item
        url = address(outcome, article_base) or "-"
        line = f"{outcome.status.value:<10}  {item.title:<{width}}  {url}"
        stream.write(line + (f"  ({outcome.detail})" if outcome.detail else "") + "\n")
    counts = Counter(outcome.status for outcome in outcomes)
    stream.write(", ".join(f"{counts[status]} {status.value}" for status in Status) + "\n")


def table_json(outcomes: list[Outcome], article_base: str, stream: TextIO | None = None) -> None:
    """The table as one JSON document: per page its source, title, status, URL, detail."""
    stream = stream or sys.stdout
    pages = [
        {
            "source": str(outcome.change.item.source),
            "title": outcome.change.item.title,
            "status": outcome.status.value,
            "url": address(outcome, article_base),
            "revid": outcome.revid,
            "detail": outcome.detail or None,
        }
        for outcome in outcomes
    ]
    json.dump({"pages": pages}, stream, ensure_ascii=False)
    stream.write("\n")
