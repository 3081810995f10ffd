"""API cost, counted in the wiki's own server log: reads are batched, a push is one edit per page.

Both runs start from an empty state folder (no cookies, no cached site info): the worst case.
The numbers are in the README; measured with
``pytest tests/test_bot_cost.py -s`` (it prints them).
"""

from __future__ import annotations

import math
from pathlib import Path

from tests.botrun import api_requests, draft, unique, wikidraft, write_config
from tests.localwiki import LocalWiki

DRAFTS = 40


def test_diff_and_push_of_40_drafts_cost_few_requests(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    config = write_config(tmp_path, local_wiki)
    prefix = unique("Cost")
    # Each draft links to a page all share and to one of its own: the wiki is asked about
    # 41 distinct links and 40 subjects.
    see_also = "A fact.[^1]\n\n## See also\n\n* Genomics\n* {} topic\n\n[^1]: A source.\n"
    paths = [
        str(draft(tmp_path, f"{prefix} {n}", see_also.format(f"{prefix} {n}")))
        for n in range(DRAFTS)
    ]
    asked = DRAFTS + 1 + DRAFTS

    start = api_requests(local_wiki)
    diff = wikidraft(config, "diff", *paths, state=tmp_path / "diff-state")
    diff_cost = api_requests(local_wiki) - start
    assert diff.returncode == 1 and diff.stdout.count("new        Draft:") == DRAFTS
    assert diff.stderr.count("is a red link") == 2 * DRAFTS, diff.stderr

    start = api_requests(local_wiki)
    push = wikidraft(config, "push", "--yes", *paths, state=tmp_path / "push-state")
    push_cost = api_requests(local_wiki) - start
    assert push.returncode == 0, push.stderr
    assert f"{DRAFTS} created" in push.stdout

    start = api_requests(local_wiki)
    again = wikidraft(config, "push", "--yes", *paths, state=tmp_path / "push-state")
    again_cost = api_requests(local_wiki) - start
    assert again.returncode == 0 and f"{DRAFTS} unchanged" in again.stdout

    print(f"\nAPI requests for {DRAFTS} drafts: diff {diff_cost}, push {push_cost}, ", end="")
    print(f"push again (nothing to do, warm state) {again_cost}")
    assert diff_cost <= 8 + math.ceil(asked / 50)  # issue 14's budget
    # What it is made of: paraminfo and site info (one request each), the pages (50 a request)
    # and the questions about links and subjects (50 titles a request).
    assert diff_cost == 2 + math.ceil(DRAFTS / 50) + math.ceil(asked / 50)
    assert push_cost <= DRAFTS + 8
    assert again_cost <= 3  # site info (asked afresh each run), user info, the pages
