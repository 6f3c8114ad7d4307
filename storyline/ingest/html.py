"""HTML pages to article text (stub, to be replaced)."""
from __future__ import annotations

import trafilatura

from ..errors import NotAnArticleError
from ..structure.layout import Layout
from ..structure.text import segment_text


def extract_html(html: str, path: str | None = None, url: str | None = None) -> Layout:
    text = trafilatura.extract(html, url=url)
    if not text:
        raise NotAnArticleError("no article text found in the page", path)
    return segment_text(text)
