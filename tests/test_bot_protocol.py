"""What goes over the wire, observed (not mocked) in pywikibot's HTTP session.

diff reads without logging in and asks for no token; push saves new pages with createonly and
existing ones with nocreate and the base revision; every request carries our user agent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from bot.cli import main
from tests.botrun import draft, unique, write_config
from tests.localwiki import LocalWiki

Sent = list[tuple[dict[str, str], dict[str, str]]]


@pytest.fixture
def sent(local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sent]:
    """Every API request made in this test: (parameters, headers), in order."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("WIKIDRAFT_CONFIG", str(write_config(tmp_path, local_wiki)))
    from bot import site
    from bot.config import load

    site.connect(load(None), login=False)  # imports pywikibot the way wikidraft does
    from pywikibot.comms import http

    requests: Sent = []
    original = http.session.request

    def observe(method: str, url: str, **kwargs: Any) -> Any:
        data = kwargs.get("data") or kwargs.get("params") or {}
        if isinstance(data, str | bytes):
            text = data if isinstance(data, str) else data.decode()
            data = dict(parse_qsl(text, keep_blank_values=True))  # flags are sent as "x="
        requests.append(({str(k): str(v) for k, v in data.items()}, kwargs.get("headers") or {}))
        return original(method, url, **kwargs)

    monkeypatch.setattr(http.session, "request", observe)
    yield requests


def test_diff_reads_without_login_or_tokens(sent: Sent, tmp_path: Path) -> None:
    assert main(["diff", str(draft(tmp_path, unique("Wire")))]) == 1
    actions = {params.get("action") for params, _ in sent}
    assert actions <= {"query", "paraminfo"}, actions
    assert not any("tokens" in params.get("meta", "") for params, _ in sent)
    assert all(headers["user-agent"].startswith("wikidraft tests") for _, headers in sent)


def test_push_saves_with_createonly_then_nocreate_and_base_revision(
    sent: Sent, tmp_path: Path
) -> None:
    title = unique("Wire")
    path = str(draft(tmp_path, title, "First.\n"))
    assert main(["push", "--yes", path]) == 0
    draft(tmp_path, title, "Second.\n")
    assert main(["push", "--yes", path]) == 0
    first, second = [params for params, _ in sent if params.get("action") == "edit"]
    assert first["title"] == f"Draft:{title}" and "createonly" in first
    assert "nocreate" not in first and "basetimestamp" not in first
    assert "nocreate" in second and "createonly" not in second
    assert second["basetimestamp"] and second["baserevid"]
    assert first["maxlag"] == second["maxlag"] == "5" and first["assert"] == "user"
