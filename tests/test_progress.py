"""The progress lines of long operations (fetching sources, saving pages), as a person at a
terminal sees them, and their absence when standard error is not a terminal."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests import sourcesite
from tests.botrun import draft, environment, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.test_bot_terminal import on_terminal

PAGES = ("/news", "/blog", "/journal", "/gone")
ERASE = "\033[K"  # erase to the end of the line


def screen(output: str) -> list[str]:
    """The lines a terminal shows for output: a carriage return goes back to the line's start,
    where new text overwrites the old, all of it after an erase (ESC [K)."""
    lines = []
    for line in output.replace("\r\n", "\n").split("\n"):
        shown = ""
        for part in line.split("\r"):
            erased = part.startswith(ERASE)
            part = part.removeprefix(ERASE)
            shown = part if erased else part + shown[len(part) :]
        lines.append(shown)
    return lines


@pytest.fixture
def checked(httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A draft citing four pages of the local stand-in web, and a config that may read them."""
    sourcesite.serve(httpserver)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    resolver = httpserver.url_for("/doi/")
    config = tmp_path / "wikidraft.toml"
    config.write_text(f'[sources]\nallow_private = true\ndoi_resolver = "{resolver}"\n')
    notes = "".join(f"[^{n}]: {httpserver.url_for(page)}\n" for n, page in enumerate(PAGES))
    facts = " ".join(f"Fact.[^{n}]" for n in range(len(PAGES)))
    (tmp_path / "bees.md").write_text(f"# Bees\n\n{facts}\n\n{notes}", encoding="utf-8")
    return config


def test_the_progress_line_counts_the_sources_in_place_on_a_terminal(checked: Path) -> None:
    code, output = on_terminal(checked, "", "check", str(checked.parent / "bees.md"))
    assert code == 1, output  # the dead page is an error
    # Rewritten in place: each count starts the line over, and only the last one stays.
    counts = re.findall(r"\rchecking sources: (\d)/4", output)
    assert counts == ["1", "2", "3", "4"], output
    shown = screen(output)
    assert shown[0] == "checking sources: 4/4", shown  # then the findings, each on its line
    assert [line for line in shown if "checking sources" in line] == [shown[0]], shown
    assert any(line.endswith("error: dead link: the server answers 404") for line in shown)


def test_no_progress_line_when_standard_error_is_not_a_terminal(checked: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(checked.parent / "bees.md")],
        env=environment(checked),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "dead link" in result.stdout
    assert "checking sources" not in result.stderr and "\r" not in result.stderr, result.stderr


@pytest.mark.wiki
def test_the_push_bar_fills_in_place_on_a_terminal_and_is_lines_elsewhere(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    titles = [unique("Progress"), unique("Progress")]
    paths = [str(draft(tmp_path, title)) for title in titles]
    code, output = on_terminal(config, "", "push", "--yes", *paths)
    assert code == 0, output
    assert f"\r{ERASE}[{'#' * 12}{'.' * 12}] 1/2 Draft:{titles[0]}: created" in output
    bars = [line for line in screen(output) if line.startswith("[")]
    assert bars == [f"[{'#' * 24}] 2/2 Draft:{titles[1]}: created"], output

    for title in titles:
        draft(tmp_path, title, "Another fact.\n")
    result = wikidraft(config, "push", "--yes", *paths)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"wikidraft: [{n}/2] Draft:{title}: updated" for n, title in enumerate(titles, 1)
    ]
