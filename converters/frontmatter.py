"""Front matter: a YAML mapping (safe loading), its known keys checked for their types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import yaml

from converters.result import Warn

# Each known key's canonical name by the names drafts write it under (lower case, "_" for "-").
_ALIASES = {
    "title": "title",
    "short_description": "short_description",
    "description": "short_description",
    "categories": "categories",
    "category": "categories",
    "llm": "llm",  # provenance: the model that wrote the draft (WP:LLMDISCLOSE)
    "generator": "generator",  # provenance, as static site generators name it
}
_KNOWN = ", ".join(sorted(_ALIASES))
# libyaml's loader where PyYAML was built with it: the same safe types, in C.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class FrontMatter:
    """The known fields, checked; ``data`` is the whole mapping as YAML read it."""

    title: str | None = None
    short_description: str | None = None
    categories: tuple[str, ...] = field(default_factory=tuple)
    llm: str | None = None
    generator: str | None = None
    data: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


def _load(text: str) -> tuple[object, dict[str, int]]:
    """The YAML document and the 0-based line of each top-level key (for warnings), from one
    parse (``yaml.load`` and ``yaml.compose`` would each parse the text)."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        # Read before constructing, which folds merge keys ("<<") into the node.
        lines = (
            {str(key.value): key.start_mark.line for key, _ in node.value}
            if isinstance(node, yaml.MappingNode)
            else {}
        )
        return (loader.construct_document(node) if node is not None else None), lines
    finally:
        loader.dispose()


def _text(value: object) -> str | None:
    """A YAML string that is not blank, stripped; None for anything else."""
    return (value.strip() or None) if isinstance(value, str) else None


def _check(key: str, value: object) -> tuple[object, str | None]:
    """The field's value and None, or None and what is wrong with it."""
    if key == "categories":
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            return None, "must be a list of category names or one name (quote numbers)"
        return tuple(name.strip() for name in names if name.strip()), None
    text = _text(value)
    if text is None:
        return None, "must be text (quote numbers and dates)"
    if key == "short_description" and "\n" in text:
        return None, "must be one line"
    return text, None


def read_front_matter(text: str, first_line: int, warn: Warn) -> FrontMatter:
    """The fields of a front matter block whose text starts at 1-based line ``first_line``.

    Malformed YAML is one warning with its line and no fields; an unknown key or a value of the
    wrong type is a warning and is left out.
    """
    try:
        data, lines = _load(text)  # a safe loader: plain data only
    except (yaml.YAMLError, RecursionError) as error:  # the pure-Python loader recurses
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else None
        problem = getattr(error, "problem", None) or "not valid YAML"
        warn(line, f"front matter is not valid YAML ({problem}); it was ignored")
        return FrontMatter()
    if data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        warn(first_line, "front matter must be 'key: value' lines; it was ignored")
        return FrontMatter()
    fields: dict[str, Any] = {}
    for written, value in data.items():
        line = first_line + lines[str(written)] if str(written) in lines else None
        key = _ALIASES.get(str(written).strip().lower().replace("-", "_"))
        if key is None:
            warn(line, f"front matter key {written!r} is not known; known keys: {_KNOWN}")
            continue
        checked, problem = _check(key, value)
        if problem:
            warn(line, f"front matter {written!r} {problem}; it was left out")
        else:
            fields.setdefault(key, checked)
    return FrontMatter(**fields, data=MappingProxyType(data))
