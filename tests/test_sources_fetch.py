"""bot.sources.fetch and lookup against a local stand-in for the cited sites (tests/sourcesite)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from requests_cache import SQLiteCache

from bot.sources.answer import MAX_BODY
from bot.sources.cache import ResponseCache
from bot.sources.fetch import Fetcher
from bot.sources.lookup import decode_html, examine
from bot.sources.pool import by_turns
from tests import sourcesite


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The fixture pages, served on 127.0.0.1."""
    sourcesite.serve(httpserver)
    return httpserver


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[ResponseCache]:
    """A fresh cache in the test's folder."""
    store = ResponseCache(tmp_path / "cache.sqlite", max_age_days=7)
    yield store
    store.close()


def fetcher(cache: ResponseCache | None = None, timeout: float = 20, **kwargs: object) -> Fetcher:
    """A fetcher allowed to read 127.0.0.1, where the tests serve."""
    options = {"allow_private": True, "offline": False, **kwargs}
    return Fetcher(user_agent="wikidraft-tests", timeout=timeout, cache=cache, **options)  # type: ignore[arg-type]


def test_the_configured_user_agent_is_sent(site: HTTPServer) -> None:
    fetcher().fetch(site.url_for("/news"))
    assert site.log[-1][0].headers["User-Agent"] == "wikidraft-tests"


def test_a_redirect_chain_is_followed_and_recorded(site: HTTPServer) -> None:
    fetched = fetcher().fetch(site.url_for("/chain1"))
    assert fetched.status == 200
    assert fetched.final_url == site.url_for("/news")
    assert fetched.redirects == tuple(site.url_for(p) for p in ("/chain2", "/chain3", "/news"))


def test_endless_redirects_stop_after_five(site: HTTPServer) -> None:
    fetched = fetcher().fetch(site.url_for("/loop0"))
    assert (fetched.status, fetched.problem) == (None, "redirects")
    assert len(site.log) == 6  # the URL and five redirects, no more


def test_a_trickling_server_costs_the_deadline_and_no_more(site: HTTPServer) -> None:
    fetched = fetcher(timeout=2).fetch(site.url_for("/slow"))
    assert fetched.problem == "timeout"


def test_a_50_mb_page_is_cut_at_2_mb(site: HTTPServer) -> None:
    fetched = fetcher().fetch(site.url_for("/huge"))
    assert fetched.status == 200
    assert len(fetched.body) == MAX_BODY


def test_a_gzip_bomb_is_cut_at_2_mb_of_its_contents(site: HTTPServer) -> None:
    fetched = fetcher().fetch(site.url_for("/bomb"))
    assert fetched.status == 200
    assert len(fetched.body) == MAX_BODY
    assert set(fetched.body) == {0}


def test_latin_1_without_a_charset_header_is_detected(site: HTTPServer) -> None:
    fetched = fetcher().fetch(site.url_for("/latin1"))
    assert "Café Müller et la crème brûlée" in decode_html(fetched)


def test_broken_html_with_a_bad_charset_and_broken_json_ld_still_gives_a_title(
    site: HTTPServer,
) -> None:
    examined = examine(site.url_for("/broken"), fetcher(), site.url_for("/doi/"))
    assert examined.page is not None
    assert examined.page.title is not None and examined.page.title.startswith("Half a")


def test_a_connection_refused_is_a_problem_not_a_crash() -> None:
    with socket.socket() as closed:  # a port nothing listens on once this socket is closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    fetched = fetcher().fetch(f"http://127.0.0.1:{port}/page")
    assert (fetched.status, fetched.problem) == (None, "connection")


def test_a_host_that_does_not_resolve_is_dead() -> None:
    fetched = fetcher().fetch("http://no-such-host.invalid/page")
    assert fetched.problem == "dns"


def test_answers_come_from_the_cache_the_second_time(
    site: HTTPServer, cache: ResponseCache
) -> None:
    first = fetcher(cache).fetch(site.url_for("/chain1"))
    requests_made = len(site.log)
    again = fetcher(cache).fetch(site.url_for("/chain1"))
    assert len(site.log) == requests_made == 4
    assert again == first


def test_offline_answers_only_from_the_cache(site: HTTPServer, cache: ResponseCache) -> None:
    fetcher(cache).fetch(site.url_for("/news"))
    offline = fetcher(cache, offline=True)
    assert offline.fetch(site.url_for("/news")).status == 200
    assert offline.fetch(site.url_for("/blog")).problem == "offline"
    assert len(site.log) == 1


def test_offline_looks_up_no_host(cache: ResponseCache) -> None:
    # Without a network every host fails to resolve: offline, that is "not in the cache", not
    # a dead link (.invalid never resolves, RFC 6761, so a lookup would say "dns").
    offline = fetcher(cache, offline=True, allow_private=False)
    assert offline.fetch("https://no-such-host.invalid/page").problem == "offline"


def test_refresh_ignores_the_cache(site: HTTPServer, tmp_path: Path) -> None:
    with_cache = ResponseCache(tmp_path / "c.sqlite", max_age_days=7)
    fetcher(with_cache).fetch(site.url_for("/news"))
    refreshing = ResponseCache(tmp_path / "c.sqlite", max_age_days=7, refresh=True)
    fetcher(refreshing).fetch(site.url_for("/news"))
    assert len(site.log) == 2


def test_a_pdf_gives_its_title_and_author(site: HTTPServer) -> None:
    examined = examine(site.url_for("/paper.pdf"), fetcher(), site.url_for("/doi/"))
    assert examined.page is not None
    assert examined.page.title == "Soil carbon in alpine meadows"
    assert [a.name for a in examined.page.authors] == ["Maria Keller"]


def test_a_journal_page_with_a_doi_gets_its_csl_record(site: HTTPServer) -> None:
    examined = examine(site.url_for("/journal"), fetcher(), site.url_for("/doi/"))
    assert examined.doi == sourcesite.DOI
    record = examined.metadata
    assert record is not None and record.kind == "journal"
    assert (record.journal, record.volume, record.issue, record.pages) == (
        "Journal of Translational Medicine",
        "18",
        "1",
        "180",
    )
    assert [(a.name, a.given) for a in record.authors] == [
        ("Vicente", "Astrid M."),
        ("Ballensiefen", "Wolfgang"),
        ("J\u00f6nsson", "Jan-Ingvar"),
    ]
    assert record.date == "2020-04-28"
    assert record.access_date is not None


def test_a_doi_the_resolver_does_not_know_has_no_record(site: HTTPServer) -> None:
    examined = examine(
        site.url_for("/blog"), fetcher(), site.url_for("/doi/"), "Smith. doi:10.9999/invented.1"
    )
    assert examined.doi == "10.9999/invented.1"
    assert examined.doi_answer is not None and examined.doi_answer.status == 404
    assert examined.record is None


def test_the_access_date_is_the_day_the_cached_answer_was_fetched(
    site: HTTPServer, tmp_path: Path
) -> None:
    database = tmp_path / "c.sqlite"
    first = ResponseCache(database, max_age_days=7)
    fetcher(first).fetch(site.url_for("/news"))
    first.close()
    store = SQLiteCache(database)  # the entry, made three days older
    (key,) = list(store.responses.keys())
    entry = store.responses[key]
    entry.created_at -= timedelta(days=3)
    store.responses[key] = entry
    store.close()
    again = ResponseCache(database, max_age_days=7)
    examined = examine(site.url_for("/news"), fetcher(again), site.url_for("/doi/"))
    assert examined.metadata is not None
    assert examined.metadata.access_date == (entry.created_at.date()).isoformat()
    three_days_ago = datetime.now(UTC).date() - timedelta(days=3)
    assert examined.metadata.access_date == three_days_ago.isoformat()
    assert len(site.log) == 1


def test_hosts_take_turns_in_the_pool() -> None:
    urls = ["http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1", "http://c/2"]
    assert by_turns(urls) == [
        "http://a/1", "http://b/1", "http://c/1", "http://a/2", "http://c/2", "http://a/3"
    ]  # fmt: skip
