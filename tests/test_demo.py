"""make demo: its own wiki (folder and port), never the user's; ends with the report's URL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tests.botrun import unique
from tests.localwiki import REPO, LocalWiki, free_port, stop_wiki
from tests.wikiadmin import admin, page_text


def test_demo_runs_on_its_own_wiki_and_prints_the_report_url(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    # local_wiki stands for the one the user started with `make wiki`: the demo leaves it be.
    mine = unique("Users own page")
    admin(local_wiki).edit(mine, "Not the demo's to delete.")
    folder = tmp_path / "demo"
    try:
        demo = [sys.executable, str(REPO / "scripts" / "demo.py"), "--dir", str(folder)]
        result = subprocess.run(
            [*demo, "--port", str(free_port())],
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        stop_wiki(folder / "wiki")
    assert result.returncode == 0, result.stdout + result.stderr
    assert page_text(local_wiki, mine) is not None
    assert "3 created" in result.stdout and result.stdout.count("unchanged  Draft:") == 3
    url = result.stdout.strip().splitlines()[-1].strip()
    report = Path(urlsplit(url).path)
    assert url.startswith("file://") and report == folder / "review.html"
    assert report.read_text(encoding="utf-8").count('<section class="wikidraft-page"') == 3
