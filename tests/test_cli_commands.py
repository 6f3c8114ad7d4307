"""The command line end to end (model-backed): records, errors at the edge, idempotent ingest."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main

pytestmark = pytest.mark.model


def test_cli_read_json_record(seed_path: Path) -> None:
    result = CliRunner().invoke(main, ["read", str(seed_path), "--published", "2025-08-08", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "storyline/article@1"
    assert record["metadata"]["published"] == "2025-08-08"
    assert record["metadata"]["published_from"] == "user"
    assert record["text"] == seed_path.read_text(encoding="utf-8")


def test_cli_read_bad_inputs_go_on_and_exit_nonzero(tmp_path: Path, seed_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(main, ["read", str(empty), str(binary), str(seed_path), "--format", "json"])
    assert result.exit_code == 1
    assert f"{empty}: E101" in result.stderr
    assert f"{binary}: E102" in result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1 and json.loads(lines[0])["metadata"]["title"]


def test_cli_read_stdin_and_brief(seed_path: Path) -> None:
    result = CliRunner().invoke(main, ["read", "-", "--published", "2025-08-08"],
                                input=seed_path.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("US, Russia plan truce deal")
    assert "published: 2025-08-08 (from user)" in result.stdout


def test_cli_read_bad_published_is_config_error(seed_path: Path) -> None:
    result = CliRunner().invoke(main, ["read", str(seed_path), "--published", "last Tuesday"])
    assert result.exit_code == 2
    assert "E202" in result.stderr


def test_cli_ingest_twice_changes_nothing(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "s.db"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"   ")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(seed_path), str(bad), "--db", str(db), "-q"])
    assert first.exit_code == 1 and "1 new, 0 unchanged, 1 failed" in first.stderr
    with sqlite3.connect(db) as conn:
        before = conn.execute("select id, record from articles").fetchall()
    second = runner.invoke(main, ["ingest", str(seed_path), "--db", str(db), "-q"])
    assert second.exit_code == 0 and "0 new, 1 unchanged, 0 failed" in second.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select id, record from articles").fetchall() == before
    listing = runner.invoke(main, ["articles", "--db", str(db)])
    assert "US, Russia plan truce deal" in listing.stdout
