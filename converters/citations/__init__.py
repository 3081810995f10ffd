"""Citations: recognise every draft's way of citing, emit ``<ref>``, ``{{efn}}`` and ref lists.

One module per citation style, each with its parser rules, its definition or list reading, its
artifacts and the fixture files that show it: ``footnotes`` (Markdown, notes), ``copilot``
(Bing), ``perplexity``, ``numbered`` (a numbered "References" list), ``chatgpt``, ``gemini``,
``deepseek``, ``grok``. ``plugin.install(md)`` orders their rules on the parser; ``artifacts``
gathers the assistants' artifacts into one table. Shared beside them: the ``ReferenceBook``
(``book``), reference names (``names``), the wikitext of refs and templates (``markup``,
``templates``), sources and URLs (``sources``, ``urls``, ``sites``, ``tracking``).

Per draft a ``ReferenceBook`` is ``collect``-ed from the tree, cited while the body renders, and
asked for its ``sections()`` at the end. The renderers (``converters/render/refs.py``) call
the book; the book never imports them: it renders a footnote body through the callback it is
given.
"""

from converters.citations.book import ReferenceBook
from converters.citations.plugin import install

__all__ = ["ReferenceBook", "install"]
