"""Run `wikidraft` against a local wiki as a user does: a config file, a state folder, a shell."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.localwiki import LocalWiki

if TYPE_CHECKING:
    import pytest

    from bot.compare import Change
    from bot.pwbsite import BotPasswordSite

REQUEST = re.compile(r"\[\d{3}\]: [A-Z]+ /api\.php")


def unique(prefix: str) -> str:
    """A page title no other test uses."""
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def write_config(folder: Path, wiki: LocalWiki, **wiki_keys: str) -> Path:
    """A wikidraft.toml for the local wiki (extra [wiki] keys override the defaults)."""
    keys = {
        "api": wiki.api,
        "namespace": "Draft",
        "username": wiki.username,
        "password_file": str(wiki.password_file),
        "user_agent": "wikidraft tests",
        **wiki_keys,
    }
    if "password_env" in wiki_keys:  # the password from the environment instead of the file
        del keys["password_file"]
    lines = ["[wiki]", *(f'{key} = "{value}"' for key, value in keys.items())]
    lines += ["[edit]", 'summary = "wikidraft test"', "throttle = 0"]
    path = folder / "wikidraft.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def draft(folder: Path, title: str, body: str = "A fact.[^1]\n\n[^1]: A source.\n") -> Path:
    """A small Markdown draft titled title; returns its path."""
    path = folder / (re.sub(r"\W+", "-", title).strip("-").lower() + ".md")
    path.write_text(f"# {title}\n\n{body}", encoding="utf-8")
    return path


def environment(config: Path, state: Path | None = None) -> dict[str, str]:
    """A wikidraft child's environment: config, no colour, pywikibot's state under state."""
    env = dict(os.environ, WIKIDRAFT_CONFIG=str(config), NO_COLOR="1")
    env["XDG_STATE_HOME"] = str(state or config.parent / "state")
    env.pop("PYWIKIBOT_DIR", None)
    return env


def wikidraft(
    config: Path, *arguments: str, state: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process; pywikibot's state under state."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *arguments],
        env=environment(config, state),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=config.parent,
    )


def started(
    config: Path, *arguments: str, state: Path | None = None, **popen: Any
) -> subprocess.Popen[Any]:
    """Start the real command line in a child process and return at once (popen: its streams)."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *arguments],
        env=environment(config, state),
        cwd=config.parent,
        **popen,
    )


def pushed(wiki: LocalWiki, folder: Path, title: str, body: str) -> tuple[Path, Path]:
    """Write a draft titled title with body and push it; returns the config and the draft."""
    config = write_config(folder, wiki)
    path = draft(folder, title, body)
    result = wikidraft(config, "push", "--yes", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    return config, path


def planned(
    wiki: LocalWiki, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[BotPasswordSite, list[Change]]:
    """In this process: log in and plan the drafts in folder (pywikibot's state under folder)."""
    from bot import config as configuration
    from bot import plan, site
    from bot.compare import compare

    monkeypatch.setenv("XDG_STATE_HOME", str(folder / "state"))
    config = configuration.load(str(write_config(folder, wiki)))
    connection = site.connect(config, login=True)
    return connection, [compare(item) for item in plan.build(connection, config, [str(folder)])]


def api_requests(wiki: LocalWiki) -> int:
    """How many api.php requests the wiki's server has logged so far."""
    return len(REQUEST.findall(wiki.server_log.read_text(encoding="utf-8", errors="replace")))


def recorded(folder: Path) -> dict[str, int]:
    """Title -> revision id, as the ledger in folder holds them now for any wiki (empty if none)."""
    try:
        text = (folder / ".wikidraft" / "ledger.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    wikis = json.loads(text)["wikis"]
    return {
        title: int(entry["revid"]) for pages in wikis.values() for title, entry in pages.items()
    }


def ledger(folder: Path) -> dict[str, dict[str, object]]:
    """The ledger's pages for the only wiki in it."""
    text = (folder / ".wikidraft" / "ledger.json").read_text(encoding="utf-8")
    (pages,) = json.loads(text)["wikis"].values()
    return pages
