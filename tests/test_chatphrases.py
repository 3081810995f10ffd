"""Chat text that is never article content: an error with its kind and line, never removed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from converters import convert
from converters.chatphrases import _HINTS, folded

LEAD = "# Tides\n\nTides are the rise and fall of sea levels.\n\n"  # the finding is on line 5


@pytest.mark.parametrize(
    ("text", "kind", "evidence"),
    [
        ("Sure! Here's a Wikipedia-style article on tides:", "chat-preamble", True),
        ("Certainly! Tides are periodic.", "chat-preamble", True),
        ("Here is a draft of the article about tides.", "chat-preamble", True),
        ("I hope this helps with your article.", "chat-sign-off", True),
        ("Let me know if you'd like more on neap tides.", "chat-sign-off", True),
        ("As an AI language model, I cannot measure tides.", "ai-disclaimer", True),
        ("As of my last knowledge update, the record stood.", "knowledge-cutoff", True),
        ("This is true up to my training data.", "knowledge-cutoff", True),
        ("The record is [Birth Date] at the station.", "placeholder", False),
        ("The station opened in [insert year here].", "placeholder", False),
        ("It reopened on 2025-XX-XX after repairs.", "placeholder", False),
        ("The bay has the largest range (citation needed here).", "placeholder", False),
        ("User: write me a Wikipedia article about tides", "transcript-label", True),
        ("Assistant: Tides are caused by the Moon.", "transcript-label", True),
        ("You said: make it longer", "transcript-label", True),
        ("ChatGPT said: Here is a longer version.", "transcript-label", True),
        ("**ChatGPT said:** Here is a longer version.", "transcript-label", True),
    ],
)
def test_each_blocking_finding_is_an_error_on_its_line(
    text: str, kind: str, evidence: bool
) -> None:
    conversion = convert(LEAD + text + "\n")
    errors = [w for w in conversion.errors if w.kind == kind]
    assert errors and all(w.line == 5 and w.severity == "error" for w in errors)
    assert text.split()[1].strip("*") in conversion.wikitext  # reported, never hidden
    assert conversion.provenance.assistant_written is evidence


@pytest.mark.parametrize(
    "text",
    [
        "It is certainly true that tides are periodic.",
        "Sure-footed crabs cross the flats.",
        "The user interface of a tide gauge: a dial.",
        "A study of user: assistant ratios in harbours.",
        "Use `Sure! Here's` and `[insert date]` in code only.",
        "The tide was measured in [1953].",
        "The Assistant Harbourmaster recorded it.",
    ],
)
def test_prose_that_merely_resembles_chat_text_is_no_finding(text: str) -> None:
    conversion = convert(LEAD + text + "\n")
    assert conversion.errors == ()
    assert not conversion.provenance.assistant_written


def test_a_label_only_counts_at_the_start_of_a_line() -> None:
    conversion = convert(LEAD + "The log reads\nUser: none\nand stops.\n")
    assert [(w.line, w.kind) for w in conversion.errors] == [(6, "transcript-label")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("As an A\u0131 language model, I cannot measure tides.", "ai-disclaimer"),
        ("I hope thi\u017f helps with your article.", "chat-sign-off"),
        ("If you'd like, \u0130 can add more on neap tides.", "chat-sign-off"),
    ],
)
def test_a_phrase_the_pattern_matches_in_another_case_is_found(text: str, kind: str) -> None:
    # re.IGNORECASE reads dotless i and dotted I as "i", long s as "s"; the hint test did not.
    conversion = convert(LEAD + text + "\n")
    assert [(w.line, w.kind) for w in conversion.errors] == [(5, kind)]


def test_every_letter_the_patterns_read_as_a_hint_letter_is_folded_to_it() -> None:
    """The hints (lower case) are found wherever a case-insensitive pattern could match."""
    every = "".join(map(chr, range(0x80, 0x110000)))  # each non-ASCII character once
    letters = {char for hint in _HINTS for char in hint if char.isalpha()}
    missed = {
        (letter, match.group())
        for letter in letters
        for match in re.finditer(re.escape(letter), every, re.IGNORECASE)
        if folded(match.group()) != letter
    }
    assert sorted(missed) == []


def wikidraft(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "convert", *args], capture_output=True, cwd=cwd, timeout=120
    )


def test_convert_reports_errors_and_strict_exits_1_still_writing(tmp_path: Path) -> None:
    draft = tmp_path / "tides.md"
    draft.write_text(LEAD + "I hope this helps!\n", encoding="utf-8")
    plain = wikidraft(str(draft), cwd=Path.cwd())
    assert plain.returncode == 0
    assert f"{draft}:5: error: a chat assistant's sign-off" in plain.stderr.decode()
    out = tmp_path / "tides.wiki"
    strict = wikidraft("--strict", str(draft), "-o", str(out), cwd=Path.cwd())
    assert strict.returncode == 1
    assert "I hope this helps!" in out.read_text(encoding="utf-8")


def test_convert_strict_passes_a_clean_draft(tmp_path: Path) -> None:
    draft = tmp_path / "tides.md"
    draft.write_text(LEAD, encoding="utf-8")
    assert wikidraft("--strict", str(draft), cwd=Path.cwd()).returncode == 0


def test_convert_json_gives_severity_kind_line_and_provenance(tmp_path: Path) -> None:
    draft = tmp_path / "tides.md"
    draft.write_text(LEAD + "Certainly! More. citeturn0search0 [x](y.md)\n", encoding="utf-8")
    payload = json.loads(wikidraft("--json", str(draft), cwd=Path.cwd()).stdout)
    assert {
        "severity": "error",
        "kind": "chat-preamble",
        "line": 5,
        "message": payload["warnings"][0]["message"],
    } in payload["warnings"]
    assert any(w["kind"] == "chatgpt-turn-marker" and w["line"] == 5 for w in payload["warnings"])
    assert any(w["kind"] == "conversion" and w["line"] == 5 for w in payload["warnings"])
    assert all(w["severity"] in ("warning", "error") and w["kind"] for w in payload["warnings"])
    assert payload["provenance"]["assistant_written"] is True
    evidence = sorted((e["line"], e["kind"]) for e in payload["provenance"]["evidence"])
    assert evidence == [(5, "chat-preamble"), (5, "chatgpt-turn-marker")]
