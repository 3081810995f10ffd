"""The package layering: the reference book and the renderers depend on each other one way only."""

from __future__ import annotations

import ast
from pathlib import Path

import converters.citations

CITATIONS = Path(converters.citations.__file__).parent


def _imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of its code (TYPE_CHECKING blocks too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_citations_never_import_the_renderers() -> None:
    """converters/render/ uses the book; the book gets rendered text through a callback."""
    modules = sorted(CITATIONS.rglob("*.py"))
    assert len(modules) > 10  # the package was found
    offending = {
        str(path.relative_to(CITATIONS)): sorted(
            name
            for name in _imported(path)
            if name == "converters.render" or name.startswith("converters.render.")
        )
        for path in modules
    }
    assert {path: names for path, names in offending.items() if names} == {}
