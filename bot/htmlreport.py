"""The batch's review report: one HTML file with, per page, the wiki's own diff, the rendering
of the new text, the warnings and what the wiki has for its links and subject."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot import output, wiki_html
from bot.notices import format_warning, warning_lines
from bot.report import page_url

if TYPE_CHECKING:
    from pathlib import Path

    from bot.compare import Change
    from bot.config import Config
    from bot.pwbsite import BotPasswordSite
    from bot.wikilinks import Finding

MODULES = wiki_html.STYLES + "|mediawiki.diff.styles"
REPORT_STYLE = """section.wikidraft-page{border-top:2px solid #a2a9b1;margin-top:2em}
ul.warnings li,ul.findings li{font-family:monospace}
table.diff{width:100%;table-layout:fixed;border-collapse:collapse}
td.diff-addedline{background:#d8ecff}td.diff-deletedline{background:#feeec8}
td.diff-marker::before{content:attr(data-marker)}
"""
# Attributes naming an element of one page's rendering: made unique per page, so that a
# footnote link of the third page jumps to the third page's note, not the first page's.
ANCHOR = re.compile(r'\b(id|for|href)="(#?)([^"]*)"')


@dataclass(frozen=True)
class Section:
    """One page of the report: its comparison, the wiki's diff and rendering, the findings."""

    change: Change
    diff: str  # the rows of the wiki's diff table ("" when nothing changes)
    rendered: wiki_html.Rendered | None  # None for a refused draft
    findings: tuple[Finding, ...]


def wiki_diff(site: BotPasswordSite, change: Change) -> str:
    """The rows of the diff table the wiki itself shows for the save (action=compare)."""
    if change.status not in ("new", "changed"):
        return ""
    item = change.item
    origin = (
        {"fromrev": item.revid}
        if item.exists
        else {"fromslots": "main", "fromtext-main": "", "fromcontentmodel-main": "wikitext"}
    )
    request = site.simple_request(
        action="compare",
        totitle=item.title,
        toslots="main",
        **{"totext-main": item.text, "tocontentmodel-main": "wikitext"},
        topst=True,
        prop="diff",
        formatversion=2,
        **origin,
    )
    return str(request.submit()["compare"].get("body", ""))


def sections(
    site: BotPasswordSite, changes: Sequence[Change], findings: Sequence[Finding]
) -> list[Section]:
    """Ask the wiki for each page's diff and rendering: two requests per page."""
    found = []
    for change in changes:
        item = change.item
        source = str(item.source)
        rendered = None if item.refused else wiki_html.parse(site, item.title, item.text)
        mine = tuple(finding for finding in findings if finding.source == source)
        found.append(Section(change, wiki_diff(site, change), rendered, mine))
    return found


def write(
    path: Path,
    site: BotPasswordSite,
    config: Config,
    changes: Sequence[Change],
    findings: Sequence[Finding],
) -> None:
    """Ask the wiki for the report's diffs and renderings and write the report to path."""
    from bot import plan
    from bot.site import wiki_errors

    with wiki_errors(config):
        parts = sections(site, changes, findings)
        text = document(parts, site, plan.server_url(site, config), plan.article_base(site, config))
    output.write_file(path, text, "--html")


def document(
    parts: Sequence[Section], site: BotPasswordSite, server: str, article_base: str
) -> str:
    """The whole report as one standalone HTML page, styled by the wiki's own stylesheet."""
    general = site.siteinfo["general"]
    name = html.escape(str(general.get("sitename", "the wiki")))
    contents = "".join(
        f'<li><a href="#page-{n}">{html.escape(part.change.summary())}</a></li>'
        for n, part in enumerate(parts, 1)
    )
    body = "\n".join(_section(n, part, server, article_base) for n, part in enumerate(parts, 1))
    return f"""<!DOCTYPE html>
<html lang="{html.escape(str(general.get("lang", "en")))}">
<head>
<meta charset="utf-8">
<title>Review of {len(parts)} draft(s) against {name}</title>
<link rel="stylesheet" href="{html.escape(wiki_html.stylesheet(site, server, MODULES))}">
<style>{wiki_html.FALLBACK}{REPORT_STYLE}</style>
</head>
<body class="mediawiki">
<h1 class="firstHeading">Review of {len(parts)} draft(s) against {name}</h1>
<p><em>Nothing has been saved. Diffs and renderings are the wiki's own.</em></p>
<ul class="contents">{contents}</ul>
{body}
</body>
</html>
"""


def _section(number: int, part: Section, server: str, article_base: str) -> str:
    """One page's part of the report."""
    item = part.change.item
    source = str(item.source)
    live = html.escape(page_url(article_base, item.title))
    revision = f" (revision {item.revid})" if item.revid else " (does not exist yet)"
    warnings = warning_lines(source, item.conversion.warnings)  # errors marked as such
    if part.rendered:
        warnings += [format_warning(source, None, warning) for warning in part.rendered.warnings]
    out = [
        f'<section class="wikidraft-page" id="page-{number}">',
        f'<h2><a href="{live}">{html.escape(item.title)}</a></h2>',
        f"<p>{html.escape(part.change.summary())}; from <code>{html.escape(source)}</code>; "
        f'live page: <a class="live" href="{live}">{html.escape(item.title)}</a>{revision}</p>',
        _list("Warnings", "warnings", [html.escape(line) for line in warnings]),
        _list("What the wiki has", "findings", [_finding(f, article_base) for f in part.findings]),
    ]
    if part.diff:
        out.append(
            '<h3>Changes</h3><table class="diff diff-contentalign-left diff-editfont-monospace">'
            '<colgroup><col class="diff-marker"><col class="diff-content">'
            '<col class="diff-marker"><col class="diff-content"></colgroup>'
            f"<tbody>{part.diff}</tbody></table>"
        )
    if part.rendered:
        rendering = scoped(wiki_html.absolute(part.rendered.html, server), f"p{number}-")
        out.append(f'<h3>Rendering</h3><div class="mw-body-content">{rendering}</div>')
    out.append("</section>")
    return "\n".join(out)


def _list(heading: str, kind: str, entries: list[str]) -> str:
    """A headed list of already escaped entries, or a line saying there are none."""
    if not entries:
        return f'<h3>{heading}</h3><p class="{kind}">None.</p>'
    items = "".join(f"<li>{entry}</li>" for entry in entries)
    return f'<h3>{heading}</h3><ul class="{kind}">{items}</ul>'


def _finding(finding: Finding, article_base: str) -> str:
    """One finding with its draft line and a link to the page it is about."""
    where = format_warning(finding.source, finding.line, finding.message)
    page = html.escape(page_url(article_base, finding.title))
    kind = html.escape(finding.kind.replace(" ", "-"))
    return f'<span class="finding-{kind}">{html.escape(where)}</span> (<a href="{page}">page</a>)'


def scoped(rendered: str, prefix: str) -> str:
    """rendered with its ids, and the in-page links to them, prefixed to be unique."""

    def rename(match: re.Match[str]) -> str:
        attribute, hash_mark, value = match.groups()
        if attribute == "href" and not hash_mark:
            return match.group(0)  # a link elsewhere, not to an element of this page
        return f'{attribute}="{hash_mark}{prefix}{value}"'

    return ANCHOR.sub(rename, rendered)
