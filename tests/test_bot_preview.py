"""preview renders through the wiki's parser into a standalone HTML file; Cite errors are warned."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot import config as configuration
from bot import site, wiki_html
from tests.botrun import api_requests, draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text


def test_preview_writes_a_rendered_page_and_saves_nothing(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    title = unique("Preview")
    output = tmp_path / "page.html"
    result = wikidraft(config, "preview", str(draft(tmp_path, title)), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(output) and "warning" not in result.stderr
    document = output.read_text(encoding="utf-8")
    assert document.startswith("<!DOCTYPE html>") and f'<h1 class="firstHeading">Draft:{title}' in (
        document
    )
    assert 'class="references"' in document and "A source." in document
    assert "load.php" in document  # the wiki's own styles
    assert page_text(local_wiki, f"Draft:{title}") is None


def test_cite_errors_come_back_as_warnings(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    config = configuration.load(str(write_config(tmp_path, local_wiki)))
    wiki = site.connect(config, login=False)
    broken = 'A claim.<ref name="nowhere" />\n\n{{reflist}}'
    rendered = wiki_html.parse(wiki, "Draft:Broken references", broken)
    assert any("Cite error" in warning for warning in rendered.warnings), rendered.warnings
    fine = wiki_html.parse(wiki, "Draft:Fine references", "A claim.<ref>Source</ref>\n{{reflist}}")
    assert fine.warnings == ()


def test_preview_links_are_absolute_on_a_wiki_with_a_protocol_relative_server(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    # Wikimedia wikis give their server as "//host": a saved page must not resolve it to file://.
    setting = local_wiki.folder / "settings.d" / "protocol-relative.php"
    setting.write_text(f'<?php\n$wgServer = "//127.0.0.1:{local_wiki.port}";\n', encoding="utf-8")
    try:
        config = write_config(tmp_path, local_wiki)
        output = tmp_path / "page.html"
        result = wikidraft(
            config, "preview", str(draft(tmp_path, unique("Rel"))), "-o", str(output)
        )
    finally:
        setting.unlink()
    assert result.returncode == 0, result.stderr
    document = output.read_text(encoding="utf-8")
    assert f'href="http://127.0.0.1:{local_wiki.port}/load.php?' in document
    assert not re.search(r'(href|src)="/', document)  # neither //host nor /path: no file:// links


def test_preview_prints_every_warning_in_one_format_and_as_json(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    # A relative link (a conversion warning, line 3), a red link (the wiki's answer, line 7) and
    # a source with no title (the citation template's error, from the parser).
    red = unique("Nowhere")
    body = (
        "Tide is [here](docs/x.md).[^1]\n\n## See also\n\n"
        f"* {red}\n\n[^1]: [](https://example.org/tide)\n"
    )
    path = draft(tmp_path, unique("Warned"), body)
    config = write_config(tmp_path, local_wiki)
    output = tmp_path / "page.html"

    result = wikidraft(config, "preview", str(path), "-o", str(output))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert (
        f"{path}:3: warning: relative link 'docs/x.md' names a file, not a wiki page; kept its text"
        in (lines)
    )
    assert f"{path}:7: warning: [[{red}]] is a red link" in result.stderr
    assert f"{path}: warning: {{{{cite web}}}}: Missing or empty |title=" in lines

    as_json = wikidraft(config, "preview", "--json", str(path), "-o", str(output))
    assert as_json.returncode == 0, as_json.stderr
    payload = json.loads(as_json.stdout)
    assert payload["source"] == str(path) and payload["output"] == str(output)
    assert payload["title"].startswith("Draft:Warned")
    messages = [warning["message"] for warning in payload["warnings"]]
    assert "{{cite web}}: Missing or empty |title=" in messages
    relative = lines[0].split(": warning: ", 1)[1]
    assert {"severity": "warning", "kind": "conversion", "line": 3, "message": relative} in (
        payload["warnings"]
    )
    assert [(f["kind"], f["title"], f["line"]) for f in payload["findings"]] == [
        ("red link", red, 7)
    ]


def test_preview_asks_about_the_links_and_subjects_of_a_batch_at_once(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    paths = [
        str(draft(tmp_path, unique("Batch"), f"A fact.\n\n## See also\n\n* {unique('No')}\n"))
        for _ in range(3)
    ]

    def cost(drafts: list[str], run: str) -> int:
        """The requests of a preview of drafts from an empty state folder."""
        start = api_requests(local_wiki)
        result = wikidraft(config, "preview", *drafts, state=tmp_path / run)
        assert result.returncode == 0, result.stderr
        assert result.stderr.count("is a red link") == len(drafts)
        return api_requests(local_wiki) - start

    one, three = cost(paths[:1], "one"), cost(paths, "three")
    # Two more drafts are two more renderings (action=parse); their six titles are asked in
    # the one request the single draft's two needed (it was one request per draft).
    assert three - one == 2, (one, three)


def test_links_to_the_wiki_become_absolute_and_footnote_links_stay_in_the_page() -> None:
    rendered = (
        '<a href="/index.php?title=X">X</a><img src="//upload.example/a.png">'
        '<sup><a href="#cite_note-1">[1]</a></sup><a href="https://example.org/">e</a>'
    )
    assert wiki_html.absolute(rendered, "http://127.0.0.1:8080") == (
        '<a href="http://127.0.0.1:8080/index.php?title=X">X</a>'
        '<img src="http://upload.example/a.png">'
        '<sup><a href="#cite_note-1">[1]</a></sup><a href="https://example.org/">e</a>'
    )


def test_preview_links_a_sibling_draft_to_its_page_as_push_does(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    sibling = unique("Preview sibling")
    linking = draft(tmp_path, unique("Preview linking"), "See [the other](preview-sibling.md).\n")
    (tmp_path / "preview-sibling.md").write_text(f"# {sibling}\n\nA fact.\n", encoding="utf-8")
    output = tmp_path / "page.html"
    result = wikidraft(config, "preview", str(linking), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert "names a file, not a wiki page" not in result.stderr
    assert f"Draft:{sibling.replace(' ', '_')}" in output.read_text(encoding="utf-8")
