"""Markdown output: the machine a run happened on, and one table per measurement."""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Table:
    """One result table and the exact command that produced it."""

    title: str
    command: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        """The table as Markdown, command and notes included."""
        lines = [f"### {self.title}", "", f"`{self.command}`", ""]
        lines.append("| " + " | ".join(self.header) + " |")
        lines.append("|" + "|".join("---" for _ in self.header) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        lines += ["", *(f"- {note}" for note in self.notes)] if self.notes else []
        return "\n".join(lines) + "\n"


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo."""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def git_commit() -> str:
    """The commit of the tree being measured, marked when it has uncommitted changes."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout

    dirty = (
        " (+ uncommitted changes)"
        if git("status", "--porcelain", "--", "converters", "bot")
        else ""
    )
    return git("rev-parse", "--short", "HEAD").strip() + dirty


def machine() -> str:
    """Date, machine and load, as a Markdown list."""
    return "\n".join(
        [
            f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
            f"- machine: {len(os.sched_getaffinity(0))} CPUs (nproc), {cpu_model()}, Python "
            f"{platform.python_version()}",
            f"- load average at start: {load_average()} (1, 5, 15 min)",
            f"- commit: {git_commit()}",
        ]
    )
