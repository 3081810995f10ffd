"""Facts about web sites that citations need: well-known site names and public suffixes."""

from __future__ import annotations

# Domain -> the site's name as its own Wikipedia article spells it (checked by hand against the
# article titles); a host matches its domain or any subdomain of it. Sites not listed fall back to
# their domain name, which is what editors write in |website= when they know no better.
WELL_KNOWN_SITES: dict[str, str] = {
    "wikipedia.org": "Wikipedia",
    "britannica.com": "Encyclopædia Britannica",
    "biomedcentral.com": "BioMed Central",
    "nature.com": "Nature",
    "sciencedirect.com": "ScienceDirect",
    "springer.com": "Springer",
    "wiley.com": "Wiley",
    "ncbi.nlm.nih.gov": "National Center for Biotechnology Information",
    "nih.gov": "National Institutes of Health",
    "cdc.gov": "Centers for Disease Control and Prevention",
    "who.int": "World Health Organization",
    "mayoclinic.org": "Mayo Clinic",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "bloomberg.com": "Bloomberg News",
    "cnn.com": "CNN",
    "npr.org": "NPR",
    "economist.com": "The Economist",
    "forbes.com": "Forbes",
    "theatlantic.com": "The Atlantic",
    "nationalgeographic.com": "National Geographic",
    "smithsonianmag.com": "Smithsonian",
    "arxiv.org": "arXiv",
    "github.com": "GitHub",
    "youtube.com": "YouTube",
    "investopedia.com": "Investopedia",
    "statista.com": "Statista",
    "un.org": "United Nations",
    "europa.eu": "European Union",
}

# Second-level labels under which registries sell names (example.co.uk, example.com.au): the
# readable part of such a host is the label before them. A small excerpt of the Public Suffix
# List (publicsuffix.org), enough for the sites drafts cite; others fall back to the last label.
SECOND_LEVEL_SUFFIXES: frozenset[str] = frozenset(
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "co.jp", "ac.jp", "com.au", "org.au", "edu.au",
        "gov.au", "co.nz", "co.in", "com.br", "com.cn", "co.za", "com.sg", "com.mx", "com.tr",
    }
)  # fmt: skip
