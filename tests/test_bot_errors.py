"""Trouble is one line on stderr and exit status 2: no traceback, and never the password."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki, free_port
from tests.wikiadmin import page_text


def assert_one_line(result_stderr: str, *secrets: str) -> None:
    """stderr is a single 'wikidraft: error: …' line holding none of the secrets."""
    assert result_stderr.count("\n") == 1 and result_stderr.startswith("wikidraft: error: ")
    assert "Traceback" not in result_stderr
    for secret in secrets:
        assert secret not in result_stderr


def private_file(path: Path, text: str) -> Path:
    """A mode-600 file holding text."""
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def test_wrong_password_is_one_line_and_never_printed(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    wrong = "not-the-password-" + unique("x").replace(" ", "")
    config = write_config(
        tmp_path, local_wiki, password_file=str(private_file(tmp_path / "pw", wrong))
    )
    title = unique("Kappa")
    result = wikidraft(config, "push", "--yes", str(draft(tmp_path, title)))
    assert result.returncode == 2, result.stdout + result.stderr
    assert_one_line(result.stderr, wrong, local_wiki.password)
    assert "cannot log in" in result.stderr and result.stdout == ""
    assert page_text(local_wiki, f"Draft:{title}") is None
    state_files = [p for p in (tmp_path / "state").rglob("*") if p.is_file()]
    for path in state_files:
        assert wrong not in path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("command", ["diff", "push", "preview"])
def test_wiki_down_is_one_line(local_wiki: LocalWiki, tmp_path: Path, command: str) -> None:
    config = write_config(tmp_path, local_wiki, api=f"http://127.0.0.1:{free_port()}/api.php")
    path = str(draft(tmp_path, unique("Lambda")))
    arguments = [path] if command != "push" else ["--yes", path]
    result = wikidraft(config, command, *arguments)
    assert result.returncode == 2
    assert_one_line(result.stderr, local_wiki.password)
    assert "cannot reach the wiki" in result.stderr


def test_wiki_host_that_does_not_resolve_is_one_line(local_wiki: LocalWiki, tmp_path: Path) -> None:
    # .invalid never resolves (RFC 2606): the failure comes while pywikibot builds the site.
    config = write_config(
        tmp_path, local_wiki, api="https://wiki.invalid/w/api.php", user_agent="t (t@example.org)"
    )
    result = wikidraft(config, "diff", str(draft(tmp_path, unique("Mu"))))
    assert result.returncode == 2
    assert_one_line(result.stderr, local_wiki.password)
    assert "cannot reach the wiki at https://wiki.invalid/w/api.php" in result.stderr


HEAD = "[wiki]\napi = 'http://127.0.0.1:1/api.php'\nusername = 'A@b'\n"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            HEAD + "colour = 1\n",
            "wiki.colour",
        ),
        (
            HEAD + "[edit]\nthrottle = 'x'\n",
            "edit.throttle must be a number",
        ),
        (
            HEAD + "verify_tls = false\n",
            "TLS verification cannot be turned off",
        ),
        (
            HEAD + "password = 'hunter2'\n",
            "passwords never go into config files",
        ),
        ("[wiki]\napi = 'http://example.org/w/api.php'\nusername = 'A@b'\n", "https://"),
        ("[wiki]\napi = 'http://127.0.0.1:1/api.php'\nusername = 'Admin'\n", "Name@app"),
        ("[wiki\n", "cannot read config"),
    ],
)
def test_bad_config_is_one_line(tmp_path: Path, toml: str, message: str) -> None:
    config = tmp_path / "wikidraft.toml"
    config.write_text(toml, encoding="utf-8")
    result = wikidraft(config, "diff", str(draft(tmp_path, "Mu")))
    assert result.returncode == 2
    assert_one_line(result.stderr, "hunter2")
    assert message in result.stderr and str(config) in result.stderr


def test_password_file_readable_by_others_is_refused(local_wiki: LocalWiki, tmp_path: Path) -> None:
    secret = private_file(tmp_path / "pw", "whatever")
    secret.chmod(0o644)
    result = wikidraft(write_config(tmp_path, local_wiki, password_file=str(secret)), "diff", "x")
    assert result.returncode == 2
    assert_one_line(result.stderr, "whatever")
    assert "readable by others" in result.stderr and str(secret) in result.stderr


def test_a_wiki_without_the_namespace_stops_before_anything(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki, namespace="Entwurf")
    result = wikidraft(config, "push", "--yes", str(draft(tmp_path, unique("Nu"))))
    assert result.returncode == 2
    assert_one_line(result.stderr, local_wiki.password)
    assert f"{config}: the wiki has no namespace named 'Entwurf'" in result.stderr


@pytest.mark.parametrize("command", ["diff", "preview"])
def test_a_draft_not_in_utf8_names_the_fix(
    local_wiki: LocalWiki, tmp_path: Path, command: str
) -> None:
    config = write_config(tmp_path, local_wiki)
    path = tmp_path / "cafe.md"
    path.write_bytes("# Café\n\nA fact.\n".encode("latin-1"))
    result = wikidraft(config, command, str(path))
    assert result.returncode == 2
    assert_one_line(result.stderr)
    assert f"{path}: not UTF-8 text (byte 5); save the file as UTF-8 and retry" in result.stderr
