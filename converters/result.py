"""The result of converting one Markdown draft: title, wikitext, warnings, references."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class ConversionWarning:
    """Something the author should look at; ``line`` is 1-based in the Markdown source."""

    line: int | None
    message: str
    severity: str = "warning"  # "error": not article content; push refuses the page
    # What was found, e.g. "chat-preamble", "chatgpt-turn-marker"; "conversion" for what the
    # converter itself has to say (a relative link, a title taken from a URL).
    kind: str = "conversion"

    def __str__(self) -> str:
        message = f"error: {self.message}" if self.severity == "error" else self.message
        return f"line {self.line}: {message}" if self.line else message


class Warn(Protocol):
    """How a step of the conversion reports a ConversionWarning (the conversion's Report.warn)."""

    def __call__(
        self, line: int | None, message: str, *, kind: str = ..., severity: str = ...
    ) -> None: ...


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
class Evidence:
    """One sign that a chat assistant wrote the draft: where, and what (a warning kind)."""

    line: int | None
    kind: str


@dataclass(frozen=True)
class Provenance:
    """Whether the draft is assistant-written (strong evidence only) and the model it names."""

    evidence: tuple[Evidence, ...] = ()
    model: str | None = None  # the front matter's ``llm:``, a disclosure in the author's words

    @property
    def assistant_written(self) -> bool:
        """True when any strong evidence was found."""
        return bool(self.evidence)


@dataclass(frozen=True)
class Conversion:
    """A converted draft. ``namespace`` is one the draft itself named (e.g. "Draft"), else None."""

    title: str
    wikitext: str
    namespace: str | None = None
    warnings: tuple[ConversionWarning, ...] = field(default_factory=tuple)
    references: tuple[Reference, ...] = field(default_factory=tuple)
    provenance: Provenance = field(default_factory=Provenance)
    empty: bool = False  # no text under the title: nothing to publish (warned as "empty draft")

    @property
    def errors(self) -> tuple[ConversionWarning, ...]:
        """The findings that are never article content (push refuses the page)."""
        return tuple(w for w in self.warnings if w.severity == "error")

    def to_json(self) -> dict[str, object]:
        """The shape printed by ``wikidraft convert --json``."""
        return {
            "title": self.title,
            "namespace": self.namespace,
            "empty": self.empty,
            "wikitext": self.wikitext,
            "warnings": [
                {"severity": w.severity, "kind": w.kind, "line": w.line, "message": w.message}
                for w in self.warnings
            ],
            "provenance": {
                "assistant_written": self.provenance.assistant_written,
                "evidence": [{"line": e.line, "kind": e.kind} for e in self.provenance.evidence],
            },
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
