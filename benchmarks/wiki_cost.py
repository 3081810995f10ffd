"""Part 3: wiki API requests and wall time of diff and push (placeholder)."""

from benchmarks.report import Table
from benchmarks.tools import Settings


def run(settings: Settings) -> list[Table]:
    """Nothing yet."""
    return []
