"""The drift ledger: round trip, normalised hashes, no secrets, atomic under a hard kill."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot import atomic
from bot.ledger import (
    SCHEMA,
    Ledger,
    LedgerError,
    content_hash,
    ledger_path,
    legacy_paths,
    wiki_key,
)

API = "http://127.0.0.1:8080/api.php"


def test_record_is_on_disk_at_once_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / ".wikidraft" / "ledger.json"
    ledger = Ledger(path)
    assert ledger.get(API, "Draft:A") is None
    entry = ledger.record(API, "Draft:A", 42, "Hello\n")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema"] == SCHEMA
    assert document["wikis"][API]["Draft:A"]["revid"] == 42
    assert Ledger(path).get(API, "Draft:A") == entry
    assert Ledger(path).get("http://elsewhere/api.php", "Draft:A") is None
    assert path.stat().st_mode & 0o777 == 0o644


def test_hash_follows_mediawiki_save_normalisation() -> None:
    assert content_hash("a\r\nb  \n\n") == content_hash("a\nb")
    assert content_hash("e\u0301") == content_hash("\u00e9")  # NFC
    assert content_hash("a") != content_hash("b")


def test_entry_matches_the_text_as_the_wiki_returns_it(tmp_path: Path) -> None:
    entry = Ledger(tmp_path / "l.json").record(API, "Draft:A", 1, "Text\r\n")
    assert entry.matches("Text")
    assert not entry.matches("Text, edited")


def test_no_secret_from_the_api_url_reaches_the_file(tmp_path: Path) -> None:
    path = tmp_path / "l.json"
    Ledger(path).record("https://bob:hunter2@wiki.example:8443/w/api.php?key=s3cret", "X", 1, "t")
    text = path.read_text(encoding="utf-8")
    assert "hunter2" not in text and "s3cret" not in text and "bob" not in text
    assert wiki_key("https://bob:hunter2@wiki.example:8443/w/api.php?k=1") in text


def test_ledger_lives_beside_the_config_and_old_ones_in_the_drafts_common_folder(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    config = tmp_path / "project" / "wikidraft.toml"
    assert ledger_path(config) == tmp_path.resolve() / "project" / ".wikidraft" / "ledger.json"
    drafts = [tmp_path / "a" / "one.md", tmp_path / "two.md"]
    assert tmp_path.resolve() / ".wikidraft" / "ledger.json" in legacy_paths(drafts)
    (tmp_path / "wikidraft.toml").touch()  # then that ledger is this other project's own
    assert tmp_path.resolve() / ".wikidraft" / "ledger.json" not in legacy_paths(drafts)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read the ledger"),
        ('{"wikis": {}}', "no schema number"),
        (json.dumps({"schema": SCHEMA + 1, "wikis": {}}), "upgrade wikidraft"),
        (json.dumps({"schema": SCHEMA, "wikis": {API: {"X": {"rev": 1}}}}), "malformed"),
    ],
)
def test_unusable_ledger_is_a_clear_error_not_an_empty_one(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "ledger.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LedgerError, match=message) as raised:
        Ledger(path)
    assert str(path) in str(raised.value) and raised.value.exit_code == 2


WRITER = """
import sys
from pathlib import Path
from bot.ledger import Ledger
ledger = Ledger(Path(sys.argv[1]))
for number in range(100000):
    ledger.record("http://127.0.0.1/api.php", f"Draft:P{number:06d}", number, "x" * 5000)
    print(number, flush=True)
"""


@pytest.mark.parametrize("delay", [0.0, 0.003, 0.007, 0.011, 0.017])
def test_a_hard_kill_mid_batch_leaves_a_consistent_prefix(tmp_path: Path, delay: float) -> None:
    path = tmp_path / ".wikidraft" / "ledger.json"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    for _ in range(20):  # let it get well into the batch, rewriting a growing file
        writer.stdout.readline()
    time.sleep(delay)  # different moments of the write cycle
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    pages = json.loads(path.read_text(encoding="utf-8"))["wikis"]["http://127.0.0.1/api.php"]
    assert len(pages) >= 20
    assert sorted(pages) == [f"Draft:P{number:06d}" for number in range(len(pages))]
    assert all(pages[title]["revid"] == int(title[7:]) for title in pages)


def test_two_writers_at_once_keep_each_others_entries(tmp_path: Path) -> None:
    path = tmp_path / ".wikidraft" / "ledger.json"
    code = "import sys\nfrom pathlib import Path\nfrom bot.ledger import Ledger\n" + (
        "ledger = Ledger(Path(sys.argv[1]))\n"
        "for n in range(40):\n"
        "    ledger.record('http://127.0.0.1/api.php', f'Draft:{sys.argv[2]}{n}', n, 'x')\n"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", code, str(path), name]) for name in ("A", "B")
    ]
    assert [writer.wait() for writer in writers] == [0, 0]
    pages = json.loads(path.read_text(encoding="utf-8"))["wikis"]["http://127.0.0.1/api.php"]
    assert len(pages) == 80


def test_a_save_sent_is_noted_until_recorded_or_settled(tmp_path: Path) -> None:
    path = tmp_path / ".wikidraft" / "ledger.json"
    Ledger(path).intend(API, "Draft:A", "Text\n")
    assert Ledger(path).sending(API, "Draft:A") == content_hash("Text")  # on disk already
    Ledger(path).record(API, "Draft:A", 7, "Text")
    assert Ledger(path).sending(API, "Draft:A") is None
    Ledger(path).intend(API, "Draft:B", "Other")
    Ledger(path).settle(API, "Draft:B")
    assert Ledger(path).sending(API, "Draft:B") is None and Ledger(path).get(API, "Draft:A")


def test_a_schema_1_ledger_is_read_and_rewritten_as_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "ledger.json"
    entry = {"revid": 3, "sha256": content_hash("x"), "saved": "2026-11-28T22:40:00Z"}
    path.write_text(json.dumps({"schema": 1, "wikis": {API: {"Draft:A": entry}}}), "utf-8")
    ledger = Ledger(path)
    assert ledger.get(API, "Draft:A") is not None and ledger.get(API, "Draft:A").matches("x")
    ledger.record(API, "Draft:B", 4, "y")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema"] == SCHEMA and set(document["wikis"][API]) == {"Draft:A", "Draft:B"}


def test_each_write_is_on_disk_before_it_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A power cut is no fault a test can cause: watch for the calls that make the write durable,
    # the new file synced before it is renamed over the ledger, and the folder after.
    calls: list[str] = []
    fsync, rename = os.fsync, os.replace

    def synced(descriptor: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file"
        calls.append(f"fsync {kind}")
        fsync(descriptor)

    def renamed(source: str | Path, target: str | Path) -> None:
        calls.append(f"rename onto {Path(target).name}")
        rename(source, target)

    monkeypatch.setattr(os, "fsync", synced)
    monkeypatch.setattr(os, "replace", renamed)
    Ledger(tmp_path / ".wikidraft" / "ledger.json").record(API, "Draft:A", 1, "A")
    assert calls == ["fsync file", "rename onto ledger.json", "fsync folder"]


def test_a_ledger_that_is_a_link_stays_one_and_keeps_its_mode(tmp_path: Path) -> None:
    # A team may keep the ledger elsewhere (a shared checkout) and link it in, or make it private.
    shared = tmp_path / "shared" / "ledger.json"
    Ledger(shared).record(API, "Draft:A", 1, "A")
    shared.chmod(0o600)
    link = tmp_path / ".wikidraft" / "ledger.json"
    link.parent.mkdir()
    link.symlink_to(shared)
    Ledger(link).record(API, "Draft:B", 2, "B")
    assert link.is_symlink() and link.readlink() == shared
    assert sorted(json.loads(shared.read_text(encoding="utf-8"))["wikis"][API]) == [
        "Draft:A",
        "Draft:B",
    ]
    assert stat.S_IMODE(shared.stat().st_mode) == 0o600


def test_a_ledger_behind_a_link_is_replaced_whole_not_rewritten_in_place(tmp_path: Path) -> None:
    # Rewritten in place (truncated, then written), a crash mid-way would leave half a ledger;
    # a reader that opened it before the write sees the old document whole only if the file
    # was replaced.
    shared = tmp_path / "shared" / "ledger.json"
    Ledger(shared).record(API, "Draft:A", 1, "A")
    link = tmp_path / ".wikidraft" / "ledger.json"
    link.parent.mkdir()
    link.symlink_to(shared)
    with shared.open(encoding="utf-8") as before:
        Ledger(link).record(API, "Draft:B", 2, "B")
        assert sorted(json.loads(before.read())["wikis"][API]) == ["Draft:A"]
    assert link.is_symlink() and link.readlink() == shared
    assert sorted(json.loads(shared.read_text(encoding="utf-8"))["wikis"][API]) == [
        "Draft:A",
        "Draft:B",
    ]
    assert not [path for path in shared.parent.iterdir() if path.name.endswith(".tmp")]


def test_a_ledger_behind_a_link_is_written_under_the_lock_beside_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two projects linking one shared ledger must take one lock, or one's entries are lost.
    shared = tmp_path / "shared" / "ledger.json"
    Ledger(shared).record(API, "Draft:A", 1, "A")
    link = tmp_path / "project" / ".wikidraft" / "ledger.json"
    link.parent.mkdir(parents=True)
    link.symlink_to(shared)
    held: list[bool] = []
    write = atomic.write_text

    def writing(path: Path, text: str, *, durable: bool = False) -> None:
        with (shared.parent / "ledger.lock").open("a") as other:  # what a push from shared takes
            try:
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held.append(False)
            except BlockingIOError:
                held.append(True)
        write(path, text, durable=durable)

    monkeypatch.setattr(atomic, "write_text", writing)
    Ledger(link).record(API, "Draft:B", 2, "B")
    assert held == [True]
