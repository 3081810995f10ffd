"""The safety net: parse the wikitext and check it holds exactly what the renderers emitted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from mwparserfromhell.parser import Builder, CTokenizer, use_c
from mwparserfromhell.parser import tokens as tk

from converters.errors import ConverterBug
from converters.render.context import Report

Construct = tuple[str, str]

# What the check counts: each construct's opening token, the tokens that end its name (the
# heading title, template name, link target or URL) and the one that closes it.
_OPENERS: dict[type, str] = {
    tk.HeadingStart: "heading",
    tk.TemplateOpen: "template",
    tk.WikilinkOpen: "wikilink",
    tk.ExternalLinkOpen: "external_link",
}
_NAME_ENDS = (tk.TemplateParamSeparator, tk.WikilinkSeparator, tk.ExternalLinkSeparator)
_CLOSERS = (tk.HeadingEnd, tk.TemplateClose, tk.WikilinkClose, tk.ExternalLinkClose)
# Every token the count looks at: one test passes the others (text, most of a tag) over.
_COUNTED = frozenset({*_OPENERS, *_NAME_ENDS, *_CLOSERS, tk.TagOpenOpen})


def _tokenize(wikitext: str) -> list[tk.Token]:
    """mwparserfromhell's tokens for the text, from the tokenizer its own parse() would use."""
    if use_c:
        return CTokenizer().tokenize(wikitext, 0, False)
    from mwparserfromhell.parser.tokenizer import Tokenizer

    return Tokenizer().tokenize(wikitext, 0, False)


def _name(tokens: Sequence[tk.Token]) -> str:
    """A construct's name as mwparserfromhell's node would print it, stripped."""
    if all(type(token) is tk.Text for token in tokens):
        return "".join(token["text"] for token in tokens).strip()
    return str(Builder().build(list(tokens))).strip()  # a name holding markup: build its nodes


def constructs(wikitext: str) -> Counter[Construct]:
    """Headings, templates, wikilinks, external links and refs a parse of wikitext finds.

    Read from the tokenizer's tokens rather than the node tree that mwparserfromhell builds
    from them: the same constructs, the same names, a sixth of the time (benchmarks/RESULTS.md).
    """
    tokens = _tokenize(wikitext)
    found: Counter[Construct] = Counter()
    open_constructs: list[tuple[str, int]] = []  # kind and index of the opening token
    for index, token in enumerate(tokens):
        kind = type(token)
        if kind not in _COUNTED:
            continue
        if kind in _OPENERS:
            open_constructs.append((_OPENERS[kind], index))
        elif kind in _NAME_ENDS or kind in _CLOSERS:
            # Tokens nest properly, so the innermost open construct is the one ending here;
            # its name is what lies between its opening token and the first end.
            name_kind, start = open_constructs.pop()
            if start >= 0:
                found[name_kind, _name(tokens[start + 1 : index])] += 1
            if kind in _NAME_ENDS:
                open_constructs.append((name_kind, -1))  # named; still open
        elif kind is tk.TagOpenOpen:
            tag = tokens[index + 1]
            if type(tag) is tk.Text and tag["text"].strip().lower() == "ref":
                found["ref", ""] += 1
    return found


def check(wikitext: str, report: Report) -> None:
    """Raise ConverterBug when the wikitext holds more or less than the renderers meant."""
    found = constructs(wikitext)
    expected = Counter(report.emitted)
    # A fragment written by others (a citation template, a reference list) holds what a parse
    # of it alone finds; a fragment the document breaks then shows as a mismatch.
    for fragment, times in Counter(report.foreign).items():
        for construct, count in constructs(fragment).items():
            expected[construct] += count * times
    if found == expected:
        return
    missing = sorted((expected - found).elements())
    extra = sorted((found - expected).elements())
    raise ConverterBug(
        "the wikitext does not hold what the converter meant to emit: "
        f"missing {missing[:5]}, unexpected {extra[:5]}; please report this with the draft"
    )
