"""scripts/local-wiki gives a real MediaWiki with a Draft namespace and Cite, and stops cleanly."""

from __future__ import annotations

import socket
from pathlib import Path

import requests

from tests.localwiki import LocalWiki, free_port, parse, run_script, start_wiki, stop_wiki


def siteinfo(api: str) -> dict:
    """The wiki's namespaces and extensions."""
    params = {"action": "query", "meta": "siteinfo", "siprop": "namespaces|extensions"}
    response = requests.get(api, params={**params, "format": "json"}, timeout=30)
    response.raise_for_status()
    return response.json()["query"]


def listening(port: int) -> bool:
    """Whether anything accepts connections on 127.0.0.1:port."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_start_serves_draft_namespace_and_cite_then_stop_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "somewhere"
    port = free_port()
    wiki = start_wiki(folder, port)
    try:
        info = siteinfo(wiki.api)
        assert info["namespaces"]["118"]["*"] == "Draft"
        assert info["namespaces"]["119"]["*"] == "Draft talk"
        extensions = {extension["name"] for extension in info["extensions"]}
        assert {"Cite", "ParserFunctions", "SyntaxHighlight"} <= extensions
        assert (folder / "bot-password").stat().st_mode & 0o777 == 0o600
        again = run_script("start", "--port", str(port), "--dir", str(folder))
        assert again.returncode == 0 and again.stdout.strip() == wiki.api  # idempotent
    finally:
        stop_wiki(folder)
    assert not listening(port)
    assert run_script("stop", "--dir", str(folder)).returncode == 0  # idempotent
    assert run_script("status", "--dir", str(folder)).returncode == 3


def test_port_taken_by_another_program_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        result = run_script("start", "--port", str(port), "--dir", str(tmp_path / "w"))
    assert result.returncode == 2
    assert f"port {port} is already in use" in result.stderr
    assert "Traceback" not in result.stderr


def test_session_wiki_has_local_reflist_and_bot_login(local_wiki: LocalWiki) -> None:
    session = requests.Session()
    token = session.get(
        local_wiki.api,
        params={"action": "query", "meta": "tokens", "type": "login", "format": "json"},
        timeout=30,
    ).json()["query"]["tokens"]["logintoken"]
    login = session.post(
        local_wiki.api,
        data={
            "action": "login",
            "lgname": local_wiki.username,
            "lgpassword": local_wiki.password,
            "lgtoken": token,
            "format": "json",
        },
        timeout=30,
    ).json()
    assert login["login"]["result"] == "Success"
    parsed = parse(local_wiki.api, "Fact.<ref>Source</ref>\n{{reflist}}", "Draft:Check")["text"]
    assert 'class="references"' in parsed and "Template:Reflist" not in parsed  # no red link
