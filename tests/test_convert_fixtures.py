"""Every fixture in tests/fixtures/convert/: Markdown in, the reviewed wikitext out."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from converters import convert

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "convert").glob("*.md"))
CASES = [
    pytest.param(markdown, expected, id=f"{path.stem}:{line}:{title}")
    for path in FIXTURES
    for line, title, markdown, expected in read_fixture_file(path)
]


@pytest.mark.parametrize(("markdown", "expected"), CASES)
def test_fixture(markdown: str, expected: str) -> None:
    assert convert(markdown).wikitext.rstrip("\n") == expected.rstrip("\n")
