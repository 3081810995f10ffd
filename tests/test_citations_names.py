"""Reference names: readable, unique, stable, never purely numeric."""

from __future__ import annotations

from converters.citations.names import (
    assign,
    label_candidates,
    slug,
    text_candidates,
    web_candidates,
)


def test_slug_is_lower_case_ascii() -> None:
    assert slug("Encyclopædia Britannica") == "encyclopaedia-britannica"
    assert slug("Café  Müller!") == "cafe-muller"


def test_web_candidates_grow_with_title_words() -> None:
    assert web_candidates("britannica", "The History of Paris") == [
        "britannica",
        "britannica-history",
        "britannica-history-paris",
    ]
    assert web_candidates("x", None) == ["x"]


def test_text_candidates_start_with_surname_and_year() -> None:
    candidates = text_candidates("Peale, S. J. (1977). Rotation histories. In Burns, J. A.")
    assert candidates[0] == "peale-1977"
    assert candidates[1] == "peale-1977-rotation"


def test_text_candidates_ignore_link_targets() -> None:
    assert text_candidates("[Report](https://x.org/2020/a) by the council")[0] == "report"


def test_label_candidates_keep_readable_labels_only() -> None:
    assert label_candidates("Smith2019") == ["smith2019"]
    assert label_candidates("1") == []
    assert label_candidates("n") == []


def test_assign_extends_only_the_names_that_clash() -> None:
    names = assign(
        [
            ["wikipedia", "wikipedia-paris"],
            ["britannica"],
            ["wikipedia", "wikipedia-rome"],
        ]
    )
    assert names == ["wikipedia-paris", "britannica", "wikipedia-rome"]


def test_assign_numbers_what_words_cannot_tell_apart() -> None:
    assert assign([["x"], ["x"], ["x"]]) == ["x", "x-2", "x-3"]


def test_assign_never_returns_a_numeric_name() -> None:
    names = assign([["2020"], [], ["7"]])
    assert names == ["ref-2020", "ref", "ref-7"]
    assert not any(name.isdigit() for name in names)


def test_assign_is_stable() -> None:
    candidates = [["a", "a-b"], ["a", "a-c"], ["d"]]
    assert assign(candidates) == assign(candidates)


def test_assign_numbers_thousands_of_look_alike_sources() -> None:
    names = assign([["x"]] * 5000)  # once cubic: a draft citing one site 5,000 times hung
    assert len(set(names)) == 5000
    assert names[-1] == "x-5000"
