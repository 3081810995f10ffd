"""push of chat-assistant drafts against the local wiki: blocking findings and disclosure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from bot.config import load
from bot.errors import UserError
from bot.provenance import is_wikimedia
from tests.botrun import draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text

pytestmark = pytest.mark.wiki

# A draft with a ChatGPT search marker: strong evidence, nothing that blocks a push.
ASSISTED = "Tides follow the Moon. citeturn0search0\n"


def comment(wiki: LocalWiki, title: str) -> str:
    """The edit summary of the page's latest revision, as the wiki saved it."""
    query = {"action": "query", "prop": "revisions", "titles": title, "rvprop": "comment"}
    answer = requests.get(
        wiki.api, params={**query, "format": "json", "formatversion": 2}, timeout=60
    )
    return str(answer.json()["query"]["pages"][0]["revisions"][0]["comment"])


def test_wikimedia_policy_refuses_an_undisclosed_assistant_draft(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki, policy="wikimedia")
    title = unique("Tides undisclosed")
    result = wikidraft(config, "push", "--yes", str(draft(tmp_path, title, ASSISTED)))
    assert result.returncode == 1
    (line,) = [line for line in result.stdout.splitlines() if "WP:NEWLLM" in line]
    assert "--disclose" in line and "line 3: chatgpt-turn-marker" in line
    assert page_text(local_wiki, f"Draft:{title}") is None


def test_disclose_flag_is_appended_to_the_saved_edit_summary(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki, policy="wikimedia")
    title = unique("Tides disclosed")
    path = draft(tmp_path, title, ASSISTED)
    result = wikidraft(config, "push", "--yes", "--disclose", "ChatGPT (GPT-5)", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert comment(local_wiki, f"Draft:{title}") == "wikidraft test; LLM-assisted: ChatGPT (GPT-5)"


def test_front_matter_llm_is_a_disclosure(local_wiki: LocalWiki, tmp_path: Path) -> None:
    config = write_config(tmp_path, local_wiki, policy="wikimedia")
    title = unique("Tides front matter")
    path = tmp_path / "tides.md"
    path.write_text(f'---\ntitle: "{title}"\nllm: "Gemini 2.5 Pro"\n---\n\n{ASSISTED}', "utf-8")
    result = wikidraft(config, "push", "--yes", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert comment(local_wiki, f"Draft:{title}") == "wikidraft test; LLM-assisted: Gemini 2.5 Pro"


def test_elsewhere_the_evidence_is_a_warning_only(local_wiki: LocalWiki, tmp_path: Path) -> None:
    config = write_config(tmp_path, local_wiki)  # a local wiki: not under Wikimedia's policy
    title = unique("Tides elsewhere")
    path = draft(tmp_path, title, ASSISTED)
    result = wikidraft(config, "push", "--yes", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    # In the one format of every warning: path:line: warning: message.
    warning = f"{path}:3: warning: written by a chat assistant (chatgpt-turn-marker); consider"
    assert f"\n{warning}" in f"\n{result.stderr}"
    assert comment(local_wiki, f"Draft:{title}") == "wikidraft test"


def test_hand_written_citations_need_no_disclosure(local_wiki: LocalWiki, tmp_path: Path) -> None:
    config = write_config(tmp_path, local_wiki, policy="wikimedia")
    title = unique("Tides by hand")
    body = "Tides follow the Moon [1].\n\nSources:\n[1] https://example.org/tides\n"
    result = wikidraft(config, "push", "--yes", str(draft(tmp_path, title, body)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "chat assistant" not in result.stdout + result.stderr


def test_blocking_finding_refuses_the_page_diff_shows_it_and_force_overrides(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    title = unique("Tides preamble")
    path = str(draft(tmp_path, title, "Tides follow the Moon.\n\nI hope this helps!\n"))
    shown = wikidraft(config, "diff", path)
    assert f"{path}:5: error: a chat assistant's sign-off" in shown.stderr
    listed = wikidraft(config, "diff", "--format", "json", path)
    (page,) = json.loads(listed.stdout)["pages"]
    assert any(
        (w["line"], w["severity"]) == (5, "error")
        and w["message"].startswith("a chat assistant's sign-off")
        for w in page["warnings"]
    )
    refused = wikidraft(config, "push", "--yes", path)
    assert refused.returncode == 1
    assert "1 finding(s) that are not article content (first: line 5: chat-sign-off)" in (
        refused.stdout
    )
    assert page_text(local_wiki, f"Draft:{title}") is None
    forced = wikidraft(config, "push", "--yes", "--force", path)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert "I hope this helps!" in page_text(local_wiki, f"Draft:{title}")[1]


def test_force_does_not_replace_a_disclosure(local_wiki: LocalWiki, tmp_path: Path) -> None:
    config = write_config(tmp_path, local_wiki, policy="wikimedia")
    path = draft(tmp_path, unique("Tides forced"), ASSISTED)
    result = wikidraft(config, "push", "--yes", "--force", str(path))
    assert result.returncode == 1 and "WP:NEWLLM" in result.stdout


@pytest.mark.parametrize(
    ("api", "policy", "wikimedia"),
    [
        ("https://en.wikipedia.org/w/api.php", None, True),
        ("https://commons.wikimedia.org/w/api.php", None, True),
        ("https://www.mediawiki.org/w/api.php", None, True),
        ("https://wiki.example.org/w/api.php", None, False),
        ("https://notwikipedia.org/w/api.php", None, False),
        ("https://wiki.example.org/w/api.php", "wikimedia", True),
        ("https://en.wikipedia.org/w/api.php", "other", False),
    ],
)
def test_wikimedia_wikis_are_known_by_host_or_policy(
    tmp_path: Path, api: str, policy: str | None, wikimedia: bool
) -> None:
    path = tmp_path / "wikidraft.toml"
    extra = f'policy = "{policy}"\n' if policy else ""
    path.write_text(
        f'[wiki]\napi = "{api}"\nusername = "A@b"\nuser_agent = "t"\n{extra}', encoding="utf-8"
    )
    assert is_wikimedia(load(str(path))) is wikimedia


def test_an_unknown_policy_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "wikidraft.toml"
    path.write_text(
        '[wiki]\napi = "https://w.example.org/api.php"\nusername = "A@b"\nuser_agent = "t"\n'
        'policy = "enwiki"\n',
        encoding="utf-8",
    )
    with pytest.raises(UserError, match=r'wiki\.policy must be "wikimedia" or "other"'):
        load(str(path))


def test_diff_reports_the_disclosure_refusal_push_would_make(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki, policy="wikimedia")
    path = str(draft(tmp_path, unique("Tides diffed"), ASSISTED))
    undisclosed = wikidraft(config, "diff", "--json", path)
    assert undisclosed.returncode == 1, undisclosed.stderr
    (page,) = json.loads(undisclosed.stdout)["pages"]
    assert page["status"] == "refused" and "WP:NEWLLM" in page["refused"]
    disclosed = wikidraft(config, "diff", "--json", "--disclose", "ChatGPT (GPT-5)", path)
    (page,) = json.loads(disclosed.stdout)["pages"]
    assert page["status"] == "new"
