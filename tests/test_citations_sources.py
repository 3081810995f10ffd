"""Definition text to sources: links, bare URLs, Bing footer lines, free text."""

from __future__ import annotations

import pytest

from converters.citations.sources import Source, names_site, parse_definition, web_source


@pytest.mark.parametrize(
    ("raw", "source"),
    [
        (
            "[Wikipedia](https://en.wikipedia.org/wiki/Personalized_medicine)",
            Source(
                "https://en.wikipedia.org/wiki/Personalized_medicine",
                "Personalized medicine",
                "Wikipedia",
                title_guessed_from="the URL",
            ),
        ),
        (
            '[Site](https://x.org/a "A real title")',
            Source("https://x.org/a", "A real title", "x.org"),
        ),
        (
            "[Storm report](https://x.org/a?utm_source=chatgpt.com).",
            Source("https://x.org/a", "Storm report", "x.org"),
        ),
        (
            "Paris - Wikipedia. https://en.wikipedia.org/wiki/Paris.",
            Source("https://en.wikipedia.org/wiki/Paris", "Paris", "Wikipedia"),
        ),
        (
            "Paris | History, Facts | Britannica. https://www.britannica.com/place/Paris.",
            Source(
                "https://www.britannica.com/place/Paris",
                "Paris | History, Facts",
                "Encyclopædia Britannica",
            ),
        ),
        ("https://x.org/a.", Source("https://x.org/a", None, "x.org")),
        (
            "[Rope](https://en.wikipedia.org/wiki/Rope_(data_structure))",
            Source("https://en.wikipedia.org/wiki/Rope_(data_structure)", "Rope", "Wikipedia"),
        ),
        ("<https://x.org/a>", Source("https://x.org/a", None, "x.org")),
    ],
)
def test_parse_definition_reads_web_sources(raw: str, source: Source) -> None:
    assert parse_definition(raw) == source


@pytest.mark.parametrize(
    "raw",
    [
        "Smith, John (2019). *A Book*. Publisher.",
        'Gladman, B. (1996). ["Locking"](https://doi.org/10.1/x). *Icarus*. **122**.',
        "[relative](docs/page.md)",
        "",
    ],
)
def test_parse_definition_leaves_free_text_to_the_renderer(raw: str) -> None:
    assert parse_definition(raw) is None


def test_the_trailing_period_of_a_footer_line_is_not_part_of_the_url() -> None:
    source = parse_definition("(Title). https://x.org/a/b.html.")
    assert source is not None
    assert source.url == "https://x.org/a/b.html"


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("Britannica", "https://www.britannica.com/x", True),
        ("Biomedcentral", "https://translational-medicine.biomedcentral.com/x", True),
        ("tufts.edu", "https://www.cs.tufts.edu/x", True),
        ("Personalized medicine", "https://www.britannica.com/x", False),
    ],
)
def test_names_site_tells_a_site_name_from_a_title(text: str, url: str, expected: bool) -> None:
    assert names_site(text, url) is expected


def test_chatgpt_link_text_is_the_site_not_the_title() -> None:
    known = web_source("https://www.reuters.com/world/a", "Reuters", text_is_site=True)
    unknown = web_source("https://news.example.org/a", "Example News", text_is_site=True)
    assert (known.title, known.website) == (None, "Reuters")
    assert (unknown.title, unknown.website) == (None, "Example News")
