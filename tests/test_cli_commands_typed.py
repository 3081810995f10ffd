"""What a new user types: `wikidraft --version`, and the demo's commands as printed."""

from __future__ import annotations

import importlib.util
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.localwiki import REPO


def test_version_comes_from_the_package_metadata() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--version"], capture_output=True, text=True, check=False
    )
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wikidraft {declared['project']['version']}\n"


def test_the_demo_prints_commands_that_run_as_typed_in_its_folder(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("demo", REPO / "scripts" / "demo.py")
    assert spec and spec.loader
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    if Path(sys.prefix) == REPO / ".venv":  # the venv `make demo` and `make test` install
        assert demo.typed(["--version"], REPO / ".wiki-demo") == "../.venv/bin/wikidraft --version"
    command = demo.typed(["--version"], tmp_path)
    assert not command.startswith(("/", "wikidraft "))  # typed in the folder, PATH or not
    typed = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True, text=True)
    assert typed.returncode == 0 and typed.stdout.startswith("wikidraft "), typed.stderr
