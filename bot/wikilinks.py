"""What the wiki already has for a batch of drafts: red links, redirects, disambiguation pages,
and articles on the drafts' subjects (WP:AFCDUP), asked in batches of 50 titles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import mwparserfromhell

from bot.plan import BATCH

if TYPE_CHECKING:
    from bot.pwbsite import BotPasswordSite
    from converters import Conversion

# Links a reader does not follow to an article: special pages, files (often on Commons, which
# a query of the local wiki reports missing) and categories (disabled as [[:Category:X]]).
UNASKED_NAMESPACES = frozenset({-2, -1, 6, 14})


@dataclass(frozen=True)
class Draft:
    """One converted draft as the questions need it: its name, Markdown and conversion."""

    source: str
    markdown: str
    conversion: Conversion


@dataclass(frozen=True)
class Answer:
    """What the wiki said about one title."""

    exists: bool
    redirect: str | None = None  # the target, "Title#fragment", of a redirect
    disambiguation: bool = False  # the page (or the redirect's target) is a disambiguation page


@dataclass(frozen=True)
class Finding:
    """One answer a person should act on, at a line of the draft."""

    source: str
    line: int | None
    kind: str  # "red link" | "redirect" | "disambiguation" | "exists"
    title: str
    message: str
    target: str | None = None  # where a redirect leads

    def to_json(self) -> dict[str, object]:
        """The shape in every command's --json output."""
        return {
            "severity": "warning",  # what the wiki has is for a person to weigh, never an error
            "kind": self.kind,
            "line": self.line,
            "message": self.message,
            "title": self.title,
            "target": self.target,
        }


def linked_titles(wikitext: str) -> list[str]:
    """The targets of the [[wikilinks]] in wikitext, without fragment, in order, once each."""
    targets: dict[str, None] = {}
    for link in mwparserfromhell.parse(wikitext).filter_wikilinks():
        target = str(link.title).strip().lstrip(":").partition("#")[0].strip()
        if target:
            targets[target] = None
    return list(targets)


def bold_subject(wikitext: str) -> str | None:
    """The first bold phrase of the lead (MOS:BOLDLEAD names the subject there), as plain text."""
    lead = re.split(r"^=", wikitext, maxsplit=1, flags=re.MULTILINE)[0]
    for tag in mwparserfromhell.parse(lead).filter_tags(recursive=False):
        if tag.wiki_markup == "'''":
            return " ".join(tag.contents.strip_code().split()) or None
    return None


def spellings(title: str) -> tuple[str, ...]:
    """How a draft may write a page title: as text, as a URL's path, percent-encoded."""
    path = title.replace(" ", "_")
    return (title, path, quote(path, safe="/:"))


def draft_line(markdown: str, *needles: str) -> int | None:
    """The line of the draft holding the first needle found (any case): a list item that is
    just the needle (a See also entry) before the first line naming it as a word."""
    lines = markdown.casefold().splitlines()
    for needle in needles:
        text = re.escape(needle.casefold())
        item = re.compile(rf"\s*(?:[-*+]|\d+[.)])\s+\[*{text}\]*\s*")
        word = re.compile(rf"(?<!\w){text}(?!\w)")
        for match in (item.fullmatch, word.search):
            found = next((n for n, line in enumerate(lines, 1) if match(line)), None)
            if found:
                return found
    return None


def ask(site: BotPasswordSite, titles: Iterable[str]) -> dict[str, Answer]:
    """The wiki's answer for each title, one query per 50 titles (redirects followed)."""
    unique = list(dict.fromkeys(titles))
    answers: dict[str, Answer] = {}
    for start in range(0, len(unique), BATCH):
        batch = unique[start : start + BATCH]
        request = site.simple_request(
            action="query",
            titles=batch,
            prop="pageprops",
            ppprop="disambiguation",
            redirects=True,
            formatversion=2,
        )
        answers.update(_answers(batch, request.submit()["query"]))
    return answers


def _answers(batch: list[str], query: dict[str, Any]) -> dict[str, Answer]:
    """The answers for the titles of one batch, from the query's normalisations and redirects."""
    normalized = {entry["from"]: entry["to"] for entry in query.get("normalized", ())}
    redirects = {entry["from"]: entry for entry in query.get("redirects", ())}
    pages = {page["title"]: page for page in query.get("pages", ())}
    answers = {}
    for title in batch:
        name = normalized.get(title, title)
        redirect = redirects.get(name)
        page = pages.get(redirect["to"] if redirect else name, {})
        disambiguation = "disambiguation" in page.get("pageprops", {})
        if redirect:
            fragment = redirect.get("tofragment")
            target = f"{redirect['to']}#{fragment}" if fragment else redirect["to"]
            answers[title] = Answer(True, target, disambiguation)
        else:
            exists = bool(page) and not {"missing", "invalid"} & page.keys()
            answers[title] = Answer(exists, None, disambiguation)
    return answers


def review(site: BotPasswordSite, drafts: Sequence[Draft]) -> list[Finding]:
    """What the wiki has for the drafts' links and subjects: the findings, in draft order."""
    import pywikibot

    links: dict[str, dict[str, str]] = {}  # per draft: the link as written -> the asked title
    subjects: dict[str, list[str]] = {}
    for draft in drafts:
        links[draft.source] = {}
        for target in linked_titles(draft.conversion.wikitext):
            try:
                page = pywikibot.Page(site, target)
            except (pywikibot.exceptions.Error, ValueError):
                continue  # an invalid title or an unknown interwiki prefix: not ours to judge
            if page.site == site and page.namespace().id not in UNASKED_NAMESPACES:
                links[draft.source][target] = page.title()
        named = (draft.conversion.title, bold_subject(draft.conversion.wikitext))
        subjects[draft.source] = list(dict.fromkeys(name for name in named if name))
    asked = [title for found in links.values() for title in found.values()]
    answers = ask(site, asked + [title for found in subjects.values() for title in found])
    findings = []
    for draft in drafts:
        for written, title in links[draft.source].items():
            findings.extend(_link_findings(draft, written, answers[title]))
        for subject in subjects[draft.source]:
            findings.extend(_subject_findings(draft, subject, answers[subject]))
    return findings


def _link_findings(draft: Draft, written: str, answer: Answer) -> list[Finding]:
    """What a reviewer would say about one [[link]] of the draft."""
    line = draft_line(draft.markdown, *spellings(written))
    if not answer.exists:
        message = (
            f"[[{written}]] is a red link: no such page on the wiki; link an article or unlink it"
        )
        return [Finding(draft.source, line, "red link", written, message)]
    found = []
    if answer.redirect:
        message = f"[[{written}]] redirects to [[{answer.redirect}]]; link the target if meant"
        found.append(Finding(draft.source, line, "redirect", written, message, answer.redirect))
    if answer.disambiguation:
        message = (
            f"[[{answer.redirect or written}]] is a disambiguation page; "
            "link the article meant (WP:INTDAB)"
        )
        found.append(Finding(draft.source, line, "disambiguation", written, message))
    return found


def _subject_findings(draft: Draft, subject: str, answer: Answer) -> list[Finding]:
    """A finding when the wiki already has an article (or a redirect) named like the subject."""
    if not answer.exists:
        return []
    where = f", a redirect to [[{answer.redirect}]]" if answer.redirect else ""
    message = (
        f"the wiki already has [[{subject}]]{where}: a draft on an existing subject is declined "
        "(WP:AFCDUP); improve that article instead, or say how this subject differs"
    )
    # A bold-lead subject is found where it is bold; a title, on its own line.
    line = draft_line(draft.markdown, f"**{subject}**", f"__{subject}__", subject)
    return [Finding(draft.source, line, "exists", subject, message, answer.redirect)]
