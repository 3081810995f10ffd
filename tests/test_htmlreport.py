"""diff --html: one report for the batch, with the wiki's own diff and rendering per page, the
warnings and findings, links to the live pages and the wiki's stylesheet."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from bot.htmlreport import scoped
from tests.botrun import api_requests, draft, pushed, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.test_output_files import linked, written_through


class Anchors(HTMLParser):
    """The ids of a document and its in-page links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.jumps: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if (values.get("href") or "").startswith("#"):
            self.jumps.append(str(values["href"])[1:])


def anchors(document: str) -> Anchors:
    """The anchors of document."""
    found = Anchors()
    found.feed(document)
    return found


def test_ids_of_each_page_are_its_own() -> None:
    rendered = '<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup><a href="/wiki/X">x</a>'
    assert scoped(rendered, "p2-") == (
        '<sup id="p2-cite_ref-1"><a href="#p2-cite_note-1">[1]</a></sup><a href="/wiki/X">x</a>'
    )


def test_diff_html_writes_one_report_for_the_batch(local_wiki: LocalWiki, tmp_path: Path) -> None:
    old_title, new_title, red = unique("Report old"), unique("Report new"), unique("Nowhere")
    config, changed = pushed(
        local_wiki, tmp_path, old_title, "The tide rises twice.[^1]\n\n[^1]: A source.\n"
    )
    changed.write_text(
        f"# {old_title}\n\nThe tide rises thrice.[^1]\n\n[^1]: A source.\n", encoding="utf-8"
    )
    body = f"A claim.[^1]\n\n## See also\n\n* {red}\n\n[^1]: [](https://example.org/)\n"
    new = draft(tmp_path, new_title, body)
    report = tmp_path / "review.html"

    result = wikidraft(config, "diff", "--html", str(report), str(changed), str(new))

    assert result.returncode == 1, result.stderr
    document = report.read_text(encoding="utf-8")
    base = f"http://127.0.0.1:{local_wiki.port}/index.php/"
    assert document.count('<section class="wikidraft-page"') == 2
    # The wiki's own diff table, with the changed word, and links to both live pages.
    assert 'class="diff-deletedline diff-side-deleted"' in document
    assert re.search(r'class="diffchange diffchange-inline">twice<', document)
    assert re.search(r'class="diffchange diffchange-inline">thrice<', document)
    for title in (old_title, new_title):
        assert f'href="{base}Draft:{title.replace(" ", "_")}"' in document
    # The rendering, its references, the warnings, the findings, the stylesheet.
    assert document.count('<ol class="references">') == 2
    assert "{{cite web}}: Missing or empty |title=" in document
    assert f"{new}:7: warning: [[{red}]] is a red link" in document
    assert "load.php?lang=en&amp;modules=" in document and "mediawiki.diff.styles" in document
    # Every footnote link of every page jumps to an element of the report, all ids unique.
    found = anchors(document)
    assert len(found.ids) == len(set(found.ids))
    assert found.jumps and set(found.jumps) <= set(found.ids)
    assert {jump.split("-", 1)[0] for jump in found.jumps if "cite_note" in jump} == {"p1", "p2"}


def test_the_report_marks_errors_as_errors(local_wiki: LocalWiki, tmp_path: Path) -> None:
    config = write_config(tmp_path, local_wiki)
    path = draft(tmp_path, unique("Report sign-off"), "The tide.\n\nI hope this helps!\n")
    report = tmp_path / "review.html"
    result = wikidraft(config, "diff", "--html", str(report), str(path))
    assert result.returncode == 1, result.stderr
    document = report.read_text(encoding="utf-8")
    assert f"{path}:5: error: a chat assistant&#x27;s sign-off" in document
    assert f"{path}:5: warning:" not in document


def test_a_report_path_that_is_a_link_is_written_through(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    link, target = linked(tmp_path, "review.html")
    title = unique("Report link")
    result = wikidraft(config, "diff", "--html", str(link), str(draft(tmp_path, title)))
    assert result.returncode == 1, result.stderr
    report = written_through(link, target)
    assert '<section class="wikidraft-page"' in report and title in report


def test_a_report_path_that_is_a_directory_is_one_line(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    folder = tmp_path / "reports"
    folder.mkdir()
    start = api_requests(local_wiki)
    result = wikidraft(config, "diff", "--html", str(folder), str(draft(tmp_path, unique("Dir"))))
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        f"wikidraft: error: --html {folder}: cannot write it (Is a directory); name a file"
    ]
    assert not list(folder.iterdir())
    assert api_requests(local_wiki) == start  # said before the wiki is asked, not after the diff


def test_a_report_onto_a_draft_is_refused_and_the_draft_kept(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    path = draft(tmp_path, unique("Report onto"))
    text = path.read_text(encoding="utf-8")
    result = wikidraft(config, "diff", "--html", path.name, str(path))
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        f"wikidraft: error: --html: writing {path.name} would overwrite the draft {path}; "
        "choose another output"
    ]
    assert path.read_text(encoding="utf-8") == text
