"""Main text and metadata of an HTML page, through trafilatura."""

from __future__ import annotations

import trafilatura

from cronaca.errors import InputError
from cronaca.model import Metadata


def extract_html(html: str, where: str) -> tuple[str, Metadata]:
    """Returns the page's main text (boilerplate removed) and what its markup says about it."""
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True
    )
    text = (getattr(result, "text", None) or "").strip()
    if not text:
        raise InputError(where, "no article text found in the HTML page")
    authors = tuple(
        a.strip() for a in (getattr(result, "author", None) or "").split(";") if a.strip()
    )
    return text, Metadata(
        title=getattr(result, "title", None) or None,
        source=getattr(result, "sitename", None) or None,
        authors=authors,
        published=getattr(result, "date", None) or None,
    )
