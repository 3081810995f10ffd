"""The render context: renderers, options and the state entered while descending the tree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from markdown_it.tree import SyntaxTreeNode

from converters.errors import ConverterBug
from converters.options import ConvertOptions
from converters.result import ConversionWarning

if TYPE_CHECKING:
    from converters.citations import ReferenceBook

Render = Callable[[SyntaxTreeNode, "RenderContext"], str]


class Scope(NamedTuple):
    """What encloses the node being rendered; entered and left with ``RenderContext.entering``.

    A named tuple, not a frozen dataclass: every entry makes a new one (~10 000 per MB of
    draft), and ``_replace`` does that three times faster than ``dataclasses.replace``.
    """

    list_prefix: str = ""  # "*#" markers of the enclosing wikitext lists
    single_line: bool = False  # inside a list item line: blocks become HTML on one line
    extra: Mapping[str, str] = MappingProxyType({})  # escapes special to the place
    marks: frozenset[str] = frozenset()  # enclosing inline marks (em, strong)
    in_link: bool = False  # inside link text, where no other link may start
    section: str | None = None  # the appendix section being rendered, e.g. "See also"
    stray_tags: frozenset[int] = frozenset()  # ids of raw end tags that close nothing


class Report:
    """Warnings for the author and a ledger of the markup the renderers meant to emit."""

    def __init__(self) -> None:
        self.warnings: list[ConversionWarning] = []
        self.emitted: Counter[tuple[str, str]] = Counter()
        self.foreign: list[str] = []  # wikitext written by others (verbatim blocks, citations)

    def detached(self) -> Report:
        """A report sharing these warnings whose ledger is thrown away (for nested wikitext)."""
        child = Report()
        child.warnings = self.warnings
        return child

    def warn(
        self,
        line: int | None,
        message: str,
        *,
        kind: str = "conversion",
        severity: str = "warning",
    ) -> None:
        """Record a warning at a 1-based source line (None when unknown)."""
        self.warnings.append(ConversionWarning(line, message, severity, kind))

    def emit(self, kind: str, key: str) -> None:
        """Record one emitted construct (heading, template, wikilink, external_link, ref)."""
        self.emitted[(kind, key)] += 1


@dataclass(frozen=True)
class RenderContext:
    """Renderer table, options, reference book and report, plus a stack of entered scopes."""

    renderers: Mapping[str, Render]
    options: ConvertOptions
    book: ReferenceBook
    report: Report
    anchors: dict[str, str] = field(default_factory=dict)  # heading slug -> link fragment
    _scopes: list[Scope] = field(default_factory=lambda: [Scope()])

    @property
    def scope(self) -> Scope:
        """The innermost scope."""
        return self._scopes[-1]

    @contextmanager
    def entering(self, **changes: Any) -> Iterator[None]:
        """Render the body with these scope fields changed; restored on leaving."""
        self._scopes.append(self.scope._replace(**changes))
        try:
            yield
        finally:
            self._scopes.pop()

    def render(self, node: SyntaxTreeNode) -> str:
        """Render one node with the renderer its type names; an unknown type is a bug."""
        renderer = self.renderers.get(node.type)
        if renderer is None:
            raise ConverterBug(f"no renderer for Markdown node type {node.type!r}")
        return renderer(node, self)


def line_of(node: SyntaxTreeNode) -> int | None:
    """The 1-based source line of ``node`` or of its nearest block ancestor."""
    current: SyntaxTreeNode | None = node
    # The root has no token and raises on .map; a footnote body rendered apart is such a root.
    while current is not None and not current.is_root:
        if current.map:
            return current.map[0] + 1
        current = current.parent
    return None
