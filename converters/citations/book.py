"""``ReferenceBook``: every source and note of one draft, emitted as refs in order of first use."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from converters.citations import names
from converters.citations.markup import (
    NOTE_GROUP,
    hoist_refs,
    note,
    ref,
    reference_list,
    web_citation,
)
from converters.citations.metadata import SourceMetadata
from converters.citations.sources import Source, enriched, lone_url, parse_definition, web_source
from converters.citations.state import citation_state
from converters.citations.urls import is_wikipedia, path_words, site_label
from converters.escape import escape_text
from converters.options import ConvertOptions
from converters.result import Reference, Warn
from converters.treewalk import block_nodes, inline_tokens

Render = Callable[[SyntaxTreeNode], str]
_USES = frozenset({"cite_ref", "footnote_ref"})  # the tokens that cite a definition


@dataclass(eq=False)  # entries are told apart by identity: two notes may read the same
class _Entry:
    """One source or explanatory note as the article shows it."""

    kind: str  # "ref" or "efn"
    line: int | None  # where it was defined; None when written in running text (ChatGPT links)
    source: Source | None  # a web source, or None for free text rendered from ``body``
    body: list[SyntaxTreeNode] = field(default_factory=list)
    raw: str = ""  # the definition's Markdown, which free-text names are read from
    label: str | None = None  # the author's footnote label
    name: str = ""
    total: int = 0  # uses in the document
    uses: int = 0  # uses emitted so far
    content: str = ""
    found: SourceMetadata | None = None  # what fetching the source found out about it


def footnote_label(meta: dict[str, Any]) -> str:
    """A footnote's label, or ``#N`` for inline footnote ``^[…]`` number N (it has none)."""
    return str(meta.get("label") or f"#{meta['id']}")


def footnote_key(meta: dict[str, Any]) -> str:
    """The book's key of a footnote (cite keys and footnote labels share the book)."""
    return "^" + footnote_label(meta)


def _parse(raw: str, enrich: bool) -> Source | None:
    """The web source a definition's text describes; when enriching, a lone URL is one too."""
    source = parse_definition(raw)
    if source is None and enrich and (url := lone_url(raw)):
        return web_source(url)
    return source


def _definitions(
    nodes: list[SyntaxTreeNode], env: dict[str, Any], enrich: bool
) -> dict[str, _Entry]:
    """Every definition of the draft by key (``nodes``: its definition nodes in tree order)."""
    state = citation_state(env)
    found: dict[str, _Entry] = {}
    for node in nodes:
        if node.type == "cite_def":
            inline = node.children[0]
            line = node.map[0] + 1 if node.map else None
            source = _parse(inline.content, enrich)
            entry = _Entry("ref", line, source, [inline], inline.content)
            found.setdefault(node.meta["key"], entry)
        elif node.type == "footnote":
            label = node.meta.get("label")
            defined = state.footnotes.get(label or "")
            first = node.children[0] if node.children else None
            raw = first.children[0].content if first and first.type == "paragraph" else ""
            single = len(node.children) == 1 and bool(raw)  # one paragraph may be a bare source
            kind = "efn" if defined and defined.is_note else "ref"
            line = defined.line if defined else None
            source = _parse(raw, enrich) if single else None
            found[footnote_key(node.meta)] = _Entry(kind, line, source, node.children, raw, label)
    for key, link in env.get("references", {}).items():  # "[1]: url "title"" definitions
        source = web_source(link["href"], link.get("title") or None)
        found.setdefault(key, _Entry("ref", link["map"][0] + 1, source))
    for key, source in state.links.items():
        found.setdefault(key, _Entry("ref", None, source))
    return found


class ReferenceBook:
    """The draft's references: collected once, then cited while the body renders."""

    def __init__(self, options: ConvertOptions, warn: Warn) -> None:
        self._style = options.reflist
        self._sources = options.sources
        self._warn = warn
        self._entries: dict[str, _Entry] = {}
        self._order: list[_Entry] = []
        self._render: Render = lambda node: ""

    def collect(self, tree: SyntaxTreeNode, env: dict[str, Any], render: Render) -> None:
        """Read definitions and uses from the parsed draft; ``render`` renders a footnote body."""
        self._render = render
        defining: list[SyntaxTreeNode] = []
        first_lines: dict[str, int | None] = {}
        totals: Counter[str] = Counter()
        uses: list[Token] = []
        for node in block_nodes([tree]):  # one walk finds both definitions and uses
            kind = node.type
            if kind in {"cite_def", "footnote"}:
                defining.append(node)
            elif kind == "inline":  # uses are inline tokens
                uses += (t for t in inline_tokens(node.token.children or ()) if t.type in _USES)
        for use in uses:
            key = use.meta["key"] if use.type == "cite_ref" else footnote_key(use.meta)
            first_lines.setdefault(key, use.meta.get("line"))
            totals[key] += 1
        definitions = _definitions(defining, env, self._sources is not None)
        for key, entry in definitions.items():
            entry.total = totals[key]
        by_url: dict[str, _Entry] = {}
        for key in first_lines:  # every key has an entry of its own; only a shared URL joins two
            entry = definitions.get(key)
            if entry is None:
                continue
            if entry.source:  # one source cited under two keys is one reference
                shared = by_url.setdefault(entry.source.url, entry)
                if shared is not entry:
                    shared.total += entry.total
                    self._entries[key] = shared
                    continue
            self._order.append(entry)
            entry.line = entry.line or first_lines[key]
            self._entries[key] = entry
        self._enrich()
        self._name_entries()
        self._check_sources()
        self._check_unused(definitions, env, set(first_lines))
        for line, marker in citation_state(env).undefined:
            self._warn(line, f"citation {marker} has no definition; kept as text")

    def _enrich(self) -> None:
        """Fill every web source with what was found for its URL (when enriching)."""
        for entry in self._order:
            if entry.source and self._sources:
                entry.found = self._sources.get(entry.source.url)
                entry.source = enriched(entry.source, entry.found)

    def _name_entries(self) -> None:
        """Give every cited entry its name (see ``names``)."""
        candidates = [
            names.label_candidates(entry.label or "")
            + (
                names.web_candidates(
                    site_label(entry.source.url),
                    entry.source.title or path_words(entry.source.url),
                )
                if entry.source
                else names.text_candidates(entry.raw)
            )
            for entry in self._order
        ]
        for entry, name in zip(self._order, names.assign(candidates), strict=True):
            entry.name = name

    def _check_sources(self) -> None:
        """Warn about cited web sources a reviewer would reject or want completed."""
        for entry in self._order:
            source = entry.source
            if source is None:
                continue
            if is_wikipedia(source.url):
                circular = f"{source.url} is Wikipedia itself (WP:CIRCULAR); cite its sources"
                self._warn(entry.line, circular)
            if source.title is None:
                self._warn(entry.line, f"reference {source.url} has no title; add one")
            elif source.title_guessed_from:
                guess = f'title "{source.title}" was taken from {source.title_guessed_from}'
                self._warn(entry.line, guess + "; check it")

    def _check_unused(
        self, definitions: dict[str, _Entry], env: dict[str, Any], cited: set[str]
    ) -> None:
        """Warn about definitions the draft never cites (they are left out of the article)."""
        state = citation_state(env)
        unused = [
            (e.line, key, f"[{key}]") for key, e in definitions.items() if key in state.defined
        ]
        unused += [(d.line, f"^{label}", f"[^{label}]") for label, d in state.footnotes.items()]
        for line, key, marker in sorted(unused, key=lambda item: item[0] or 0):
            if key not in cited:
                self._warn(line, f"source {marker} is defined but never cited; it was left out")

    def cite(self, key: str, line: int | None, fallback: str = "") -> str:
        """The ref for citation ``key``; an undefined key keeps ``fallback`` as text and warns."""
        entry = self._entries.get(key)
        if entry is None:
            self._warn(line, f"citation {fallback or key} has no definition; kept as text")
            return escape_text(fallback)
        return self._use(entry, line)

    def footnote(self, meta: dict[str, Any], line: int | None) -> str:
        """The ref or ``{{efn}}`` for the footnote marker with token ``meta``."""
        return self.cite(footnote_key(meta), line, f"[^{footnote_label(meta)}]")

    def _use(self, entry: _Entry, line: int | None) -> str:
        """Full content on the first use, the name alone afterwards; empty notes are left out."""
        entry.uses += 1
        content, hoisted = None, ""
        if entry.uses == 1:
            content = self._content(entry)
            if entry.kind != "efn" or self._style != "template":  # {{efn}} may hold refs
                content, hoisted = hoist_refs(content)  # they follow the ref instead
            entry.content = content
            if not content:  # Cite rejects a ref without text
                self._warn(entry.line or line, "an empty footnote was left out")
        if not entry.content:
            return hoisted
        if entry.kind == "efn":
            return note(entry.name if entry.total > 1 else None, content, self._style) + hoisted
        return ref(entry.name, content) + hoisted

    def _content(self, entry: _Entry) -> str:
        """A web source as a citation; free text rendered as the draft wrote it."""
        if entry.source:
            return web_citation(entry.source, self._style, entry.found)
        return "\n\n".join(part for node in entry.body if (part := self._render(node).strip()))

    def sections(self) -> dict[str, str]:
        """Bodies of the "Notes" and "References" sections with entries; call after the body."""
        used = {entry.kind for entry in self._order if entry.uses and entry.content}
        bodies = {}
        if "efn" in used:
            bodies["Notes"] = reference_list(self._style, NOTE_GROUP)
        if "ref" in used:
            bodies["References"] = reference_list(self._style)
        return bodies

    @property
    def references(self) -> tuple[Reference, ...]:
        """The references emitted so far, in order of first use."""
        return tuple(
            Reference(
                name=entry.name,
                content=entry.content,
                url=entry.source.url if entry.source else None,
                title=entry.source.title if entry.source else None,
                uses=entry.uses,
                kind=entry.kind,
                line=entry.line,
                title_guessed=bool(entry.source and entry.source.title_guessed_from),
            )
            for entry in self._order
            if entry.uses and entry.content
        )
