"""The login: a session cookie never stands in for the password, a lost session is one re-login,
and the wiki's Retry-After is honoured up to a bound. Against the local wiki, faults through
tests/faultproxy.py.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.botrun import draft, started, unique, wikidraft, write_config
from tests.faultproxy import Fault, FaultProxy
from tests.localwiki import LocalWiki
from tests.test_faults import on_terminal
from tests.wikiadmin import page_text, revision_count


@pytest.fixture
def proxy(local_wiki: LocalWiki) -> Iterator[FaultProxy]:
    """A fault proxy in front of the session wiki."""
    with FaultProxy(local_wiki.api) as running:
        yield running


def after_the_first_save(proxy: FaultProxy, fault: Fault) -> None:
    """Arm fault once the first save has passed the proxy (for the requests after it)."""
    proxy.inject(Fault("hook", action="edit", hook=lambda: proxy.inject(fault)))


def password_file(path: Path, password: str) -> Path:
    """A mode-600 file holding password."""
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def test_a_wrong_password_is_refused_while_a_good_session_cookie_exists(
    proxy: FaultProxy, local_wiki: LocalWiki, tmp_path: Path
) -> None:
    good = write_config(tmp_path, local_wiki, api=proxy.api)
    first = wikidraft(good, "push", "--yes", str(draft(tmp_path, unique("Cookie first"))))
    assert first.returncode == 0, first.stdout + first.stderr
    assert list((tmp_path / "state").rglob("*.lwp"))  # the good login's session is kept
    wrong = "wrong-" + local_wiki.password[::-1]
    (tmp_path / "wrong").mkdir()
    bad = write_config(
        tmp_path / "wrong",
        local_wiki,
        api=proxy.api,
        password_file=str(password_file(tmp_path / "pw", wrong)),
    )
    title = unique("Cookie second")
    # The same state folder, so the good session's cookie jar is there to be (mis)used.
    result = wikidraft(
        bad, "push", "--yes", str(draft(tmp_path / "wrong", title)), state=tmp_path / "state"
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("wikidraft: error: ")
    assert "cannot log in" in result.stderr
    assert "Incorrect username or password" in result.stderr
    assert page_text(local_wiki, f"Draft:{title}") is None
    for path in (tmp_path / "state").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert wrong not in text and local_wiki.password not in text, path
            assert wrong not in path.name and local_wiki.password not in path.name
    # The right password again resumes its own session: no login request at all.
    logins = proxy.count("login")
    again = wikidraft(good, "push", "--yes", str(draft(tmp_path, unique("Cookie third"))))
    assert again.returncode == 0, again.stdout + again.stderr
    assert proxy.count("login") == logins


def test_a_session_that_cannot_be_resumed_is_one_fresh_login(
    proxy: FaultProxy, local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki, api=proxy.api)
    titles = [unique("Relogin first"), unique("Relogin second")]
    # Once the first page is saved, the next two requests lose their cookie: the second save
    # and the check of the session that follows it, so only a fresh login can go on.
    after_the_first_save(proxy, Fault("drop_cookies", times=2))
    result = wikidraft(config, "push", "--yes", *(str(draft(tmp_path, t)) for t in titles))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 created" in result.stdout
    assert proxy.count("login") == 2  # the push's own login and the one after the lost session
    assert [revision_count(local_wiki, f"Draft:{title}") for title in titles] == [1, 1]


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("seconds", [1, 3])
def test_retry_after_within_the_bound_is_waited_and_shown_on_a_terminal(
    proxy: FaultProxy, local_wiki: LocalWiki, tmp_path: Path, status: int, seconds: int
) -> None:
    config = write_config(tmp_path, local_wiki, api=proxy.api)
    title = unique(f"Busy {status}")
    proxy.inject(Fault("status", status=status, retry_after=seconds, action="edit"))
    stderr = on_terminal(config, "push", "--yes", str(draft(tmp_path, title)))
    assert f"Retry-After: the wiki asks to wait {seconds} s" in stderr, stderr
    # pywikibot's own first wait is 1 s, whatever the wiki asks.
    assert f"Waiting {seconds:.1f} seconds before retrying." in stderr, stderr
    assert proxy.count("edit") == 2 and revision_count(local_wiki, f"Draft:{title}") == 1


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_beyond_the_bound_fails_the_page_at_once_naming_the_wait(
    proxy: FaultProxy, local_wiki: LocalWiki, tmp_path: Path, status: int
) -> None:
    config = write_config(tmp_path, local_wiki, api=proxy.api)
    titles = [unique("Busy first"), unique("Busy second")]
    proxy.inject(Fault("status", status=status, retry_after=3600, action="edit"))
    child = started(
        config,
        "push",
        "--yes",
        *(str(draft(tmp_path, t)) for t in titles),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Never the hour: a child still waiting after two minutes fails the test (and is ended).
    try:
        stdout, stderr = child.communicate(timeout=120)
    finally:
        child.kill()
    assert child.returncode == 1, stdout + stderr
    first, second = stdout.splitlines()[:2]
    assert first.startswith("failed") and "wait 3600 s" in first and "Retry-After" in first
    assert second.startswith("failed") and "not tried" in second
    assert "Traceback" not in stderr
    assert [revision_count(local_wiki, f"Draft:{title}") for title in titles] == [0, 0]


def test_a_second_login_in_one_process_asks_for_a_login_token_of_its_own(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The library used twice in one process (as a script or this suite does), the second time
    # with an empty state folder: a fresh login, in a new session. The login token pywikibot
    # kept from the first session's login is not valid in the second.
    from bot import config as configuration
    from bot import site

    names = []
    for run in ("first", "second"):
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / run))
        config = configuration.load(str(write_config(tmp_path, local_wiki)))
        names.append(site.connect(config, login=True).userinfo["name"])
    assert names == ["Admin", "Admin"]
