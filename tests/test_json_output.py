"""--json on every command, with the same field names for the same things."""

from __future__ import annotations

import json
from pathlib import Path

from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki

WARNED = "Tide is [here](docs/x.md).[^1]\n\n## See also\n\n* {red}\n\n[^1]: A source.\n"


def test_every_command_speaks_json_with_the_same_names(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    title, red = unique("Json"), unique("Nowhere")
    path = draft(tmp_path, title, WARNED.format(red=red))
    warning = {
        "severity": "warning",
        "kind": "conversion",
        "line": 3,
        "message": "relative link 'docs/x.md' names a file, not a wiki page; kept its text",
    }

    converted = json.loads(wikidraft(config, "convert", "--json", str(path)).stdout)
    (diffed,) = json.loads(wikidraft(config, "diff", "--json", str(path)).stdout)["pages"]
    (aliased,) = json.loads(wikidraft(config, "diff", "--format", "json", str(path)).stdout)[
        "pages"
    ]
    previewed = json.loads(
        wikidraft(config, "preview", "--json", str(path), "-o", str(tmp_path / "p.html")).stdout
    )
    pushed = wikidraft(config, "push", "--yes", "--json", str(path))
    assert pushed.returncode == 0, pushed.stderr
    (saved,) = json.loads(pushed.stdout)["pages"]

    assert diffed == aliased
    for document in (converted, diffed, previewed):
        assert warning in document["warnings"]
    for document in (diffed, previewed, saved):
        assert document["title"] == f"Draft:{title}"
    for document in (diffed, previewed, saved):
        assert document["source"] == str(path)
    checked = json.loads(wikidraft(config, "check", "--json", str(path)).stdout)
    assert {**warning, "source": str(path), "url": None} in checked
    # What the wiki has is a warning in the same shape, with what it is about.
    finding = {
        "severity": "warning",
        "kind": "red link",
        "line": 7,
        "message": f"[[{red}]] is a red link: no such page on the wiki; "
        "link an article or unlink it",
    }
    assert (
        diffed["findings"] == previewed["findings"] == [{**finding, "title": red, "target": None}]
    )
    assert any(
        entry["source"] == str(path) and {key: entry[key] for key in finding} == finding
        for entry in checked  # check gives the linked page's URL beside it
    )
    assert saved["status"] == "created" and saved["revid"] > 0
    assert (
        saved["url"]
        == f"http://127.0.0.1:{local_wiki.port}/index.php/Draft:{title.replace(' ', '_')}"
    )
