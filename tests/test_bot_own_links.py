"""Drafts are converted for the configured wiki: its own article URLs become wikilinks."""

from __future__ import annotations

import json
import re
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


def test_a_link_to_a_draft_beside_it_names_that_drafts_page(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    other_title = unique("Other draft")
    draft(tmp_path, other_title, "Its own text.\n")  # beside the draft, not in the batch
    other_file = re.sub(r"\W+", "-", other_title).strip("-").lower() + ".md"
    body = f"See [the other]({other_file}#history) and [the data](data.csv).\n"
    config = write_config(tmp_path, local_wiki)
    result = wikidraft(config, "diff", str(draft(tmp_path, unique("Linking draft"), body)))
    assert result.returncode == 1, result.stderr
    # The page push gives the other draft, with its namespace, as a link.
    assert f"+See [[:Draft:{other_title}#history|the other]] and the data." in result.stdout
    assert "relative link 'data.csv' names a file, not a wiki page" in result.stderr


def test_convert_with_config_sends_what_push_would(local_wiki: LocalWiki, tmp_path: Path) -> None:
    own = local_wiki.api.removesuffix("api.php") + "index.php/Genomics"
    other_title = unique("Sibling")
    sibling = draft(tmp_path, other_title, "Text.\n")
    body = f"See [genomics]({own}) and [sibling]({sibling.name}).\n"
    path = draft(tmp_path, unique("Converted for the wiki"), body)
    config = write_config(tmp_path, local_wiki)
    plain = wikidraft(config, "convert", str(path))
    for_wiki = wikidraft(config, "convert", "--config", str(config), "--json", str(path))
    assert plain.returncode == 0 and for_wiki.returncode == 0, plain.stderr + for_wiki.stderr
    assert "[[Genomics|genomics]]" not in plain.stdout  # without the wiki: Wikipedia's URLs
    planned = wikidraft(config, "diff", "--format", "json", str(path))
    page = json.loads(planned.stdout)["pages"][0]
    sent = json.loads(for_wiki.stdout)["wikitext"]
    assert f"See [[Genomics|genomics]] and [[:Draft:{other_title}|sibling]]." in sent
    # A new page: the diff adds every line push would save, and convert printed just those.
    lines = page["diff"].splitlines()
    added = [line[1:] for line in lines if line.startswith("+") and not line.startswith("+++")]
    assert page["status"] == "new" and added == sent.rstrip("\n").splitlines()
