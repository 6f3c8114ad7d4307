"""The bundled sample corpus: every file says it is invented; formats and sizes as documented."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MARKER = "SAMPLE ARTICLE — invented story for storyline's demo; not real reporting"


def sample_files() -> list[Path]:
    """The articles (what ``storyline read samples/`` reads), not the README or the knowledge base."""
    return sorted(p for p in SAMPLES.iterdir() if p.name.endswith((".txt", ".html", ".html.gz")))


def read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def article_paragraphs(html: str) -> list[str]:
    block = re.search(r"<article.*?</article>", html, flags=re.S)
    assert block is not None
    return [re.sub(r"\s+", " ", p) for p in re.findall(r"<p>(.*?)</p>", block.group(0), flags=re.S)]


def body_words(path: Path, text: str) -> int:
    if ".html" in path.name:
        paragraphs = article_paragraphs(text)
        return sum(len(p.split()) for p in paragraphs)
    lines = text.splitlines()
    return sum(len(line.split()) for line in lines[3:] if len(line.split()) > 12)


def test_samples_all_marked_as_invented() -> None:
    files = sample_files()
    assert 6 <= len(files) <= 10
    for path in files:
        text = read(path)
        assert MARKER in text, path.name
        if path.suffix == ".txt":
            # page chrome at the end, never the headline line
            assert text.splitlines()[-1] == MARKER, path.name
            assert MARKER not in text.splitlines()[0]
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "invented" in readme and "not real reporting" in readme


def test_samples_formats_and_sizes() -> None:
    files = sample_files()
    names = [p.name for p in files]
    assert sum(n.endswith(".txt") for n in names) >= 3
    assert sum(n.endswith(".html") for n in names) >= 2
    assert sum(n.endswith(".html.gz") for n in names) == 1
    for path in files:
        text = read(path)
        assert 150 <= body_words(path, text) <= 350, (path.name, body_words(path, text))
        if ".html" in path.name:
            assert re.search(r'<meta property="article:published_time" content="2031-03-\d\dT', text), path.name
            assert '<meta property="og:title"' in text and '<meta name="author"' in text and "<article" in text


def test_samples_portal_copies_share_the_body() -> None:
    txt = read(SAMPLES / "04_lusora_to_host_talks.txt")
    html = read(SAMPLES / "05_lusora_to_host_talks_harborpost.html")
    paragraphs = article_paragraphs(html)
    assert len(paragraphs) == 6
    assert all(p in txt for p in paragraphs)


def test_samples_knowledge_base_is_invented_and_valid() -> None:
    from storyline.lexicon import read_jsonl

    path = SAMPLES / "knowledge_base.jsonl"
    assert "INVENTED" in path.read_text(encoding="utf-8").splitlines()[0]
    rows = read_jsonl(path)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) >= 10
    for row in rows:
        assert re.fullmatch(r"[a-z]+:[a-z0-9][a-z0-9._-]*", row["id"]), row
        assert row["name"] and row["type"] in {"PERSON", "ORG", "GPE", "LOC", "NORP", "GROUP", "OTHER"}
        # invented countries only use ISO 3166's user-assigned codes
        assert row.get("country") is None or row["country"].startswith("x"), row
