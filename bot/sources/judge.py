"""The verdict on a cited source: dead, blocked, moved, or not the source the draft says."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.sources.soft404 import is_soft_404, redirected_home

if TYPE_CHECKING:
    from bot.sources.lookup import Examined

DEAD = frozenset({404, 410})
BLOCKED = frozenset({401, 403, 429})
# Words too common in titles to tell two apart.
_STOPWORDS = frozenset(
    {
        "the", "and", "for", "with", "from", "that", "this", "what", "where", "when", "how", "why",
        "are", "was", "were", "its", "our", "your", "their", "into", "about", "over", "under",
        "after", "before", "between", "not", "all", "new", "news",
    }
)  # fmt: skip
# "ISBN 978-0-306-40615-7", "ISBN-10: 0 306 40615 2": the number runs to its last digit or X.
_ISBN = re.compile(r"\bISBN(?:-1[03])?:?\s*(?P<number>[0-9][0-9\s-]{8,16}[0-9Xx])\b")


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer must look at: severity "error" or "warning", a kind, a message."""

    severity: str
    kind: str
    message: str
    url: str | None = None


def _words(title: str) -> set[str]:
    """A title's distinctive words, cut to five letters so "personalised" meets "personalized"."""
    words = re.findall(r"\w+", title.casefold())
    return {w[:5] for w in words if len(w) > 2 and w not in _STOPWORDS}


def titles_differ(ours: str, theirs: str) -> bool:
    """Whether two titles share almost nothing (under a fifth of the shorter one's words)."""
    a, b = _words(ours), _words(theirs)
    return bool(a and b) and len(a & b) < 0.2 * min(len(a), len(b))


def _moved(url: str, final: str) -> bool:
    """Whether ``final`` is another page, not ``url`` over https or with a slash added."""

    def plain(u: str) -> str:
        parts = urlsplit(u)
        return f"{parts.netloc.lower().removeprefix('www.')}{parts.path.rstrip('/')}?{parts.query}"

    return plain(url) != plain(final)


def _answer_findings(url: str, examined: Examined) -> list[Finding]:
    """Findings about the answer itself: no answer, an error status, a soft 404, a move."""
    fetched = examined.fetched
    status = fetched.status
    if fetched.problem in ("refused", "offline"):
        return [Finding("warning", "not-checked", f"not checked: {fetched.detail}", url)]
    if fetched.problem == "dns":
        host = urlsplit(fetched.final_url).hostname
        return [Finding("error", "dead", f"dead link: the host {host} does not exist", url)]
    if fetched.problem == "timeout":
        return [Finding("warning", "timeout", f"could not verify: {fetched.detail}", url)]
    if fetched.problem is not None or status is None:
        detail = fetched.detail or fetched.problem
        return [Finding("warning", "unreachable", f"could not verify: {detail}", url)]
    if status in DEAD:
        return [Finding("error", "dead", f"dead link: the server answers {status}", url)]
    if status in BLOCKED:
        message = f"could not verify: the server refuses wikidraft ({status}); check it by hand"
        return [Finding("warning", "blocked", message, url)]
    if status != 200:
        return [
            Finding("warning", "unreachable", f"could not verify: the server answers {status}", url)
        ]
    if redirected_home(fetched):
        message = f"soft 404: redirected to the site's home page {fetched.final_url}"
        return [Finding("error", "soft-404", message, url)]
    if is_soft_404(fetched, examined.page):
        title = examined.page.title if examined.page else ""
        return [Finding("error", "soft-404", f'soft 404: the page says "{title}"', url)]
    if _moved(url, fetched.final_url):
        message = f"redirected to {fetched.final_url}; cite that URL"
        return [Finding("warning", "redirected", message, url)]
    return []


def _doi_findings(url: str, examined: Examined, draft_title: str | None) -> list[Finding]:
    """Findings about the source's DOI: not registered, or registered to another work."""
    answer = examined.doi_answer
    if examined.doi is None or answer is None:
        return []
    if answer.status in DEAD:
        message = f"DOI {examined.doi} does not resolve; it may be invented"
        return [Finding("error", "doi-unresolvable", message, url)]
    record_title = examined.record.title if examined.record else None
    if record_title is None:
        return []
    page_title = examined.page.title if examined.page and examined.readable else None
    ours = page_title or draft_title
    if ours and titles_differ(ours, record_title):
        message = f'DOI {examined.doi} belongs to "{record_title}", not "{ours}"'
        return [Finding("warning", "doi-mismatch", message, url)]
    return []


def judge(url: str, examined: Examined, draft_title: str | None) -> list[Finding]:
    """Every finding about one cited URL; ``draft_title`` is the title the draft gave it."""
    findings = _answer_findings(url, examined)
    page_title = examined.page.title if examined.page else None
    if not findings and draft_title and page_title and titles_differ(draft_title, page_title):
        message = f'the draft calls it "{draft_title}", the page "{page_title}"; is it the source?'
        findings.append(Finding("warning", "title-mismatch", message, url))
    return findings + _doi_findings(url, examined, draft_title)


def isbn_findings(text: str) -> list[Finding]:
    """An error for every ISBN in ``text`` whose check digit is wrong."""
    from stdnum import isbn  # imported when a draft has an ISBN: a warm check is mostly start-up

    return [
        Finding("error", "bad-isbn", f"ISBN {m['number']} has a wrong check digit; copy it again")
        for m in _ISBN.finditer(text)
        if not isbn.is_valid(m["number"])
    ]
