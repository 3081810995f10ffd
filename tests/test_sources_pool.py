"""bot.sources.pool: many URLs at once, and the examinations kept for the next run."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from bot.sources.pool import examine_all
from bot.sources.settings import SourceSettings
from tests import sourcesite


@pytest.fixture
def site(httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    sourcesite.serve(httpserver)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return httpserver


def settings(site: HTTPServer, allow_private: bool = True) -> SourceSettings:
    return SourceSettings(allow_private=allow_private, doi_resolver=site.url_for("/doi/"))


def test_a_second_run_reads_nothing_again(site: HTTPServer) -> None:
    urls = {site.url_for(p): "" for p in ("/blog", "/journal", "/chain1", "/gone")}
    first = examine_all(urls, settings(site))
    asked = len(site.log)
    again = examine_all(urls, settings(site))
    assert len(site.log) == asked == 8  # 4 pages, 3 more hops, the DOI record
    assert {url: e.metadata for url, e in again.items()} == {
        url: e.metadata for url, e in first.items()
    }
    assert again[site.url_for("/gone")].fetched.status == 404


def test_refresh_reads_everything_again(site: HTTPServer) -> None:
    urls = {site.url_for("/news"): ""}
    examine_all(urls, settings(site))
    examine_all(urls, settings(site), refresh=True)
    assert len(site.log) == 2


def test_what_was_kept_with_allow_private_is_refused_without_it(site: HTTPServer) -> None:
    urls = {site.url_for("/news"): ""}
    examine_all(urls, settings(site))
    refused = examine_all(urls, settings(site, allow_private=False))
    assert refused[site.url_for("/news")].fetched.problem == "refused"


def test_a_blocked_answer_is_asked_again(site: HTTPServer) -> None:
    urls = {site.url_for("/forbidden"): ""}
    examine_all(urls, settings(site))
    examine_all(urls, settings(site))
    assert len(site.log) == 2


def test_a_page_too_big_for_the_http_cache_is_still_examined_once(site: HTTPServer) -> None:
    urls = {site.url_for("/huge"): ""}
    first = examine_all(urls, settings(site))
    again = examine_all(urls, settings(site))
    assert len(site.log) == 1
    assert again[site.url_for("/huge")].fetched.status == 200
    assert again == first
