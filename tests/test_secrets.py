"""The bot password appears nowhere: not printed, not in the ledger, not in pywikibot's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import add_abuse_filter


def test_password_is_in_no_output_and_no_file_written(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password = local_wiki.password
    blocked = unique("zqsecretblock").replace(" ", "")
    add_abuse_filter(local_wiki, blocked)
    config = write_config(tmp_path, local_wiki)
    good = [str(draft(tmp_path, unique("Secret ok"))) for _ in range(2)]
    bad = str(draft(tmp_path, unique("Secret refused"), f"Text with {blocked}.\n"))

    runs = [
        wikidraft(config, "diff", *good, bad),
        wikidraft(config, "push", "--yes", *good),  # a full, successful push
        wikidraft(config, "push", "--yes", bad),  # a failing one: the abuse filter refuses it
    ]
    (tmp_path / "env").mkdir()
    env_config = write_config(tmp_path / "env", local_wiki, password_env="ZQ_TEST_PASSWORD")
    monkeypatch.setenv("ZQ_TEST_PASSWORD", password)
    runs.append(wikidraft(env_config, "push", "--yes", bad))  # the password from the env
    assert [run.returncode for run in runs] == [1, 0, 1, 1], [r.stdout + r.stderr for r in runs]
    assert "abusefilter-disallowed" in runs[2].stdout

    for run in runs:
        assert password not in run.stdout and password not in run.stderr
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    names = {path.name for path in written}
    assert "ledger.json" in names and "user-config.py" in names  # the files of interest exist
    assert any(name.endswith(".lwp") for name in names), names  # pywikibot's session cookies
    assert any(path.parent.name == "apicache" for path in written)  # and its cached answers
    for path in written:
        assert password.encode() not in path.read_bytes(), path
