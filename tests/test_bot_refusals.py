"""Edits the wiki refuses (abuse filter, captcha) are per-page outcomes; the batch goes on."""

from __future__ import annotations

from pathlib import Path

from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import add_abuse_filter, captcha_on_create, page_text


def test_abuse_filter_refusal_is_reported_and_the_rest_is_saved(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    phrase = unique("forbidden").replace(" ", "")
    add_abuse_filter(local_wiki, phrase)
    bad, good = unique("Omicron"), unique("Pi")
    paths = [str(draft(tmp_path, bad, f"Text with {phrase}.\n")), str(draft(tmp_path, good))]
    result = wikidraft(write_config(tmp_path, local_wiki), "push", "--yes", *paths)
    assert result.returncode == 1, result.stderr
    assert "abusefilter-disallowed" in result.stdout
    assert "1 created" in result.stdout and "1 failed" in result.stdout
    assert page_text(local_wiki, f"Draft:{bad}") is None
    assert page_text(local_wiki, f"Draft:{good}") is not None


def test_captcha_is_never_solved_only_reported(local_wiki: LocalWiki, tmp_path: Path) -> None:
    title = unique("Rho")
    with captcha_on_create(local_wiki):
        result = wikidraft(
            write_config(tmp_path, local_wiki), "push", "--yes", str(draft(tmp_path, title))
        )
    assert result.returncode == 1, result.stderr
    assert "captcha" in result.stdout and "1 failed" in result.stdout
    assert f"Draft:{title}  -  (captcha" in result.stdout  # no address: the page was not made
    assert "Traceback" not in result.stderr
    assert page_text(local_wiki, f"Draft:{title}") is None
