"""pywikibot's APISite with a bot-password login held in memory: it never asks for a password.

Imported only by ``bot.site.connect``, after it has pointed pywikibot at the state folder.
"""

from __future__ import annotations

import hashlib
import json
import threading
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any

import pywikibot
import requests
from pywikibot.comms import http
from pywikibot.data import api
from pywikibot.exceptions import APIError, NoUsernameError
from pywikibot.login import ClientLoginManager, LoginStatus
from pywikibot.site import APISite

from bot.site import RETRY_AFTER_LIMIT

# Answers whose Retry-After says when to come back: "too many requests", "unavailable".
RETRY_AFTER_STATUSES = (HTTPStatus.TOO_MANY_REQUESTS, HTTPStatus.SERVICE_UNAVAILABLE)
# The Retry-After of the latest such answer, per thread, until the request that got it waits.
_pending = threading.local()


class BotPasswordSite(APISite):
    """An APISite that logs in as ``bot_login_name`` with ``bot_password`` (no prompt, ever)."""

    bot_login_name: str = ""
    bot_password: str | None = None

    def login(
        self, autocreate: bool = False, user: str | None = None, *, cookie_only: bool = False
    ) -> None:
        """Resume this login's saved session if the wiki still knows it, else log in afresh.

        The cookie jar is that of this login (api URL, login name, password), so a session
        saved by another password never stands in for this one, and a wrong password is tried.
        """
        if cookie_only:
            return  # pywikibot's start-up login, from a jar named by the user alone: not ours
        if not self.bot_password:
            raise NoUsernameError(f"no bot password to log in as {self.bot_login_name}")
        self._loginstatus = LoginStatus.IN_PROGRESS  # pywikibot: no "not logged in" warning
        self._new_session(self.cookie_jar_name())
        del self.userinfo
        if self.userinfo["name"] == self.username():
            self._loginstatus = LoginStatus.AS_USER
            return
        # A session cookie the wiki no longer honours must not go with the login: MediaWiki
        # refuses a login inside a bot-password session ("Cannot log in when using
        # BotPasswordSessionProvider sessions").
        self._new_session(None)
        manager = ClientLoginManager(password=self.bot_password, site=self, user=self.username())
        manager.login_name = self.bot_login_name
        # retry=False: on failure pywikibot would forget the password and prompt for another.
        if not manager.login(retry=False):
            raise NoUsernameError("the wiki refused the login (see the message above)")
        del self.userinfo
        if self.userinfo["name"] != self.username():
            raise NoUsernameError(f"logged in as {self.userinfo['name']}, not {self.username()}")
        self._loginstatus = LoginStatus.AS_USER

    def _new_session(self, jar: str | None) -> None:
        """Go on with the cookies saved in jar (none when None) and no token of the session left.

        pywikibot has one cookie jar per process; wikidraft talks to one wiki per process.
        Tokens belong to the session they were issued in: a login token kept from another fails
        the login ("Unable to continue login. Your session most likely timed out"), and
        pywikibot drops its tokens only when the user's name changes.
        """
        http.cookie_jar.clear()
        if jar is not None:
            http.cookie_jar.load(jar, ignore_discard=True)
        del self.tokens

    def cookie_jar_name(self) -> str:
        """The name of this login's cookie jar: a slow hash of it, never the password itself."""
        login = json.dumps([self.base_url(self.apipath()), self.bot_login_name]).encode()
        secret = (self.bot_password or "").encode()
        digest = hashlib.pbkdf2_hmac("sha256", secret, login, 100_000)
        return "login-" + digest.hex()[:16]

    @staticmethod
    def _request_class(kwargs: dict[str, Any]) -> type[api.Request]:
        """SiteRequest for every uncached request (cached ones are reads of site data)."""
        if kwargs.get("expiry") is not None:
            return api.CachedRequest
        return SiteRequest


class RetryAfterTooLong(pywikibot.exceptions.Error):
    """The wiki asked to wait longer than RETRY_AFTER_LIMIT before asking again."""


class SiteRequest(api.Request):
    """A request that logs in again once when the wiki lost its session, and honours the
    wiki's Retry-After (up to RETRY_AFTER_LIMIT) when it says it is too busy."""

    def _logged_in(self, code: str) -> bool:
        """Log in again for "notloggedin" too (pywikibot does for assertuserfailed)."""
        if code == "notloggedin" and self.site.bot_password:
            self._relogin("The wiki lost the session.")
            return False  # one retry: the same error twice in a row is raised by submit
        return super()._logged_in(code)

    def _json_loads(self, response: requests.Response) -> dict | None:
        """None, after the wait, for a 429: pywikibot takes its body for a broken family."""
        if response.status_code == HTTPStatus.TOO_MANY_REQUESTS:
            self.wait()
            return None  # submit sends the request again
        return super()._json_loads(response)

    def wait(self, delay: float | None = None, **kwargs: Any) -> None:
        """Wait before retrying: at least the wiki's Retry-After, which must be in bounds."""
        asked = getattr(_pending, "seconds", None)
        _pending.seconds = None
        if asked is not None and asked > RETRY_AFTER_LIMIT:
            # pywikibot keeps the last Retry-After and would sleep it before the next request.
            self.site.throttle.retry_after = 0
            raise RetryAfterTooLong(
                f"the wiki asks to wait {asked} s before retrying (Retry-After), longer than "
                f"wikidraft waits ({RETRY_AFTER_LIMIT} s); try again later"
            )
        if asked:
            pywikibot.log(f"Retry-After: the wiki asks to wait {asked} s")
        super().wait(max(delay or 0, asked or 0) or None, **kwargs)


def note_retry_after(response: requests.Response, *args: object, **kwargs: object) -> None:
    """Remember the Retry-After of a 429 or 503 answer (a requests response hook).

    pywikibot drops the answer of a 503 before it waits, and waits its own time.
    """
    value = response.headers.get("Retry-After")
    busy = response.status_code in RETRY_AFTER_STATUSES and value
    _pending.seconds = retry_after_seconds(value) if busy else None


def retry_after_seconds(value: str) -> int | None:
    """The seconds a Retry-After header asks for (delay or HTTP date); None if unreadable."""
    if value.strip().isdigit():
        return int(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0, round((when - datetime.now(UTC)).total_seconds()))


class EditRequest(SiteRequest):
    """An API request that reports "ratelimited" at once instead of waiting to resend it."""

    def _ratelimited(self) -> None:
        """Raise the wiki's error: pywikibot would wait and resend up to max_retries times."""
        # The wiki's window is typically a minute: a resend after pywikibot's waits (capped at
        # retry_max, 20 s a page in all) is refused again, and the user sits through them.
        raise APIError(**self.last_error)
