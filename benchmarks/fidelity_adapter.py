"""The converter as the fidelity harness calls it: Markdown in, wikitext out.

The title is the harness's page title ("Draft:Eval"), so an H1 in a case is a heading of the
case rather than the title of an article. ``WIKIDRAFT_RELATIVE_LINKS=wikilink`` measures the
option that reads relative links as pages of the wiki (the default keeps their text).
"""

from __future__ import annotations

import os

from converters import convert


def to_wikitext(markdown: str) -> str:
    """Wikitext for one case, with the default options unless the environment says otherwise."""
    relative = os.environ.get("WIKIDRAFT_RELATIVE_LINKS", "text")
    return convert(markdown, title="Eval", relative_links=relative).wikitext
