"""Loaders for storyline's data files (lexicons, gazetteers) in ``storyline/data``.

Lexicons are data, not code: cue verbs, agencies, chrome patterns, places,
leaders and event verbs live in JSON / JSON Lines files next to the package
and are read through these functions (cached)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from .errors import KnowledgeBaseError

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    return DATA_DIR / name


@cache
def load_json(name: str) -> Any:
    """A bundled JSON data file, parsed (cached; do not mutate the result)."""
    path = data_path(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise KnowledgeBaseError(f"bad JSON: {err.msg}", str(path), err.lineno) from err


def read_jsonl(path: Path | str) -> list[dict[str, Any]]:
    """Objects of a JSON Lines file; blank lines and ``#`` comments skipped.
    A bad line raises :class:`KnowledgeBaseError` naming the file and line."""
    rows: list[dict[str, Any]] = []
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read: {err.strerror or err}", str(p)) from err
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise KnowledgeBaseError(f"bad JSON: {err.msg}", str(p), number) from err
        if not isinstance(row, dict):
            raise KnowledgeBaseError("each line must be a JSON object", str(p), number)
        row["_line"] = number
        rows.append(row)
    return rows


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """A bundled JSON Lines data file (cached)."""
    return tuple(read_jsonl(data_path(name)))
