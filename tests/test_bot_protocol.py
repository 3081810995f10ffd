"""What goes over the wire, observed (not mocked) in pywikibot's HTTP session of a fresh process.

diff reads without logging in and asks for no token; push saves new pages with createonly and
existing ones with nocreate and the base revision; every request carries our user agent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.botrun import draft, unique, write_config
from tests.localwiki import LocalWiki

# Runs `wikidraft ARGS…` after wrapping pywikibot's HTTP session to log each request's
# parameters and headers as one JSON line to the file LOG.
OBSERVER = """
import json, sys
from urllib.parse import parse_qsl
from bot import site
from bot.config import load
site._prepare(load(None))  # import pywikibot the way wikidraft does
from pywikibot.comms import http
log, original = open(sys.argv[1], "a"), http.session.request
def observe(method, url, **kwargs):
    data = kwargs.get("data") or kwargs.get("params") or {}
    if isinstance(data, (str, bytes)):
        text = data if isinstance(data, str) else data.decode()
        data = dict(parse_qsl(text, keep_blank_values=True))  # flags are sent as "x="
    params = {str(key): str(value) for key, value in data.items()}
    log.write(json.dumps([params, dict(kwargs.get("headers") or {})]) + "\\n")
    log.flush()
    return original(method, url, **kwargs)
http.session.request = observe
from bot.cli import main
sys.exit(main(sys.argv[2:]))
"""


def observed(config: Path, *arguments: str) -> tuple[int, list[dict[str, str]], list[dict]]:
    """Exit status, parameters and headers of every API request of one wikidraft run."""
    log = config.parent / "requests.jsonl"
    log.unlink(missing_ok=True)
    env = dict(os.environ, WIKIDRAFT_CONFIG=str(config), XDG_STATE_HOME=str(config.parent / "s"))
    result = subprocess.run(
        [sys.executable, "-c", OBSERVER, str(log), *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return result.returncode, [params for params, _ in lines], [headers for _, headers in lines]


def test_diff_reads_without_login_or_tokens(local_wiki: LocalWiki, tmp_path: Path) -> None:
    config = write_config(tmp_path, local_wiki)
    status, sent, headers = observed(config, "diff", str(draft(tmp_path, unique("Wire"))))
    assert status == 1
    assert {params.get("action") for params in sent} <= {"query", "paraminfo"}, sent
    assert not any("tokens" in params.get("meta", "") for params in sent)
    assert all(header["user-agent"].startswith("wikidraft tests") for header in headers)


def test_push_saves_with_createonly_then_nocreate_and_base_revision(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    title = unique("Wire")
    path = str(draft(tmp_path, title, "First.\n"))
    status, sent, _ = observed(config, "push", "--yes", path)
    assert status == 0
    (first,) = [params for params in sent if params.get("action") == "edit"]
    draft(tmp_path, title, "Second.\n")
    status, sent, _ = observed(config, "push", "--yes", path)
    assert status == 0
    (second,) = [params for params in sent if params.get("action") == "edit"]
    assert first["title"] == f"Draft:{title}" and "createonly" in first
    assert "nocreate" not in first and "basetimestamp" not in first
    assert "nocreate" in second and "createonly" not in second
    assert second["baserevid"] and "basetimestamp" not in second  # see bot/publish.py
    assert first["maxlag"] == second["maxlag"] == "5" and first["assert"] == "user"
