"""bot.sources.judge: each kind of broken, blocked or doubtful source, served locally."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from bot.sources.fetch import Fetcher
from bot.sources.judge import Finding, isbn_findings, judge, titles_differ
from bot.sources.lookup import examine
from tests import sourcesite


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    sourcesite.serve(httpserver)
    return httpserver


def verdict(site: HTTPServer, path: str, title: str | None = None, timeout: float = 20) -> list:
    """(severity, kind) of every finding about ``path`` cited with ``title``."""
    fetcher = Fetcher(user_agent="t", timeout=timeout, allow_private=True, cache=None)
    url = site.url_for(path)
    examined = examine(url, fetcher, site.url_for("/doi/"), title or "")
    return [(f.severity, f.kind) for f in judge(url, examined, title)]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/news", []),
        ("/gone", [("error", "dead")]),
        ("/removed", [("error", "dead")]),
        ("/soft404", [("error", "soft-404")]),
        ("/old-article", [("error", "soft-404")]),
        ("/forbidden", [("warning", "blocked")]),
        ("/limited", [("warning", "blocked")]),
        ("/chain1", [("warning", "redirected")]),
        ("/loop0", [("warning", "unreachable")]),
    ],
)
def test_the_answer_decides_the_verdict(site: HTTPServer, path: str, expected: list) -> None:
    assert verdict(site, path) == expected


def test_a_slow_page_is_a_timeout_warning(site: HTTPServer) -> None:
    assert verdict(site, "/slow", timeout=1) == [("warning", "timeout")]


def test_a_title_the_page_does_not_bear_is_a_mismatch(site: HTTPServer) -> None:
    assert verdict(site, "/news", "Quantum tunnelling in superconducting qubits") == [
        ("warning", "title-mismatch")
    ]
    assert verdict(site, "/news", "Bees return to valley") == []


def test_an_invented_doi_is_an_error(site: HTTPServer) -> None:
    assert ("error", "doi-unresolvable") in verdict(site, "/blog", "Rust. doi:10.9999/invented")


def test_a_doi_of_another_work_is_flagged(site: HTTPServer) -> None:
    found = verdict(site, "/blog", f"Rust in Linux: where we are. doi:{sourcesite.OTHER_DOI}")
    assert found == [("warning", "doi-mismatch")]


def test_the_journal_page_and_its_doi_agree(site: HTTPServer) -> None:
    assert verdict(site, "/journal", "The future of personalised medicine") == []


def test_a_dead_host_is_dead() -> None:
    fetcher = Fetcher(user_agent="t", timeout=5, allow_private=True, cache=None)
    url = "http://no-such-host.invalid/x"
    assert [f.kind for f in judge(url, examine(url, fetcher, "http://127.0.0.1:9/"), None)] == [
        "dead"
    ]


def test_titles_differ_only_when_they_share_almost_nothing() -> None:
    assert not titles_differ("Personalised medicine", "Personalized Medicine | Britannica")
    assert titles_differ("Colony collapse disorder", "Rust in Linux: where we are")


def test_isbn_check_digits() -> None:
    assert isbn_findings("Knuth, TAOCP. ISBN 978-0-201-89683-1.") == []
    assert isbn_findings("ISBN 0-306-40615-2 and ISBN-13: 978-0-306-40615-7") == []
    bad = isbn_findings("Smith (2020). A Book. ISBN 978-0-306-40615-8.")
    assert bad == [
        Finding(
            "error", "bad-isbn", "ISBN 978-0-306-40615-8 has a wrong check digit; copy it again"
        )
    ]
