"""Chat assistants' artifacts: none left in the wikitext or the page, every one reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from converters import convert
from tests.localwiki import LocalWiki, parse

FIXTURES = Path(__file__).parent / "fixtures" / "convert"
ASSISTANTS = ["chatgpt", "gemini", "deepseek", "perplexity", "copilot", "grok"]
CASES = [
    pytest.param(markdown, id=f"{name}:{line}")
    for name in ASSISTANTS
    for line, _, markdown, _ in read_fixture_file(FIXTURES / f"assistant-{name}.md")
]
# What the assistants' artifacts look like, written down here apart from the converter's table.
TELLTALES = re.compile(
    r"turn\d+(?:search|news|file)|oaicite|contentReference|oai_citation|attribution"
    r"|sandbox:|【|†|\[citation:|\[cite[:_]|span_\d|vertexaisearch|\[web:\d|attached_file"
    r"|ppl-ai-file-upload|grok_|utm_|referrer=|ref=perplexity|\[\^\d+\^\]|Conversation with"
    r"|[\ue000-\uf8ff]"
)
NEEDED = "{{citation needed}}"


def artifact_lines(markdown: str) -> set[int]:
    """The 1-based lines of ``markdown`` that hold an artifact."""
    return {n for n, text in enumerate(markdown.splitlines(), 1) if TELLTALES.search(text)}


def test_every_assistant_has_a_fixture_with_artifacts() -> None:
    for name in ASSISTANTS:
        cases = read_fixture_file(FIXTURES / f"assistant-{name}.md")
        assert cases and all(artifact_lines(markdown) for _, _, markdown, _ in cases), name


@pytest.mark.parametrize("markdown", CASES)
def test_no_artifact_is_left_in_the_wikitext(markdown: str) -> None:
    wikitext = convert(markdown).wikitext
    assert not TELLTALES.search(wikitext), TELLTALES.search(wikitext)


@pytest.mark.parametrize("markdown", CASES)
def test_every_artifact_is_reported_with_its_line(markdown: str) -> None:
    conversion = convert(markdown)
    reported = {w.line for w in conversion.warnings if w.kind != "conversion"}
    assert artifact_lines(markdown) <= reported, conversion.warnings
    assert conversion.provenance.assistant_written


# Markers whose source no list names, per fixture case: each becomes one {{citation needed}}.
LOST = {"chatgpt:1": 3, "chatgpt:30": 0, "gemini:1": 2, "deepseek:1": 2, "perplexity:1": 2}


@pytest.mark.parametrize("markdown", CASES)
def test_a_claim_whose_source_is_lost_is_flagged_once_per_lost_marker(
    markdown: str, request: pytest.FixtureRequest
) -> None:
    conversion = convert(markdown)
    lost = [w for w in conversion.warnings if NEEDED in w.message]
    expected = LOST.get(request.node.callspec.id, 0)
    assert conversion.wikitext.count(NEEDED) == len(lost) == expected


def test_each_kind_of_lost_source_is_flagged_where_it_stood() -> None:
    wikitext = convert(
        "# T\n\nA.\ue200cite\ue202turn0search0\ue201 B :contentReference[oaicite:0]{index=0}. "
        "C [attached_file:1]. D [citation:4]. E 【2†source】. F [cite: 9]. G [web:3].\n"
    ).wikitext
    assert wikitext.startswith(
        "A.{{citation needed}} B.{{citation needed}} C.{{citation needed}} D.{{citation needed}}"
        " E.{{citation needed}} F.{{citation needed}} G.{{citation needed}}"
    )


def test_numbered_markers_become_the_sources_a_list_names() -> None:
    conversion = convert(
        "# T\n\nA [citation:1]. B 【2†source】. C [cite: 1, 2]. D [web:2].\n\n"
        "[1] https://example.org/first-page\n[2] https://example.org/second-page\n"
    )
    assert NEEDED not in conversion.wikitext
    assert [r.uses for r in conversion.references] == [2, 3]


def test_oai_citation_link_is_a_ref_named_for_its_site() -> None:
    conversion = convert(
        "# T\n\nA fact [oai_citation:2‡Smithsonian Magazine](https://example.org/a-fact-page?utm_source=chatgpt.com).\n"
    )
    (reference,) = conversion.references
    assert reference.url == "https://example.org/a-fact-page"
    assert "|website=Smithsonian Magazine" in reference.content


def test_copy_button_reference_links_keep_the_definitions_title() -> None:
    conversion = convert(
        "# T\n\nA fact ([Example][1]).\n\n"
        '[1]: https://example.org/x?utm_source=chatgpt.com "The Page"\n'
    )
    (reference,) = conversion.references
    assert reference.title == "The Page"
    assert not any("has no title" in w.message for w in conversion.warnings)


def test_wikipedia_cited_by_chatgpt_is_a_ref_with_the_circular_warning() -> None:
    conversion = convert("# T\n\nA fact ([Wikipedia](https://en.wikipedia.org/wiki/Tide)).\n")
    assert "<ref" in conversion.wikitext and "[[Tide" not in conversion.wikitext
    assert any("WP:CIRCULAR" in w.message for w in conversion.warnings)


def test_attribution_wrapper_keeps_its_sentence_with_its_markup() -> None:
    wikitext = convert(
        '# T\n\n^[A *big* tide.]({"attribution":{"attributableIndex":"3-1"}}) More.\n'
    )
    assert wikitext.wikitext.startswith("A ''big'' tide. More.")


def test_sandbox_link_keeps_its_text_and_is_no_source() -> None:
    conversion = convert("# T\n\nSee [the data](sandbox:/mnt/data/x.csv).\n")
    assert conversion.wikitext.startswith("See the data.") and not conversion.references
    assert any(w.kind == "chatgpt-sandbox-link" and w.line == 3 for w in conversion.warnings)


def test_invisible_characters_are_removed_and_counted_in_one_warning() -> None:
    conversion = convert("# T\n\nOne\u200btwo\ue000 three\ufeff.\n\nFour\u200b.\n")
    assert conversion.wikitext.startswith("Onetwo three.\n\nFour.")
    (warning,) = [w for w in conversion.warnings if w.kind == "invisible-characters"]
    assert warning.line == 3 and "4 invisible characters" in warning.message
    assert not conversion.provenance.assistant_written  # icon fonts use private-use characters too


def test_joiners_that_scripts_need_stay() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want", with a ZWNJ
    assert persian in convert(f"# T\n\n{persian}\n").wikitext


@pytest.mark.parametrize(
    ("tracker", "kind"),
    [
        ("utm_source=chatgpt.com", "assistant-tracker"),
        ("utm_source=perplexity", "assistant-tracker"),
        ("ref=perplexity", "assistant-tracker"),
        ("referrer=grok.com", "assistant-tracker"),
        ("utm_source=newsletter&utm_medium=email", "tracking-parameter"),
        ("fbclid=IwAR0x", "tracking-parameter"),
        ("gclid=Cj0K", "tracking-parameter"),
        ("msclkid=9f1", "tracking-parameter"),
    ],
)
def test_tracking_parameters_are_removed_and_reported(tracker: str, kind: str) -> None:
    conversion = convert(f"# T\n\nSee [the page](https://example.org/page?id=7&{tracker}).\n")
    assert "https://example.org/page?id=7 " in conversion.wikitext
    (warning,) = [w for w in conversion.warnings if w.kind == kind]
    assert warning.line == 3
    assert conversion.provenance.assistant_written is (kind == "assistant-tracker")


def test_an_autolinks_tracking_is_reported_once() -> None:
    # Its target and its text (the same URL) were each reported (found in review).
    tracked = "https://example.org/{}?utm_source=chatgpt.com"
    conversion = convert(f"# T\n\nSee <{tracked.format('a')}> and {tracked.format('b')}.\n")
    assert conversion.wikitext.startswith("See https://example.org/a and https://example.org/b.")
    trackers = [w.message for w in conversion.warnings if w.kind == "assistant-tracker"]
    assert [message.rpartition(" ")[2] for message in trackers] == [
        tracked.format("a"),
        tracked.format("b"),  # a URL in the text after an autolink is still reported
    ]


@pytest.mark.parametrize("scheme", ["", "https://"])
def test_a_www_link_loses_its_tracking_as_the_same_url_with_a_scheme_does(scheme: str) -> None:
    # GFM links "www." names after tracking was removed from URLs in text (found in review).
    url = f"{scheme}www.example.org/a?id=3&utm_source=chatgpt.com"
    conversion = convert(f"# T\n\nSee {url} now.\nA.^[At {url}.]\n")
    assert "utm_" not in conversion.wikitext
    assert conversion.wikitext.count("www.example.org/a?id=3") == 2 * (2 if not scheme else 1)
    trackers = [(w.line, w.message) for w in conversion.warnings if w.kind == "assistant-tracker"]
    message = f"tracking parameters (ChatGPT's) utm_source=chatgpt.com removed from {url}"
    assert trackers == [(3, message), (4, message)]  # the inline footnote's at its marker's line


@pytest.mark.parametrize(
    "markdown",
    [
        "# T\n\nA fact.[^1]\n\n[^1]: Smith, J. (2020). *Tides*. Oxford.\n",
        "# T\n\nA fact [1].\n\nSources:\n[1] https://example.org/tides\n",
        "# T\n\nA fact ([NOAA](https://oceanservice.noaa.gov/facts/moon-tides.html)).\n",
    ],
    ids=["footnotes", "numbered-sources", "source-link"],
)
def test_styles_people_write_by_hand_are_no_evidence(markdown: str) -> None:
    conversion = convert(markdown)
    assert not conversion.provenance.assistant_written
    assert conversion.provenance.evidence == ()


def test_front_matter_naming_a_model_is_evidence_and_a_disclosure() -> None:
    conversion = convert('---\ntitle: Tides\nllm: "Claude Sonnet 4"\n---\n\nTides rise.\n')
    assert conversion.provenance.assistant_written
    assert conversion.provenance.model == "Claude Sonnet 4"
    generated = convert("---\ntitle: Tides\ngenerator: ChatGPT\n---\n\nTides rise.\n")
    assert [e.kind for e in generated.provenance.evidence] == ["front-matter-generator"]
    assert generated.provenance.model is None


def test_artifacts_in_code_are_left_alone() -> None:
    conversion = convert("# T\n\nWrite `[cite: 1]` and `grok_card`.\n")
    assert "<code>[cite: 1]</code>" in conversion.wikitext
    assert not conversion.provenance.assistant_written


@pytest.mark.wiki
@pytest.mark.parametrize("markdown", CASES)
def test_rendered_page_shows_no_artifact_and_flags_lost_sources(
    local_wiki: LocalWiki, markdown: str
) -> None:
    conversion = convert(markdown)
    html = parse(local_wiki.api, conversion.wikitext, f"Draft:{conversion.title}")["text"]
    assert not TELLTALES.search(html), TELLTALES.search(html)  # comments and attributes too
    assert "cite_error" not in html and "Template:Citation needed" not in html  # no red link
    assert html.count("citation needed") == conversion.wikitext.count(NEEDED)


@pytest.mark.parametrize(
    "target",
    [
        "sandbox:/mnt/data/x.csv",
        "https://vertexaisearch.cloud.google.com/grounding-api-redirect/x",
        "https://example.org/page",
    ],
)
def test_a_link_around_an_autolink_keeps_its_nesting(target: str) -> None:
    # Found by test_fuzz_converter: the inner link's end was taken for the outer one's.
    conversion = convert(f"# T\n\nA [<https://example.org/0> oai_citation:1‡X]({target}) b.\n")
    assert conversion.wikitext.startswith("A ")


def test_a_source_list_entry_that_is_a_redirect_flags_each_citation_of_it() -> None:
    redirect = "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC"
    conversion = convert(
        f"# T\n\nA fact [1]. B [cite: 2]. C [1].\n\nSources:\n[1] {redirect}\n"
        "[2] https://example.org/good-page\n"
    )
    assert "vertexaisearch" not in conversion.wikitext
    assert conversion.wikitext.count(NEEDED) == 2 and len(conversion.references) == 1
    kinds = [(w.line, w.kind) for w in conversion.warnings if w.kind.startswith("gemini")]
    assert kinds.count((3, "gemini-grounding-redirect")) == 2
    assert (6, "gemini-grounding-redirect") in kinds


def test_a_footnote_that_is_a_redirect_flags_each_citation_of_it() -> None:
    # A redirect in a footnote is no more a source than in a source list (found in review).
    redirect = "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC"
    conversion = convert(
        f"# T\n\nA fact.[^a] B.[^b] C.[^a]\n\n[^a]: {redirect}\n[^b]: https://example.org/good\n"
    )
    assert "vertexaisearch" not in conversion.wikitext
    assert conversion.wikitext.count(NEEDED) == 2 and len(conversion.references) == 1
    kinds = [(w.line, w.kind) for w in conversion.warnings if w.kind.startswith("gemini")]
    assert kinds.count((3, "gemini-grounding-redirect")) == 2
    assert (5, "gemini-grounding-redirect") in kinds


@pytest.mark.parametrize("note", ["{url}", "[NOAA]({url})", "See {url} here."])
def test_an_inline_footnote_that_is_a_redirect_is_flagged_at_its_marker(note: str) -> None:
    # As a [^1]: footnote that is one is; it became {{cite web |url=<redirect>}} (review).
    redirect = "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC"
    footnote = "^[" + note.format(url=redirect) + "]"
    conversion = convert(f"# T\n\nA fact.\n\nTides rise.{footnote} B.^[https://example.org/x]\n")
    assert "vertexaisearch" not in conversion.wikitext
    assert "Tides rise.{{citation needed}} B.<ref" in conversion.wikitext
    assert len(conversion.references) == 1
    (warning,) = [w for w in conversion.warnings if w.kind.startswith("gemini")]
    assert (warning.line, warning.kind) == (5, "gemini-grounding-redirect")
    assert f"'{footnote}'" in warning.message  # as written


def test_a_bare_link_to_a_redirect_or_an_upload_is_flagged_once_at_its_line() -> None:
    # GFM autolinks them after the links were read (found in review): they passed unflagged.
    redirect = "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC"
    upload = "www.ppl-ai-file-upload.s3.amazonaws.com/web/x.pdf"
    conversion = convert(
        f"# T\n\nSee {redirect} now.\nAnd {upload} too.\nC.^[See {upload} here.]\n\n"
        f"D [1].\n\nSources:\n[1] {redirect}\n"
    )
    assert conversion.wikitext.count(NEEDED) == 4  # each link and the citation of [1]
    kinds = sorted((w.line, w.kind) for w in conversion.warnings if w.kind != "conversion")
    assert kinds == [
        (3, "gemini-grounding-redirect"),
        (4, "perplexity-file-upload"),
        (5, "perplexity-file-upload"),  # the inline footnote's, at its marker's line
        (7, "gemini-grounding-redirect"),
        (10, "gemini-grounding-redirect"),  # the source list entry, once
    ]
    assert not any("http://www" in w.message for w in conversion.warnings)  # as written


def test_without_templates_a_lost_source_is_flagged_in_plain_markup() -> None:
    wikitext = convert("# T\n\nA fact.\ue200cite\ue202turn0search0\ue201\n", reflist="tag").wikitext
    assert wikitext.startswith("A fact.<sup>[<i>citation needed</i>]</sup>")
    assert "{{" not in wikitext


def test_oai_citation_without_a_title_in_its_url_takes_the_site_part_as_title() -> None:
    conversion = convert("# T\n\nA fact [oai_citation:0‡NOAA Tides](https://example.org/x1).\n")
    (reference,) = conversion.references
    assert reference.title == "NOAA Tides"
    assert not any("has no title" in w.message for w in conversion.warnings)


def test_a_marker_naming_a_listed_and_an_unlisted_source_keeps_the_listed_one() -> None:
    conversion = convert("# T\n\nA fact [cite: 1, 9].\n\n[1] https://example.org/first-page\n")
    assert conversion.wikitext.startswith("A fact.<ref name=")
    assert conversion.wikitext.count(NEEDED) == 1 and len(conversion.references) == 1


def test_artifacts_and_chat_phrases_in_inline_footnotes_are_found_on_the_markers_line() -> None:
    conversion = convert(
        "# T\n\nIntro.\n\nA fact.^[Said by Smith citeturn0search0 grok_card, I hope this helps.]\n"
    )
    assert not TELLTALES.search(conversion.wikitext)
    assert "Smith,{{citation needed}} I hope" in conversion.wikitext
    kinds = {(w.line, w.kind) for w in conversion.warnings}
    assert {(5, "chatgpt-turn-marker"), (5, "grok-card"), (5, "chat-sign-off")} <= kinds


def test_a_dropped_artifact_leaves_no_double_space_nor_space_before_punctuation() -> None:
    wikitext = convert("# T\n\nA grok_card b. C [cite_start]D. E grok_card, f grok_card\n").wikitext
    assert wikitext.startswith("A b. C D. E, f\n")


def test_gemini_markers_cite_its_numbered_works_cited_list() -> None:
    conversion = convert(
        "# Tides\n\n[cite_start]Tides follow the Moon.[cite: 1] The Sun too [cite: 2].\n\n"
        "## Works cited\n\n1. Tides and the Moon, https://example.org/moon-tides\n"
        "2. What causes tides, https://example.org/causes\n"
    )
    assert NEEDED not in conversion.wikitext and "Works cited" not in conversion.wikitext
    assert [r.url for r in conversion.references] == [
        "https://example.org/moon-tides",
        "https://example.org/causes",
    ]


def test_an_autolink_to_a_redirect_leaves_one_citation_needed_and_no_url() -> None:
    # The URL is all of an autolink's text: kept, it was artifact text in the wikitext, and a
    # "<url>" kept as text was linked again by GFM's autolinking (three {{citation needed}}).
    redirect = "https://vertexaisearch.cloud.google.com/grounding-api-redirect/Zz"
    for written in (f"<{redirect}>", redirect):
        conversion = convert(f"# T\n\nTides rise {written} and fall.\n")
        assert conversion.wikitext == "Tides rise{{citation needed}} and fall.\n", written
        kinds = [w.kind for w in conversion.warnings if w.kind.startswith("gemini")]
        assert kinds == ["gemini-grounding-redirect"], written
