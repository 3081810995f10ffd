"""Facts about MediaWiki markup the converter must respect, each with where it comes from."""

from __future__ import annotations

# $wgUrlProtocols (MediaWiki DefaultSettings.php, 1.39): prefixes that make text an external link.
URL_PROTOCOLS: tuple[str, ...] = (
    "bitcoin:", "ftp://", "ftps://", "geo:", "git://", "gopher://", "http://", "https://",
    "irc://", "ircs://", "magnet:", "mailto:", "matrix:", "mms://", "news:", "nntp://",
    "redis://", "sftp://", "sip:", "sips:", "sms:", "ssh://", "svn://", "tel:", "telnet://",
    "urn:", "worldwind://", "xmpp:",
)  # fmt: skip

# Sanitizer::getRecognizedTagData (MediaWiki 1.39): HTML tags wikitext may contain as tags.
_ALLOWED = """
    abbr b bdi bdo big blockquote br caption center cite code data dd del dfn div dl dt em font
    h1 h2 h3 h4 h5 h6 hr i ins kbd li mark ol p q rb rp rt rtc ruby s samp small span strike
    strong sub sup table td th time tr tt u ul var wbr
"""
ALLOWED_TAGS: frozenset[str] = frozenset(_ALLOWED.split())

# Allowed tags that make blocks (HTML's flow content that is not phrasing content): inside a
# line of text (a paragraph, heading or cell) they would break the line's own structure.
_BLOCK = "blockquote caption center dd div dl dt h1 h2 h3 h4 h5 h6 hr li ol p table td th tr ul"
INLINE_TAGS: frozenset[str] = ALLOWED_TAGS - frozenset(_BLOCK.split())

# Tags whose content is not text a reader should see: dropped with everything inside them.
# (script, style, iframe and the rest of GFM's tagfilter are shown as text instead.)
_REMOVED = "object embed applet noscript template frame frameset"
REMOVED_TAGS: frozenset[str] = frozenset(_REMOVED.split())

# Parser tags of MediaWiki core and of extensions Wikipedia runs (Special:Version, "Parser
# extension tags"): written in text they are markup, so they are unwrapped or escaped.
_EXTENSION = """
    categorytree ce chem gallery graph hiero imagemap indicator inputbox langconvert mapframe
    maplink math nowiki poem pre ref references score section syntaxhighlight source templatedata
    templatestyles timeline includeonly noinclude onlyinclude
"""
EXTENSION_TAGS: frozenset[str] = frozenset(_EXTENSION.split())

# Tags that are empty by HTML's rules (never closed).
_VOID = "br hr wbr img input col area source track"
VOID_TAGS: frozenset[str] = frozenset(_VOID.split())

# Host and path shapes of files on Wikimedia Commons, whose names MediaWiki can show directly.
COMMONS_FILE_PREFIXES: tuple[str, ...] = (
    "https://commons.wikimedia.org/wiki/File:",
    "https://upload.wikimedia.org/wikipedia/commons/",
)
