"""What every benchmark needs: the programs under test and the settings of this run."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

MB = 1_000_000  # throughput and sizes are in decimal megabytes


@dataclass(frozen=True)
class Settings:
    """One run of benchmarks/run.py."""

    work: Path  # generated inputs and outputs (a temporary folder by default)
    repeats: int  # timed runs per measurement; the median is reported
    quick: bool  # smaller inputs, for trying the harness
    command: str  # the command line that produced the tables
    wiki_port: int


def wikidraft() -> str:
    """The real console script of the environment running the benchmarks."""
    script = Path(sys.executable).with_name("wikidraft")
    found = script if script.exists() else shutil.which("wikidraft")
    if not found:
        raise SystemExit("bench: no wikidraft console script; run `pip install -e .` first")
    return str(found)


def pandoc() -> str:
    """pandoc from pypandoc-binary (the bench extra), the version the README compares with."""
    try:
        import pypandoc
    except ImportError:
        raise SystemExit(
            "bench: pypandoc-binary is missing; run `pip install -e '.[bench]'`"
        ) from None
    return str(pypandoc.get_pandoc_path())


def pandoc_command(source: Path, target: Path) -> list[str]:
    """pandoc converting one GitHub-flavoured Markdown file to MediaWiki markup."""
    return [pandoc(), "-f", "gfm", "-t", "mediawiki", str(source), "-o", str(target)]
