"""Citation fields from a web page's embedded metadata, in the precedence of Citoid's scraper.

extruct reads JSON-LD, OpenGraph and Dublin Core, each syntax apart, so every field can be
taken from the best syntax that has it: Highwire ``citation_*`` tags, then JSON-LD, then
OpenGraph, then Dublin Core, then the ``<title>``. Only declared metadata is read, never the
page's text: a year in a copyright notice is not a publication date.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html
from extruct.dublincore import DublinCoreExtractor
from extruct.jsonld import JsonLdExtractor
from extruct.opengraph import OpenGraphExtractor

from converters.citations.metadata import Author, SourceMetadata
from converters.citations.sources import split_site_suffix
from converters.draft_title import clean_title

Fields = dict[str, Any]  # SourceMetadata's field names to values found by one syntax

# schema.org types of news articles (https://schema.org/NewsArticle and its subtypes).
NEWS_TYPES = frozenset(
    {
        "NewsArticle", "AnalysisNewsArticle", "AskPublicQuestionArticle", "BackgroundNewsArticle",
        "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
    }
)  # fmt: skip
# The dates metadata gives: "2023-05-04", "2023/05/04T10:00Z", "2023-05", "2023".
_DATE = re.compile(r"(?P<year>\d{4})(?:[-/](?P<month>\d{1,2})(?:[-/](?P<day>\d{1,2}))?)?")


def iso_date(text: object) -> str | None:
    """A metadata date as ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY), None if it is not one."""
    match = _DATE.match(str(text or "").strip())
    if not match:
        return None
    parts = [match["year"], match["month"], match["day"]]
    return "-".join(part.zfill(2) for part in parts if part)


def _text(value: object) -> str | None:
    """A metadata value as one clean line of text (lists give their first item)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    text = clean_title(str(value)) if isinstance(value, str | int | float) else ""
    return text or None


def _authors(values: list[object]) -> tuple[Author, ...]:
    """Authors from names, ``{"name": …}`` objects or lists of them; URLs are not names."""
    names = []
    for value in values:
        for item in value if isinstance(value, list) else [value]:
            name = _text(item)
            if name and "://" not in name and name not in names:
                names.append(name)
    return tuple(Author(name) for name in names)


def _highwire(tree: lxml.html.HtmlElement) -> Fields:
    """Fields from Highwire Press ``<meta name="citation_…">`` tags (Google Scholar's)."""
    tags: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        name = (meta.get("name") or "").strip().lower()
        if name.startswith("citation_") and meta.get("content"):
            tags.setdefault(name.removeprefix("citation_"), []).append(meta.get("content"))

    def first(*names: str) -> str | None:
        return next((_text(tags[n]) for n in names if n in tags), None)

    pages = "\u2013".join(p for p in (first("firstpage"), first("lastpage")) if p)
    journal = first("journal_title")
    return {
        "kind": "journal" if journal else None,
        "title": first("title"),
        "authors": _authors(tags.get("author", [])),
        "date": iso_date(first("publication_date", "date", "online_date")),
        "journal": journal,
        "publisher": first("publisher"),
        "volume": first("volume"),
        "issue": first("issue"),
        "pages": pages or None,
        "doi": first("doi"),
    }


def _main_item(items: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD item describing the page: an article, else the first item with a title."""
    flat = [node for item in items for node in item.get("@graph", [item]) if isinstance(node, dict)]
    for node in flat:
        if any(kind.endswith("Article") or kind == "BlogPosting" for kind in _types(node)):
            return node
    return next((node for node in flat if node.get("headline") or node.get("name")), {})


def _types(item: dict[str, Any]) -> set[str]:
    """The schema.org types of a JSON-LD item (``@type`` is a name or a list of names)."""
    kinds = item.get("@type")
    return {k for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}


def _json_ld(tree: lxml.html.HtmlElement, url: str) -> Fields:
    """Fields from schema.org JSON-LD; broken JSON counts as none."""
    try:
        item = _main_item(JsonLdExtractor().extract_items(tree, base_url=url))
    except ValueError:
        return {}
    # headline and name are both titles to schema.org, but some sites put a description in one
    # (Wikipedia: its Wikidata description as headline); the one the <title> bears is the title.
    shown = (_title_tag(tree)["title"] or "").casefold()
    titles = [t for t in (_text(item.get("headline")), _text(item.get("name"))) if t]
    return {
        "kind": "news" if NEWS_TYPES & _types(item) else None,
        "title": next((t for t in titles if t.casefold() in shown), titles[0] if titles else None),
        "authors": _authors([item.get("author")] if item.get("author") else []),
        "date": iso_date(item.get("datePublished")),
        "publisher": _text(item.get("publisher")),
    }


def _open_graph(tree: lxml.html.HtmlElement, url: str) -> Fields:
    """Fields from OpenGraph ``og:`` and ``article:`` properties."""
    properties: dict[str, list[str]] = {}
    for item in OpenGraphExtractor().extract_items(tree, base_url=url):
        for key, value in item.get("properties", []):
            properties.setdefault(key, []).append(value)
    return {
        "title": _text(properties.get("og:title")),
        "website": _text(properties.get("og:site_name")),
        "authors": _authors(properties.get("article:author", [])),
        "date": iso_date(_text(properties.get("article:published_time"))),
    }


def _dublin_core(tree: lxml.html.HtmlElement, url: str) -> Fields:
    """Fields from Dublin Core ``DC.*`` / ``dcterms.*`` meta tags."""
    elements: dict[str, list[str]] = {}
    for item in DublinCoreExtractor().extract_items(tree, base_url=url):
        for element in item.get("elements", []) + item.get("terms", []):
            term = str(element.get("URI", "")).rsplit("/", 1)[-1]
            elements.setdefault(term, []).append(element.get("content", ""))
    return {
        "title": _text(elements.get("title")),
        "authors": _authors(elements.get("creator", [])),
        "date": iso_date(_text(elements.get("date"))),
        "publisher": _text(elements.get("publisher")),
    }


def _title_tag(tree: lxml.html.HtmlElement) -> Fields:
    """The ``<title>``."""
    title = tree.find(".//title")
    return {"title": _text(title.text_content()) if title is not None else None}


def page_metadata(html: str, url: str) -> SourceMetadata:
    """The citation fields a page declares, each from the best syntax that has it."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):  # an empty or unparsable document
        return SourceMetadata()
    found: Fields = {}
    layers = (
        _highwire(tree),
        _json_ld(tree, url),
        _open_graph(tree, url),
        _dublin_core(tree, url),
        _title_tag(tree),
    )
    for layer in layers:
        for key, value in layer.items():
            if value and key not in found:
                found[key] = value
    if found.get("title"):
        found["title"], suffix = split_site_suffix(found["title"], url, found.get("website"))
        found.setdefault("website", suffix)
    return SourceMetadata(**{key: value for key, value in found.items() if value})
