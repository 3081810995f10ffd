"""Reviewer templates at the top of a live draft (AfC submission, AfC comment) survive an update."""

from __future__ import annotations

from collections.abc import Collection

import mwparserfromhell
from mwparserfromhell.nodes import Comment, Template, Text


def template_key(name: str) -> str:
    """A template name as MediaWiki compares them: no prefix, spaces, first letter any case."""
    name = " ".join(name.replace("_", " ").split())
    if name.casefold().startswith("template:"):
        name = name[len("template:") :].strip()
    return name[:1].upper() + name[1:]


def top_templates(text: str, names: Collection[str]) -> list[str]:
    """The templates called one of names in the leading run of templates and comments of text."""
    wanted = {template_key(name) for name in names}
    kept: list[str] = []
    for node in mwparserfromhell.parse(text).nodes:
        if (isinstance(node, Text) and not node.value.strip()) or isinstance(node, Comment):
            continue
        if not isinstance(node, Template):
            break
        if template_key(str(node.name)) in wanted:
            kept.append(str(node))
    return kept


def without_top_templates(text: str, names: Collection[str]) -> str:
    """text without the listed templates at its top: what the ledger hashes, on both sides."""
    stripped = text
    for template in top_templates(text, names):
        stripped = stripped.replace(template, "", 1)
    # Each kept template sits on a line of its own (keep_top_templates puts it there).
    return stripped.lstrip("\n") if stripped != text else text


def keep_top_templates(current: str | None, new: str, names: Collection[str]) -> str:
    """new, with the listed templates found at the top of current put back at its top."""
    if not current or not names:
        return new
    kept = top_templates(current, names)
    already = top_templates(new, names)
    missing = [template for template in kept if template not in already]
    if not missing:
        return new
    return "\n".join(missing) + "\n" + new
