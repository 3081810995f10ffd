"""Drafts that once made the safety net fire (found by fuzzing), and what they convert to now."""

from __future__ import annotations

import pytest

from converters import convert


@pytest.mark.parametrize(
    ("markdown", "wikitext"),
    [
        # "[" in raw HTML text followed by an image would make "[[[File:…]]".
        ('<div>[<img src="a.png">\n', "<div>[<nowiki/>[[File:A.png]]\n"),
        # "<" and "!--" reached the escaper as two pieces and left a comment open.
        ("<div>a<!-- b\n", "<div>a&lt;!-- b\n"),
        # HTMLParser gives up on "<![" that is no CDATA section: the block is all text then.
        ("<div><![{| x\n", "&lt;div>&lt;![{| x\n"),
        # A newline inside a raw href.
        ('<a href="http://e.com/a\nb">x</a>\n', "[http://e.com/a%0Ab x]\n"),
        # A raw tag left open in a heading is closed there, not by a later block.
        ("## <b>bold\n\ntext</b>\n", "== <b>bold</b> ==\n\ntext\n"),
        # Inline TeX over two lines stays on the paragraph's line.
        ("=$a\nb$ =\n", "<nowiki>=</nowiki><math>a b</math> =\n"),
        # Emphasis around a tag that is dropped would leave four bare apostrophes.
        ("a *<nowiki>* b\n", "a  b\n"),
        # markdown-it reads one comment up to a later "-->"; it ends at the first one.
        (
            "a <!-- |--->[//x.org z]~~~ <b>--> c\n",
            "a <!-- |--->&#91;//x.org z]<nowiki>~~~</nowiki> &lt;b>--> c\n",
        ),
        # A raw tag left open in a link label is closed inside the label.
        (
            'x <a href="https://e.org"><b>bold label\n\ny\n',
            "x [https://e.org <b>bold label</b>]\n\ny\n",
        ),
        ("[a <i>b](https://e.org) c</i>\n", "[https://e.org a <i>b</i>] c\n"),
        # A raw link's label is one line; a second <a> ends the first; links left open end
        # with the block (closing them while iterating over them once left one unwritten).
        ('<div><a href="https://a.org">x\ny</a></div>\n', "<div>[https://a.org x y]</div>\n"),
        (
            '<div><a href="https://a.org">x <a href="https://b.org">y</div>\n',
            "<div>[https://a.org x ][https://b.org y</div>]\n",
        ),
        # Line starts inside a comment are left alone: escaping "----->" would unclose it.
        ("<!-- a\n* b\n----->\n* c\n", "<!-- a\n* b\n----->\n\n* c\n"),
        # A table row tag inside a heading would split the heading's markup.
        ("e<tr>_</tr>_\n-\n", "== e ==\n"),
        # A footnote ending in "=" is followed, on its line, by the text after the ref.
        (
            "[^x]:X\n\n    =\n\n[^x]=\n",
            '<ref name="note">X\n\n<nowiki>=</nowiki></ref>=\n\n== References ==\n\n{{reflist}}\n',
        ),
        # A fragment of white space only.
        ('<a href="https://en.wikipedia.org/wiki/o# ">r</a>\n', "[[o|r]]\n"),
        # The wiki's own URL prefix naming no article is an ordinary URL.
        (
            "## External links\n\n- https://en.wikipedia.org/wiki/\n",
            "== External links ==\n\n"
            "* [https://en.wikipedia.org/wiki/ https://en.wikipedia.org/wiki/]\n",
        ),
        # Text after a comment that markdown-it read too far stays on the heading's line.
        ("|<!----->\n-->1\n=\n", "== |<!-----> -->1 ==\n"),
        # A definition in "External links" is not a list item of links.
        (
            "## External links\n\nTerm\n: https://en.wikipedia.org/wiki/Foo\n",
            "== External links ==\n\n; Term\n: [[Foo|<nowiki>https://en.wikipedia.org/wiki/Foo</nowiki>]]\n",
        ),
        # A browser ends "<![CDATA[" outside SVG at its first ">" and shows the rest.
        ("foo <![CDATA[>&<]]>\n", "foo &<<nowiki>]]</nowiki>>\n"),
        # An image source that names no file: its text, escaped, not a bare URL.
        ("![]((http://?))\n", "(<nowiki>http://?)</nowiki>\n"),
        # A category name MediaWiki cannot have is left out.
        ('---\ncategories: ["[", Good_one]\n---\ntext\n', "text\n\n[[:Category:Good one]]\n"),
        # A heading citing a footnote of two paragraphs stays on one line.
        (
            "## Tides[^1]\n\ntext\n\n[^1]: First.\n\n    Second.\n",
            '== Tides<ref name="first">First.  Second.</ref> ==\n\ntext\n\n'
            "== References ==\n\n{{reflist}}\n",
        ),
        # "[" before a dropped link's "//" label would open a protocol-relative link.
        ("[[//]())]\n", "[<nowiki/>//)]\n"),
        # A link inside an inline footnote: its line is looked up from a body rendered apart.
        (
            "Text ^[([S](https://s.org/a))] more.\n",
            'Text<ref name="note">([https://s.org/a S])</ref> more.\n\n'
            "== References ==\n\n{{reflist}}\n",
        ),
        # A fragment MediaWiki cannot make an anchor of.
        (
            "[x](https://en.wikipedia.org/wiki/Foo#a{b})\n",
            "[[Foo|x]]\n",
        ),
    ],
)
def test_converts_to(markdown: str, wikitext: str) -> None:
    assert convert(markdown, title="T").wikitext == wikitext


def test_wikitext_block_that_leaves_a_tag_open_is_shown_as_code_with_a_warning() -> None:
    conversion = convert("```wikitext\n<ref>open\n```\n\n## Next\n\ntext\n", title="T")
    assert conversion.wikitext == (
        '<syntaxhighlight lang="wikitext">\n<ref>open\n</syntaxhighlight>\n\n== Next ==\n\ntext\n'
    )
    assert [(w.line, w.message) for w in conversion.warnings] == [
        (1, "wikitext block leaves a tag, comment or link open; shown as code")
    ]
