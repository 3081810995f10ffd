"""The verdict on who wrote a draft: a chat assistant, on strong evidence only."""

from __future__ import annotations

from converters.findings import Finding
from converters.frontmatter import FrontMatter
from converters.result import Evidence, Provenance


def _line(evidence: Evidence) -> int:
    return evidence.line or 0


def provenance(findings: list[Finding], front: FrontMatter) -> Provenance:
    """Evidence from artifacts, assistants' trackers and chat phrases, and the front matter.

    Markdown footnotes, "[1]" markers with a source list and links in parentheses are how
    people cite by hand too: they are never evidence, so nobody is asked to disclose a model
    they did not use.
    """
    evidence = sorted((Evidence(f.line, f.kind) for f in findings if f.evidence), key=_line)
    evidence += [
        Evidence(None, f"front-matter-{key}") for key in ("llm", "generator") if getattr(front, key)
    ]
    return Provenance(tuple(dict.fromkeys(evidence)), front.llm)
