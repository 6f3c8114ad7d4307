"""The package imports downward only: ingest → structure → nlp → story → store → serve."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "storyline"

# A module of a layer may import its own layer and the layers below it.
LAYERS = {
    "record": 0, "errors": 0, "settings": 0, "lexicon": 0,
    "ingest": 1, "structure": 1,
    "nlp": 2,
    "story": 3, "brief": 3,
    "store": 4, "read": 4, "learn": 4,
    "eval": 5, "web": 5, "cli": 6, "__init__": 6,
}


def _layer(module: str) -> int | None:
    return LAYERS.get(module.split(".")[0])


def test_architecture_imports_go_downward() -> None:
    bad = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).with_suffix("")
        top = rel.parts[0]
        own = _layer(top)
        if own is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level > 0 and node.module is not None:
                depth = node.level - 1
                base = list(rel.parts[:-1])
                target = ".".join((base[: len(base) - depth] if depth else base) + [node.module])
                other = _layer(target) if target else None
                if other is not None and other > own:
                    bad.append(f"{rel}: imports {target}")
    assert not bad, bad
