"""Which texts MediaWiki's pre-save transform rewrites: only those are expanded before a save."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.publish import rewritten_on_save
from tests.botrun import draft, unique, wikidraft, write_config
from tests.faultproxy import FaultProxy
from tests.localwiki import LocalWiki
from tests.wikiadmin import page_text

TAGS = {"nowiki", "pre", "ref", "syntaxhighlight", "math"}


@pytest.mark.parametrize(
    "text",
    [
        "{{subst:submit}}\nThe tide.",
        "{{SafeSubst:x}}",
        "Signed ~~~~",
        "[[Tide (physics)|]]",
        "[[|Tide]]",
        "<code>~~~</code> is a signature",  # <code> is HTML: the transform reaches into it
        "<nowiki>~~~~</nowiki> and then ~~~~",
    ],
)
def test_marks_outside_comments_and_extension_tags_are_rewritten(text: str) -> None:
    assert rewritten_on_save(text, TAGS)


@pytest.mark.parametrize(
    "text",
    [
        "The tide rises.",
        "<code><nowiki>~~~~</nowiki></code> writes a signature",  # the converter's inline code
        "<pre>{{subst:x}}</pre>",
        "<!-- ~~~~ -->",
        "<ref>Sign it ~~~~ here</ref>",  # T4700: not inside extension tags
        '<syntaxhighlight lang="text">[[A (b)|]]</syntaxhighlight>',
        "&#126;~~ as the converter escapes it",
    ],
)
def test_texts_the_transform_leaves_alone(text: str) -> None:
    assert not rewritten_on_save(text, TAGS)


def test_a_draft_quoting_a_signature_is_saved_without_asking_the_wiki_to_expand_it(
    local_wiki: LocalWiki, tmp_path: Path
) -> None:
    title = unique("Signature quoted")
    path = draft(tmp_path, title, "Sign with `~~~~` on talk pages.\n")
    with FaultProxy(local_wiki.api) as proxy:
        config = write_config(tmp_path, local_wiki, api=proxy.api)
        result = wikidraft(config, "push", "--yes", str(path))
        assert result.returncode == 0, result.stdout + result.stderr
        assert proxy.count("parse") == 0
    assert "<code><nowiki>~~~~</nowiki></code>" in page_text(local_wiki, f"Draft:{title}")[1]
