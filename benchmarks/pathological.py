"""Pathological drafts: deep nesting, tens of thousands of footnotes, a 20 MB draft.

    python -m benchmarks.pathological [--quick]

For each family, converts inputs of growing size and prints time against size, with the ratio
to the previous row: at 4x the input a linear converter takes about 4x the time, a quadratic
one 16x. Lists and quotes nested deeper than markdown-it's limit are refused with a
ConversionError (their text would be lost), and the time to refuse is shown. Every draft holds
the marker MARK, which the wikitext must keep. The same generators feed
tests/test_pathological.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from benchmarks import corpus
from benchmarks.tools import MB

MARK = "zqmark"  # text every pathological draft holds and its wikitext must keep


def footnotes(count: int) -> str:
    """count sentences, each citing its own footnote, and count definitions below."""
    body = MARK + " " + " ".join(f"Claim number {n} is sourced.[^n{n}]" for n in range(count))
    notes = "\n".join(f"[^n{n}]: Source {n}, https://example.org/{n}" for n in range(count))
    return f"{body}\n\n{notes}\n"


def list_lines(depth: int) -> str:
    """A list nested depth levels, one level per line (the indentation grows each line)."""
    return "".join("  " * level + f"- {MARK}\n" for level in range(depth))


def long_draft(size: int) -> str:
    """A draft of about size bytes built from the examples, with the marker at its end."""
    return corpus.long_draft(size) + f"\n{MARK}\n"


# Each family maps a size n (nesting depth, or count) to a draft.
FAMILIES: dict[str, Callable[[int], str]] = {
    "brackets": lambda n: "[" * n + MARK + "]" * n + "\n",
    "link brackets": lambda n: "[" * n + MARK + "](https://example.org/)" * n + "\n",
    "wiki brackets": lambda n: "{{" * n + MARK + "}}" * n + "[[" * n + "]]" * n + "\n",
    "quotes": lambda n: "> " * n + MARK + "\n",
    "quote lines": lambda n: "".join(">" * level + f" {MARK}\n" for level in range(1, n + 1)),
    "lists": lambda n: "- " * n + MARK + "\n",
    "list lines": list_lines,
    "emphasis": lambda n: "*" * n + MARK + "*" * n + "\n",
    "mixed emphasis": lambda n: "*_" * n + MARK + "_*" * n + "\n",
    "footnotes": footnotes,
}
# Nested deeper than markdown-it parses (9 list or 18 quote levels): refused, not half-converted.
REFUSED = {"quotes", "quote lines", "lists", "list lines"}
# Sizes the benchmark runs: up to the 10 000 levels and 50 000 footnotes.
SIZES = {name: [625, 2_500, 10_000] for name in FAMILIES}
# Line by line, each level one more character of indentation: n levels take n²/2 bytes or more.
SIZES["list lines"] = [625, 1_250, 2_500]  # 2 500 lines indented up to 5 000 spaces: 6 MB
SIZES["quote lines"] = [625, 1_250, 2_500]  # up to 2 500 ">" on a line: 3 MB
SIZES["footnotes"] = [3_125, 12_500, 50_000]
DRAFT_SIZES_MB = [1.25, 5, 20]


def timed(markdown: str) -> tuple[str | None, float]:
    """The wikitext (None if refused with a ConversionError) and the seconds it took."""
    from converters import ConversionError, convert

    start = time.perf_counter()
    try:
        wikitext: str | None = convert(markdown, title="Pathological").wikitext
    except ConversionError:
        wikitext = None
    return wikitext, time.perf_counter() - start


def report(name: str, sizes: list[int], make: Callable[[int], str]) -> None:
    """Print one family's rows: size, bytes, seconds, ratio to the previous row, outcome."""
    previous = None
    for size in sizes:
        markdown = make(size)
        wikitext, seconds = timed(markdown)
        ratio = f"{seconds / previous:5.1f}x" if previous else "      "
        outcome = "refused" if wikitext is None else "kept" if MARK in wikitext else "TEXT LOST"
        print(
            f"{name:15} {size:>10,} {len(markdown.encode()):>12,} {seconds:9.3f} {ratio} {outcome}"
        )
        sys.stdout.flush()
        previous = seconds


def main() -> None:
    """Run every family (the smaller two sizes only with --quick)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the largest size")
    args = parser.parse_args()
    keep = slice(0, 2) if args.quick else slice(None)
    timed("warm up: import and first call")
    print(f"{'family':15} {'n':>10} {'bytes':>12} {'seconds':>9} ratio  outcome")
    for name, make in FAMILIES.items():
        report(name, SIZES[name][keep], make)
    report("long draft", [int(mb * MB) for mb in DRAFT_SIZES_MB][keep], long_draft)


if __name__ == "__main__":
    main()
