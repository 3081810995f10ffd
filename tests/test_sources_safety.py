"""bot.sources.safety and the fetcher: a draft must not make wikidraft read a private network."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from bot.sources.fetch import Fetcher
from bot.sources.safety import Refused, check_url


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/file", "only http and https"),
        ("gopher://127.0.0.1:6379/_FLUSHALL", "only http and https"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http://127.0.0.1:8080/admin", "private or local"),
        ("http://localhost/", "private or local"),
        ("http://[::1]/", "private or local"),
        ("http://[::ffff:127.0.0.1]/", "private or local"),
        ("http://10.0.0.1/", "private or local"),
        ("http://192.168.1.1/", "private or local"),
        ("http://169.254.169.254/latest/meta-data/", "private or local"),  # cloud metadata
        ("http://100.64.0.1/", "private or local"),
        ("http://0.0.0.0/", "private or local"),
    ],
)
def test_refused_without_allow_private(url: str, why: str) -> None:
    with pytest.raises(Refused, match=why):
        check_url(url, allow_private=False)


def test_allow_private_lets_loopback_through() -> None:
    check_url("http://127.0.0.1:8080/page", allow_private=True)


def test_credentials_are_refused_even_when_private_addresses_are_allowed() -> None:
    with pytest.raises(Refused):
        check_url("http://user:pw@127.0.0.1/", allow_private=True)


def test_a_refused_url_sends_nothing(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/secret").respond_with_data("internal")
    fetcher = Fetcher(user_agent="t", timeout=5, allow_private=False, cache=None)
    fetched = fetcher.fetch(httpserver.url_for("/secret"))
    assert fetched.problem == "refused"
    assert httpserver.log == []


def test_each_redirect_target_is_checked_again(httpserver: HTTPServer) -> None:
    # The trusted first hop (the configured DOI resolver) may be local; where it sends us is not.
    httpserver.expect_request("/doi/10.1/x").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    fetcher = Fetcher(user_agent="t", timeout=5, allow_private=False, cache=None)
    fetched = fetcher.fetch(httpserver.url_for("/doi/10.1/x"), trusted=True)
    assert fetched.problem == "refused"
    assert "169.254.169.254" in fetched.detail
    assert len(httpserver.log) == 1
