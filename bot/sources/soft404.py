"""Soft 404s: answers that say "200 OK" but are a "not found" page or the site's home page."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from bot.sources.answer import Fetched
    from converters.citations.metadata import SourceMetadata

# What error pages call themselves, in their titles.
_NOT_FOUND = re.compile(
    r"\b(404|not found|page (?:does not|doesn't|cannot be found|no longer) exists?|"
    r"no longer available|page unavailable|nothing (?:was )?found)\b",
    re.IGNORECASE,
)


def is_home(url: str) -> bool:
    """Whether ``url`` is a site's front page (no path beyond "/", no query)."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def redirected_home(fetched: Fetched) -> bool:
    """Whether a deep link was redirected to the site's front page (what removed pages do)."""
    return bool(fetched.redirects) and is_home(fetched.final_url) and not is_home(fetched.url)


def is_soft_404(fetched: Fetched, page: SourceMetadata | None) -> bool:
    """Whether a 200 answer is really "not found": its title says so, or it is the home page."""
    titled = page is not None and page.title is not None and bool(_NOT_FOUND.search(page.title))
    return fetched.status == 200 and (titled or redirected_home(fetched))
