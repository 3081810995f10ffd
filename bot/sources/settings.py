"""The ``[sources]`` settings: whether citations are enriched, and how sources are fetched."""

from __future__ import annotations

from dataclasses import dataclass

# Who is asking, when the config names no one: sites block the python-requests default.
DEFAULT_USER_AGENT = "wikidraft (citation checker; python-requests)"


@dataclass(frozen=True)
class SourceSettings:
    """How sources are fetched; the defaults are those of a config without ``[sources]``."""

    enrich: bool = False  # fill citations from the fetched metadata (diff, push, preview)
    timeout: float = 20.0  # the total deadline per URL, in seconds
    concurrency: int = 8  # URLs fetched at a time (at most two per host)
    max_age_days: float = 7.0  # how long a fetched answer is reused from the cache
    allow_private: bool = False  # fetch URLs of loopback, private and link-local addresses
    doi_resolver: str = "https://doi.org/"  # trusted as configured, whatever its address
    user_agent: str = DEFAULT_USER_AGENT
