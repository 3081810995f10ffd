"""Shared fixtures: a fresh local MediaWiki for the whole test session."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

from tests.localwiki import LocalWiki, start_wiki, stop_wiki, wiki_unavailable_reason

# Property-test budgets (docs/reliability.md): "ci" in `make test`, "long" by hand with
# HYPOTHESIS_PROFILE=long. No deadline: one example may hold a 280 kB line or a wiki round trip.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def local_wiki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalWiki]:
    """A running local wiki on its own port and folder, stopped after the session."""
    reason = wiki_unavailable_reason()
    if reason:
        pytest.skip(f"no local MediaWiki can be installed here: {reason}")
    folder = tmp_path_factory.mktemp("wiki")
    wiki = start_wiki(folder)
    try:
        yield wiki
    finally:
        stop_wiki(folder)
