"""Citations: recognise every draft's way of citing, emit ``<ref>``, ``{{efn}}`` and ref lists.

``install(md)`` adds the parser rules (after mdit-py-plugins' footnote plugin); per draft a
``ReferenceBook`` is ``collect``-ed from the tree, cited while the body renders (the renderers in
``converters.render.citations.RENDERERS``), and asked for its ``sections()`` at the end.
"""

from converters.citations.book import ReferenceBook
from converters.citations.plugin import install

__all__ = ["ReferenceBook", "install"]
