"""Writing the outline as an article: short description, lead, sections, appendices, categories."""

from __future__ import annotations

import re
from collections.abc import Sequence

from converters.escape import escape_heading, escape_text
from converters.frontmatter import FrontMatter
from converters.render.blocks import render_blocks
from converters.render.context import RenderContext, line_of
from converters.render.inline import inline
from converters.render.links import page_title
from converters.structure import APPENDICES, Outline, Section


def _heading(section: Section, ctx: RenderContext) -> str:
    """A section heading line, or nothing (with a warning) when it has no text."""
    assert section.heading is not None
    text = escape_heading(inline(section.heading.children[0], ctx).strip())
    # Only a citation's body spans lines (the book warns about citations in headings); a
    # heading must stay on one line.
    text = " ".join(text.split("\n"))
    if not text:
        ctx.report.warn(line_of(section.heading), "empty heading dropped")
        return ""
    ctx.report.emit("heading", text)
    marks = "=" * section.level
    return f"{marks} {text} {marks}"


def _sections(sections: Sequence[Section], ctx: RenderContext) -> list[str]:
    """Headings and bodies of consecutive sections, empty ones left out.

    An appendix's own heading is left out too: its sections are merged under one heading,
    which ``_appendices`` writes; its subsections keep theirs.
    """
    parts = []
    for section in sections:
        if section.appendix is None:
            parts.append(_heading(section, ctx))
        parts.append(render_blocks(section.blocks, ctx))
    return [part for part in parts if part]


_ARTICLE = re.compile(r"(?:(?:A|An|The) )?")


def bold_lead(paragraph: str, names: Sequence[str]) -> str:
    """MOS:BOLDLEAD: bold the first of ``names`` that opens the lead's first sentence.

    An article before the name stays plain: "A '''rope''' is a binary tree".
    """
    if "'''" in paragraph.split(". ")[0]:
        return paragraph  # the first sentence already bolds something
    article = _ARTICLE.match(paragraph)
    for start in dict.fromkeys((0, article.end() if article else 0)):
        for name in sorted({n for n in names if n}, key=len, reverse=True):
            written = escape_text(name)
            head = paragraph[start : start + len(written)]
            rest = paragraph[start + len(written) :]
            if head.casefold() == written.casefold() and not re.match(r"\w", rest):
                glue = "<nowiki/>" if rest.startswith("'") else ""
                return f"{paragraph[:start]}'''{head}'''{glue}{rest}"
    return paragraph


def write_article(
    outline: Outline, front: FrontMatter, names: Sequence[str], ctx: RenderContext
) -> str:
    """The article's wikitext; refs are numbered in the order the text cites them.

    ``names``: what the subject goes by (``title.subject_names``), bolded where the lead opens.
    """
    lead_blocks = outline.lead.blocks
    lead = [render_blocks(lead_blocks[:1], ctx), render_blocks(lead_blocks[1:], ctx)]
    if lead_blocks and lead_blocks[0].type == "paragraph":
        lead[0] = bold_lead(lead[0], names)
    parts = [*lead, *_sections(outline.body, ctx)]
    bodies: dict[str, list[str]] = {}
    for name, sections in outline.appendices.items():
        with ctx.entering(section=name):
            bodies[name] = _sections(sections, ctx)
    parts += _appendices(bodies, ctx)
    if front.short_description:
        parts.insert(0, _short_description(front.short_description, ctx))
    parts.append(_categories(front.categories, ctx))
    article = "\n\n".join(part for part in parts if part)
    return article + "\n" if article else ""


def _appendices(bodies: dict[str, list[str]], ctx: RenderContext) -> list[str]:
    """Appendices in MOS:ORDER with the reference lists the book needs; empty ones dropped."""
    lists = ctx.book.sections()
    parts: list[str] = []
    for name in APPENDICES:
        body = bodies.get(name, [])
        if name in lists:
            ctx.report.foreign.append(lists[name])
            body = [*body, lists[name]]
        if body:
            ctx.report.emit("heading", name)
            parts += [f"== {name} ==", *body]
    return parts


def _short_description(text: str, ctx: RenderContext) -> str:
    """``{{Short description|…}}``, which must be the article's first line."""
    value = escape_text(text.strip(), {"|": "{{!}}"})
    value = f"1={value}" if "=" in value else value
    line = f"{{{{Short description|{value}}}}}"
    ctx.report.foreign.append(line)  # {{!}} is a template of its own
    return line


def _categories(names: Sequence[str], ctx: RenderContext) -> str:
    """Category links, disabled by a leading colon in namespaces that must not be categorised."""
    colon = ":" if ctx.options.in_draft_space else ""
    links = []
    for name in names:
        title = page_title(name)
        if title is None:
            ctx.report.warn(None, f"category {name!r} is not a valid page name; left out")
            continue
        target = f"{colon}Category:{title}"
        ctx.report.emit("wikilink", target)
        links.append(f"[[{target}]]")
    return "\n".join(links)
