"""The converter as the fidelity harness calls it: Markdown in, wikitext out, default options.

The title is the harness's page title ("Draft:Eval"), so an H1 in a case is a heading of the
case rather than the title of an article.
"""

from __future__ import annotations

from converters import convert


def to_wikitext(markdown: str) -> str:
    """Wikitext for one case, converted with the default options."""
    return convert(markdown, title="Eval").wikitext
