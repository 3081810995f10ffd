"""The citations package: renderers and book depend one way; one module per citation style."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import converters
import converters.citations

CITATIONS = Path(converters.citations.__file__).parent
FIXTURES = Path(__file__).parent / "fixtures" / "convert"
# Every citation style the converter reads, each a module of converters/citations.
STYLES = ("footnotes", "copilot", "perplexity", "numbered", "chatgpt", "gemini", "deepseek", "grok")


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


def test_every_citation_style_is_one_module_naming_its_fixtures() -> None:
    """A style's module says which fixture files show it; every assistant's fixture has one."""
    named: dict[str, list[str]] = {}
    for style in STYLES:
        doc = importlib.import_module(f"converters.citations.{style}").__doc__ or ""
        named[style] = re.findall(r"[\w-]+\.md", doc)
    assert {style: files for style, files in named.items() if not files} == {}
    every = {name for files in named.values() for name in files}
    assert sorted(name for name in every if not (FIXTURES / name).is_file()) == []
    assistants = {path.name for path in FIXTURES.glob("assistant-*.md")}
    assert len(assistants) >= 6
    assert sorted(assistants - every) == []


def _declares_warn(node: ast.AST) -> bool:
    """Whether node declares the name Warn: a class or an assignment (a type alias)."""
    if isinstance(node, ast.ClassDef):
        return node.name == "Warn"
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign):
        targets = [node.target]
    else:
        return False
    return any(isinstance(target, ast.Name) and target.id == "Warn" for target in targets)


def test_the_warning_callback_type_has_one_home() -> None:
    """Warn, how a step of the conversion reports a warning, is declared once and imported."""
    root = Path(converters.__file__).parent.parent
    declared = sorted(
        str(path.relative_to(root))
        for folder in ("converters", "bot")
        for path in (root / folder).rglob("*.py")
        if any(map(_declares_warn, ast.walk(ast.parse(path.read_text(encoding="utf-8")))))
    )
    assert declared == ["converters/result.py"]
