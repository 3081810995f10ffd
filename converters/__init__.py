"""Markdown drafts to Wikipedia-grade wikitext. Pure: no network, no pywikibot."""

from converters.errors import ConversionError, ConverterBug
from converters.result import Conversion, ConversionWarning, Reference

__all__ = [
    "Conversion",
    "ConversionError",
    "ConversionWarning",
    "ConverterBug",
    "Reference",
    "convert",
]


def convert(markdown: str, *, title: str | None = None, **options: object) -> Conversion:
    """Convert one Markdown draft to wikitext (see converters.api for the options)."""
    from converters.api import convert as _convert

    return _convert(markdown, title=title, **options)
