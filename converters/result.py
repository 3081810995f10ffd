"""The result of converting one Markdown draft: title, wikitext, warnings, references."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ConversionWarning:
    """Something the author should look at; ``line`` is 1-based in the Markdown source."""

    line: int | None
    message: str
    severity: str = "warning"  # "error" for findings that block a push
    kind: str = "converter"

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Reference:
    """One citation as emitted: ``<ref name="name">content</ref>`` (or ``{{efn|content}}``)."""

    name: str
    content: str
    url: str | None = None
    title: str | None = None
    uses: int = 1
    kind: str = "ref"  # "ref" for sources, "efn" for explanatory notes
    line: int | None = None  # where the source is defined (or first cited) in the Markdown
    title_guessed: bool = False  # the title was read from the URL, not given by the draft


@dataclass(frozen=True)
class Conversion:
    """A converted draft. ``namespace`` is one the draft itself named (e.g. "Draft"), else None."""

    title: str
    wikitext: str
    namespace: str | None = None
    warnings: tuple[ConversionWarning, ...] = field(default_factory=tuple)
    references: tuple[Reference, ...] = field(default_factory=tuple)
    empty: bool = False  # no text under the title: nothing to publish (warned as "empty draft")

    def to_json(self) -> dict[str, object]:
        """The shape printed by ``wikidraft convert --json``."""
        return {
            "title": self.title,
            "namespace": self.namespace,
            "empty": self.empty,
            "wikitext": self.wikitext,
            "warnings": [{"line": w.line, "message": w.message} for w in self.warnings],
            "references": [
                {
                    "name": r.name,
                    "content": r.content,
                    "url": r.url,
                    "title": r.title,
                    "uses": r.uses,
                    "kind": r.kind,
                }
                for r in self.references
            ],
        }
