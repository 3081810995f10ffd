"""The options of one conversion, validated once so renderers can trust them."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from converters.citations.metadata import SourceMetadata

# Drafts above this size are not prose a person wrote; refusing them bounds time and memory.
MAX_INPUT_BYTES = 25 * 1024 * 1024

REFLIST_STYLES = ("template", "tag")


@dataclass(frozen=True)
class ConvertOptions:
    """How to convert: target namespace, reference list style, own-wiki URL prefix, source name,
    the titles of sibling drafts."""

    # The namespace written to; in Draft (and User) space categories are disabled ([[:Category:X]]).
    target_namespace: str = "Draft"
    # "template" emits {{reflist}}; "tag" emits <references /> for wikis without Template:Reflist.
    reflist: str = "template"
    # URLs starting with this prefix are the target wiki's own articles and become [[Title|text]].
    wiki_article_base: str = "https://en.wikipedia.org/wiki/"
    # File name of the draft: the last title fallback and the name used in messages.
    source_name: str | None = None
    # What fetching found per cited URL. None leaves citations as the draft wrote them; a mapping
    # (even an empty one) enriches them, so a reference that is only a URL becomes a template too.
    sources: Mapping[str, SourceMetadata] | None = None
    # Draft files (paths as the caller names them) and the full titles they are published as:
    # a relative link to one of them becomes a wikilink to its page.
    draft_titles: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        """Reject values no renderer could honour."""
        if self.reflist not in REFLIST_STYLES:
            raise ValueError(f"reflist must be one of {REFLIST_STYLES}, not {self.reflist!r}")
        if not isinstance(self.draft_titles, Mapping):
            raise TypeError("draft_titles must map draft paths to page titles")
        # Paths compared as a link resolves them: "./a/../b.md" is "b.md".
        normalised = {posixpath.normpath(str(k)): v for k, v in self.draft_titles.items()}
        object.__setattr__(self, "draft_titles", MappingProxyType(normalised))
        if not isinstance(self.target_namespace, str):
            raise TypeError("target_namespace must be a string")
        if self.wiki_article_base and "://" not in self.wiki_article_base:
            raise ValueError(
                f"wiki_article_base must be an absolute URL prefix, not {self.wiki_article_base!r}"
            )

    @classmethod
    def from_kwargs(cls, **kwargs: object) -> ConvertOptions:
        """Build options from keyword arguments; an unknown name is a TypeError naming it."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise TypeError(
                f"unknown conversion option(s): {', '.join(unknown)}; "
                f"known options: {', '.join(sorted(known))}"
            )
        return cls(**kwargs)  # type: ignore[arg-type]

    @property
    def in_draft_space(self) -> bool:
        """True when output goes to a namespace where content categories must stay disabled."""
        return self.target_namespace.casefold() in {"draft", "user"}
