"""Reviewer templates at the top of the live page are kept at the top of the new text."""

from __future__ import annotations

from bot.preserve import keep_top_templates, template_key

NAMES = ("AfC submission", "AfC comment")


def test_templates_at_the_top_are_carried_over_in_order() -> None:
    live = (
        "{{AfC submission|d|nn|u=Someone}}\n<!-- reviewer note -->\n"
        "{{AfC comment|1=Needs sources. ~~~~}}\n{{Short description|Old}}\nOld body."
    )
    new = "{{Short description|New}}\nNew body."
    assert keep_top_templates(live, new, NAMES) == (
        "{{AfC submission|d|nn|u=Someone}}\n{{AfC comment|1=Needs sources. ~~~~}}\n" + new
    )


def test_nothing_is_added_twice_or_from_below_the_top() -> None:
    top = "{{AfC submission|d|nn}}"
    assert keep_top_templates(top + "\nBody.", top + "\nNew.", NAMES) == top + "\nNew."
    below = "Body first.\n{{AfC submission|d|nn}}"
    assert keep_top_templates(below, "New.", NAMES) == "New."
    assert keep_top_templates(None, "New.", NAMES) == "New."
    assert keep_top_templates(top + "\nBody.", "New.", ()) == "New."


def test_template_names_compare_as_mediawiki_does() -> None:
    assert template_key("Template:afC_submission ") == "AfC submission"
    assert template_key("afc  comment") == "Afc comment"  # only the first letter is case-blind
    live = "{{template:AfC_submission|t}}\nBody."
    assert keep_top_templates(live, "New.", NAMES).startswith("{{template:AfC_submission|t}}\n")
