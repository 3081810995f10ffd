"""What push writes to the ledger for each outcome, the note of a save in flight included."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import config as configuration
from bot.compare import Change
from bot.ledger import Ledger, content_hash
from bot.plan import Item
from bot.publish import Outcome, Status, Stop
from bot.pushing import recorded

TITLE = "Draft:A"


@pytest.fixture
def config(tmp_path: Path) -> configuration.Config:
    path = tmp_path / "wikidraft.toml"
    path.write_text('[wiki]\napi = "http://127.0.0.1:1/api.php"\nusername = "U@a"\n', "utf-8")
    return configuration.load(str(path))


def outcome(status: Status, change: str = "changed", **fields: object) -> Outcome:
    """An outcome for TITLE, whose draft text is "{{AfC submission}}\\nText"."""
    text = "{{AfC submission}}\nText"
    item = Item(Path("a.md"), TITLE, text, None, "", current=text, revid=5)  # type: ignore[arg-type]
    return Outcome(Change(item, change, 0, 0, ()), status, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("result", "sent", "kept"),
    [
        (outcome(Status.FAILED, "refused", detail="refused: edited"), set(), True),
        (outcome(Status.FAILED, detail="not tried: the wiki stopped answering"), set(), True),
        (outcome(Status.FAILED, detail="no answer: …", stop=Stop.NO_ANSWER), {TITLE}, True),
        (outcome(Status.FAILED, detail="abusefilter-disallowed: …"), {TITLE}, False),
        (outcome(Status.CONFLICTED, detail="saved on top of rev 6", revid=7), {TITLE}, False),
    ],
)
def test_the_note_of_a_save_is_dropped_only_when_the_wiki_said_it_did_not_make_ours(
    tmp_path: Path, config: configuration.Config, result: Outcome, sent: set[str], kept: bool
) -> None:
    ledger = Ledger(tmp_path / "ledger.json")
    ledger.intend(config.api, TITLE, "Text")
    assert list(recorded([result], ledger, config, sent)) == [result]
    assert (Ledger(ledger.path).sending(config.api, TITLE) is not None) is kept
    assert Ledger(ledger.path).get(config.api, TITLE) is None  # a merged save is not ours


def test_a_save_is_recorded_without_the_reviewer_templates(
    tmp_path: Path, config: configuration.Config
) -> None:
    ledger = Ledger(tmp_path / "ledger.json")
    saved = outcome(Status.UPDATED, revid=6)
    list(recorded([saved], ledger, config, {TITLE}))
    entry = Ledger(ledger.path).get(config.api, TITLE)
    assert entry is not None and entry.revid == 6 and entry.sha256 == content_hash("Text")
