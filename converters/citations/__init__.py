"""Citations: recognise every draft's way of citing, emit ``<ref>``, ``{{efn}}`` and ref lists.

``install(md)`` adds the parser rules, ``ReferenceBook`` holds the sources of one draft and
``RENDERERS`` renders the citation node types (merge it into the renderer table).
"""

from converters.citations.book import ReferenceBook
from converters.citations.plugin import install

__all__ = ["ReferenceBook", "install"]
