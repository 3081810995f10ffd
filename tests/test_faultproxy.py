"""The fault proxy forwards faithfully and injects exactly the faults it was told to, no more."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import requests

from tests.faultproxy import Fault, FaultProxy
from tests.localwiki import LocalWiki
from tests.wikiadmin import Account

pytestmark = pytest.mark.wiki
SITEINFO = {"action": "query", "meta": "siteinfo", "format": "json"}


@pytest.fixture
def proxy(local_wiki: LocalWiki) -> Iterator[FaultProxy]:
    """A proxy in front of the session wiki, stopped after the test."""
    with FaultProxy(local_wiki.api) as running:
        yield running


def logged_in(proxy: FaultProxy, wiki: LocalWiki) -> Account:
    """The bot account logged in through the proxy (its session and CSRF token)."""
    return Account(wiki, wiki.username, wiki.password, api=proxy.api)


def user_id(session: requests.Session, api: str) -> int:
    """The id of the user the wiki thinks this session is (0: anonymous)."""
    query = {"action": "query", "meta": "userinfo", "format": "json"}
    return int(session.get(api, params=query, timeout=30).json()["query"]["userinfo"]["id"])


def test_forwards_requests_and_session_cookies(proxy: FaultProxy, local_wiki: LocalWiki) -> None:
    direct = requests.get(local_wiki.api, params=SITEINFO, timeout=30).json()
    through = requests.get(proxy.api, params=SITEINFO, timeout=30).json()
    assert through["query"]["general"]["sitename"] == direct["query"]["general"]["sitename"]
    assert user_id(logged_in(proxy, local_wiki).session, proxy.api) > 0
    assert proxy.count("query", fault=None) >= 3 and proxy.count(fault="reset") == 0


def test_status_fault_answers_with_retry_after_then_passes(proxy: FaultProxy) -> None:
    proxy.inject(Fault("status", status=503, retry_after=7, times=2))
    first = requests.get(proxy.api, params=SITEINFO, timeout=30)
    second = requests.get(proxy.api, params=SITEINFO, timeout=30)
    third = requests.get(proxy.api, params=SITEINFO, timeout=30)
    assert (first.status_code, second.status_code, third.status_code) == (503, 503, 200)
    assert first.headers["Retry-After"] == "7"
    assert proxy.count("query", fault="status") == 2


def test_reset_fault_breaks_the_connection_once(proxy: FaultProxy) -> None:
    proxy.inject(Fault("reset"))
    with pytest.raises(requests.ConnectionError):
        requests.get(proxy.api, params=SITEINFO, timeout=30)
    assert requests.get(proxy.api, params=SITEINFO, timeout=30).ok


def test_delay_fault_outlasts_a_short_client_timeout(proxy: FaultProxy) -> None:
    proxy.inject(Fault("delay", seconds=1.0))
    started = time.monotonic()
    with pytest.raises(requests.ReadTimeout):
        requests.get(proxy.api, params=SITEINFO, timeout=0.3)
    assert time.monotonic() - started < 1.0
    assert requests.get(proxy.api, params=SITEINFO, timeout=30).ok


def test_maxlag_fault_is_mediawikis_maxlag_error(proxy: FaultProxy) -> None:
    proxy.inject(Fault("maxlag", retry_after=5, seconds=2))
    response = requests.get(proxy.api, params={**SITEINFO, "maxlag": "5"}, timeout=30)
    assert response.status_code == 200 and response.headers["Retry-After"] == "5"
    assert response.json()["error"]["code"] == "maxlag" and response.json()["error"]["lag"] == 2


def test_lost_response_fault_lets_the_wiki_act_but_the_client_never_hears(
    proxy: FaultProxy, local_wiki: LocalWiki
) -> None:
    bot = logged_in(proxy, local_wiki)
    title = f"Draft:Lost response {time.time_ns()}"
    edit = {"action": "edit", "title": title, "text": "x", "token": bot.token}
    proxy.inject(Fault("lost_response", action="edit"))
    with pytest.raises(requests.ConnectionError):
        bot.session.post(proxy.api, data={**edit, "format": "json"}, timeout=30)
    info = {"action": "query", "titles": title, "format": "json", "formatversion": 2}
    assert (
        "missing"
        not in requests.get(proxy.api, params=info, timeout=30).json()["query"]["pages"][0]
    )


def test_drop_cookies_makes_the_session_look_expired_once(
    proxy: FaultProxy, local_wiki: LocalWiki
) -> None:
    session = logged_in(proxy, local_wiki).session
    proxy.inject(Fault("drop_cookies", action="query"))
    assert user_id(session, proxy.api) == 0
    assert user_id(session, proxy.api) > 0


def test_bad_token_fault_makes_the_wiki_reject_the_edit(
    proxy: FaultProxy, local_wiki: LocalWiki
) -> None:
    bot = logged_in(proxy, local_wiki)
    session = bot.session
    edit = {
        "action": "edit",
        "title": "Draft:Fault proxy token test",
        "text": "x",
        "token": bot.token,
        "format": "json",
    }
    proxy.inject(Fault("bad_token", action="edit"))
    assert session.post(proxy.api, data=edit, timeout=30).json()["error"]["code"] == "badtoken"
    assert session.post(proxy.api, data=edit, timeout=30).json()["edit"]["result"] == "Success"


def test_faults_only_hit_their_action_and_expire(proxy: FaultProxy) -> None:
    proxy.inject(Fault("status", action="edit", times=5))
    assert requests.get(proxy.api, params=SITEINFO, timeout=30).ok
    proxy.clear()
    proxy.inject(Fault("status", times=5, within=0.2))
    time.sleep(0.3)
    assert requests.get(proxy.api, params=SITEINFO, timeout=30).ok
    assert proxy.count(fault="status") == 0


def test_unknown_faults_and_remote_upstreams_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown fault"):
        Fault("explode")
    with pytest.raises(ValueError, match="loopback"):
        FaultProxy("http://wiki.example/w/api.php")


def test_a_fault_is_armed_when_injected_and_can_be_injected_again(proxy: FaultProxy) -> None:
    fault = Fault("status", within=0.5)
    time.sleep(0.6)  # longer than within since the fault was made: injecting arms it anew
    for _ in range(2):
        proxy.inject(fault)
        assert requests.get(proxy.api, params=SITEINFO, timeout=30).status_code == 503
    assert fault.times == 1  # the proxy used copies
