"""Characters no reader sees that chat assistants leave in copied text: removed and counted."""

from __future__ import annotations

import re

# Private use (U+E000-U+F8FF and planes 15-16): ChatGPT wraps its citation markers in
# U+E200-U+E204, and no wiki font shows such a character. Zero width: U+200B space, U+2060 word
# joiner, U+FEFF (a byte order mark inside the text), U+180E (Mongolian vowel separator, a
# space no more). Joiners U+200C/U+200D stay: Persian, Indic scripts and emoji need them.
_INVISIBLE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\u200b\u2060\ufeff\u180e]")


def strip_invisible(text: str) -> tuple[str, int, int | None]:
    """``text`` without invisible characters, how many there were, the first one's line."""
    first = _INVISIBLE.search(text)
    if first is None:
        return text, 0, None
    line = text.count("\n", 0, first.start()) + 1
    cleaned, count = _INVISIBLE.subn("", text)
    return cleaned, count, line
