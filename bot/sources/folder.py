"""Where fetched answers are kept: one SQLite file under $XDG_CACHE_HOME/wikidraft."""

from __future__ import annotations

import os
from pathlib import Path


def cache_database() -> Path:
    """$XDG_CACHE_HOME/wikidraft/http.sqlite (XDG's default: ~/.cache), its folder made."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "wikidraft"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "http.sqlite"
