"""URL facts for citations: tracking removal, site names, labels, Wikipedia, slug titles."""

from __future__ import annotations

import pytest

from converters.citations.urls import (
    clean_url,
    is_wikipedia,
    path_words,
    removed_parameters,
    site_label,
    site_name,
    title_from_path,
)


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        ("https://x.org/a?utm_source=chatgpt.com", "https://x.org/a"),
        ("https://x.org/a?id=3&utm_source=chatgpt.com", "https://x.org/a?id=3"),
        ("https://x.org/a?utm_source=newsletter&utm_medium=email", "https://x.org/a"),
        ("https://x.org/a?fbclid=IwAR3&id=3", "https://x.org/a?id=3"),
        ("https://x.org/a?gclid=Cj0K&msclkid=9f", "https://x.org/a"),
        ("https://x.org/a?ref=perplexity", "https://x.org/a"),
        ("https://x.org/a?referrer=grok.com&id=3", "https://x.org/a?id=3"),
        ("https://x.org/a?utm_source=chatgpt.com#part", "https://x.org/a#part"),
        ("https://x.org/a?b=%7C", "https://x.org/a?b=%7C"),  # untouched when nothing is removed
        ("https://x.org/a?page=2&q=rope", "https://x.org/a?page=2&q=rope"),
        ("https://x.org/a", "https://x.org/a"),
    ],
)
def test_clean_url_drops_every_tracking_parameter_of_the_clearurls_rules(
    url: str, clean: str
) -> None:
    assert clean_url(url) == clean


def test_removed_parameters_names_what_was_removed() -> None:
    url = "https://x.org/a?id=3&utm_source=chatgpt.com&fbclid=x"
    assert removed_parameters(url) == [("utm_source", "chatgpt.com"), ("fbclid", "x")]
    assert removed_parameters("https://x.org/a?id=3") == []


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://translational-medicine.biomedcentral.com/articles/1", "BioMed Central"),
        ("https://www.britannica.com/science/x", "Encyclopædia Britannica"),
        ("https://news.bbc.co.uk/2/hi/x.stm", "BBC"),
        ("https://www.example.org/page", "example.org"),
    ],
)
def test_site_name_is_a_known_name_or_the_host(url: str, name: str) -> None:
    assert site_name(url) == name


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://www.britannica.com/x", "britannica"),
        ("https://www.theguardian.co.uk/x", "theguardian"),
        ("https://cs.tufts.edu/x", "tufts"),
        ("http://localhost/x", "localhost"),
    ],
)
def test_site_label_is_the_registrable_name(url: str, label: str) -> None:
    assert site_label(url) == label


def test_is_wikipedia_matches_every_language_and_nothing_else() -> None:
    assert is_wikipedia("https://en.wikipedia.org/wiki/X")
    assert is_wikipedia("https://de.m.wikipedia.org/wiki/X")
    assert not is_wikipedia("https://wikipedia.example.org/x")
    assert not is_wikipedia("https://en.wikibooks.org/wiki/X")


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://www.britannica.com/science/personalized-medicine", "Personalized medicine"),
        ("https://en.wikipedia.org/wiki/Personalized_medicine", "Personalized medicine"),
        ("https://x.org/news/big-storm-hits.html", "Big storm hits"),
        ("https://x.org/articles/10.1186/s12967-020-02316-w", None),  # an identifier
        ("https://x.org/ropes.pdf", None),  # one word is too often a file or page type
        ("https://x.org/", None),
    ],
)
def test_title_from_path_reads_only_wordy_slugs(url: str, title: str | None) -> None:
    assert title_from_path(url) == title


def test_path_words_keep_words_and_drop_identifiers() -> None:
    assert path_words("https://doc.rust-lang.org/book/ch04-00-understanding-ownership.html") == (
        "book understanding ownership"
    )
    assert path_words("https://x.org/") == ""


def test_text_no_url_parser_accepts_is_left_alone() -> None:
    assert clean_url("http://[bad?utm_source=chatgpt.com") == "http://[bad?utm_source=chatgpt.com"
    assert site_label("http://[bad") == ""
