"""Bad inputs get coded errors naming the file; good ones decode unchanged."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from storyline.errors import (
    BinaryInputError,
    DecodeInputError,
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
)
from storyline.ingest import sources


def test_ingest_sources_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"  \n\n")
    with pytest.raises(EmptyInputError) as info:
        sources.load(str(p), 1000)
    assert info.value.code == "E101"
    assert str(p) in str(info.value)


def test_ingest_sources_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    raw = sources.load(str(p), 10_000)
    with pytest.raises(BinaryInputError):
        sources.decode(raw.data, raw.path)
    with pytest.raises(BinaryInputError):
        sources.decode(b"abc\x00def" * 10, "x")


def test_ingest_sources_undecodable_bytes() -> None:
    # 0x81 is undefined in cp1252 and invalid UTF-8 on its own
    with pytest.raises(DecodeInputError) as info:
        sources.decode(b"caf\xc3 \x81\x81 text", "bad.txt")
    assert info.value.code == "E103" and "bad.txt" in info.value.message


def test_ingest_sources_too_large(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 100)
    with pytest.raises(InputTooLargeError) as info:
        sources.load(str(p), 50)
    assert "max_bytes" in info.value.reason


def test_ingest_sources_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        sources.load(str(tmp_path / "nope.txt"), 100)


def test_ingest_sources_gzip_and_bom(tmp_path: Path) -> None:
    p = tmp_path / "page.html.gz"
    html = b"<html><body><p>Hello</p></body></html>"
    p.write_bytes(gzip.compress(html))
    raw = sources.load(str(p), 10_000)
    assert raw.data == html and raw.format == "html"
    assert sources.decode(b"\xef\xbb\xbfHeadline\r\nBody", None) == "Headline\r\nBody"


def test_ingest_sources_walks_directories(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html.gz").write_bytes(b"")
    (tmp_path / "sub" / "c.png").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text("x")
    found = [Path(p).name for p in sources.iter_paths([str(tmp_path)])]
    assert found == ["a.txt", "b.html.gz"]
