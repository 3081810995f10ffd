"""The preview and the review report as a person sees them: loaded by headless Chromium while
the local wiki runs, checked from the rendered DOM, a screenshot kept beside the test's files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.botrun import draft, pushed, unique, wikidraft, write_config
from tests.browser import Browser, browser_unavailable_reason
from tests.localwiki import LocalWiki

# A citation with no title (the template's CS1 error) and a name cited but never defined (a
# Cite error), next to good footnotes.
BODY = """The tide rises twice a day.[^1] The Moon pulls it.[^2]

```wikitext
A claim with a broken reference.<ref name="nowhere" />
```

[^1]: [](https://example.org/)
[^2]: A book about the Moon.
"""

REFERENCES_VISIBLE = """[...document.querySelectorAll('ol.references')].map(list => {
  const box = list.getBoundingClientRect(), style = getComputedStyle(list);
  return box.height > 0 && style.display !== 'none' && style.visibility === 'visible'
    && list.querySelectorAll('li').length > 0;
})"""
# Click every footnote mark; the note it names must be the :target, on screen, in the same
# page's part of the document (a report holds several pages, each with its own notes).
JUMPS = """[...document.querySelectorAll('sup.reference a[href^="#"]')].map(link => {
  link.click();
  const note = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!note) return link.hash + ': no such note';
  const box = note.getBoundingClientRect();
  const here = note.closest('section') === link.closest('section');
  const ok = note.matches(':target') && note.closest('ol.references') && here
    && box.top > -1 && box.bottom < innerHeight + 1;  // scrolled to, to the sub-pixel
  return ok ? 'ok' : link.hash + ': not shown';
})"""
ERROR_COLOURS = """[...document.querySelectorAll('.error')].map(e => [
  e.textContent.trim().slice(0, 40), getComputedStyle(e).color])"""
# Set by the wiki's stylesheet only (mediawiki.skinning.content.externallinks): the arrow
# after an external link. The file's own fallback styles do not set it.
STYLESHEET = """[[...document.styleSheets].some(s => s.href && s.href.includes('/load.php?')
    && s.ownerNode.sheet !== null),
  getComputedStyle(document.querySelector('.mw-body-content a.external')).backgroundImage]"""


@pytest.fixture(scope="session")
def browser_reason() -> str | None:
    """Why there is no browser here (None when there is one)."""
    return browser_unavailable_reason()


@pytest.fixture
def browser(browser_reason: str | None, tmp_path: Path) -> Iterator[Browser]:
    """A headless Chromium whose profile and log live in the test's folder."""
    if browser_reason:
        pytest.skip(f"no Chromium can be installed here: {browser_reason}")
    chromium = Browser(tmp_path / "chromium")
    try:
        yield chromium
    finally:
        chromium.close()


def looks_right(browser: Browser, page: Path, references: int) -> list[str]:
    """Check the loaded page as a reader sees it; returns the texts of its (red) errors."""
    browser.open(page)
    assert browser.evaluate(REFERENCES_VISIBLE) == [True] * references
    jumps = browser.evaluate(JUMPS)
    assert jumps and set(jumps) == {"ok"}, jumps
    loaded, arrow = browser.evaluate(STYLESHEET)
    assert loaded and arrow.startswith("url("), arrow
    errors = browser.evaluate(ERROR_COLOURS)
    assert errors and {colour for _, colour in errors} == {"rgb(221, 51, 51)"}, errors
    return [text for text, _ in errors]


def test_preview_in_a_browser(local_wiki: LocalWiki, tmp_path: Path, browser: Browser) -> None:
    path = draft(tmp_path, unique("Browser"), BODY)
    config = write_config(tmp_path, local_wiki)
    output = tmp_path / "preview.html"
    result = wikidraft(config, "preview", str(path), "-o", str(output))
    assert result.returncode == 0, result.stderr

    errors = looks_right(browser, output, references=1)

    assert any(text.startswith("Cite error") for text in errors), errors
    assert any("Missing or empty |title=" in text for text in errors), errors
    screenshot = browser.screenshot(tmp_path / "preview.png")
    assert screenshot.read_bytes().startswith(b"\x89PNG") and screenshot.stat().st_size > 10_000


def test_review_report_in_a_browser(
    local_wiki: LocalWiki, tmp_path: Path, browser: Browser
) -> None:
    title = unique("Browser old")
    config, changed = pushed(local_wiki, tmp_path, title, "A fact.[^1]\n\n[^1]: A source.\n")
    changed.write_text(f"# {title}\n\n{BODY}", encoding="utf-8")
    new = draft(tmp_path, unique("Browser new"), "Another fact.[^1]\n\n[^1]: Another source.\n")
    report = tmp_path / "review.html"
    result = wikidraft(config, "diff", "--html", str(report), str(changed), str(new))
    assert result.returncode == 1, result.stderr

    errors = looks_right(browser, report, references=2)

    assert any(text.startswith("Cite error") for text in errors), errors
    # The wiki's diff of the changed page: the old line deleted, the new ones added.
    rows = "['deletedline', 'addedline'].map(k => document.querySelectorAll('td.diff-' + k).length)"
    deleted, added = browser.evaluate(rows)
    assert deleted >= 1 and added >= 4
    screenshot = browser.screenshot(tmp_path / "review.png")
    assert screenshot.read_bytes().startswith(b"\x89PNG") and screenshot.stat().st_size > 10_000
