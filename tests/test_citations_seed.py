"""The seed draft end to end: its wikitext is the reviewed golden file, its warnings as listed."""

from __future__ import annotations

from pathlib import Path

from converters import convert

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "personalized-medicine.md"
GOLDEN = ROOT / "tests" / "golden" / "seed-draft.wiki"


def test_seed_draft_matches_the_reviewed_golden_wikitext() -> None:
    conversion = convert(SEED.read_text(encoding="utf-8"))
    assert conversion.wikitext == GOLDEN.read_text(encoding="utf-8")
    assert (conversion.namespace, conversion.title) == (
        "Draft",
        "Personalized Medicine: A New Era in Healthcare",
    )


def test_seed_draft_references_and_warnings() -> None:
    conversion = convert(SEED.read_text(encoding="utf-8"))
    assert [(r.name, r.uses) for r in conversion.references] == [
        ("wikipedia", 4),
        ("britannica", 2),
        ("biomedcentral", 1),
    ]
    messages = [(w.line, w.message) for w in conversion.warnings]
    assert (
        39,
        "https://en.wikipedia.org/wiki/Personalized_medicine is Wikipedia itself "
        "(WP:CIRCULAR); cite its sources",
    ) in messages
    assert any(line == 43 and "has no title" in message for line, message in messages)
