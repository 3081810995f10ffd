"""bot.sources.metadata: citation fields from publishers' markup, in Citoid's precedence."""

from __future__ import annotations

from bot.sources.metadata import page_metadata
from converters.citations.metadata import Author
from tests.sourcesite import PAGES

BBC = "https://www.bbc.co.uk/news/science-environment-12345678"


def read(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_a_news_article_takes_its_fields_from_json_ld_and_opengraph() -> None:
    found = page_metadata(read("news.html"), BBC)
    assert found.kind == "news"
    assert found.title == "Bees return to the valley after a decade"
    assert found.website == "BBC News"
    assert found.authors == (Author("Helen Briggs"),)
    assert found.date == "2023-05-04"


def test_a_copyright_year_is_not_a_publication_date() -> None:
    found = page_metadata(read("blog.html"), "https://blog.example.org/rust-in-linux")
    assert found.date is None
    assert found.title == "Rust in Linux: where we are and where we're going next"
    assert found.authors == ()


def test_highwire_tags_beat_opengraph_and_dublin_core() -> None:
    found = page_metadata(read("journal.html"), "https://translational-medicine.example/x")
    assert found.kind == "journal"
    assert found.title == (
        "How personalised medicine will transform healthcare by 2030: the ICPerMed vision"
    )
    assert found.authors == (
        Author("Vicente, Astrid M."),
        Author("Ballensiefen, Wolfgang"),
        Author("J\u00f6nsson, Jan-Ingvar"),
    )
    assert (found.journal, found.volume, found.issue, found.pages, found.date) == (
        "Journal of Translational Medicine",
        "18",
        "1",
        "180",
        "2020-12",
    )
    assert found.doi == "10.1186/s12967-020-02316-w"
    assert found.website == "BioMed Central"


def test_first_and_last_page_make_a_range() -> None:
    html = (
        "<meta name='citation_title' content='On ropes'>"
        "<meta name='citation_firstpage' content='1315'>"
        "<meta name='citation_lastpage' content='1324'>"
    )
    found = page_metadata(html, "https://journal.example.org/ropes")
    assert found.pages == "1315\u20131324"


def test_dublin_core_beats_the_title_tag() -> None:
    html = (
        "<html><head><title>Tag title</title><meta name='DC.title' content='Catalogue title'>"
        "<meta name='DC.date' content='1999-07'></head></html>"
    )
    found = page_metadata(html, "https://library.example.org/item/1")
    assert (found.title, found.date) == ("Catalogue title", "1999-07")


def test_a_site_suffix_becomes_the_website() -> None:
    html = "<title>Colony Collapse Disorder | US EPA</title>"
    found = page_metadata(
        html, "https://www.epa.gov/pollinator-protection/colony-collapse-disorder"
    )
    assert (found.title, found.website) == ("Colony Collapse Disorder", "US EPA")


def test_a_dash_that_is_part_of_the_title_stays() -> None:
    html = "<title>Rope - a data structure for long strings</title>"
    found = page_metadata(html, "https://example.org/ropes")
    assert found.title == "Rope - a data structure for long strings"
    assert found.website is None


def test_an_empty_document_has_no_fields() -> None:
    found = page_metadata("", "https://example.org/")
    assert found.title is None and found.authors == ()
