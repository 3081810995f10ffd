"""The reading half: drafts converted, mapped to pages in the namespace, current texts preloaded."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from bot.config import Config
from bot.drafts import decode, draft_files
from bot.errors import UserError
from bot.preserve import keep_top_templates
from bot.title_guard import RefusedTitle, confine

if TYPE_CHECKING:
    from bot.pwbsite import BotPasswordSite
    from converters import Conversion
    from converters.citations.metadata import SourceMetadata

BATCH = 50  # titles per preloading query: the API's limit for accounts without apihighlimits
EMPTY = "empty draft: there is no text under the title to publish"


@dataclass(frozen=True)
class Item:
    """One draft and its page: the text to save and the revision it was compared with."""

    source: Path
    title: str  # the full page title ("Draft:X"), or the draft's own title when refused
    text: str  # what a push would save: converted, stored form, reviewer templates kept
    conversion: Conversion
    markdown: str  # the draft as read and converted: its line numbers are the findings' lines
    refused: str | None = None  # why this draft must not be written
    current: str | None = None  # the live text; None when the page does not exist
    revid: int | None = None  # the live revision compared against: the base of the save
    page: Any = None  # the pywikibot Page, preloaded

    @property
    def placed(self) -> bool:
        """Whether the draft has a page inside the target: its title was not refused."""
        return self.page is not None

    @property
    def exists(self) -> bool:
        """Whether the page exists on the wiki."""
        return self.current is not None


def stored(text: str) -> str:
    """text as MediaWiki stores it: NFC, LF line ends, no trailing whitespace."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).rstrip()


def convert_files(
    paths: list[Path],
    site: BotPasswordSite,
    config: Config,
    drafts: Mapping[str, str] | None = None,
) -> list[tuple[str, Conversion]]:
    """Read and convert draft files for this wiki: each one's Markdown and its conversion;
    unreadable or unconvertible input is a UserError naming the file.

    ``drafts`` maps draft paths to the pages they are published as (see ``draft_titles``).
    With [sources] enrich, the sources all of them cite are fetched in one pool run
    (bot/enrich.py), not one draft after another.
    """
    import converters
    from bot.enrich import convert_all

    options = convert_options(site, config, drafts)

    def convert_one(
        draft: tuple[Path, str], found: Mapping[str, SourceMetadata] | None
    ) -> Conversion:
        path, markdown = draft
        try:
            return converters.convert(markdown, sources=found, source_name=str(path), **options)
        except converters.ConversionError as error:
            raise UserError(f"{path}: {error}") from None
        except converters.ConverterBug as error:
            message = f"{path}: internal error of the converter, please report it: {error}"
            raise UserError(message) from error

    texts = [(path, read(path)) for path in paths]
    conversions = convert_all(texts, convert_one, config.sources)
    return list(zip([markdown for _, markdown in texts], conversions, strict=True))


def read(path: Path) -> str:
    """The text of a draft file; unreadable or undecodable is a UserError naming it."""
    try:
        return decode(str(path), path.read_bytes())
    except OSError as error:
        raise UserError(f"{path}: cannot read: {error}") from None


def convert_options(
    site: BotPasswordSite, config: Config, drafts: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """How to convert for this wiki: its namespace, its own article URLs (which become
    wikilinks) and the pages of the drafts a relative link may name."""
    return {
        "target_namespace": config.target.canonical,
        "wiki_article_base": article_base(site, config),
        "draft_titles": dict(drafts or {}),
    }


def draft_titles(site: BotPasswordSite, config: Config, files: list[Path]) -> dict[str, str]:
    """The page each draft of the batch, and each draft beside one, is published as, by path.

    A link to another draft ("[x](other.md)") becomes a wikilink to that page. A draft that
    cannot be read or published (or is empty) has no page, and a link to it keeps its text.
    """
    known = Prefixes(site)
    # A page's title does not depend on its cited sources: fetch none for a title alone.
    plain = replace(config, sources=replace(config.sources, enrich=False))
    beside: set[Path] = set()
    for folder in {file.parent for file in files}:
        try:
            beside.update(draft_files([str(folder)]))
        except UserError:  # a folder of no drafts: the files given are all there is
            continue
    titles: dict[str, str] = {}
    for path in sorted({*files, *beside}):
        try:
            ((_, conversion),) = convert_files([path], site, plain)
            if not conversion.empty:
                titles[str(path)] = resolve(conversion, config, known).title()
        except (UserError, RefusedTitle):
            continue
    return titles


def resolve(conversion: Conversion, config: Config, known: Prefixes) -> Any:
    """The page a conversion is published as; RefusedTitle when it must not be written."""
    import pywikibot

    site = known.site
    try:
        full = confine(conversion.title, conversion.namespace, config.target, known)
        page = pywikibot.Page(site, full)
    except pywikibot.exceptions.InvalidTitleError as error:
        raise RefusedTitle(str(error)) from None
    inside = config.target.holds(page.namespace().id, page.title(with_ns=False))
    if not inside or page.site != site:
        raise RefusedTitle(f"{full!r} resolves outside {config.target}")
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


def build(
    site: BotPasswordSite, config: Config, paths: list[str], recursive: bool = False
) -> list[Item]:
    """Convert the drafts, map them to pages, and fetch the pages in batches."""
    files = draft_files(paths, recursive)
    drafts = draft_titles(site, config, files)
    converted = convert_files(files, site, config, drafts)
    known = Prefixes(site)
    items: list[Item] = []
    pages: dict[str, Any] = {}
    sources: dict[str, Path] = {}
    for path, (markdown, conversion) in zip(files, converted, strict=True):
        try:
            page = resolve(conversion, config, known)
        except RefusedTitle as error:
            title, text = conversion.title, conversion.wikitext
            items.append(Item(path, title, text, conversion, markdown, refused=str(error)))
            continue
        title = page.title()
        if title in sources:
            raise UserError(
                f"{sources[title]} and {path} both go to {title}; give one its own title"
            )
        sources[title] = path
        refused = EMPTY if conversion.empty else None
        text = stored(conversion.wikitext)
        items.append(Item(path, title, text, conversion, markdown, refused, page=page))
        if not refused:
            pages[title] = page
    fetched = {
        page.title(): page for page in site.preloadpages(list(pages.values()), groupsize=BATCH)
    }
    limit = int(site.siteinfo["maxarticlesize"])
    return [within(fetch(item, fetched, config), limit) for item in items]


def within(item: Item, limit: int) -> Item:
    """item, refused when its text (in UTF-8 bytes) is larger than the wiki's page size limit."""
    size = len(item.text.encode("utf-8"))
    if item.refused or size <= limit:
        return item
    why = (
        f"the page would be {size:,} bytes ({kilobytes(size)} kB), over the wiki's page size "
        f"limit of {limit:,} bytes ({kilobytes(limit)} kB)"
    )
    return replace(item, refused=why)


def kilobytes(size: int) -> str:
    """A size in bytes as MediaWiki states it against $wgMaxArticleSize: kB of 1024 bytes."""
    return f"{size / 1024:,.3f}".rstrip("0").rstrip(".")


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
