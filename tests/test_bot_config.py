"""The config file: found in the documented order, checked, secrets kept out of repositories."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import config as configuration
from bot.errors import UserError
from tests.botrun import draft, environment, unique, write_config
from tests.localwiki import LocalWiki

GOOD = """[wiki]
api = "https://wiki.example/w/api.php"
username = "Someone@wikidraft"
user_agent = "wikidraft tests (someone@wiki.example)"
"""


def write(path: Path, text: str = GOOD) -> Path:
    """Write text to path (creating folders); returns path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def secret(path: Path, mode: int = 0o600) -> Path:
    """A password file with the given mode."""
    write(path, "s3cret\n").chmod(mode)
    return path


def test_defaults_and_password_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = configuration.load(str(write(tmp_path / "c.toml")))
    assert (config.namespace, config.throttle, config.maxlag, config.minor) == (
        "Draft",
        10,
        5,
        False,
    )
    assert config.preserve_templates == ("AfC submission", "AfC comment")
    assert config.password_env == "WIKIDRAFT_PASSWORD" and config.host == "wiki.example"
    monkeypatch.setenv("WIKIDRAFT_PASSWORD", "from-env")
    assert config.password() == "from-env"
    monkeypatch.delenv("WIKIDRAFT_PASSWORD")
    with pytest.raises(UserError, match="WIKIDRAFT_PASSWORD is empty or unset"):
        config.password()


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WIKIDRAFT_CONFIG", raising=False)
    assert configuration.find(None) == configuration.LOCAL
    local = write(tmp_path / "wikidraft.toml")
    assert configuration.find(None) == Path("wikidraft.toml") and local.exists()
    monkeypatch.setenv("WIKIDRAFT_CONFIG", str(write(tmp_path / "env.toml")))
    assert configuration.find(None) == tmp_path / "env.toml"
    assert configuration.find(str(write(tmp_path / "flag.toml"))) == tmp_path / "flag.toml"
    with pytest.raises(UserError, match="does not exist"):
        configuration.find(str(tmp_path / "missing.toml"))


def test_local_config_reads_the_git_ignored_local_wiki_password(tmp_path: Path) -> None:
    copy = shutil.copy(configuration.LOCAL, write(tmp_path / "config" / "local.toml"))
    secret(tmp_path / ".wiki" / "bot-password")
    config = configuration.load(str(copy))
    assert config.api == "http://127.0.0.1:8080/api.php" and config.throttle == 0
    assert config.password_file == tmp_path / ".wiki" / "bot-password"
    assert config.password() == "s3cret"
    # In the repository itself, the local wiki's password file is one git ignores.
    assert configuration._git_ignored(
        configuration.REPO, configuration.REPO / ".wiki" / "bot-password"
    )


def test_password_file_in_a_git_repository_must_be_ignored(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    secret(tmp_path / "pw")
    config = write(tmp_path / "c.toml", GOOD + 'password_file = "pw"\n')
    with pytest.raises(UserError, match="inside the git repository"):
        configuration.load(str(config))
    write(tmp_path / ".gitignore", "pw\n")
    assert configuration.load(str(config)).password_file == tmp_path / "pw"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('password_file = "pw"\npassword_env = "X"\n', "not both"),
        ('password_file = "nowhere"\n', "does not exist; write the bot password there"),
        ("[edit]\nminor = 1\n", "edit.minor must be true or false"),
        ("[edit]\nthrottle = true\n", "edit.throttle must be a number"),
        ("[edit]\nmaxlag = -1\n", "cannot be negative"),
        ("[edit]\npreserve_templates = [1]\n", "list of template names"),
        ("[edit]\nverify = false\n", "TLS verification cannot be turned off"),
        ("[other]\n", "unknown section [other]"),
        ('api = "https://other.example/w/api.php"\n', "cannot read config"),
    ],
)
def test_invalid_settings_name_the_key(tmp_path: Path, extra: str, message: str) -> None:
    secret(tmp_path / "pw")
    with pytest.raises(UserError, match=message.replace("[", r"\[").replace("]", r"\]")):
        configuration.load(str(write(tmp_path / "c.toml", GOOD + extra)))


def test_a_wiki_elsewhere_needs_a_user_agent_with_contact(tmp_path: Path) -> None:
    anonymous = GOOD.replace('user_agent = "wikidraft tests (someone@wiki.example)"\n', "")
    with pytest.raises(UserError, match=r"set wiki\.user_agent"):
        configuration.load(str(write(tmp_path / "c.toml", anonymous)))
    local = anonymous.replace("https://wiki.example", "http://127.0.0.1:8080")
    assert configuration.load(str(write(tmp_path / "l.toml", local))).user_agent


@pytest.mark.parametrize(
    "namespace",
    ["", "  ", "User:Someone/sandbox", "User:Someone else/x", "User:Someone", "Main/x", "User:/x"],
)
def test_a_namespace_that_is_not_draft_or_your_sandbox_is_refused(
    tmp_path: Path, namespace: str
) -> None:
    # GOOD logs in as Someone@wikidraft: the only sandbox allowed is under User:Someone.
    text = GOOD.replace("username", f'namespace = "{namespace}"\nusername')
    text = text.replace("Someone@wikidraft", "Other@wikidraft")
    with pytest.raises(UserError, match=r'must be "Draft" .* like "User:Other/sandbox"'):
        configuration.load(str(write(tmp_path / "c.toml", text)))


@pytest.mark.parametrize(
    ("namespace", "where"),
    [
        ("Draft", "Draft:X"),
        ("User:Someone/sandbox", "User:Someone/sandbox/X"),
        ("user:someone_/sandbox/drafts/", "user:Someone/sandbox/drafts/X"),
    ],
)
def test_draft_or_a_subpage_of_your_own_user_page_is_allowed(
    tmp_path: Path, namespace: str, where: str
) -> None:
    text = GOOD.replace("username", f'namespace = "{namespace}"\nusername')
    assert configuration.load(str(write(tmp_path / "c.toml", text))).target.page("X") == where


# Runs a command in a child process and prints, last, how often the config file was opened
# (every open is an audit event, whichever function opens it).
COUNT_OPENS = """
import sys
from pathlib import Path

from bot.cli import main

config = Path(sys.argv[1]).resolve()
opened = []
sys.addaudithook(
    lambda event, args: opened.append(args[0]) if event == "open" else None
)
status = main(sys.argv[2:])
reads = sum(isinstance(p, str) and Path(p).resolve() == config for p in opened)
print(f"status {status}, config opened {reads} time(s)")
"""


@pytest.mark.parametrize(
    "command", [["convert", "--enrich", "--config", "{config}"], ["check"], ["diff"]]
)
def test_a_command_reads_the_config_file_once(
    local_wiki: LocalWiki, tmp_path: Path, command: list[str]
) -> None:
    config = write_config(tmp_path, local_wiki)
    with config.open("a", encoding="utf-8") as file:
        file.write("[sources]\ntimeout = 5\n")
    path = draft(tmp_path, unique("Read config once"), "A fact.\n")
    arguments = [part.format(config=config) for part in command]
    result = subprocess.run(
        [sys.executable, "-c", COUNT_OPENS, str(config), *arguments, str(path)],
        env=environment(config),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    last = result.stdout.splitlines()[-1]
    assert last.endswith("config opened 1 time(s)"), result.stdout + result.stderr
    assert last.startswith(("status 0", "status 1")), result.stderr  # diff: 1, a new page
