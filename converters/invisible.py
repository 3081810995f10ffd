"""Characters a wiki page must not hold: removed from the draft, counted, reported once each."""

from __future__ import annotations

import re
from collections.abc import Callable

from converters.result import Warn

# Private use (U+E000-U+F8FF and planes 15-16): ChatGPT wraps its citation markers in
# U+E200-U+E204, and no wiki font shows such a character. Zero width: U+200B space, U+2060 word
# joiner, U+FEFF (a byte order mark inside the text), U+180E (Mongolian vowel separator, a
# space no more). Joiners U+200C/U+200D stay: Persian, Indic scripts and emoji need them.
INVISIBLE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\u200b\u2060\ufeff\u180e]")
# C0 controls but NUL (CommonMark's U+FFFD already), tab, LF and CR, and the noncharacters
# U+FFFE and U+FFFF: MediaWiki stores U+FFFD for each (UtfNormal\Validator::cleanUp), so a page
# holding one would never match its draft.
CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def strip_invisible(text: str, warn: Warn) -> str:
    """``text`` without invisible characters; one warning counts them."""
    return _strip(
        INVISIBLE,
        text,
        warn,
        lambda count, _: f"removed {count} invisible characters (private use, zero width)",
        kind="invisible-characters",
    )


def remove_controls(text: str, warn: Warn) -> str:
    """``text`` without the characters MediaWiki cannot store; one warning says how many."""
    return _strip(
        CONTROLS,
        text,
        warn,
        lambda count, first: (
            f"removed {count} character(s) that MediaWiki cannot store "
            f"(control characters, U+FFFE, U+FFFF), the first (U+{ord(first):04X}) on this line"
        ),
    )


def _strip(
    pattern: re.Pattern[str],
    text: str,
    warn: Warn,
    describe: Callable[[int, str], str],
    **extra: str,
) -> str:
    """``text`` without pattern's matches; one warning, at the first one's line, if any."""
    first = pattern.search(text)
    if first is None:
        return text
    cleaned, count = pattern.subn("", text)
    warn(text.count("\n", 0, first.start()) + 1, describe(count, first.group()), **extra)
    return cleaned
