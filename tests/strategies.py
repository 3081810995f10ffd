"""Hypothesis strategies: Markdown drafts as people and chat assistants write them; by grammar.

``documents()`` draws a :class:`Draft`: the Markdown and the marker words in it that a reader
must see in the rendered page. Marker words start with ``zq`` so no converter rule (appendix
headings, "Introduction", lead bolding) can mistake them for something it rewrites. Blocks nest
(lists, quotes), inline spans nest (emphasis, links), and every citation syntax the converter
accepts is drawn with its definitions. Noise (RTL text, combining marks, CRLF, NUL, huge lines)
comes on top, except when ``renderable`` asks for drafts fit to send through the wiki's parser.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

# Text that is wiki markup and must stay text; the fuzz tests check each one stays literal.
WIKI_META = (
    "[[",
    "]]",
    "[[Zqlink]]",
    "[[Category:Zqcat]]",
    "{{",
    "}}",
    "{{zqtemplate}}",
    "{{subst:PAGENAME}}",
    "{{reflist}}",
    "{{{1}}}",
    "{|",
    "|}",
    "''",
    "'''",
    "~~~",
    "~~~~",
    "~~~~~",
    "__NOTOC__",
    "__NOEDITSECTION__",
    "__FORCETOC__",
    "<ref>zqsneaky</ref>",
    "<nowiki>",
    "-{zq}-",
    "[http://example.org zqbracket]",
    "ISBN 9780306406157",
    "RFC 1149",
    "#REDIRECT",
    "&amp;",
    "----",
    "=",
    "|",
    "!!",
)
NOISE = (
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew
    "\u0645\u0631\u062d\u0628\u0627",  # Arabic
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "e\u0301",  # e + combining acute
    "\u0338",  # lone combining long solidus
    "\u4e2d\u6587",
    "\U0001f600",
    "\u200d",
    "\u00a0",
    "\t",
)
HUGE = "zqhuge "  # repeated into a line of 70 to 280 kB
SITES = ("example.org", "news.example.com", "www.bbc.co.uk", "en.wikipedia.org", "nature.com")


@dataclass(frozen=True)
class Draft:
    """A drawn Markdown draft, the marker words in it, and its body without the definitions.

    The body is what a reader must see rendered: the converter consumes the definitions below
    it into references (and leaves out, with a warning, those never cited).
    """

    markdown: str
    words: frozenset[str]
    body: str

    def __repr__(self) -> str:
        """The draft as a Python expression, its huge line (if any) written as a repetition."""
        count = self.markdown.count(HUGE)
        words, body = set(self.words), self.body
        if count < 100:
            return f"Draft({self.markdown!r}, {words!r}, {body!r})"
        start = self.markdown.index(HUGE)
        head, tail = self.markdown[:start], self.markdown[start + count * len(HUGE) :]
        return f"Draft({head!r} + {HUGE!r} * {count} + {tail!r}, {words!r}, {body!r})"

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        """Hypothesis prints drawn values with this, not repr, unless told."""
        printer.text(repr(self))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Piece:
    """A fragment of Markdown and the marker words in it."""

    text: str
    words: frozenset[str] = frozenset()

    def __add__(self, other: Piece) -> Piece:
        return Piece(self.text + other.text, self.words | other.words)


def wrap(piece: Piece, before: str, after: str = "") -> Piece:
    """The piece inside some markup."""
    return Piece(before + piece.text + after, piece.words)


def join(pieces: list[Piece], separator: str) -> Piece:
    """Pieces joined by a separator."""
    result = Piece("")
    for number, piece in enumerate(pieces):
        result = result + (Piece(separator) if number else Piece("")) + piece
    return result


marker_words = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=7).map(
    lambda letters: Piece("zq" + letters, frozenset({"zq" + letters}))
)
meta_tokens = st.sampled_from(WIKI_META).map(Piece)
noise_tokens = st.sampled_from(NOISE).map(Piece)
urls = st.one_of(
    st.builds(
        lambda site, path: f"https://{site}/{path}",
        st.sampled_from(SITES),
        st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12),
    ),
    # An article of the target wiki: the one kind of URL that may become a [[wikilink]].
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8).map(
        lambda name: f"https://en.wikipedia.org/wiki/Zq{name}"
    ),
)


@dataclass(frozen=True)
class Source:
    """A source a draft cites: the citation syntax, its key, title and URL."""

    kind: str  # "footnote", "bing", "bing-link", "perplexity" or "chatgpt"
    key: int
    title: Piece
    url: str

    def use(self) -> Piece:
        """The citation as written in the text; the title must show in the references."""
        if self.kind == "footnote":
            return Piece(f"[^n{self.key}]", self.title.words)
        if self.kind in ("bing", "bing-link"):
            return Piece(f"[^{self.key}^][{self.key}]", self.title.words)
        if self.kind == "perplexity":
            return Piece(f"[{self.key}]")
        return Piece(f" ([Example Site]({self.url}?utm_source=chatgpt.com))")

    def definition(self) -> str:
        """The definition line, as the assistant writes it below the text ("" if inline)."""
        if self.kind == "footnote":
            return f"[^n{self.key}]: {self.title.text} {self.url}"
        if self.kind == "bing":
            return f'[{self.key}]: {self.url} "{self.title.text}"'
        if self.kind == "bing-link":
            return f"[^{self.key}^][{self.key}]: [{self.title.text}]({self.url})"
        if self.kind == "perplexity":
            return f"[{self.key}] {self.url}"
        return ""


KINDS = ("footnote", "bing", "bing-link", "perplexity", "chatgpt")
sources = st.lists(st.tuples(st.sampled_from(KINDS), marker_words, urls), max_size=6).map(
    lambda drawn: [Source(kind, n + 1, title, url) for n, (kind, title, url) in enumerate(drawn)]
)


def references(cited: list[Source]) -> str:
    """The definitions below the text, one block per syntax (a Perplexity block is titled)."""
    blocks = []
    for kind in KINDS:
        lines = [s.definition() for s in cited if s.kind == kind and s.definition()]
        if lines:
            title = ["Citations:"] if kind == "perplexity" else []
            blocks.append("\n".join(title + lines))
    # A blank line between blocks: a footnote's text would swallow the next line otherwise.
    return "".join("\n\n" + block for block in blocks)


def inline(words: st.SearchStrategy[Piece]) -> st.SearchStrategy[Piece]:
    """Inline content: words and nested emphasis, code, links and strikethrough."""
    return st.recursive(
        words,
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=6).map(lambda ps: join(ps, " ")),
            inner.map(lambda p: wrap(p, "*", "*")),
            inner.map(lambda p: wrap(p, "**", "**")),
            inner.map(lambda p: wrap(p, "_", "_")),
            inner.map(lambda p: wrap(p, "~~", "~~")),
            st.tuples(inner, urls).map(lambda pu: wrap(pu[0], "[", f"]({pu[1]})")),
            marker_words.map(lambda p: wrap(p, "`", "`")),
            urls.map(lambda url: Piece(f"<{url}>")),
        ),
        max_leaves=12,
    )


def sentences(
    words: st.SearchStrategy[Piece], cites: st.SearchStrategy[Piece]
) -> st.SearchStrategy[Piece]:
    """A sentence, perhaps ending with a citation before or after its full stop."""
    return st.tuples(inline(words), st.one_of(st.none(), cites), st.booleans()).map(
        lambda parts: (
            parts[0]
            + (Piece(".") if parts[2] or parts[1] is None else Piece(""))
            + (parts[1] or Piece(""))
            + (Piece("") if parts[2] or parts[1] is None else Piece("."))
        )
    )


def blocks(
    words: st.SearchStrategy[Piece], cites: st.SearchStrategy[Piece], top_heading: int
) -> st.SearchStrategy[Piece]:
    """Block content: paragraphs, headings, code, tables, and nested lists and quotes."""
    paragraph = st.lists(sentences(words, cites), min_size=1, max_size=4).map(
        lambda ps: join(ps, " ")
    )
    heading = st.tuples(st.integers(top_heading, 6), inline(marker_words)).map(
        lambda hp: wrap(hp[1], "#" * hp[0] + " ")
    )
    code = st.tuples(st.sampled_from(["", "python", "text", "js"]), marker_words).map(
        lambda lp: wrap(lp[1], f"```{lp[0]}\n", "\n```")
    )
    row = st.lists(inline(words), min_size=2, max_size=2).map(lambda cs: join(cs, " | "))
    table = st.lists(row, min_size=1, max_size=3).map(
        lambda rows: wrap(join(rows, " |\n| "), "| zqhead | zqhead |\n|---|--:|\n| ", " |")
    )
    leaf = st.one_of(paragraph, paragraph, heading, code, table, st.just(Piece("***")))

    def containers(inner: st.SearchStrategy[Piece]) -> st.SearchStrategy[Piece]:
        item = st.lists(inner, min_size=1, max_size=2).map(lambda ps: join(ps, "\n\n"))
        return st.one_of(
            st.tuples(
                st.sampled_from(["- ", "* ", "1. ", "3) "]), st.lists(item, min_size=1, max_size=4)
            ).map(lambda mi: join([_list_item(mi[0], i) for i in mi[1]], "\n")),
            inner.map(lambda p: Piece(_indent(p.text, "> "), p.words)),
        )

    return st.recursive(leaf, containers, max_leaves=8)


def _list_item(marker: str, item: Piece) -> Piece:
    """One list item: its content indented under the marker, as CommonMark requires."""
    body = _indent(item.text, " " * len(marker))
    return Piece(marker + body[len(marker) :], item.words)


def _indent(text: str, prefix: str) -> str:
    """Every line of text behind prefix (blank lines too, so quotes and items stay together)."""
    return "\n".join(prefix + line for line in text.split("\n"))


@st.composite
def documents(draw: st.DrawFn, *, renderable: bool = False) -> Draft:
    """A whole draft; ``renderable`` leaves out noise the wiki parser cannot be compared on."""
    tokens = st.one_of(marker_words, marker_words, meta_tokens, noise_tokens)
    top = 2 if renderable else 1
    cited = draw(sources)
    cites = st.sampled_from([s.use() for s in cited]) if cited else st.nothing()
    body = join(draw(st.lists(blocks(tokens, cites, top), min_size=1, max_size=6)), "\n\n")
    markdown = body.text + references(cited)
    if not renderable:
        markdown = draw(noisy(markdown))
    return Draft(markdown + "\n", body.words, body.text)


@st.composite
def noisy(draw: st.DrawFn, markdown: str) -> str:
    """The draft with transport damage: CRLF line ends, NUL bytes, a huge line."""
    if draw(st.booleans()):
        markdown = markdown.replace("\n", "\r\n")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(markdown)))
        markdown = markdown[:at] + "\x00" + markdown[at:]
    if draw(st.integers(0, 9)) == 0:
        markdown += "\n\n" + HUGE * draw(st.integers(10_000, 40_000))
    return markdown


any_text = st.text(st.characters(codec="utf-8"), max_size=2000)
