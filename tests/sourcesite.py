"""A stand-in for the web sites drafts cite, served by pytest-httpserver on this machine.

The pages are modelled on real publishers' markup (tests/fixtures/sources); the hostile ones
(a trickle, 50 MB, a gzip bomb, endless redirects) are made here. ``/doi/`` stands in for the
DOI resolver's CSL-JSON content negotiation.
"""

from __future__ import annotations

import io
import json
import re
import time
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from pypdf import PdfWriter
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

PAGES = Path(__file__).parent / "fixtures" / "sources"
HTML = "text/html; charset=utf-8"
DOI = "10.1186/s12967-020-02316-w"
# What the resolver answers for the journal page's DOI (the fields Crossref's CSL-JSON has).
RECORD = {
    "type": "article-journal",
    "title": "How personalised medicine will transform healthcare by 2030: the ICPerMed vision",
    "author": [
        {"family": "Vicente", "given": "Astrid M."},
        {"family": "Ballensiefen", "given": "Wolfgang"},
        {"family": "J\u00f6nsson", "given": "Jan-Ingvar"},
    ],
    "container-title": "Journal of Translational Medicine",
    "publisher": "Springer Science and Business Media LLC",
    "volume": "18",
    "issue": "1",
    "page": "180",
    "issued": {"date-parts": [[2020, 4, 28]]},
    "DOI": DOI,
}
# A DOI registered to another work than the page that cites it.
OTHER_DOI = "10.1000/other-work"
OTHER_RECORD = {
    **RECORD,
    "title": "Thermal conductivity of basalt at high pressure",
    "DOI": OTHER_DOI,
}


def pdf_bytes(title: str, author: str) -> bytes:
    """A one-page PDF whose document information names ``title`` and ``author``."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/Title": title, "/Author": author})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _trickle(request: Request) -> Response:
    """A page that sends one byte a second, forever (a hostile or broken server)."""

    def drip() -> Iterator[bytes]:
        yield b"<html><head><title>"
        while True:
            time.sleep(1)
            yield b"x"

    return Response(drip(), content_type=HTML)


def _huge(request: Request) -> Response:
    """A 50 MB page, streamed in 1 MB pieces."""
    piece = b"<p>" + b"a" * (2**20 - 7) + b"</p>\n"
    body = (piece for _ in range(50))
    return Response(body, content_type=HTML, headers={"Content-Length": str(50 * 2**20)})


@cache
def gzip_bomb(size: int = 200 * 2**20) -> bytes:
    """``size`` bytes of zeros gzip-compressed to about a thousandth of that."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: the gzip container
    block = bytes(2**20)
    return b"".join(packer.compress(block) for _ in range(size // 2**20)) + packer.flush()


def _resolver(request: Request) -> Response:
    """The DOI resolver: CSL-JSON for known DOIs when asked for it, 404 for the rest."""
    doi = request.path.removeprefix("/doi/").lower()
    record = {DOI: RECORD, OTHER_DOI: OTHER_RECORD}.get(doi)
    if record is None:
        return Response("DOI Not Found", status=404, content_type="text/html")
    if "citationstyles" not in request.headers.get("Accept", ""):
        return Response(status=302, headers={"Location": "/journal"})
    return Response(json.dumps(record), content_type="application/vnd.citationstyles.csl+json")


def serve(server: HTTPServer) -> None:
    """Register every fixture page on ``server``."""
    for name in ("news", "journal", "blog", "home"):
        server.expect_request(f"/{name}").respond_with_data(
            (PAGES / f"{name}.html").read_bytes(), content_type=HTML
        )
    server.expect_request("/").respond_with_data(
        (PAGES / "home.html").read_bytes(), content_type=HTML
    )
    server.expect_request("/soft404").respond_with_data(
        (PAGES / "soft404.html").read_bytes(), content_type=HTML
    )
    server.expect_request("/latin1").respond_with_data(
        (PAGES / "latin1.html").read_bytes(), content_type="text/html"
    )
    server.expect_request("/paper.pdf").respond_with_data(
        pdf_bytes("Soil carbon in alpine meadows", "Maria Keller"), content_type="application/pdf"
    )
    server.expect_request("/gone").respond_with_data("Not Found", status=404)
    server.expect_request("/removed").respond_with_data("Gone", status=410)
    server.expect_request("/forbidden").respond_with_data("Forbidden", status=403)
    server.expect_request("/limited").respond_with_data("Too Many Requests", status=429)
    for hop in (1, 2, 3):
        target = f"/chain{hop + 1}" if hop < 3 else "/news"
        server.expect_request(f"/chain{hop}").respond_with_data(
            "", status=301, headers={"Location": target}
        )
    server.expect_request("/old-article").respond_with_data(
        "", status=302, headers={"Location": "/"}
    )
    for hop in range(10):
        server.expect_request(f"/loop{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/loop{hop + 1}"}
        )
    server.expect_request("/slow").respond_with_handler(_trickle)
    server.expect_request("/huge").respond_with_handler(_huge)
    server.expect_request("/bomb").respond_with_data(
        gzip_bomb(), content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    server.expect_request("/broken").respond_with_data(
        b"<html><head><title>Half a \xff\xfe page</title><meta charset='no-such-charset'>"
        b'<script type=\'application/ld+json\'>{"@type": "NewsArticle", </script><body><p><b>',
        content_type="text/html",
    )
    server.expect_request(re.compile(r"^/doi/")).respond_with_handler(_resolver)
