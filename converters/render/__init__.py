"""Rendering a Markdown syntax tree to wikitext: one small function per node type (see table)."""
