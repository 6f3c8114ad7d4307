"""Settings are declared once; env, overrides and docs derive from the declaration."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import SettingError
from storyline.settings import SETTINGS, Config, settings_markdown


def test_settings_env_and_override_priority() -> None:
    config = Config.load({"batch_size": "3"}, environ={"STORYLINE_BATCH_SIZE": "7", "STORYLINE_GAZETTEER": "no"})
    assert config.batch_size == 3
    assert config.gazetteer is False
    assert Config.load(environ={"STORYLINE_BATCH_SIZE": "7"}).batch_size == 7


def test_settings_bad_value_is_coded() -> None:
    with pytest.raises(SettingError) as info:
        Config.load({"max_bytes": "lots"}, environ={})
    assert info.value.code == "E202"
    with pytest.raises(SettingError):
        Config.load({"no_such_setting": 1}, environ={})


def test_settings_docs_match_declaration() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "settings.md").read_text(encoding="utf-8")
    assert settings_markdown() in doc
    assert all(f"`{s.name}`" in doc for s in SETTINGS)
