"""Shared fixtures: a fresh local MediaWiki for the whole test session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.localwiki import LocalWiki, start_wiki, stop_wiki, wiki_unavailable_reason


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
