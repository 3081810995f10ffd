"""Errors raised by the converter: bad input apart from converter bugs."""


class ConversionError(ValueError):
    """The input cannot be converted (too large, not text); the message says what to do."""


class ConverterBug(RuntimeError):
    """The converter emitted wikitext that does not hold what it meant to emit."""
