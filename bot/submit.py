"""Submitting drafts for review (Articles for Creation): {{subst:submit}} on top, only once."""

from __future__ import annotations

from dataclasses import replace

import mwparserfromhell

from bot.compare import Change, compare
from bot.preserve import template_key

SUBMIT = "{{subst:submit}}"
# AfC's status parameter (the first): blank = submitted and waiting, "r" = under review; "t"
# (a draft not submitted) and "d" (declined) may be submitted (again).
PENDING = {"", "r"}


def pending(text: str) -> bool:
    """Whether text carries an AfC submission awaiting (or under) review, or is being submitted."""
    code = mwparserfromhell.parse(text)
    for template in code.filter_templates(recursive=False):
        name = template_key(str(template.name))
        if name.casefold() == "subst:submit":
            return True
        if name == "AfC submission":
            status = str(template.get(1).value).strip() if template.has(1) else ""
            if status.lower() in PENDING:
                return True
    return False


def submitted(changes: list[Change]) -> list[Change]:
    """The changes with {{subst:submit}} added on top of each draft not already pending review."""
    out = []
    for change in changes:
        item = change.item
        if item.refused or pending(item.text):
            out.append(change)
        else:
            out.append(compare(replace(item, text=f"{SUBMIT}\n{item.text}")))
    return out
