"""Find inputs and decode them.

:func:`iter_paths` walks files and directories (``-`` is stdin);
:func:`load` reads one path into a :class:`RawInput`; :func:`decode` turns
bytes into text or raises a coded :class:`~storyline.errors.InputError`.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import (
    BinaryInputError,
    DecodeInputError,
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
)

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
STDIN = "-"


@dataclass
class RawInput:
    """One input's bytes (gzip already undone) and what is known of it."""

    path: str | None
    data: bytes
    format: str  # "text" | "html"
    id: str  # sha256 of the input bytes as given (before gunzip)


def _suffixes(path: Path) -> list[str]:
    sfx = [s.lower() for s in path.suffixes]
    return sfx[:-1] if sfx and sfx[-1] == ".gz" else sfx


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files under ``paths`` in a stable order; directories are walked for
    ``.txt``, ``.html`` and ``.html.gz`` files (hidden files skipped)."""
    for p in paths:
        if p == STDIN:
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    sfx = _suffixes(child)
                    if (sfx[-1] if sfx else "") in KNOWN_SUFFIXES:
                        yield str(child)
        else:
            yield p


def sniff_format(data: bytes, path: str | None) -> str:
    if path and path != STDIN:
        sfx = _suffixes(Path(path))
        if sfx and sfx[-1] in HTML_SUFFIXES:
            return "html"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<head" in head:
        return "html"
    return "text"


def load(path: str, max_bytes: int) -> RawInput:
    """Read ``path`` (or stdin for ``-``), gunzip when needed, check size."""
    try:
        if path == STDIN:
            raw = sys.stdin.buffer.read()
        else:
            p = Path(path)
            if not p.is_file():
                raise InputNotFoundError("no such file", path)
            size = p.stat().st_size
            if size > max_bytes:
                raise InputTooLargeError(f"{size} bytes is over the limit of {max_bytes} (setting max_bytes)", path)
            raw = p.read_bytes()
    except OSError as err:
        raise InputNotFoundError(f"cannot read: {err.strerror or err}", path) from err
    return from_bytes(raw, path if path != STDIN else None, max_bytes)


def from_bytes(raw: bytes, path: str | None, max_bytes: int) -> RawInput:
    digest = hashlib.sha256(raw).hexdigest()
    data = raw
    if raw[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(raw)
        except (OSError, EOFError) as err:
            raise DecodeInputError(f"broken gzip stream: {err}", path) from err
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{len(data)} bytes is over the limit of {max_bytes} (setting max_bytes)", path)
    if not data.strip():
        raise EmptyInputError("the input is empty", path)
    return RawInput(path=path, data=data, format=sniff_format(data, path), id=digest)


_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"RIFF")


def decode(data: bytes, path: str | None) -> str:
    """Bytes to text: UTF-8 (a BOM dropped), then UTF-16 with a BOM, then
    cp1252 for legacy pages. Binary data and undecodable bytes raise."""
    if data.startswith(_MAGIC):
        raise BinaryInputError("binary file (its first bytes are a known binary format)", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise DecodeInputError(f"bad UTF-16: {err.reason} at byte {err.start}", path) from err
    if b"\x00" in data[:8192]:
        raise BinaryInputError("binary file (NUL bytes)", path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise DecodeInputError(f"not UTF-8 ({err.reason} at byte {err.start}) nor cp1252", path) from err
        LOGGER.info("%s: not UTF-8, decoded as cp1252", path)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise BinaryInputError(f"binary file ({controls} control characters in the first 8 KiB)", path)
    if not text.strip():
        raise EmptyInputError("the input holds only white space", path)
    return text
