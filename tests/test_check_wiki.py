"""`wikidraft check` asks the wiki, as diff does, about the drafts' links and subjects."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.botrun import api_requests, draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki, free_port
from tests.wikiadmin import admin


def bees(local_wiki: LocalWiki, folder: Path) -> tuple[Path, str, str]:
    """A draft whose bold subject is an article of the wiki and whose See also has a red link."""
    key = unique("Check").split()[-1]
    article, red = f"Bees {key}", f"No such page {key}"
    admin(local_wiki).edit(article, f"'''{article}''' are insects.")
    body = f"**{article}** came back.\n\n## See also\n\n* {red}\n"
    return draft(folder, f"Return of {key}", body), article, red


def test_check_reports_a_red_link_and_an_existing_subject(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    path, article, red = bees(local_wiki, tmp_path)
    config = write_config(tmp_path, local_wiki)

    text = wikidraft(config, "check", str(path))
    result = wikidraft(config, "check", "--json", str(path))

    assert text.returncode == result.returncode == 0, text.stderr  # warnings only
    assert f"{path}:3: warning: the wiki already has [[{article}]]" in text.stdout
    assert f"{path}:7: warning: [[{red}]] is a red link" in text.stdout
    found = {(p["kind"], p["line"], p["severity"], p["url"]) for p in json.loads(result.stdout)}
    page = local_wiki.api.removesuffix("api.php") + "index.php"
    assert found == {
        ("exists", 3, "warning", f"{page}/{quote(article.replace(' ', '_'))}"),
        ("red link", 7, "warning", f"{page}/{quote(red.replace(' ', '_'))}"),
    }


def test_check_offline_does_not_ask_the_wiki(local_wiki: LocalWiki, tmp_path: Path) -> None:
    path, _, _ = bees(local_wiki, tmp_path)
    config = write_config(tmp_path, local_wiki)
    before = api_requests(local_wiki)

    result = wikidraft(config, "check", "--offline", str(path))

    assert result.returncode == 0, result.stderr
    assert "warning: " not in result.stdout
    assert api_requests(local_wiki) == before


def test_check_with_the_wiki_down_says_so_in_one_line(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    path, _, _ = bees(local_wiki, tmp_path)
    config = write_config(tmp_path, local_wiki, api=f"http://127.0.0.1:{free_port()}/api.php")

    result = wikidraft(config, "check", str(path))

    assert result.returncode == 0  # the sources were checked: there are none to fault
    (line,) = [
        line for line in result.stderr.splitlines() if "wiki" in line and "draft(s)" not in line
    ]
    assert line.startswith("wikidraft: warning: the wiki was not asked: cannot reach the wiki at")
    assert "Traceback" not in result.stderr


def test_check_with_a_wiki_not_set_up_yet_checks_the_sources(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    path, _, _ = bees(local_wiki, tmp_path)  # as config/local.toml before `make wiki`
    config = write_config(tmp_path, local_wiki, password_file=str(tmp_path / "not-yet"))

    result = wikidraft(config, "check", str(path))

    assert result.returncode == 0, result.stderr
    assert "wikidraft: warning: the wiki was not asked: " in result.stderr
    assert "not-yet does not exist" in result.stderr


def test_check_with_a_wiki_profile_it_does_not_have_stops(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    path, _, _ = bees(local_wiki, tmp_path)
    config = write_config(tmp_path, local_wiki)

    result = wikidraft(config, "check", "--wiki", "test", str(path))

    assert result.returncode == 2
    assert result.stderr == (
        f"wikidraft: error: {config}: --wiki test: this config has no [wikis.test] section\n"
    )


BROKEN = {
    "a bad namespace": (
        'api = "http://127.0.0.1:1/api.php"\nusername = "A@b"\nnamespace = ""\n',
        "wiki.namespace cannot be ''; it must be",
    ),
    "no api": ('username = "A@b"\n', "wiki.api is required; set it in [wiki]"),
}


@pytest.mark.parametrize("broken", BROKEN)
def test_check_with_a_broken_wiki_section_is_one_error_line(tmp_path: Path, broken: str) -> None:
    keys, message = BROKEN[broken]
    config = tmp_path / "wikidraft.toml"
    config.write_text(f"[wiki]\n{keys}", encoding="utf-8")
    path = draft(tmp_path, "Bees", "Bees came back.\n")

    result = wikidraft(config, "check", str(path))

    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"wikidraft: error: {config}: ") and message in line, line

    # --offline does not ask the wiki, so it does not need [wiki]: the check still runs.
    offline = wikidraft(config, "check", "--offline", str(path))
    assert offline.returncode == 0, offline.stderr
    assert offline.stderr == "wikidraft: 1 draft(s): 0 error(s), 0 warning(s)\n"


def test_check_with_a_config_of_no_wiki_checks_the_sources_alone(tmp_path: Path) -> None:
    config = tmp_path / "wikidraft.toml"
    config.write_text("[sources]\ntimeout = 5\n", encoding="utf-8")
    path = draft(tmp_path, "Bees", "Bees came back.\n")

    result = wikidraft(config, "check", str(path))

    assert result.returncode == 0, result.stderr
    assert result.stderr == "wikidraft: 1 draft(s): 0 error(s), 0 warning(s)\n"


def test_check_with_a_namespace_the_wiki_does_not_allow_is_one_error_line(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    # Only the wiki can tell that "Main" is not its Draft namespace: still a config mistake.
    config = write_config(tmp_path, local_wiki, namespace="Main")
    path = draft(tmp_path, unique("Bees"), "Bees came back.\n")

    result = wikidraft(config, "check", str(path))

    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    # Named as every other [wiki] mistake is: the file, then what to set.
    assert line.startswith(f"wikidraft: error: {config}: ") and 'must be "Draft"' in line, line
