"""diff --word: a one-word change marks that word within its line, as git diff --word-diff does."""

from __future__ import annotations

from pathlib import Path

from bot.worddiff import word_diff
from tests.botrun import pushed, unique, wikidraft
from tests.localwiki import LocalWiki
from tests.test_bot_terminal import on_terminal

PARAGRAPH = "The tide rises twice a day, pulled by the Moon and, less, by the Sun."


def test_a_changed_word_is_marked_within_its_line() -> None:
    before = ["Intro.", PARAGRAPH, "", "== See also =="]
    after = [
        "Intro.",
        PARAGRAPH.replace("twice", "two times").replace("day,", "day;"),
        "",
        "== See also ==",
    ]
    assert word_diff(before, after) == [
        "@@ -1,4 +1,4 @@",
        " Intro.",
        "The tide rises [-twice-]{+two times+} a day[-,-]{+;+} pulled by the Moon and, less, by"
        " the Sun.",
        " ",
        " == See also ==",
    ]


def test_added_and_removed_lines_are_marked_line_by_line() -> None:
    assert word_diff(["a", "b", "c"], ["a", "c", "d e"]) == [
        "@@ -1,3 +1,3 @@",
        " a",
        "[-b-]",
        " c",
        "{+d e+}",
    ]
    assert word_diff([], ["new", "page"]) == ["@@ -0,0 +1,2 @@", "{+new+}", "{+page+}"]


def test_a_change_over_two_lines_keeps_each_mark_on_its_line() -> None:
    lines = word_diff(["one two", "three four"], ["one 2", "3 four"])
    assert lines[1:] == ["one [-two-]{+2+}", "[-three-]{+3+} four"]


def test_on_a_terminal_words_are_coloured_instead() -> None:
    (_, line) = word_diff(["a b"], ["a c"], color=True)
    assert line == "a \033[31mb\033[0m\033[32mc\033[0m"


def test_diff_word_against_the_wiki(local_wiki: LocalWiki, tmp_path: Path) -> None:
    title = unique("Word")
    config, path = pushed(local_wiki, tmp_path, title, PARAGRAPH + "\n")
    path.write_text(f"# {title}\n\n{PARAGRAPH.replace('twice', 'thrice')}\n", encoding="utf-8")
    result = wikidraft(config, "diff", "--word", str(path))
    assert result.returncode == 1, result.stderr
    marked = "The tide rises [-twice-]{+thrice+} a day, pulled by the Moon and, less, by the Sun."
    assert marked in result.stdout.splitlines()
    assert not any(line.startswith(("-The", "+The")) for line in result.stdout.splitlines())


def test_push_word_shows_the_word_diff_before_asking(local_wiki: LocalWiki, tmp_path: Path) -> None:
    title = unique("Word push")
    config, path = pushed(local_wiki, tmp_path, title, PARAGRAPH + "\n")
    path.write_text(f"# {title}\n\n{PARAGRAPH.replace('Sun', 'planets')}\n", encoding="utf-8")
    code, screen = on_terminal(config, "n", "push", "--word", str(path))
    assert code == 1, screen
    assert "by the \033[31mSun\033[0m\033[32mplanets\033[0m." in screen
