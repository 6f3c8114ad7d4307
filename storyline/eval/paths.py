"""Where the shared benchmark data lives: ``$STORYLINE_SHARED`` or ``../shared`` beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    env = os.environ.get("STORYLINE_SHARED")
    return Path(env) if env else (REPO_DIR.parent / "shared")


def bench_dir() -> Path:
    """storyline's own test sets (times, coreference), written by us."""
    return REPO_DIR / "bench"
