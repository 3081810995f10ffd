"""`wikidraft check`: the cited sources of drafts judged against a local stand-in of the web."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from bot.cli import main
from tests import sourcesite


@pytest.fixture
def site(httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """The fixture pages, and a cache of this test's own."""
    sourcesite.serve(httpserver)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return httpserver


def config(tmp_path: Path, site: HTTPServer, extra: str = "") -> str:
    """A config whose [sources] may read this machine (where the test sites are)."""
    path = tmp_path / "wikidraft.toml"
    resolver = "" if "doi_resolver" in extra else f'doi_resolver = "{site.url_for("/doi/")}"\n'
    path.write_text(f"[sources]\nallow_private = true\n{resolver}{extra}", encoding="utf-8")
    return str(path)


def draft(tmp_path: Path, site: HTTPServer) -> str:
    """A draft citing a good page, a dead one, a soft 404, a blocked one and a bad ISBN."""
    path = tmp_path / "bees.md"
    path.write_text(
        "# Bees\n\n"
        "Bees came back.[^news] Then left.[^gone] Maybe.[^soft] Who knows.[^blocked]\n\n"
        "A book: Smith, *Bees* (2020), ISBN 978-0-306-40615-8.\n\n"
        f"[^news]: [Bees return to the valley]({site.url_for('/news')})\n"
        f"[^gone]: [Where the bees went]({site.url_for('/gone')})\n"
        f"[^soft]: [Bee census 2021]({site.url_for('/soft404')})\n"
        f"[^blocked]: [Bee statistics]({site.url_for('/forbidden')})\n",
        encoding="utf-8",
    )
    return str(path)


def test_text_output_names_place_severity_and_problem(
    site: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, site)
    assert main(["check", path, "--config", config(tmp_path, site)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{path}:5: error: ISBN 978-0-306-40615-8 has a wrong check digit; copy it again",
        f"{path}:8: error: dead link: the server answers 404",
        f'{path}:9: error: soft 404: the page says "Page not found | Example Science"',
        f"{path}:10: warning: could not verify: the server refuses wikidraft (403); "
        "check it by hand",
    ]


def test_json_and_a_warm_cache_that_asks_no_server(
    site: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, settings = draft(tmp_path, site), config(tmp_path, site)
    main(["check", path, "--config", settings, "--json"])
    cold = json.loads(capsys.readouterr().out)
    asked = len(site.log)
    main(["check", path, "--config", settings, "--json"])
    assert json.loads(capsys.readouterr().out) == cold
    assert asked == 4
    assert [entry[0].path for entry in site.log[asked:]] == ["/forbidden"]  # a 403 is not kept
    assert cold[1] == {
        "source": path,
        "line": 8,
        "severity": "error",
        "kind": "dead",
        "message": "dead link: the server answers 404",
        "url": site.url_for("/gone"),
    }


def test_offline_names_what_it_did_not_check(
    site: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, site)
    assert main(["check", path, "--config", config(tmp_path, site), "--offline"]) == 1
    out = capsys.readouterr().out
    assert out.count("warning: not checked: offline, and not in the cache") == 4
    assert site.log == []


def test_private_addresses_are_not_fetched_by_default(
    site: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, site)
    settings = tmp_path / "plain.toml"
    settings.write_text("[sources]\ntimeout = 5\n", encoding="utf-8")
    assert main(["check", path, "--config", str(settings)]) == 1  # the ISBN is still an error
    assert "private or local address" in capsys.readouterr().out
    assert site.log == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("timeot = 3\n", "unknown key sources.timeot"),
        ("timeout = true\n", "sources.timeout must be a number"),
        ("concurrency = 0\n", "sources.concurrency must be more than 0"),
        ('doi_resolver = "doi.org"\n', "sources.doi_resolver must be an http(s) URL"),
    ],
)
def test_a_bad_sources_section_is_exit_2_naming_the_key(
    site: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str, message: str
) -> None:
    assert main(["check", draft(tmp_path, site), "--config", config(tmp_path, site, extra)]) == 2
    assert message in capsys.readouterr().err


def test_converter_warnings_are_listed_and_a_title_guessed_from_the_url_is_not_compared(
    site: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The blog's path says "rust kernel notes"; its <title> shares no word with that guess.
    site.expect_request("/2019/rust-kernel-notes").respond_with_data(
        (sourcesite.PAGES / "blog.html").read_bytes(), content_type=sourcesite.HTML
    )
    path = tmp_path / "guess.md"
    url = site.url_for("/2019/rust-kernel-notes")
    path.write_text(f"# Rust\n\nRust.[^1]\n\n[^1]: {url}\n", encoding="utf-8")
    assert main(["check", str(path), "--config", config(tmp_path, site)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f'{path}:5: warning: title "Rust kernel notes" was taken from the URL; check it'
    ]


def test_a_blocking_converter_finding_is_an_error(
    site: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "chat.md"
    path.write_text("# Bees\n\nSure! Here is an article about bees.\n\nBees fly.\n", "utf-8")
    assert main(["check", str(path), "--config", config(tmp_path, site), "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)
    assert (finding["line"], finding["severity"], finding["kind"]) == (3, "error", "chat-preamble")


def test_a_finding_said_twice_at_one_line_is_one_line_with_its_count(
    site: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two Copilot markers in one sentence: convert, diff and preview print one line, counted.
    path = tmp_path / "copilot.md"
    url = site.url_for("/news")
    path.write_text(f"# Bees\n\nFly.[^1^][1] Hum.[^1^][1]\n\n[1]: {url}\n", encoding="utf-8")
    main(["check", str(path), "--config", config(tmp_path, site), "--offline"])
    marker = [line for line in capsys.readouterr().out.splitlines() if "Copilot" in line]
    assert marker == [
        f"{path}:3: warning: Copilot artifact '[^1^][1]' became a reference (2 times)"
    ]
