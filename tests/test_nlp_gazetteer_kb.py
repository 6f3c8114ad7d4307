"""User knowledge-base files: merged over the gazetteer; a bad line is E201 with its number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import KnowledgeBaseError
from storyline.nlp.kb import load_kb, slug


def _write(path: Path, rows: list[str]) -> str:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_nlp_gazetteer_kb_user_entry_added(tmp_path: Path) -> None:
    entry = {"id": "person:aldo-ferrant", "name": "Aldo Ferrant", "type": "PERSON", "kind": "foreign minister",
             "aliases": ["Ferrant"], "gender": "m"}
    path = _write(tmp_path / "kb.jsonl", ["# my entities", json.dumps(entry)])
    kb = load_kb(True, path)
    assert kb.forms["Ferrant"] == ["person:aldo-ferrant"]
    assert kb.entries["person:aldo-ferrant"].gender == "m"
    assert "country:ru" in kb.entries  # bundled entries still there
    only = load_kb(False, path)
    assert list(only.entries) == ["person:aldo-ferrant"]


@pytest.mark.parametrize("bad, reason", [
    ('{"id": "person:x", "name": "X"', "bad JSON"),
    ('{"id": "Person X", "name": "X", "type": "PERSON"}', "prefix:slug"),
    ('{"id": "person:x", "name": "X", "type": "HUMAN"}', "type"),
    ('{"id": "person:x", "name": "X", "type": "PERSON", "aliases": "X"}', "aliases"),
    ('["not", "an", "object"]', "JSON object"),
])
def test_nlp_gazetteer_kb_bad_line(tmp_path: Path, bad: str, reason: str) -> None:
    good = '{"id": "org:acme-corp", "name": "Acme Corp", "type": "ORG"}'
    path = _write(tmp_path / "kb.jsonl", [good, "", bad])
    with pytest.raises(KnowledgeBaseError) as info:
        load_kb(True, path)
    err = info.value
    assert err.code == "E201"
    assert err.line == 3
    assert path in str(err) and "line 3" in str(err) and reason in str(err)


def test_nlp_gazetteer_kb_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError):
        load_kb(True, str(tmp_path / "nope.jsonl"))


def test_nlp_gazetteer_kb_slug() -> None:
    assert slug("Diyar Güldoğan") == "diyar-guldogan"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slug("Acme Corp.") == "acme-corp"


@pytest.mark.model
def test_nlp_gazetteer_kb_user_entry_in_pipeline(tmp_path: Path) -> None:
    from storyline.read import read_text
    from storyline.settings import Config

    entry = {"id": "person:aldo-ferrant", "name": "Aldo Ferrant", "type": "PERSON", "kind": "foreign minister",
             "country": "ru", "aliases": ["Ferrant", "A. Ferrant"], "gender": "m", "roles": ["foreign minister"]}
    path = _write(tmp_path / "kb.jsonl", [json.dumps(entry)])
    config = Config.load({"knowledge_base": path}, environ={})
    article = read_text("A. Ferrant arrived in Kyiv. The Russian foreign minister said talks would go on.\n",
                        config=config)
    by_id = {e.id: e for e in article.entities}
    ferrant = by_id["person:aldo-ferrant"]
    assert ferrant.kind == "foreign minister"
    assert {"A. Ferrant", "The Russian foreign minister"} <= {m.text for m in ferrant.mentions}
