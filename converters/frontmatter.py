"""Front matter: the small YAML subset drafts use (``key: value`` and lists of strings)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY = re.compile(r"(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)")
_ITEM = re.compile(r"\s*-\s+(?P<value>.*)")


@dataclass(frozen=True)
class FrontMatter:
    """The fields the converter reads; anything else is ignored."""

    title: str | None = None
    short_description: str | None = None
    categories: tuple[str, ...] = field(default_factory=tuple)
    llm: str | None = None  # the model that wrote the draft, named by its author (a disclosure)
    generator: str | None = None  # the tool that generated the file


def _scalar(value: str) -> str:
    """A YAML scalar without its quotes or trailing comment."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return re.sub(r"\s+#.*$", "", value)


def _values(value: str) -> list[str]:
    """A flow list ``[a, b]`` or a single scalar as a list."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
    return [_scalar(value)] if value else []


def read_front_matter(text: str) -> FrontMatter:
    """The fields of a front matter block; unknown keys and lines are ignored."""
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        key = _KEY.fullmatch(line)
        item = _ITEM.fullmatch(line)
        if key:
            current = fields.setdefault(key["key"].lower().replace("-", "_"), [])
            current.extend(_values(key["value"]))
        elif item and current is not None:
            current.append(_scalar(item["value"]))
    title = fields.get("title") or []
    description = fields.get("short_description") or fields.get("description") or []
    categories = fields.get("categories") or fields.get("category") or []
    return FrontMatter(
        title=title[0] if title else None,
        short_description=description[0] if description else None,
        categories=tuple(c for c in categories if c),
        llm=next(iter(fields.get("llm") or []), None),
        generator=next(iter(fields.get("generator") or []), None),
    )
