"""Draft titles are confined to the configured namespace; anything that could escape is refused."""

from __future__ import annotations

import pytest

from bot.target import Target
from bot.titles import RefusedTitle, confine

# What a wiki would report: namespace names and aliases, interwiki prefixes (casefolded).
PREFIXES = {"talk", "user", "user talk", "special", "media", "file", "image", "draft", "w", "en"}
DRAFT = Target("Draft")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Tidal locking", "Draft:Tidal locking"),
        ("Star Wars: A New Hope", "Draft:Star Wars: A New Hope"),
        ("Draft:Tidal locking", "Draft:Tidal locking"),
        ("draft : Tidal_locking", "Draft:Tidal locking"),
        ("Rope (data structure)", "Draft:Rope (data structure)"),
        ("C++/CLI", "Draft:C++/CLI"),
    ],
)
def test_plain_titles_land_in_the_namespace(title: str, expected: str) -> None:
    assert confine(title, None, DRAFT, PREFIXES) == expected


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("Talk:Tidal locking", "namespace or interwiki prefix"),
        ("Special:UserLogin", "namespace or interwiki prefix"),
        ("user talk:Someone", "namespace or interwiki prefix"),
        ("en:Tidal locking", "namespace or interwiki prefix"),
        ("w:Main Page", "namespace or interwiki prefix"),
        ("Draft:Talk:X", "namespace or interwiki prefix"),
        ("../etc/passwd", "relative path"),
        ("a/../b", "relative path"),
        ("..", "relative path"),
        ("Talk\uff1aX", "FULLWIDTH COLON"),
        ("Talk\ufe55X", "SMALL COLON"),
        ("Talk\u2236X", "RATIO"),
        ("Talk\ua789X", "MODIFIER LETTER COLON"),
        ("Talk\u0589X", "ARMENIAN FULL STOP"),
        (":Main Page", "starts with ':'"),
        ("A [[link]]", "cannot contain"),
        ("Tab{{x}}", "cannot contain"),
        ("Right\u200fto left", "cannot contain"),
        ("Ten %41 percent", "%-escapes"),
        ("", "empty"),
        ("Draft:", "empty"),
        ("x" * 256, "longer than 255 bytes"),
    ],
)
def test_hostile_titles_are_refused(title: str, reason: str) -> None:
    with pytest.raises(RefusedTitle, match=reason.replace("(", r"\(")):
        confine(title, None, DRAFT, PREFIXES)


def test_a_draft_naming_another_namespace_is_refused() -> None:
    with pytest.raises(RefusedTitle, match="asks for the User namespace"):
        confine("Someone", "User", DRAFT, PREFIXES)
    assert confine("Someone", "draft", DRAFT, PREFIXES) == "Draft:Someone"


def test_a_sandbox_holds_the_titles_as_subpages_and_takes_no_namespace_from_a_draft() -> None:
    sandbox = Target("User", "Bob/sandbox")
    assert confine("Tidal locking", None, sandbox, PREFIXES) == "User:Bob/sandbox/Tidal locking"
    with pytest.raises(RefusedTitle, match="asks for the User namespace"):
        confine("Someone", "User", sandbox, PREFIXES)  # "User:Someone" on the draft's first line
    with pytest.raises(RefusedTitle, match="relative path"):
        confine("../../Someone", None, sandbox, PREFIXES)
