"""Gazetteer typing: places, regions, leaders and outlets the plain model gets wrong."""

from __future__ import annotations

import time

import pytest
from spacy.language import Language

from storyline.nlp.kb import load_kb
from storyline.read import read_text
from storyline.settings import Config

TEXT = ("Russian forces shelled Luhansk, Kherson and Zaporizhzhia on Monday, while Crimea stayed quiet. "
        "Zelenskyy said Bloomberg had misquoted him. Kiev and Zaporozhye officials disagreed.\n")


@pytest.mark.model
def test_nlp_gazetteer_types_fixed(nlp: Language) -> None:
    doc = nlp(TEXT)
    found = {e.text: (e.label_, e.kb_id_) for e in doc.ents}
    assert found["Luhansk"] == ("LOC", "region:ua-09")
    assert found["Kherson"] == ("LOC", "region:ua-65")
    assert found["Zaporizhzhia"] == ("LOC", "region:ua-23")
    assert found["Zaporozhye"] == ("LOC", "region:ua-23")
    assert found["Crimea"] == ("LOC", "region:ua-43")
    assert found["Zelenskyy"] == ("PERSON", "person:volodymyr-zelenskyy")
    assert found["Bloomberg"] == ("ORG", "org:bloomberg-news")
    assert found["Kiev"] == ("GPE", "city:kyiv")
    assert found["Russian"] == ("NORP", "country:ru")


@pytest.mark.model
def test_nlp_gazetteer_types_off(config: Config) -> None:
    article = read_text("Zelenskyy met Bloomberg reporters in Kherson.\n", config=config.replace(gazetteer=False))
    ids = {e.id for e in article.entities}
    assert "person:volodymyr-zelenskyy" not in ids  # no gazetteer ids without the gazetteer


@pytest.mark.model
def test_nlp_gazetteer_types_chrome_has_no_entities(config: Config) -> None:
    text = ("Ankara says talks with Moscow will go on\nBy Ayse Demir\nANKARA (AA) - Turkey's foreign minister "
            "Hakan Fidan said on Monday that talks would continue.\nKaynak:\n"
            "This news has been read 157 times in total\n"
            "Türkçe karakter kullanılmayan ve büyük harflerle yazılmış yorumlar onaylanmamaktadır.\n")
    article = read_text(text, config=config)
    chrome = [r for r in article.regions if r.kind == "chrome"]
    for entity in article.entities:
        for m in entity.mentions:
            assert not any(r.start <= m.start < r.end for r in chrome), m.text
    assert "Türkçe" not in {m.text for e in article.entities for m in e.mentions}


def test_nlp_gazetteer_types_matcher_build_fast(vocab_nlp: Language) -> None:
    start = time.perf_counter()
    kb = load_kb(True, "")
    import spacy

    fresh = spacy.blank("en")
    kb.matchers(fresh.vocab)
    assert time.perf_counter() - start < 3.0
    assert kb.forms["Zelensky"] == ["person:volodymyr-zelenskyy"]
    assert kb.forms["Lugansk"] == ["region:ua-09"]
    assert kb.forms["Donbass"] == ["region:donbas"]
    assert kb.lookup("WASHINGTON") is not None and kb.lookup("WASHINGTON").id == "city:washington"  # type: ignore[union-attr]
    assert "person:vladimir-putin" in kb.titles["kremlin leader"]
    assert kb.titles["russian president"] == ["person:vladimir-putin"]
