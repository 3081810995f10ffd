"""convert(markdown, sources=…): citations filled from fetched metadata, nothing invented."""

from __future__ import annotations

from converters import convert
from converters.citations.metadata import Author, SourceMetadata

NEWS_URL = "https://www.bbc.co.uk/news/science-environment-12345678"
NEWS = SourceMetadata(
    kind="news",
    title="Bees return to the valley after a decade",
    website="BBC News",
    authors=(Author("Helen Briggs"),),
    date="2023-05-04",
    access_date="2026-11-30",
)
PAPER_URL = "https://translational-medicine.biomedcentral.com/articles/10.1186/s12967-020-02316-w"
PAPER = SourceMetadata(
    kind="journal",
    title="The future of personalised medicine: the ICPerMed vision",
    authors=(Author("Vicente", "Astrid M."), Author("Ballensiefen", "Wolfgang")),
    date="2020-03-30",
    journal="Journal of Translational Medicine",
    publisher="Springer Science and Business Media LLC",
    volume="18",
    issue="1",
    pages="1\u20139",
    doi="10.1186/s12967-020-02316-w",
    access_date="2026-11-29",
)


def refs(markdown: str, sources: dict | None) -> list[str]:
    return [r.content for r in convert(markdown, sources=sources).references]


def warnings(markdown: str, sources: dict | None) -> list[str]:
    return [w.message for w in convert(markdown, sources=sources).warnings]


def test_a_news_article_becomes_cite_news_and_the_drafts_title_wins() -> None:
    draft = f"# T\n\nBees.[^1]\n\n[^1]: [Bees are back in the valley]({NEWS_URL})\n"
    assert refs(draft, {NEWS_URL: NEWS}) == [
        f"{{{{cite news |url={NEWS_URL} |title=Bees are back in the valley |author1=Helen Briggs"
        " |date=2023-05-04 |work=BBC |access-date=2026-11-30}}"
    ]


def test_a_journal_article_becomes_cite_journal_with_every_field() -> None:
    draft = f"# T\n\nText.[^1]\n\n[^1]: <{PAPER_URL}>\n"
    assert refs(draft, {PAPER_URL: PAPER}) == [
        f"{{{{cite journal |url={PAPER_URL} |title=The future of personalised medicine: the "
        "ICPerMed vision |last1=Vicente |first1=Astrid M. |last2=Ballensiefen |first2=Wolfgang"
        " |date=2020-03-30 |journal=Journal of Translational Medicine"
        " |publisher=Springer Science and Business Media LLC |volume=18 |issue=1 |pages=1\u20139"
        " |doi=10.1186/s12967-020-02316-w |access-date=2026-11-29}}"
    ]


def test_a_title_guessed_from_the_url_gives_way_to_the_pages() -> None:
    url = "https://blog.example.org/2019/rust-in-linux-where-we-are"
    draft = f"# T\n\nText.[^1]\n\n[^1]: {url}\n"
    found = SourceMetadata(title="Rust in Linux: where we are and where we're going next")
    assert warnings(draft, None) == [
        'title "Rust in linux where we are" was taken from the URL; check it'
    ]
    assert refs(draft, {url: found}) == [
        f"{{{{cite web |url={url} |title=Rust in Linux: where we are and where we're going next"
        " |website=blog.example.org}}"
    ]
    assert warnings(draft, {url: found}) == []


def test_a_reference_without_title_gets_the_pages_and_the_warning_goes() -> None:
    url = "https://www.example.org/"
    draft = f"# T\n\nText.[^1]\n\n[^1]: [Example]({url})\n"
    assert any("has no title" in w for w in warnings(draft, None))
    found = SourceMetadata(title="Example Domain | Examples", website="Examples")
    assert refs(draft, {url: found}) == [
        f"{{{{cite web |url={url} |title=Example Domain {{{{!}}}} Examples |website=Examples}}}}"
    ]
    assert warnings(draft, {url: found}) == []


def test_nothing_is_invented_when_nothing_was_found() -> None:
    url = "https://example.org/some-page"
    draft = f"# T\n\nText.[^1]\n\n[^1]: [A page]({url})\n"
    assert (
        refs(draft, {url: SourceMetadata()})
        == refs(draft, None)
        == [f"{{{{cite web |url={url} |title=A page |website=example.org}}}}"]
    )


def test_a_well_known_site_name_is_kept_and_a_month_is_spelt_out() -> None:
    url = "https://www.britannica.com/science/personalized-medicine"
    draft = f"# T\n\nText.[^1]\n\n[^1]: [Personalized medicine]({url})\n"
    found = SourceMetadata(website="Britannica", date="2024-03")
    assert refs(draft, {url: found}) == [
        f"{{{{cite web |url={url} |title=Personalized medicine |date=March 2024"
        " |website=Encyclop\u00e6dia Britannica}}"
    ]


def test_with_enrichment_a_reference_that_is_only_a_url_becomes_a_template_too() -> None:
    draft = "# T\n\nText.[^1]\n\n[^1]: **https://example.org/bold-url**\n"
    assert refs(draft, None) == ["'''https://example.org/bold-url'''"]  # a GFM autolink
    assert refs(draft, {}) == [
        "{{cite web |url=https://example.org/bold-url |title=Bold url |website=example.org}}"
    ]
    reference = convert(draft, sources={}).references[0]
    assert (reference.url, reference.line, reference.title_guessed) == (
        "https://example.org/bold-url",
        5,
        True,
    )
