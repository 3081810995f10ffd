"""Wiki profiles: [wikis.NAME] sections in one config, chosen with --wiki; [edit] applies to all;
the ledger and pywikibot's state (cookies) are kept per wiki."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import config as configuration
from bot.errors import UserError
from tests.botrun import draft, recorded, unique, wikidraft
from tests.localwiki import LocalWiki

PROFILE = """[wikis.{name}]
api = "{api}"
username = "Admin@wikidraft"
password_file = "{password}"
user_agent = "wikidraft tests"
"""


def write_profiles(folder: Path, password: Path, **apis: str) -> Path:
    """A config with one [wikis.NAME] per keyword argument and one [edit] for all."""
    sections = [PROFILE.format(name=n, api=a, password=password) for n, a in apis.items()]
    path = folder / "wikidraft.toml"
    path.write_text("\n".join([*sections, "[edit]\nthrottle = 0\nminor = true\n"]), "utf-8")
    return path


@pytest.fixture
def password(tmp_path: Path) -> Path:
    """A private password file."""
    secret = tmp_path / "secret"
    secret.write_text("not-a-real-password\n", encoding="utf-8")
    secret.chmod(0o600)
    return secret


def test_wiki_chooses_the_profile_and_edit_applies_to_all(tmp_path: Path, password: Path) -> None:
    path = write_profiles(
        tmp_path, password, test="http://127.0.0.1:8081/api.php", real="https://x.org/w/api.php"
    )
    test, real = (configuration.load(str(path), name) for name in ("test", "real"))
    assert (test.api, real.api) == ("http://127.0.0.1:8081/api.php", "https://x.org/w/api.php")
    assert test.minor and real.minor and test.throttle == real.throttle == 0
    assert test.host != real.host  # so the cookie jars are apart


@pytest.mark.parametrize(
    ("wiki", "message"),
    [
        (None, "it names several wikis (real, test); choose one with --wiki NAME"),
        ("nope", "no [wikis.nope] section (known: real, test); check --wiki"),
    ],
)
def test_a_missing_or_unknown_choice_is_one_line(
    tmp_path: Path, password: Path, wiki: str | None, message: str
) -> None:
    path = write_profiles(
        tmp_path, password, test="http://127.0.0.1:8081/api.php", real="https://x.org/w/api.php"
    )
    with pytest.raises(UserError, match=re.escape(message)):
        configuration.load(str(path), wiki)


def test_one_profile_needs_no_choice_and_wiki_needs_profiles(
    tmp_path: Path, password: Path
) -> None:
    path = write_profiles(tmp_path, password, only="http://127.0.0.1:8081/api.php")
    assert configuration.load(str(path)).api == "http://127.0.0.1:8081/api.php"
    plain = tmp_path / "plain.toml"
    plain.write_text(
        PROFILE.format(name="x", api="http://127.0.0.1:1/api.php", password=password).replace(
            "[wikis.x]", "[wiki]"
        ),
        encoding="utf-8",
    )
    with pytest.raises(UserError, match=r"--wiki x: this config has no \[wikis.x\] section"):
        configuration.load(str(plain), "x")
    both = tmp_path / "both.toml"
    both.write_text(plain.read_text(encoding="utf-8") + path.read_text(encoding="utf-8"), "utf-8")
    with pytest.raises(UserError, match=r"one \[wiki\] section or \[wikis.NAME\] sections"):
        configuration.load(str(both))


def test_ledger_and_state_are_per_wiki(local_wiki: LocalWiki, tmp_path: Path) -> None:
    # Two names for the same wiki stand for a test wiki and the real one.
    first, second = local_wiki.api, local_wiki.api.replace("127.0.0.1", "localhost")
    config = write_profiles(tmp_path, local_wiki.password_file, test=first, real=second)
    title = unique("Profiles")
    path = draft(tmp_path, title)

    pushed = wikidraft(config, "push", "--yes", "--wiki", "test", str(path))
    assert pushed.returncode == 0, pushed.stderr
    assert f"Draft:{title}" in recorded(tmp_path)
    path.write_text(f"# {title}\n\nA changed fact.\n", encoding="utf-8")
    again = wikidraft(config, "diff", "--wiki", "test", str(path))
    assert again.returncode == 1 and "never pushed from here" not in again.stdout
    # To the other wiki's ledger the page was never pushed from here.
    other = wikidraft(config, "diff", "--wiki", "real", str(path))
    assert other.returncode == 1 and "never pushed from here" in other.stdout
    unchosen = wikidraft(config, "diff", str(path))
    assert unchosen.returncode == 2 and "choose one with --wiki NAME" in unchosen.stderr
    states = {folder.name for folder in (tmp_path / "state" / "wikidraft").iterdir()}
    assert {f"127.0.0.1_{local_wiki.port}", f"localhost_{local_wiki.port}"} <= states
