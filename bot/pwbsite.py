"""pywikibot's APISite with a bot-password login held in memory: it never asks for a password.

Imported only by ``bot.site.connect``, after it has pointed pywikibot at the state folder.
"""

from __future__ import annotations

from pywikibot.data.api import Request
from pywikibot.exceptions import APIError, NoUsernameError
from pywikibot.login import ClientLoginManager, LoginStatus
from pywikibot.site import APISite


class BotPasswordSite(APISite):
    """An APISite that logs in as ``bot_login_name`` with ``bot_password`` (no prompt, ever)."""

    bot_login_name: str = ""
    bot_password: str | None = None

    def login(
        self, autocreate: bool = False, user: str | None = None, *, cookie_only: bool = False
    ) -> None:
        """Log in from the cookie file, else with the bot password; pywikibot would prompt."""
        if cookie_only:
            super().login(autocreate, user, cookie_only=True)
            return
        if self.logged_in():
            self._loginstatus = LoginStatus.AS_USER
            return
        if not self.bot_password:
            raise NoUsernameError(f"no bot password to log in as {self.bot_login_name}")
        manager = ClientLoginManager(password=self.bot_password, site=self, user=self.username())
        manager.login_name = self.bot_login_name
        # retry=False: on failure pywikibot would forget the password and prompt for another.
        if not manager.login(retry=False):
            raise NoUsernameError("the wiki refused the login (see the message above)")
        del self.userinfo
        if self.userinfo["name"] != self.username():
            raise NoUsernameError(f"logged in as {self.userinfo['name']}, not {self.username()}")
        self._loginstatus = LoginStatus.AS_USER


class EditRequest(Request):
    """An API request that reports "ratelimited" at once instead of waiting to resend it."""

    def _ratelimited(self) -> None:
        """Raise the wiki's error: pywikibot would wait and resend up to max_retries times."""
        # The wiki's window is typically a minute: a resend after pywikibot's waits (capped at
        # retry_max, 20 s a page in all) is refused again, and the user sits through them.
        raise APIError(**self.last_error)
