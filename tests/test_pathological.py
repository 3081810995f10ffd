"""Pathological drafts: no recursion error, no text lost, no quadratic time, clear errors."""

from __future__ import annotations

import mwparserfromhell
import pytest

from benchmarks.pathological import FAMILIES, MARK, REFUSED, SIZES, long_draft, timed
from converters import ConversionError, convert
from converters.options import MAX_INPUT_BYTES

# Generous: these catch blow-ups (minutes, or 16x the time for 4x the input), not slowness.
SECONDS_PER_MB = 20.0
MAX_RATIO = 10.0  # time ratio at 4x the input (bytes); linear is 4, quadratic 16
CONVERTED = [family for family in FAMILIES if family not in REFUSED]


@pytest.mark.parametrize("family", CONVERTED)
def test_largest_pathological_input_converts_keeping_its_text(family: str) -> None:
    markdown = FAMILIES[family](SIZES[family][-1])
    wikitext, seconds = timed(markdown)
    assert wikitext is not None and MARK in wikitext
    mwparserfromhell.parse(wikitext)
    assert seconds < 2.0 + SECONDS_PER_MB * len(markdown.encode()) / 1e6, f"{seconds:.1f} s"


@pytest.mark.parametrize("family", sorted(REFUSED))
def test_nesting_too_deep_for_the_parser_is_a_clear_error(family: str) -> None:
    markdown = FAMILIES[family](SIZES[family][-1])
    with pytest.raises(ConversionError, match=r"^line \d+: .*nested too deeply"):
        convert(markdown)


@pytest.mark.parametrize("markdown", ["> " * 18 + MARK, "- " * 9 + MARK, "> - " * 6 + MARK])
def test_nesting_up_to_the_limit_keeps_its_text(markdown: str) -> None:
    assert MARK in convert(markdown, title="Deep").wikitext


@pytest.mark.parametrize("family", FAMILIES)
def test_time_grows_linearly_not_quadratically(family: str) -> None:
    # The two smaller sizes (4x apart in bytes), best of two runs against scheduling hiccups.
    small, large = (FAMILIES[family](size) for size in SIZES[family][:2])
    before = min(timed(small)[1] for _ in range(2))
    after = min(timed(large)[1] for _ in range(2))
    ratio = len(large.encode()) / len(small.encode())
    limit = MAX_RATIO * ratio / 4
    assert after < limit * max(before, 0.01), f"{before:.3f} s -> {after:.3f} s"


def test_twenty_megabyte_draft_converts() -> None:
    wikitext, seconds = timed(long_draft(20_000_000))
    assert wikitext is not None and MARK in wikitext
    assert seconds < SECONDS_PER_MB * 20


def test_over_the_documented_limit_is_a_clear_error() -> None:
    with pytest.raises(ConversionError, match=f"larger than {MAX_INPUT_BYTES // 2**20} MB"):
        convert("x" * (MAX_INPUT_BYTES + 1))
