"""The one place pywikibot is set up: state folder, settings, the site object and the login."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Config
from bot.errors import UserError
from bot.target import TargetError, require

if TYPE_CHECKING:
    from bot.pwbsite import BotPasswordSite

# The longest wait a wiki's Retry-After (on a 429, 503 or maxlag answer) gets; a longer one fails
# the request with the wait named (bot/pwbsite.py).
RETRY_AFTER_LIMIT = 60
# A user never waits minutes with nothing to show: few, short retries (pywikibot's defaults are
# 15 retries of up to 120 s each, made for long unattended runs). Two retries wait 1 s and 2 s;
# retry_max caps only the waits a wiki asks for.
RETRIES = {
    "max_retries": 2,
    "retry_wait": 1,
    "retry_max": RETRY_AFTER_LIMIT,
    "socket_timeout": (6.05, 60),
}
# pywikibot logs each failed HTTP attempt as an ERROR with a traceback, and each API error as a
# warning; wikidraft reports these itself, in one line (per page, or once the retries are spent).
CHATTER = ("Traceback", "An error occurred for uri", "API error")
# Waits that pywikibot announces (the maxlag one below warning level): shown on a terminal, so
# a user never sits through a pause with no word of why.
RETRY_NOTES = ("Pausing due to database lag", "Retry-After")
# The API modules whose parameters pywikibot looks up before logging in, preloading and saving;
# asked for in one paraminfo request instead of one each (pywikibot fetches them lazily).
MODULES = ("query+tokens", "query+info", "query+revisions", "query+categoryinfo", "edit", "parse")
# The site information wikidraft and pywikibot read (general: article path, page size limit;
# namespaces; extensions: pywikibot's checks before preloading; extensiontags: what the
# pre-save transform skips), asked for in one request.
# Each run asks afresh instead of trusting pywikibot's 30-day cache: a wiki that lowered its
# page size limit or renamed a namespace since must count at once.
SITEINFO = ("general", "namespaces", "namespacealiases", "extensions", "extensiontags")


class OneLineHandler(logging.Handler):
    """Shows pywikibot's warnings as one line each on stderr; its tracebacks never."""

    def emit(self, record: logging.LogRecord) -> None:
        """Print the first line of a warning; drop chatter and retry notes when piped."""
        lines = record.getMessage().strip().splitlines()
        if not lines or lines[0].startswith(CHATTER):
            return
        retrying = "before retrying" in lines[0] or lines[0].startswith(RETRY_NOTES)
        if retrying and not sys.stderr.isatty():
            return
        if record.levelno < logging.WARNING and not retrying:
            return
        print(f"wikidraft: pywikibot: {lines[0]}", file=sys.stderr)


def state_folder(config: Config) -> Path:
    """Where pywikibot keeps cookies, caches and throttle files for this wiki."""
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "wikidraft" / config.host


def _prepare(config: Config) -> None:
    """Point pywikibot at the state folder before it is imported; settings after."""
    folder = state_folder(config)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # pywikibot only honours PYWIKIBOT_DIR when a user-config.py is there; ours is empty (and
    # rewritten each time, as pywikibot executes it), so the current directory and any
    # user-config.py in it never play a part.
    stub = folder / "user-config.py"
    stub.write_text("# Settings come from wikidraft's TOML config; see bot/site.py.\n")
    stub.chmod(0o600)
    os.environ["PYWIKIBOT_DIR"] = str(folder)
    os.environ["PYWIKIBOT_NO_USER_CONFIG"] = "2"  # no warning about the missing user config
    from pywikibot import bot as pwb_bot
    from pywikibot import config as pwb
    from pywikibot.comms import http

    from bot.pwbsite import note_retry_after

    # For a second wiki in the same process (tests): pywikibot fixes its folder at import, and
    # creates throttle.ctrl only for the first site of a process.
    pwb.base_dir = str(folder)
    (folder / "throttle.ctrl").touch()
    pwb.solve_captcha = False  # it would open a web browser and wait for an answer
    pwb.put_throttle = config.throttle
    # pywikibot never waits less than minthrottle (0.1 s) between edits, even with throttle 0.
    pwb.minthrottle = min(pwb.minthrottle, config.throttle)
    pwb.write_maxlag = config.maxlag
    pwb.user_agent_format = config.user_agent.replace("{", "{{").replace("}", "}}") + " {pwb}"
    pwb.ignore_bot_templates = False
    pwb.cosmetic_changes = False
    pwb.simulate = False
    for name, value in RETRIES.items():
        setattr(pwb, name, value)
    if note_retry_after not in http.session.hooks["response"]:
        http.session.hooks["response"].append(note_retry_after)
    # pywikibot's chatter ("Logging in to …") is not for our users; its warnings are.
    pwb_bot.init_handlers()
    logger = logging.getLogger("pywiki")
    logger.handlers[:] = [OneLineHandler()]


def connect(config: Config, *, login: bool) -> BotPasswordSite:
    """The wiki, checked to have the configured namespace; logged in when login is set."""
    _prepare(config)
    import pywikibot

    from bot.pwbsite import BotPasswordSite

    user, _, _ = config.username.partition("@")
    with wiki_errors(config):
        # A family per wiki: pywikibot caches site objects by family and code.
        family = "wikidraft_" + re.sub(r"\W", "_", config.host)
        site = pywikibot.Site(url=config.api, fam=family, user=user, interface=BotPasswordSite)
        assert isinstance(site, BotPasswordSite)
        site.bot_login_name = config.username
        # pywikibot has no public handle on these: its ParamInfo asks for its own modules first
        # and ours in a second request, and its Siteinfo asks for each property when first read.
        site._paraminfo._preloaded_modules |= set(MODULES)
        site._paraminfo.fetch(MODULES)
        site.siteinfo._cache.update(site.siteinfo._get_siteinfo(SITEINFO, expiry=None))
        if login:
            site.bot_password = config.password()
            site.login()
        require_namespace(site, config)
    return site


@contextmanager
def wiki_errors(config: Config) -> Iterator[None]:
    """Turn pywikibot's errors (wiki down, login refused, API errors) into one-line UserErrors."""
    import pywikibot
    import requests

    try:
        yield
    except pywikibot.exceptions.Error as error:
        raise UserError(describe(config, error)) from None
    except (OSError, requests.exceptions.RequestException) as error:
        # A host name that does not resolve or a refused TLS handshake surfaces as a plain
        # ConnectionError while pywikibot builds the site, before its own error types apply.
        raise UserError(f"cannot reach the wiki at {config.api}: {first_line(error)}") from None


class NamespaceNotAllowed(UserError):
    """The configured namespace is not one wikidraft may write on this wiki: a config mistake."""


def require_namespace(site: BotPasswordSite, config: Config) -> None:
    """Stop unless bot/target.py allows the configured namespace on this wiki; the error names
    the config file, as every other mistake in it does."""
    try:
        require(config.target, site.namespaces.values(), config.username)
    except TargetError as error:
        raise NamespaceNotAllowed(f"{config.source}: {error}") from None


def first_line(error: BaseException) -> str:
    """The first line of an error's message, or its type's name when it has none."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def describe(config: Config, error: Exception) -> str:
    """One line for a failure to reach or use the wiki (never the password)."""
    import pywikibot

    text = first_line(error)
    # pywikibot names its site ("Failed on family:code: …"); ours has no name the user gave it.
    text = re.sub(r"^(\w+) on wikidraft_\w+:wikidraft_\w+: ", r"\1: ", text)
    if isinstance(error, pywikibot.exceptions.NoUsernameError):
        return f"cannot log in to {config.api} as {config.username}: {text}"
    if isinstance(error, pywikibot.exceptions.ApiTimeoutError | pywikibot.exceptions.ServerError):
        return f"cannot reach the wiki at {config.api} (is it running?): {text}"
    return f"{config.api}: {text}"
