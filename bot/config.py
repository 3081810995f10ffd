"""The wikidraft configuration: one TOML file, found, read and checked before anything connects."""

from __future__ import annotations

import os
import stat
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.errors import UserError
from bot.sources.settings import DEFAULT_USER_AGENT, SourceSettings
from bot.target import Target, TargetError, parse_namespace

REPO = Path(__file__).resolve().parent.parent
LOCAL = REPO / "config" / "local.toml"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

REQUIRED = object()  # the default of a key every config file must set
# Every key a config file may hold: (type, default); None as default means "unset".
SCHEMA: dict[str, dict[str, tuple[type | tuple[type, ...], object]]] = {
    "wiki": {
        "api": (str, REQUIRED),  # the full api.php URL
        "namespace": (str, "Draft"),  # "Draft", or a sandbox "User:Name/sandbox" (bot/target.py)
        "username": (str, REQUIRED),  # a bot-password login name, "User@app"
        "password_env": (str, None),  # default WIKIDRAFT_PASSWORD unless password_file is set
        "password_file": (str, None),  # relative to the config file's folder
        "user_agent": (str, None),  # required for wikis on other machines: who to contact
        "policy": (str, None),  # "wikimedia" or "other"; unset: a Wikimedia host is "wikimedia"
    },
    "edit": {
        "summary": (str, "Publishing draft converted from Markdown"),
        "minor": (bool, False),
        "throttle": ((int, float), 10),  # seconds between edits
        "maxlag": (int, 5),  # seconds of replication lag at which the wiki asks bots to wait
        "preserve_templates": (list, ["AfC submission", "AfC comment"]),
    },
    # Fetching cited sources (bot.sources.settings.SourceSettings has the defaults' reasons).
    "sources": {
        "enrich": (bool, False),
        "timeout": ((int, float), 20),
        "concurrency": (int, 8),
        "max_age_days": ((int, float), 7),
        "allow_private": (bool, False),
        "doi_resolver": (str, "https://doi.org/"),
        "user_agent": (str, None),  # default: the wiki's
    },
}
# Keys people reach for that must not exist; the message says why.
FORBIDDEN = {
    "password": "passwords never go into config files; use password_env or password_file",
    "verify_tls": "TLS verification cannot be turned off",
    "verify_ssl": "TLS verification cannot be turned off",
    "verify": "TLS verification cannot be turned off",
    "insecure": "TLS verification cannot be turned off",
}


class NotSetUp(UserError):
    """The config names a password file that is not written yet (config/local.toml before
    `make wiki`): a step of setting up, not a mistake in the file."""


@dataclass(frozen=True)
class Config:
    """A checked configuration; ``password()`` reads the secret only when it is needed."""

    api: str
    namespace: str
    target: Target  # where drafts go: wiki.namespace, checked
    username: str
    password_env: str | None
    password_file: Path | None
    user_agent: str
    summary: str
    minor: bool
    throttle: float
    maxlag: int
    preserve_templates: tuple[str, ...]
    source: Path  # the file read; the project's ledger lives beside it
    policy: str | None = None  # whose rules on LLM text apply (bot/provenance.py)
    sources: SourceSettings = field(default_factory=SourceSettings)

    @property
    def host(self) -> str:
        """The wiki's host (and port), as a folder name."""
        parts = urlsplit(self.api)
        return f"{parts.hostname}_{parts.port}" if parts.port else str(parts.hostname)

    def password(self) -> str:
        """The bot password, from the file or the environment variable."""
        if self.password_file is not None:
            secret = self.password_file.read_text(encoding="utf-8").strip()
            source = f"password file {self.password_file}"
        else:
            secret = os.environ.get(self.password_env or "", "").strip()
            source = f"environment variable {self.password_env}"
        if not secret:
            raise UserError(f"no bot password: {source} is empty or unset")
        return secret


def find(explicit: str | None) -> Path:
    """The config file: --config, else $WIKIDRAFT_CONFIG, else ./wikidraft.toml, else local."""
    for candidate, origin in (
        (explicit, "--config"),
        (os.environ.get("WIKIDRAFT_CONFIG"), "WIKIDRAFT_CONFIG"),
    ):
        if candidate:
            path = Path(candidate).expanduser()
            if not path.is_file():
                raise UserError(f"config file {path} (from {origin}) does not exist")
            return path
    for path in (Path("wikidraft.toml"), LOCAL):
        if path.is_file():
            return path
    raise UserError("no config: pass --config FILE, set WIKIDRAFT_CONFIG or create wikidraft.toml")


def _read(path: Path) -> dict[str, object]:
    """The TOML document at path."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UserError(f"{path}: cannot read config: {error}") from None


@dataclass(frozen=True)
class ConfigFile:
    """A config file as read, not yet checked: read once per command, checked for each use."""

    path: Path
    data: dict[str, object]

    @property
    def names_a_wiki(self) -> bool:
        """Whether it holds a wiki ([wiki] or [wikis.NAME]), not only [sources]."""
        return bool({"wiki", "wikis"} & self.data.keys())


def read(explicit: str | None = None) -> ConfigFile | None:
    """The config file found as find() finds it, read; None when none is named or present."""
    if not (explicit or os.environ.get("WIKIDRAFT_CONFIG")) and not any(
        path.is_file() for path in (Path("wikidraft.toml"), LOCAL)
    ):
        return None
    path = find(explicit)
    return ConfigFile(path, _read(path))


def source_settings(file: ConfigFile | None) -> SourceSettings:
    """The [sources] settings alone, for commands that need no wiki; defaults without a file."""
    if file is None:
        return SourceSettings()
    # Any profile's [wikis.NAME] is as good for [sources], which applies to all of them.
    data = {key: value for key, value in file.data.items() if key != "wikis"}
    _known_sections(file.path, data)
    wiki = data.get("wiki", {})
    agent = wiki.get("user_agent") if isinstance(wiki, dict) else None
    return _sources(file.path, _table(file.path, "sources", data), agent)


def load(explicit: str | None = None, wiki: str | None = None) -> Config:
    """Find, read and check the configuration (of the wiki profile named wiki, if any)."""
    path = find(explicit)
    return checked(ConfigFile(path, _read(path)), wiki)


def checked(file: ConfigFile, wiki: str | None = None) -> Config:
    """The configuration of a file read, checked (of the wiki profile named wiki, if any)."""
    path = file.path
    data = _profile(path, file.data, wiki)
    values = _checked(path, data)
    password_file = _password_file(path, values)
    username = _username(path, values["username"])
    try:
        where = parse_namespace(values["namespace"], username)
    except TargetError as error:
        raise UserError(f"{path}: {error}") from None
    return Config(
        api=_api(path, values["api"]),
        namespace=values["namespace"],
        target=where,
        username=username,
        password_env=None if password_file else values["password_env"] or "WIKIDRAFT_PASSWORD",
        password_file=password_file,
        user_agent=_user_agent(path, values["api"], values["user_agent"]),
        summary=values["summary"],
        minor=values["minor"],
        throttle=float(values["throttle"]),
        maxlag=values["maxlag"],
        preserve_templates=tuple(values["preserve_templates"]),
        source=path,
        policy=values["policy"],
        sources=_sources(path, _table(path, "sources", data), values["user_agent"]),
    )


def _profile(path: Path, data: dict[str, object], wiki: str | None) -> dict[str, object]:
    """data with the [wikis.NAME] profile chosen by --wiki as its [wiki] (the one, if only one)."""
    profiles = data.get("wikis")
    if profiles is None:
        if wiki is not None:
            raise UserError(f"{path}: --wiki {wiki}: this config has no [wikis.{wiki}] section")
        return data
    if "wiki" in data:
        raise UserError(f"{path}: use one [wiki] section or [wikis.NAME] sections, not both")
    if not isinstance(profiles, dict) or not all(isinstance(p, dict) for p in profiles.values()):
        raise UserError(f"{path}: [wikis] must hold one [wikis.NAME] table per wiki")
    names = ", ".join(sorted(profiles))
    if wiki is None and len(profiles) != 1:
        raise UserError(f"{path}: it names several wikis ({names}); choose one with --wiki NAME")
    chosen = wiki if wiki is not None else next(iter(profiles))
    if chosen not in profiles:
        raise UserError(f"{path}: no [wikis.{chosen}] section (known: {names}); check --wiki")
    return {**{k: v for k, v in data.items() if k != "wikis"}, "wiki": profiles[chosen]}


def _known_sections(path: Path, data: dict[str, object]) -> None:
    """Refuse a section the schema does not know."""
    for section in data:
        if section not in SCHEMA:
            raise UserError(f"{path}: unknown section [{section}] (known: {', '.join(SCHEMA)})")


def _table(path: Path, section: str, data: dict[str, object]) -> dict[str, object]:
    """The values of one section's keys (defaults filled in), after checking names and types."""
    keys = SCHEMA[section]
    table = data.get(section, {})
    if not isinstance(table, dict):
        raise UserError(f"{path}: [{section}] must be a table")
    for key in table:
        if key in FORBIDDEN:
            raise UserError(f"{path}: {section}.{key}: {FORBIDDEN[key]}")
        if key not in keys:
            raise UserError(f"{path}: unknown key {section}.{key}")
    values: dict[str, object] = {}
    for key, (kind, default) in keys.items():
        value = table.get(key, default)
        if value is REQUIRED:
            raise UserError(f"{path}: {section}.{key} is required; set it in [{section}]")
        # bool is an int to Python, but "throttle = true" is a mistake, not one second.
        wrong = isinstance(value, bool) and kind is not bool
        if value is not None and (wrong or not isinstance(value, kind)):
            raise UserError(f"{path}: {section}.{key} must be {_kind_name(kind)}")
        values[key] = value
    return values


def _checked(path: Path, data: dict[str, object]) -> dict[str, object]:
    """The values of the [wiki] and [edit] keys, after checking every section."""
    _known_sections(path, data)
    values = {**_table(path, "wiki", data), **_table(path, "edit", data)}
    preserve, throttle, maxlag = (values[k] for k in ("preserve_templates", "throttle", "maxlag"))
    if not all(isinstance(name, str) for name in preserve):  # type: ignore[attr-defined]
        raise UserError(f"{path}: edit.preserve_templates must be a list of template names")
    if values["policy"] not in (None, "wikimedia", "other"):
        raise UserError(f'{path}: wiki.policy must be "wikimedia" or "other"')
    if throttle < 0 or maxlag < 0:  # type: ignore[operator]
        raise UserError(f"{path}: edit.throttle and edit.maxlag cannot be negative")
    return values


def _kind_name(kind: type | tuple[type, ...]) -> str:
    """'a string', 'a number', … for messages."""
    names = {str: "a string", bool: "true or false", int: "a whole number", list: "a list"}
    return "a number" if isinstance(kind, tuple) else names[kind]


def _api(path: Path, api: str) -> str:
    """The api.php URL; plain http only to this machine, where no password crosses a network."""
    parts = urlsplit(api)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(f"{path}: wiki.api must be a full URL ending in api.php, not {api!r}")
    if not parts.path.endswith("/api.php"):
        raise UserError(f"{path}: wiki.api must end in /api.php (got {api!r})")
    if parts.username or parts.password:
        raise UserError(f"{path}: wiki.api must not contain a user name or password")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK:
        raise UserError(f"{path}: wiki.api must use https:// for a wiki on another machine")
    return api


def _user_agent(path: Path, api: str, user_agent: str | None) -> str:
    """The User-Agent; Wikimedia's policy wants a way to contact the operator of a bot."""
    if user_agent:
        return user_agent
    if urlsplit(api).hostname in LOOPBACK:
        return "wikidraft (local wiki)"
    raise UserError(
        f'{path}: set wiki.user_agent, e.g. "wikidraft (User:YourName; you@example.org)": '
        "wikis ask bots for a way to contact their operator"
    )


def _username(path: Path, username: str) -> str:
    """A bot-password login name: ``User@app`` (Special:BotPasswords)."""
    user, at, app = username.partition("@")
    if not (user.strip() and at and app.strip()):
        raise UserError(
            f"{path}: wiki.username must be a bot-password login name like 'Name@app' "
            "(Special:BotPasswords)"
        )
    return username


def _password_file(path: Path, values: dict[str, object]) -> Path | None:
    """The password file, checked: private, and not where git would publish it."""
    name = values["password_file"]
    if name is None:
        return None
    if values["password_env"] is not None:
        raise UserError(f"{path}: set wiki.password_env or wiki.password_file, not both")
    secret = (path.parent / Path(str(name)).expanduser()).resolve()
    try:
        mode = secret.stat().st_mode
    except OSError:
        raise NotSetUp(
            f"{path}: wiki.password_file {secret} does not exist; write the bot password there "
            "(Special:BotPasswords), or for the local wiki run: make wiki"
        ) from None
    if not stat.S_ISREG(mode):
        raise UserError(f"{path}: wiki.password_file {secret} is not a file")
    if mode & 0o077:
        raise UserError(f"password file {secret} is readable by others; run: chmod 600 {secret}")
    repository = _git_repository(secret.parent)
    if repository is not None and not _git_ignored(repository, secret):
        raise UserError(
            f"password file {secret} is inside the git repository {repository} and not "
            "git-ignored; move it out of the repository"
        )
    return secret


def _git_repository(folder: Path) -> Path | None:
    """The work tree of the git repository holding folder, if any."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _git_ignored(repository: Path, file: Path) -> bool:
    """Whether git ignores file (so it cannot be committed by accident)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(repository), "check-ignore", "-q", str(file)],
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False  # without git we cannot tell, and a secret must not be risked
    return result.returncode == 0


def _sources(path: Path, values: dict[str, object], wiki_agent: object) -> SourceSettings:
    """The checked [sources] section; its user agent defaults to the wiki's."""
    numbers = {key: values[key] for key in ("timeout", "concurrency", "max_age_days")}
    for key, number in numbers.items():
        if number <= 0:  # type: ignore[operator]
            raise UserError(f"{path}: sources.{key} must be more than 0")
    resolver = str(values["doi_resolver"])
    if urlsplit(resolver).scheme not in ("http", "https") or not resolver.endswith("/"):
        raise UserError(
            f"{path}: sources.doi_resolver must be an http(s) URL ending in /, not {resolver!r}"
        )
    return SourceSettings(
        enrich=bool(values["enrich"]),
        timeout=float(values["timeout"]),  # type: ignore[arg-type]
        concurrency=int(values["concurrency"]),  # type: ignore[call-overload]
        max_age_days=float(values["max_age_days"]),  # type: ignore[arg-type]
        allow_private=bool(values["allow_private"]),
        doi_resolver=resolver,
        user_agent=str(values["user_agent"] or wiki_agent or DEFAULT_USER_AGENT),
    )
