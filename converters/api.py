"""``convert``: Markdown in, checked wikitext out (parse → outline → render → check)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from markdown_it.tree import SyntaxTreeNode

from converters.article import write_article
from converters.check import check
from converters.citations import ReferenceBook
from converters.draft_title import (
    check_title,
    clean_title,
    subject_names,
    take_namespace_line,
    title_from_file,
)
from converters.errors import ConversionError
from converters.findings import found
from converters.frontmatter import FrontMatter, read_front_matter
from converters.invisible import remove_controls, strip_invisible
from converters.options import MAX_INPUT_BYTES, ConvertOptions
from converters.parser import parse
from converters.provenance import provenance
from converters.render.context import RenderContext, Report, Scope, line_of
from converters.render.renderers import RENDERERS
from converters.render.slugs import heading_anchors, heading_slugs
from converters.result import Conversion
from converters.structure import has_body, outline


def normalise(markdown: object) -> str:
    """Text as the parser wants it: LF line ends, no NUL, no byte order mark, not too large."""
    if not isinstance(markdown, str):
        raise ConversionError(
            f"convert() takes text, not {type(markdown).__name__}; decode the file as UTF-8 first"
        )
    if len(markdown) > MAX_INPUT_BYTES or len(markdown.encode("utf-8", "surrogatepass")) > (
        MAX_INPUT_BYTES
    ):
        raise ConversionError(
            f"the draft is larger than {MAX_INPUT_BYTES // 2**20} MB; split it into articles"
        )
    text = markdown.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # CommonMark replaces NUL with U+FFFD; lone surrogates cannot be written as UTF-8 at all.
    text = text.replace("\x00", "\ufffd")
    return text.encode("utf-8", "replace").decode("utf-8")


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration, if it was running."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# A conversion builds hundreds of thousands of objects that live until it returns; the cyclic
# collector would walk them again and again and free nothing: a third of the time on a 1 MB
# draft (benchmarks/RESULTS.md). What becomes garbage is collected once it is back on.
@cyclic_gc_paused()
def convert(markdown: str, *, title: str | None = None, **options: object) -> Conversion:
    """Convert one Markdown draft; options are the fields of ``ConvertOptions``."""
    settings = ConvertOptions.from_kwargs(**options)
    report = Report()
    text = strip_invisible(remove_controls(normalise(markdown), report.warn), report.warn)
    text, namespace, line_title = take_namespace_line(text, settings.target_namespace)
    env: dict[str, object] = {}
    tree = parse(text, env)
    first = tree.children[0] if tree.children else None
    front = (
        read_front_matter(first.content, line_of(first) + 1, report.warn)
        if first is not None and first.type == "front_matter"
        else FrontMatter()
    )
    findings = found(env)
    for finding in findings:
        report.warn(finding.line, finding.message, kind=finding.kind, severity=finding.severity)
    ctx = RenderContext(RENDERERS, settings, ReferenceBook(settings, report.warn), report)
    given = next((t for t in (title, front.title, line_title) if t and clean_title(t)), None)
    slugs = heading_slugs(tree)  # GitHub's ids come from the headings as written
    plan = outline(tree.children, report.warn)
    ctx.anchors.update(heading_anchors(slugs))  # the wiki's from them as the page shows them
    candidates = (given, plan.h1, title_from_file(settings.source_name))
    chosen = next((clean_title(c) for c in candidates if c and clean_title(c)), "")
    if not chosen:
        report.warn(None, "no title found; pass --title or start the draft with a # Title")
        chosen = "Untitled draft"
    check_title(chosen, plan.h1, plan.h1_line, report.warn)
    ctx.book.collect(tree, env, lambda node: _render_nested(node, ctx))
    names = subject_names((chosen, plan.h1, front.title, line_title))
    wikitext = write_article(plan, front, names, ctx)
    empty = not has_body(plan)
    if empty:
        report.warn(None, "empty draft: there is no text under the title")
    release(tree)
    check(wikitext, report)
    warnings = sorted(report.warnings, key=lambda w: w.line or 0)
    return Conversion(
        chosen,
        wikitext,
        namespace,
        tuple(warnings),
        ctx.book.references,
        provenance(findings, front),
        empty=empty,
    )


def release(tree: SyntaxTreeNode) -> None:
    """Free the syntax tree now, before the check builds its own tokens.

    Parent and child links make the tree a web of cycles, which only the cyclic collector
    frees, and it is paused until convert() returns; without children, each node is freed as
    soon as nothing else holds it.
    """
    pending = [tree]  # a stack, not a walk: no generator per node
    while pending:
        node = pending.pop()
        pending += node.children
        node.children = []


def _render_nested(node: SyntaxTreeNode, ctx: RenderContext) -> str:
    """Render a footnote body for the reference book, as blocks of their own inside a ref.

    In a scope of its own: the body reads the same wherever it is first cited (in bold text,
    in a table cell), so a ref's content never depends on the order of rendering.
    """
    return replace(ctx, report=ctx.report.detached(), _scopes=[Scope()]).render(node)
