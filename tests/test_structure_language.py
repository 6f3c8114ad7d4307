"""Language identification."""

from __future__ import annotations

import pytest

from storyline.structure.language import detect_language


@pytest.mark.parametrize(("text", "code"), [
    ("The US and Russia are aiming to reach a deal to halt the war in Ukraine.", "en"),
    ("Türkçe karakter kullanılmayan ve büyük harflerle yazılmış yorumlar onaylanmamaktadır.", "tr"),
    ("Die Bundesregierung hat am Freitag neue Maßnahmen beschlossen.", "de"),
    ("Le gouvernement a annoncé vendredi de nouvelles mesures.", "fr"),
    ("El gobierno anunció el viernes nuevas medidas económicas.", "es"),
    ("Правительство в пятницу объявило о новых мерах.", "ru"),
])
def test_structure_language_detects(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_structure_language_too_short() -> None:
    assert detect_language("") is None
    assert detect_language("ok 12") is None
