"""[sources] enrich = true: diff and push fill citations from the cited pages, through one cache."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests import sourcesite
from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki


@pytest.mark.wiki
def test_push_saves_the_enriched_citations_diff_showed_without_fetching_again(
    local_wiki: LocalWiki, httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sourcesite.serve(httpserver)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    config = write_config(tmp_path, local_wiki)
    with config.open("a", encoding="utf-8") as file:
        file.write("[sources]\nenrich = true\nallow_private = true\n")
    title = unique("Enriched")
    body = f"Bees came back.[^1]\n\n[^1]: {httpserver.url_for('/news')}\n"
    path = str(draft(tmp_path, title, body))

    diff = wikidraft(config, "diff", path, state=tmp_path / "state")
    assert diff.returncode == 1, diff.stderr
    assert "{{cite news |url=" in diff.stdout
    assert "|title=Bees return to the valley after a decade |author1=Helen Briggs" in diff.stdout
    fetched = len(httpserver.log)
    assert fetched == 1

    push = wikidraft(config, "push", "--yes", path, state=tmp_path / "state")
    assert push.returncode == 0, push.stderr
    assert len(httpserver.log) == fetched  # push took the page from diff's cache
    show = wikidraft(config, "diff", path, state=tmp_path / "state")
    assert show.returncode == 0, show.stdout + show.stderr  # what was pushed is what diff showed


def test_convert_enrich_fills_citations_from_the_pages(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sourcesite.serve(httpserver)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    settings = tmp_path / "wikidraft.toml"
    resolver = httpserver.url_for("/doi/")
    settings.write_text(f'[sources]\nallow_private = true\ndoi_resolver = "{resolver}"\n')
    body = f"Text.[^1] More.[^2]\n\n[^1]: <{httpserver.url_for('/journal')}>\n"
    body += f"[^2]: {httpserver.url_for('/blog')}\n"
    path = draft(tmp_path, "Enriched", body)
    config = tmp_path / "unused.toml"  # convert needs no wiki; the child gets --config instead
    config.write_text("", encoding="utf-8")
    plain = wikidraft(config, "convert", str(path))
    enriched = wikidraft(config, "convert", "--enrich", "--config", str(settings), str(path))
    assert "{{cite journal" not in plain.stdout
    assert enriched.returncode == 0, enriched.stderr
    assert (
        "{{cite journal |url=" + httpserver.url_for("/journal") + " |title=How personalised "
        "medicine will transform healthcare by 2030: the ICPerMed vision |last1=Vicente "
        "|first1=Astrid M. |last2=Ballensiefen |first2=Wolfgang |last3=J\u00f6nsson "
        "|first3=Jan-Ingvar |date=2020-04-28 |journal=Journal of Translational Medicine "
        "|publisher=Springer Science and Business Media LLC |volume=18 |issue=1 "
        "|pages=180 |doi=10.1186/s12967-020-02316-w |access-date="
    ) in enriched.stdout
    assert "|title=Rust in Linux: where we are and where we're going next" in enriched.stdout


class InFlight:
    """Two loopback hosts whose pages each wait until a second request is in flight (or 10 s)."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0
        self.changed = threading.Condition()
        self.servers = [self._listen(f"127.0.0.{host}") for host in (2, 3)]

    def _listen(self, address: str) -> ThreadingHTTPServer:
        watch = self

        class Page(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with watch.changed:
                    watch.now += 1
                    watch.most = max(watch.most, watch.now)
                    watch.changed.notify_all()
                    # Answering at once would hide whether the fetches overlap; a fetcher that
                    # never overlaps them gets its answer after the bound, and the test fails.
                    watch.changed.wait_for(lambda: watch.now >= 2, timeout=10)
                    watch.now -= 1
                page = f"<html><head><title>Source at {address}</title></head></html>".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the test's output is the bot's."""

        server = ThreadingHTTPServer((address, 0), Page)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def url(self, index: int) -> str:
        address, port = self.servers[index].server_address[:2]
        return f"http://{address}:{port}/source"

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


@pytest.mark.wiki
def test_enriched_diff_fetches_the_sources_of_all_drafts_at_once(
    local_wiki: LocalWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    config = write_config(tmp_path, local_wiki)
    with config.open("a", encoding="utf-8") as file:
        file.write("[sources]\nenrich = true\nallow_private = true\n")
    hosts = InFlight()
    try:
        paths = [
            str(draft(tmp_path, unique(f"Pooled {n}"), f"A fact.[^1]\n\n[^1]: {hosts.url(n)}\n"))
            for n in range(2)
        ]
        diff = wikidraft(config, "diff", *paths, state=tmp_path / "state")
    finally:
        hosts.close()
    assert diff.returncode == 1, diff.stderr
    assert diff.stdout.count("|title=Source at 127.0.0.") == 2  # both drafts were enriched
    assert hosts.most == 2  # the two drafts' sources were in flight together
