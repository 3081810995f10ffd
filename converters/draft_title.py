"""The draft's title: an explicit one, front matter, a "Draft:" first line, the H1, the file."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

from converters.result import Warn

_NAMESPACE_LINE = re.compile(r"[ \t]*(?P<ns>[A-Za-z]+):[ \t]*(?P<title>\S[^\n]*?)[ \t]*")
# "X: A New Era in Healthcare": the subtitle of an essay, not part of an article's name.
_ESSAY_SUBTITLE = re.compile(
    r"[^:]+:\s+(?:(?:A|An|The)\s+)?(?:\w+\s+)?(?:New|Era|Future|Overview|Guide|Journey|"
    r"Revolution|Exploring|Understanding|Unlocking|Unveiling|Navigating|Transforming|"
    r"Revolutioni[sz]ing|Harnessing|Comprehensive|Deep Dive|Introduction)\b.*",
    re.IGNORECASE,
)


def take_namespace_line(markdown: str, namespace: str) -> tuple[str, str | None, str | None]:
    """Blank out a first line like ``Draft:Title``; returns text, namespace and title.

    Only ``namespace``, the one written to, counts: "User: write me an article" is a chat.
    The line is replaced by an empty one so that line numbers in warnings stay right.
    """
    first, newline, rest = markdown.partition("\n")
    match = _NAMESPACE_LINE.fullmatch(first)
    if match is None or not namespace or match["ns"].casefold() != namespace.casefold():
        return markdown, None, None
    return newline + rest, namespace, match["title"]


def essay_subtitle(title: str) -> bool:
    """True for a title with an essay's subtitle, "X: A New Era in …" (WP:AT)."""
    return _ESSAY_SUBTITLE.fullmatch(title) is not None


def check_title(title: str, heading: str | None, line: int | None, warn: Warn) -> None:
    """Warn when the title heading names another page than ``title``, or about an essay's
    subtitle in either (WP:AT)."""
    if heading is not None and _key(heading) != _key(title):
        warn(
            line,
            f'the title heading "{heading}" differs from the page title "{title}"; '
            "it was left out of the body (the wiki shows the page title)",
        )
    for name in dict.fromkeys((title, heading or title)):
        if essay_subtitle(name):
            subject = name.split(":")[0].strip()
            warn(
                line if name == heading else None,
                f'the title "{name}" has an essay\'s subtitle; an article is named for its '
                f'subject (WP:AT): "{subject}"',
            )


def subject_names(titles: Iterable[str | None]) -> list[str]:
    """Names the lead may open with: each title, before a subtitle, without a disambiguator.

    "Rope (data structure)" is bolded where the lead says "Rope".
    """
    names = [name for t in titles if t and (name := clean_title(t))]
    return [
        *names,
        *(name.split(":")[0].strip() for name in names),
        *(re.sub(r"\s*\(.*\)$", "", name) for name in names),
    ]


def _key(title: str) -> str:
    """A title compared loosely: case, spacing and punctuation aside."""
    return re.sub(r"\W+", "", title).casefold()


def title_from_file(source_name: str | None) -> str | None:
    """A title from a file name: ``my_first-draft.md`` -> "My first draft"."""
    if not source_name or source_name == "-":
        return None
    stem = re.sub(r"[_-]+", " ", PurePath(source_name).stem).strip()
    return stem[:1].upper() + stem[1:] if stem else None


def clean_title(title: str) -> str:
    """A title as MediaWiki stores it: one line, single spaces, no surrounding space."""
    return re.sub(r"\s+", " ", title).strip()
