"""Shared fixtures. Model-backed tests are marked ``@pytest.mark.model``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.eval.paths import shared_dir
from storyline.record import Article
from storyline.settings import Config

SHARED = shared_dir()
SEED = SHARED / "seed" / "000_dd434dec23945da0.txt"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def config() -> Config:
    return Config.load(environ={})


@pytest.fixture(scope="session")
def nlp(config: Config) -> Any:
    from storyline.nlp.pipeline import get_pipeline

    return get_pipeline(config)


@pytest.fixture(scope="session")
def vocab_nlp() -> Any:
    """A blank English pipeline for hand-built Docs in unit tests."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seed not present")
    return SEED


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    path = SHARED / "gold" / "seed.json"
    if not path.exists():
        pytest.skip("../shared/gold not present")
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def seed_article(seed_path: Path, config: Config) -> Article:
    from storyline.read import read_path

    return read_path(str(seed_path), published="2025-08-08", config=config)


@pytest.fixture(scope="session")
def seed_article_undated(seed_path: Path, config: Config) -> Article:
    from storyline.read import read_path

    return read_path(str(seed_path), config=config)
