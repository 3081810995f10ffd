"""Where wikidraft may write: the Draft namespace, or a sandbox under the user's own user page.

Nothing else: not the main namespace (an article no one has reviewed), not templates or the
interface, not someone else's user space. ``wiki.namespace`` is checked as far as the config
file allows when it is read (``parse_namespace``), and against the wiki's own namespace names
once connected (``require``): the Draft namespace is number 118 whatever a wiki calls it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

DRAFT = 118  # the Draft namespace of English Wikipedia, and of wikis that copied it
USER = 2


class TargetError(ValueError):
    """A namespace setting wikidraft must not write to; the message names the allowed values."""


class Namespace(Protocol):
    """What ``require`` needs of one of the wiki's namespaces (pywikibot's Namespace has it)."""

    id: int

    def __iter__(self) -> Iterator[str]:
        """Its names and aliases."""
        ...


def user_name(login: str) -> str:
    """The account of a bot-password login name, as MediaWiki writes it: "bob_x@app" -> "Bob x"."""
    name = _spaced(login.partition("@")[0])
    return name[:1].upper() + name[1:]


def allowed(login: str) -> str:
    """The values wiki.namespace may take, for messages."""
    return (
        f'"Draft" (or the wiki\'s own name for namespace {DRAFT}) or a subpage of your own user '
        f'page, like "User:{user_name(login)}/sandbox"'
    )


@dataclass(frozen=True)
class Target:
    """The namespace drafts go to and, for a sandbox, the page their titles go under."""

    namespace: str  # as configured: "Draft" (or its local name), or "User" for a sandbox
    sandbox: str | None = None  # "Bob/sandbox": a draft titled X goes to User:Bob/sandbox/X

    def __str__(self) -> str:
        return f"{self.namespace}:{self.sandbox}" if self.sandbox else self.namespace

    @property
    def canonical(self) -> str:
        """The namespace's canonical name: "Draft", or "User" for a sandbox."""
        return "User" if self.sandbox else "Draft"

    def page(self, title: str) -> str:
        """The full page title of a draft titled title (checked by bot.titles already)."""
        if self.sandbox:
            return f"{self.namespace}:{self.sandbox}/{title}"
        return f"{self.namespace}:{title}"

    def holds(self, namespace_id: int, name: str) -> bool:
        """Whether a page, as the wiki resolved it (namespace, title without it), is inside."""
        if not self.sandbox:
            return namespace_id == DRAFT
        return namespace_id == USER and name.startswith(self.sandbox + "/")


def parse_namespace(value: str, login: str) -> Target:
    """The target wiki.namespace names, checked as far as it can be without the wiki."""
    text = _spaced(value)
    prefix, colon, rest = text.partition(":")
    if not colon:
        if not text or "/" in text:
            raise TargetError(f"wiki.namespace cannot be {value!r}; it must be {allowed(login)}")
        return Target(text)
    user, slash, subpage = (part.strip() for part in rest.partition("/"))
    mine = user_name(login)
    if not slash or not subpage or user_name(user) != mine or "//" in subpage:
        raise TargetError(
            f"wiki.namespace cannot be {value!r}: a sandbox must be a subpage of your own user "
            f"page ({mine}, from wiki.username); it must be {allowed(login)}"
        )
    return Target(prefix.strip(), f"{mine}/{subpage.strip('/')}")


def require(target: Target, namespaces: Iterable[Namespace], login: str) -> None:
    """Raise TargetError unless the target's namespace, on this wiki, is Draft (User: a sandbox)."""
    wanted = USER if target.sandbox else DRAFT
    name = target.namespace.casefold()
    found = next((ns for ns in namespaces if name in (n.casefold() for n in ns)), None)
    if found is not None and found.id == wanted:
        return
    if found is None:
        what = f"the wiki has no namespace named {target.namespace!r}"
    else:
        what = f"wiki.namespace = {str(target)!r} is namespace {found.id} on this wiki"
    raise TargetError(f"{what}; wiki.namespace must be {allowed(login)}")


def _spaced(text: str) -> str:
    """Text with underscores and runs of white space as single spaces, as in page titles."""
    return re.sub(r"[\s_]+", " ", text).strip()
