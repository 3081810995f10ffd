"""The seed draft's three references, before and after enrichment (the README shows both).

The three sites are stood in for by local pages modelled on their markup (tests/fixtures/
sources/seed-*.html, journal.html) and a local DOI resolver; what is fetched from a stand-in is
given to the converter for the real URL the draft cites.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from bot.sources.pool import examine_all
from bot.sources.settings import SourceSettings
from converters import convert
from tests import sourcesite
from tests.sourcesite import HTML, PAGES

SEED = Path(__file__).parent.parent / "examples" / "personalized-medicine.md"
STAND_INS = {  # the seed's URLs, and the page standing in for each
    "https://en.wikipedia.org/wiki/Personalized_medicine": "seed-wikipedia.html",
    "https://www.britannica.com/science/personalized-medicine": "seed-britannica.html",
    "https://translational-medicine.biomedcentral.com/articles/10.1186/s12967-020-02316-w": (
        "journal.html"
    ),
}
BEFORE = [
    "{{cite web |url=https://en.wikipedia.org/wiki/Personalized_medicine "
    "|title=Personalized medicine |website=Wikipedia}}",
    "{{cite web |url=https://www.britannica.com/science/personalized-medicine "
    "|title=Personalized medicine |website=Encyclop\u00e6dia Britannica}}",
    "{{cite web |url=https://translational-medicine.biomedcentral.com/articles/10.1186/"
    "s12967-020-02316-w |website=BioMed Central}}",
]
AFTER = [
    "{{cite web |url=https://en.wikipedia.org/wiki/Personalized_medicine "
    "|title=Personalized medicine |author1=Contributors to Wikimedia projects "
    "|date=2005-06-08 |website=Wikipedia |publisher=Wikimedia Foundation, Inc. "
    "|access-date=2026-11-30}}",
    "{{cite web |url=https://www.britannica.com/science/personalized-medicine "
    "|title=Personalized medicine |author1=The Editors of Encyclopaedia Britannica "
    "|date=2013-07-22 |website=Encyclop\u00e6dia Britannica |publisher=Encyclopedia Britannica "
    "|access-date=2026-11-30}}",
    "{{cite journal |url=https://translational-medicine.biomedcentral.com/articles/10.1186/"
    "s12967-020-02316-w |title=How personalised medicine will transform healthcare by 2030: "
    "the ICPerMed vision |last1=Vicente |first1=Astrid M. |last2=Ballensiefen "
    "|first2=Wolfgang |last3=J\u00f6nsson |first3=Jan-Ingvar |date=2020-04-28 "
    "|journal=Journal of Translational Medicine "
    "|publisher=Springer Science and Business Media LLC |volume=18 |issue=1 |pages=180 "
    "|doi=10.1186/s12967-020-02316-w |access-date=2026-11-30}}",
]


def test_the_seeds_references_before_and_after_enrichment(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    sourcesite.serve(httpserver)
    local = {}
    for url, page in STAND_INS.items():
        path = "/" + url.split("/", 3)[3]
        httpserver.expect_request(path).respond_with_data(
            (PAGES / page).read_bytes(), content_type=HTML
        )
        local[url] = httpserver.url_for(path)
    settings = SourceSettings(allow_private=True, doi_resolver=httpserver.url_for("/doi/"))
    examined = examine_all({served: "" for served in local.values()}, settings)
    found = {
        url: replace(examined[served].metadata, access_date="2026-11-30")  # a fixed day
        for url, served in local.items()
    }
    markdown = SEED.read_text(encoding="utf-8")
    before, after = convert(markdown), convert(markdown, sources=found)
    assert [r.content for r in before.references] == BEFORE
    assert [r.content for r in after.references] == AFTER
    assert [w.message for w in after.warnings if w.line in (39, 41, 43)] == [
        "https://en.wikipedia.org/wiki/Personalized_medicine is Wikipedia itself (WP:CIRCULAR); "
        "cite its sources"
    ]
