"""Drafts are converted for the configured wiki: its own article URLs become wikilinks."""

from __future__ import annotations

from pathlib import Path

from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki


def test_links_to_the_configured_wikis_articles_become_wikilinks(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    own = local_wiki.api.removesuffix("api.php") + "index.php/Genomics"
    body = f"See [genomics]({own}) and [elsewhere](https://example.org/Genomics).\n"
    config = write_config(tmp_path, local_wiki)
    result = wikidraft(config, "diff", str(draft(tmp_path, unique("Own links"), body)))
    assert result.returncode == 1, result.stderr
    expected = "+See [[Genomics|genomics]] and [https://example.org/Genomics elsewhere]."
    assert expected in result.stdout
