"""Shared fixtures: a fresh local MediaWiki for the whole test session."""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.localwiki import LocalWiki, start_wiki, stop_wiki, wiki_unavailable_reason

# Property-test budgets (docs/reliability.md): "ci" in `make test`, "long" by hand with
# HYPOTHESIS_PROFILE=long. No deadline: one example may hold a 280 kB line or a wiki round trip.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

DEV_NULL = Path("/dev/null")


def is_character_device(path: Path) -> bool:
    """Whether path is (still) a character device."""
    try:
        return stat.S_ISCHR(path.stat().st_mode)
    except OSError:
        return False


@pytest.fixture(scope="session", autouse=True)
def dev_null_stays_a_device() -> Iterator[None]:
    """Fail the session if a test replaced /dev/null (a test once made it a regular file)."""
    before = is_character_device(DEV_NULL)
    if not before:
        warnings.warn(
            "/dev/null was not a character device when the tests started: something replaced "
            "it earlier (recreate it: rm /dev/null; mknod -m 666 /dev/null c 1 3)",
            stacklevel=1,
        )
    yield
    assert not before or is_character_device(DEV_NULL), "a test replaced /dev/null"


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
