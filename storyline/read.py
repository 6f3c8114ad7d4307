"""Read articles: bytes in, :class:`~storyline.record.Article` records out.

This module orchestrates one article through the stages
ingest → structure → nlp. It is the library's main entry point::

    from storyline import read_path
    article = read_path("article.txt", published="2025-08-08")
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .errors import SettingError, StorylineError
from .ingest import sources
from .ingest.html import extract_html
from .nlp.extensions import get_list
from .nlp.pipeline import get_pipeline
from .nlp.times import NO_DATE_WARNING
from .record import Article, InputInfo, calendar_date
from .settings import Config
from .structure.language import detect_language
from .structure.layout import Layout
from .structure.text import segment_text

LOGGER = logging.getLogger(__name__)

def parse_published(value: str | dt.date | None) -> str | None:
    """Check a user-given publication date (``YYYY-MM-DD`` or ISO 8601 datetime)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value).isoformat()
    except ValueError as err:
        raise SettingError(f"--published {value!r} is not an ISO 8601 date (YYYY-MM-DD)") from err


@dataclass
class Prepared:
    """An input after ingest and structure, before NLP."""

    raw: sources.RawInput
    layout: Layout


def prepare(raw: sources.RawInput, published: str | None = None) -> Prepared:
    """Decode and segment one input (no NLP). Raises :class:`InputError`."""
    text = sources.decode(raw.data, raw.path)
    if raw.format == "html":
        layout = extract_html(text, raw.path)
    else:
        layout = segment_text(text)
    md = layout.metadata
    if published:
        md.published, md.published_from = published, "user"
    body = "\n".join(layout.text[r.start:r.end] for r in layout.regions if r.kind == "body")
    md.language = detect_language(body or layout.text)
    return Prepared(raw, layout)


def make_doc(nlp: Language, prepared: Prepared) -> Doc:
    doc = nlp.make_doc(prepared.layout.text)
    doc._.regions = prepared.layout.regions
    doc._.published = calendar_date(prepared.layout.metadata.published)
    doc._.language = prepared.layout.metadata.language
    doc._.sl_warnings = list(prepared.layout.warnings)
    return doc


def to_article(prepared: Prepared, doc: Doc) -> Article:
    layout, raw = prepared.layout, prepared.raw
    warnings = list(dict.fromkeys(get_list(doc, "sl_warnings")))
    if layout.metadata.published is None and NO_DATE_WARNING not in warnings:
        warnings.append(NO_DATE_WARNING)
    return Article(
        id=raw.id,
        input=InputInfo(path=raw.path, url=layout.url, format="html" if raw.format == "html" else "text"),
        text=layout.text,
        regions=layout.regions,
        metadata=layout.metadata,
        entities=get_list(doc, "sl_entities"),
        attributions=get_list(doc, "sl_attributions"),
        times=get_list(doc, "sl_times"),
        events=get_list(doc, "sl_events"),
        hedges=get_list(doc, "sl_hedges"),
        warnings=warnings,
    )


def read_prepared(items: Iterable[Prepared], config: Config) -> Iterator[Article]:
    nlp = get_pipeline(config)
    batch = list(items)
    docs = nlp.pipe((make_doc(nlp, p) for p in batch), batch_size=config.batch_size)
    for prepared, doc in zip(batch, docs, strict=True):
        yield to_article(prepared, doc)


def read_bytes(data: bytes, *, path: str | None = None, published: str | dt.date | None = None,
               config: Config | None = None) -> Article:
    """Read one article from bytes (text dump or HTML, gzip allowed)."""
    config = config or Config.load()
    raw = sources.from_bytes(data, path, config.max_bytes)
    prepared = prepare(raw, parse_published(published))
    return next(read_prepared([prepared], config))


def read_text(text: str, *, published: str | dt.date | None = None, config: Config | None = None) -> Article:
    """Read one plain-text article given as a string."""
    return read_bytes(text.encode("utf-8"), published=published, config=config)


def read_path(path: str, *, published: str | dt.date | None = None, config: Config | None = None) -> Article:
    """Read one file (``.txt``, ``.html``, ``.html.gz``)."""
    config = config or Config.load()
    raw = sources.load(path, config.max_bytes)
    return next(read_prepared([prepare(raw, parse_published(published))], config))


@dataclass
class Outcome:
    """One input's result: an article or the error that stopped it."""

    path: str
    article: Article | None = None
    error: StorylineError | None = None


def read_paths(paths: Iterable[str], *, published: str | dt.date | None = None,
               config: Config | None = None, chunk: int = 32) -> Iterator[Outcome]:
    """Read many inputs (directories walked, ``-`` for stdin). A bad input
    yields an :class:`Outcome` with its error and the others go on."""
    config = config or Config.load()
    pub = parse_published(published)
    pending: list[tuple[str, Prepared]] = []

    def flush() -> Iterator[Outcome]:
        articles = read_prepared([p for _, p in pending], config)
        for (path, _), article in zip(pending, articles, strict=True):
            yield Outcome(path, article=article)
        pending.clear()

    for path in sources.iter_paths(paths):
        try:
            raw = sources.load(path, config.max_bytes)
            pending.append((path, prepare(raw, pub)))
        except StorylineError as err:
            yield Outcome(path, error=err)
            continue
        if len(pending) >= chunk:
            yield from flush()
    if pending:
        yield from flush()
