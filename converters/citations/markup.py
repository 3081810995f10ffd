"""The wikitext a reference becomes: ``{{cite web}}``, ``<ref>`` tags, ``{{efn}}`` notes."""

from __future__ import annotations

import mwparserfromhell

from converters.citations.sources import Source
from converters.citations.templates import positional, template, text_value, wikitext_value
from converters.escape import LINK_LABEL, escape_attribute, escape_text, escape_url

# Group of explanatory notes when the wiki has no {{efn}}: the one {{efn}} itself uses.
NOTE_GROUP = "lower-alpha"


def web_citation(source: Source, style: str) -> str:
    """``{{cite web}}`` for a web source; a plain bracketed link when the wiki has no templates."""
    url = escape_url(source.url)
    if style == "template":
        return template(
            "cite web",
            ("url", url),
            ("title", text_value(source.title or "")),
            ("website", text_value(source.website)),
        )
    label = f"[{url} {escape_text(source.title, LINK_LABEL)}]" if source.title else url
    return f"{label}. ''{escape_text(source.website)}''."


def ref(name: str | None, content: str | None, group: str | None = None) -> str:
    """``<ref name="…">content</ref>``, or ``<ref name="…" />`` for a later use."""
    attributes = f' group="{group}"' if group else ""
    if name:
        attributes += f' name="{escape_attribute(name)}"'
    return f"<ref{attributes} />" if content is None else f"<ref{attributes}>{content}</ref>"


def note(name: str | None, content: str | None, style: str) -> str:
    """An explanatory note: ``{{efn|name=…|…}}``, or a grouped ``<ref>`` without templates."""
    if style != "template":
        return ref(name, content, NOTE_GROUP)
    parts = [f"name={name}"] if name else []
    if content is not None:
        parts.append(positional(wikitext_value(content)))
    return "{{efn|" + "|".join(parts) + "}}"


def hoist_refs(content: str) -> tuple[str, str]:
    """``content`` without the refs written inside it, and those refs (Cite forbids nesting)."""
    if "<ref" not in content.lower():
        return content, ""  # the common case, without the cost of a wikitext parse
    code = mwparserfromhell.parse(content)
    inner = [tag for tag in code.filter_tags() if str(tag.tag).strip().lower() == "ref"]
    for tag in inner:
        code.remove(tag)
    return str(code).strip(), "".join(str(tag) for tag in inner)


def reference_list(style: str, group: str | None = None) -> str:
    """The list a section shows: ``{{reflist}}``/``{{notelist}}`` or ``<references />``."""
    if style == "template":
        return "{{notelist}}" if group else "{{reflist}}"
    return f'<references group="{group}" />' if group else "<references />"
