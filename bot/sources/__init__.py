"""Cited sources on the web: fetched safely, cached, read for citation metadata, and judged."""
