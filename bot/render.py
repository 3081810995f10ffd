"""Wikitext rendered by the wiki's own parser (action=parse, nothing saved) as a standalone page."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.pwbsite import BotPasswordSite

# The skin's content styles and Cite's, from the wiki itself; FALLBACK keeps the file readable
# when the wiki is not reachable from the browser.
STYLES = "ext.cite.styles|mediawiki.skinning.content.externallinks|skins.vector.styles.legacy"
FALLBACK = """body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.6}
.mw-ext-cite-error,.error{color:#d33;font-weight:bold}
ol.references{font-size:90%}sup.reference{font-size:75%}
table.wikitable{border-collapse:collapse}
.wikitable td,.wikitable th{border:1px solid #aaa;padding:.2em .4em}
"""
# Links the parser writes relative to the wiki ("/index.php?…", "//host/…"): a saved file has no
# wiki around it. Not a <base href>, which would send the page's own "#cite_note-1" links to the
# wiki's main page.
ROOT_RELATIVE = re.compile(r'\b(href|src)="/(?!/)')
PROTOCOL_RELATIVE = re.compile(r'\b(href|src)="//')
VOID = {"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass(frozen=True)
class Rendered:
    """The parser's HTML for one page and the problems it reported."""

    title: str
    html: str
    warnings: tuple[str, ...]


class ErrorText(HTMLParser):
    """Collects the text of elements the parser marks as errors (class "error", e.g. Cite's)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # > 0 while inside an error element
        self.current: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter an error element, or go one level deeper inside one."""
        classes = (dict(attrs).get("class") or "").split()
        if tag not in VOID and (self.depth or "error" in classes):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        """Leave a level; at the outermost, keep the collected message."""
        if not self.depth:
            return
        self.depth -= 1
        if not self.depth:
            self.errors.append(" ".join("".join(self.current).split()))
            self.current = []

    def handle_data(self, data: str) -> None:
        """Text inside an error element."""
        if self.depth:
            self.current.append(data)


def parse(site: BotPasswordSite, title: str, wikitext: str) -> Rendered:
    """Render wikitext as the page title would show it after a save (pre-save transform too)."""
    request = site.simple_request(
        action="parse",
        title=title,
        text=wikitext,
        contentmodel="wikitext",
        prop="text|parsewarnings",
        pst=True,
        disableeditsection=True,
        disablelimitreport=True,
        formatversion=2,
    )
    result = request.submit()["parse"]
    finder = ErrorText()
    finder.feed(result["text"])
    warnings = tuple(str(warning) for warning in result.get("parsewarnings", ())) + tuple(
        finder.errors
    )
    return Rendered(title, result["text"], warnings)


def absolute(rendered: str, server: str) -> str:
    """rendered with its links to the wiki's pages and files made absolute URLs on server."""
    scheme = server.partition(":")[0]
    rendered = PROTOCOL_RELATIVE.sub(lambda m: f'{m.group(1)}="{scheme}://', rendered)
    return ROOT_RELATIVE.sub(lambda m: f'{m.group(1)}="{server}/', rendered)


def stylesheet(site: BotPasswordSite, server: str, modules: str) -> str:
    """The URL of the wiki's styles of modules ("a|b"), as its skin loads them."""
    script = site.siteinfo["general"]["scriptpath"]
    return f"{server}{script}/load.php?lang=en&modules={modules}&only=styles&skin=vector"


def page(rendered: Rendered, site: BotPasswordSite, server: str) -> str:
    """A standalone HTML file: the rendered page with the wiki's styles, links to the wiki."""
    # server is absolute: a protocol-relative one would resolve to file:// in a saved page.
    general = site.siteinfo["general"]
    styles = stylesheet(site, server, STYLES)
    title = html.escape(rendered.title)
    return f"""<!DOCTYPE html>
<html lang="{html.escape(general.get("lang", "en"))}">
<head>
<meta charset="utf-8">
<title>{title} (preview)</title>
<link rel="stylesheet" href="{html.escape(styles)}">
<style>{FALLBACK}</style>
</head>
<body class="mediawiki">
<p><em>Preview rendered by {html.escape(general.get("sitename", "the wiki"))}; not saved.</em></p>
<h1 class="firstHeading">{title}</h1>
<div class="mw-body-content">{absolute(rendered.html, server)}</div>
</body>
</html>
"""
