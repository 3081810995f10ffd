"""Two pushes of the same drafts at once: the second waits for the first, and no report lies.

The first push's save is held by the fault proxy (a hook waiting on an event) while the second
push starts. Without a lock both plan against the same revision, both save, and both report
"updated" for the one revision the wiki made.
"""

from __future__ import annotations

import re
import subprocess
import threading
from pathlib import Path

from tests.botrun import draft, started, unique, wikidraft, write_config
from tests.faultproxy import Fault, FaultProxy
from tests.localwiki import LocalWiki
from tests.test_resume import until
from tests.wikiadmin import revision_count


def test_second_push_waits_for_the_first_and_updates_are_not_counted_twice(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    title = unique("Concurrent")
    gate = threading.Event()
    with FaultProxy(local_wiki.api) as proxy:
        config = write_config(tmp_path, local_wiki, api=proxy.api)
        path = str(draft(tmp_path, title, "First text.\n"))
        assert wikidraft(config, "push", "--yes", path).returncode == 0
        draft(tmp_path, title, "Second text.\n")
        proxy.inject(Fault("hook", action="edit", hook=lambda: gate.wait(60)))
        first = started(config, "push", "--yes", path, stdout=subprocess.PIPE, text=True)
        until(lambda: proxy.count("edit") >= 2)  # the first push's save is held
        log = tmp_path / "second.err"
        with log.open("w") as stderr:
            second = started(
                config, "push", "--yes", path, stdout=subprocess.PIPE, stderr=stderr, text=True
            )
            # Either the second push waits for the lock, or (unlocked) it reaches its own save.
            until(lambda: "waiting" in log.read_text() or proxy.count("edit") >= 3)
            gate.set()
            outputs = [child.communicate(timeout=120)[0] for child in (first, second)]
    claimed = sum(int(re.search(r"(\d+) updated", out)[1]) for out in outputs)
    assert revision_count(local_wiki, f"Draft:{title}") == 1 + claimed == 2, outputs
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert "another push to" in log.read_text() and "waiting for it to finish" in log.read_text()
