"""``check``: every cited source of the drafts judged, with every finding of the converter and,
when asked, of the wiki (bot/wikilinks.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from bot.sources.judge import isbn_findings, judge
from bot.sources.pool import examine_all

if TYPE_CHECKING:
    from bot.commands.convert import Draft
    from bot.pwbsite import BotPasswordSite
    from bot.sources.settings import SourceSettings
    from converters import Conversion


@dataclass(frozen=True)
class Problem:
    """One finding at a place in a draft (printed through bot/notices.py's warning_lines)."""

    source: str  # the draft, as named on the command line
    line: int | None
    severity: str  # "error" or "warning"
    kind: str
    message: str
    url: str | None = None

    def to_json(self) -> dict[str, object]:
        """The shape of one entry of ``check --json``: the fields, in this order."""
        return asdict(self)


def _converter_problems(draft: Draft, conversion: Conversion) -> list[Problem]:
    """The converter's warnings, and every ISBN of the draft with a wrong check digit."""
    problems = [
        Problem(draft.name, w.line, w.severity, w.kind, w.message) for w in conversion.warnings
    ]
    for number, text in enumerate(draft.text.splitlines(), start=1):
        if "isbn" in text.casefold():
            problems += [
                Problem(draft.name, number, f.severity, f.kind, f.message)
                for f in isbn_findings(text)
            ]
    return problems


def wiki_problems(site: BotPasswordSite, drafts: list[tuple[Draft, Conversion]]) -> list[Problem]:
    """What the wiki has for the drafts' links and subjects, as warnings with the page's URL."""
    import pywikibot

    from bot import wikilinks

    findings = wikilinks.review(
        site, [wikilinks.Draft(draft.name, draft.text, conversion) for draft, conversion in drafts]
    )
    return [
        Problem(
            f.source, f.line, "warning", f.kind, f.message, pywikibot.Page(site, f.title).full_url()
        )
        for f in findings
    ]


def check_drafts(
    drafts: list[tuple[Draft, Conversion]],
    settings: SourceSettings,
    *,
    offline: bool = False,
    refresh: bool = False,
    wiki: Sequence[Problem] = (),
) -> list[Problem]:
    """Every problem of the converted drafts, of the sources they cite and the wiki's problems
    (wiki_problems), in draft order."""
    urls = {r.url: r.title or "" for _, c in drafts for r in c.references if r.url}
    examined = examine_all(urls, settings, offline=offline, refresh=refresh)
    problems: list[Problem] = []
    for draft, conversion in drafts:
        found = _converter_problems(draft, conversion)
        found += [problem for problem in wiki if problem.source == draft.name]
        for reference in conversion.references:
            if reference.url is None:
                continue
            title = None if reference.title_guessed else reference.title
            found += [
                Problem(draft.name, reference.line, f.severity, f.kind, f.message, f.url)
                for f in judge(reference.url, examined[reference.url], title)
            ]
        problems += sorted(found, key=lambda p: p.line or 0)
    return problems
