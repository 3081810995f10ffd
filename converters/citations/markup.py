"""The wikitext a reference becomes: ``{{cite web}}``, ``<ref>`` tags, ``{{efn}}`` notes."""

from __future__ import annotations

import mwparserfromhell

from converters.citations.metadata import Author, SourceMetadata
from converters.citations.sources import Source
from converters.citations.templates import positional, template, text_value, wikitext_value
from converters.escape import LINK_LABEL, escape_attribute, escape_text, escape_url

# Group of explanatory notes when the wiki has no {{efn}}: the one {{efn}} itself uses.
NOTE_GROUP = "lower-alpha"


# The CS1 template for each kind of source, and the parameter naming where it appeared.
CITATION_TEMPLATES = {
    "web": ("cite web", "website"),
    "news": ("cite news", "work"),
    "journal": ("cite journal", "journal"),
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip


def cs1_date(iso: str | None) -> str:
    """An ISO date as CS1 takes it: "2020-03" is "March 2020" (CS1 reads it as years)."""
    if iso and len(iso) == 7 and 1 <= int(iso[5:]) <= 12:
        return f"{MONTHS[int(iso[5:]) - 1]} {iso[:4]}"
    return iso or ""


def _author_parameters(authors: tuple[Author, ...]) -> list[tuple[str, str]]:
    """``|last1=|first1=`` for names split in two, ``|author1=`` for names given whole."""
    parameters = []
    for number, author in enumerate(authors, start=1):
        if author.given:
            parameters.append((f"last{number}", text_value(author.name)))
            parameters.append((f"first{number}", text_value(author.given)))
        else:
            parameters.append((f"author{number}", text_value(author.name)))
    return parameters


def web_citation(source: Source, style: str, found: SourceMetadata | None = None) -> str:
    """``{{cite web}}`` (news, journal) for a web source, with the fields ``found`` for it;
    a plain bracketed link when the wiki has no templates."""
    url = escape_url(source.url)
    if style == "template":
        found = found or SourceMetadata()
        kind = "web" if found.kind == "journal" and not found.journal else found.kind
        name, place = CITATION_TEMPLATES[kind]
        work = found.journal if kind == "journal" else source.website
        publisher = found.publisher if found.publisher != work else None
        return template(
            name,
            ("url", url),
            ("title", text_value(source.title or "")),
            *_author_parameters(found.authors),
            ("date", cs1_date(found.date)),
            (place, text_value(work or "")),
            ("publisher", text_value(publisher or "")),
            ("volume", text_value(found.volume or "")),
            ("issue", text_value(found.issue or "")),
            ("pages", text_value(found.pages or "")),
            ("doi", text_value(found.doi or "")),
            ("access-date", found.access_date or ""),
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
