"""The reading half: drafts converted, mapped to pages in the namespace, current texts preloaded."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from bot.config import Config
from bot.errors import UserError
from bot.preserve import keep_top_templates
from bot.site import require_namespace
from bot.titles import RefusedTitle, confine

if TYPE_CHECKING:
    from bot.pwbsite import BotPasswordSite
    from converters import Conversion

BATCH = 50  # titles per preloading query: the API's limit for accounts without apihighlimits


@dataclass(frozen=True)
class Item:
    """One draft and its page: the text to save and the revision it was compared with."""

    source: Path
    title: str  # the full page title ("Draft:X"), or the draft's own title when refused
    text: str  # what a push would save: converted, stored form, reviewer templates kept
    conversion: Conversion
    refused: str | None = None  # why this draft must not be written
    current: str | None = None  # the live text; None when the page does not exist
    revid: int | None = None  # the live revision compared against: the base of the save
    page: Any = None  # the pywikibot Page, preloaded

    @property
    def exists(self) -> bool:
        """Whether the page exists on the wiki."""
        return self.current is not None


def stored(text: str) -> str:
    """text as MediaWiki stores it: NFC, LF line ends, no trailing whitespace."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).rstrip()


def draft_files(paths: list[str]) -> list[Path]:
    """The Markdown files named by paths (a directory means its *.md files)."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(path.glob("*.md"))
            if not found:
                raise UserError(f"{name}: no *.md files in this directory")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise UserError(f"{name}: no such file or directory")
    return files


def convert(
    path: Path, site: BotPasswordSite, config: Config, drafts: Mapping[str, str] | None = None
) -> Conversion:
    """Convert one draft file for this wiki; unreadable or unconvertible input is a UserError.

    ``drafts`` maps draft paths to the pages they are published as (see ``draft_titles``).
    """
    import converters

    try:
        markdown = path.read_text(encoding="utf-8")
        return converters.convert(
            markdown, source_name=str(path), **convert_options(site, config, drafts)
        )
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read: {error}") from None
    except converters.ConversionError as error:
        raise UserError(f"{path}: {error}") from None
    except converters.ConverterBug as error:
        message = f"{path}: internal error of the converter, please report it: {error}"
        raise UserError(message) from error


def convert_options(
    site: BotPasswordSite, config: Config, drafts: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """How to convert for this wiki: its namespace, its own article URLs (which become
    wikilinks) and the pages of the drafts a relative link may name."""
    return {
        "target_namespace": config.namespace,
        "wiki_article_base": article_base(site, config),
        "draft_titles": dict(drafts or {}),
    }


def draft_titles(site: BotPasswordSite, config: Config, files: list[Path]) -> dict[str, str]:
    """The page each draft of the batch, and each draft beside one, is published as, by path.

    A link to another draft ("[x](other.md)") becomes a wikilink to that page. A draft that
    cannot be read or published has no page, and a link to it keeps its text.
    """
    namespace_id = require_namespace(site, config.namespace)
    known = Prefixes(site)
    beside = {sibling for folder in {f.parent for f in files} for sibling in folder.glob("*.md")}
    titles: dict[str, str] = {}
    for path in sorted({*files, *beside}):
        try:
            page = resolve(convert(path, site, config), config, known, namespace_id)
            titles[str(path)] = page.title()
        except (UserError, RefusedTitle):
            continue
    return titles


def resolve(conversion: Conversion, config: Config, known: Prefixes, namespace_id: int) -> Any:
    """The page a conversion is published as; RefusedTitle when it must not be written."""
    import pywikibot

    site = known.site
    try:
        full = confine(conversion.title, conversion.namespace, config.namespace, known)
        page = pywikibot.Page(site, full)
    except pywikibot.exceptions.InvalidTitleError as error:
        raise RefusedTitle(str(error)) from None
    if page.namespace().id != namespace_id or page.site != site:
        raise RefusedTitle(f"{full!r} resolves outside the {config.namespace} namespace")
    return page


def server_url(site: BotPasswordSite, config: Config) -> str:
    """The wiki's server as an absolute URL ("https://en.wikipedia.org")."""
    server = str(site.siteinfo["server"])
    if server.startswith("//"):  # protocol-relative, as on Wikimedia wikis
        server = f"{urlsplit(config.api).scheme}:{server}"
    return server


def article_base(site: BotPasswordSite, config: Config) -> str:
    """The URL prefix of the wiki's articles: links to them become [[wikilinks]]."""
    return server_url(site, config) + str(site.siteinfo["articlepath"]).replace("$1", "")


class Prefixes:
    """The wiki's namespace names and aliases, then its interwiki prefixes, casefolded."""

    def __init__(self, site: BotPasswordSite) -> None:
        self.site = site
        self.names = {str(name).casefold() for ns in site.namespaces.values() for name in ns}
        self.interwiki: set[str] | None = None

    def __contains__(self, prefix: object) -> bool:
        """Whether prefix is a namespace or an interwiki prefix of the wiki."""
        if prefix in self.names:
            return True
        if self.interwiki is None:
            # One more request, made only when a title has a colon that is not a namespace's.
            interwiki = self.site.siteinfo["interwikimap"]
            self.interwiki = {str(entry["prefix"]).casefold() for entry in interwiki}
        return prefix in self.interwiki


def build(site: BotPasswordSite, config: Config, paths: list[str]) -> list[Item]:
    """Convert the drafts, map them to pages, and fetch the pages in batches."""

    files = draft_files(paths)
    drafts = draft_titles(site, config, files)
    conversions = [convert(path, site, config, drafts) for path in files]
    namespace_id = require_namespace(site, config.namespace)
    known = Prefixes(site)
    items: list[Item] = []
    pages: dict[str, Any] = {}
    for path, conversion in zip(files, conversions, strict=True):
        try:
            page = resolve(conversion, config, known, namespace_id)
        except RefusedTitle as error:
            items.append(Item(path, conversion.title, conversion.wikitext, conversion, str(error)))
            continue
        title = page.title()
        if title in pages:
            raise UserError(f"{path}: another draft also goes to {title}; give it its own title")
        pages[title] = page
        items.append(Item(path, title, stored(conversion.wikitext), conversion, page=page))
    fetched = {
        page.title(): page for page in site.preloadpages(list(pages.values()), groupsize=BATCH)
    }
    return [fetch(item, fetched, config) for item in items]


def fetch(item: Item, fetched: dict[str, Any], config: Config) -> Item:
    """item with the live text and revision of its page filled in."""
    if item.refused:
        return item
    page = fetched.get(item.title, item.page)
    if not page.exists():
        return replace(item, page=page)
    if page.content_model != "wikitext":
        why = f"the page holds {page.content_model}, not wikitext"
        return replace(item, refused=why, page=page)
    revision = page.latest_revision
    current = page.text
    return replace(
        item,
        text=stored(keep_top_templates(current, item.text, config.preserve_templates)),
        current=current,
        revid=int(revision.revid),
        page=page,
    )
