"""Error codes are unique, stable and documented."""

from __future__ import annotations

from pathlib import Path

from storyline.errors import ALL_ERRORS, KnowledgeBaseError


def test_errors_codes_unique_and_documented() -> None:
    codes = [cls.code for cls in ALL_ERRORS if cls.code != "E000"]
    assert len(codes) == len(set(codes))
    doc = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")
    for cls in ALL_ERRORS[1:]:
        assert f"| {cls.code} | `{cls.__name__}` |" in doc


def test_errors_message_names_file_and_line() -> None:
    err = KnowledgeBaseError("missing 'name'", "kb.jsonl", line=4)
    assert err.message == "kb.jsonl: E201 line 4: missing 'name'"
