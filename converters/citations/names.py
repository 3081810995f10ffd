"""Reference names: readable, unique, stable, never purely numeric, derived from the source."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

# Words too common to tell two sources apart.
_STOP_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "with"}
)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_MAX_WORDS = 4


def slug(text: str) -> str:
    """``text`` as lower-case ASCII words joined by hyphens ("Encyclopædia" -> "encyclopaedia")."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("æ", "ae").replace("Æ", "Ae"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def words(text: str) -> list[str]:
    """The distinguishing words of ``text``, as slugs, in order."""
    return [w for w in slug(text).split("-") if w and w not in _STOP_WORDS]


def web_candidates(site: str, title: str | None) -> list[str]:
    """Names for a web source, shortest first: ``britannica``, ``britannica-personalized``, …

    ``title`` is the page's title, or the words of its URL when it has none.
    """
    base = slug(site) or "web"
    extra = words(title or "")[:_MAX_WORDS]
    return [base] + ["-".join([base, *extra[: n + 1]]) for n in range(len(extra))]


def text_candidates(text: str) -> list[str]:
    """Names for a free-text source: the first author's surname and the year, then more words."""
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's target is not the source's words
    alphabetic = [w for w in words(text) if not w.isdigit() and len(w) > 1]  # not initials
    year = _YEAR.search(text)
    base = "-".join(alphabetic[:1] + ([year.group()] if year else [])) or "note"
    return [base] + ["-".join([base, *alphabetic[1 : n + 2]]) for n in range(_MAX_WORDS)]


def label_candidates(label: str) -> list[str]:
    """The author's own footnote label as the name, when it is readable (not "1", not "n")."""
    name = slug(label)
    return [name] if len(name) >= 3 and not name.isdigit() else []


def assign(candidates: Sequence[Sequence[str]]) -> list[str]:
    """One unique name per source: each takes its shortest candidate nobody else needs."""
    levels = [0] * len(candidates)

    def name(i: int) -> str:
        options = candidates[i] or ["ref"]
        chosen = options[min(levels[i], len(options) - 1)]
        return chosen if not chosen.isdigit() else f"ref-{chosen}"  # Cite rejects numeric names

    while True:
        counts = Counter(name(i) for i in range(len(candidates)))
        clashing = [
            i
            for i in range(len(candidates))
            if counts[name(i)] > 1 and levels[i] < len(candidates[i]) - 1
        ]
        if not clashing:
            break
        for i in clashing:
            levels[i] += 1
    names: list[str] = []
    taken: set[str] = set()
    numbers: dict[str, int] = {}  # the last number given to each base, so a search starts there
    for i in range(len(candidates)):  # sources that still clash are told apart by a number
        base = candidate = name(i)
        while candidate in taken:
            numbers[base] = numbers.get(base, 1) + 1
            candidate = f"{base}-{numbers[base]}"
        taken.add(candidate)
        names.append(candidate)
    return names
