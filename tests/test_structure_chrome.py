"""Page-chrome lines in several languages."""

from __future__ import annotations

import pytest

from storyline.structure.chrome import match_chrome


@pytest.mark.parametrize(("line", "kind", "value", "language"), [
    ("This news has been read 157 times in total", "views", 157, "en"),
    ("Bu haber 1.234 kez okundu", "views", 1234, "tr"),
    ("1,234 views", "views", 1234, "en"),
    ("Просмотров: 523", "views", 523, "ru"),
    ("Gelesen: 88 mal", "views", 88, "de"),
    ("Lu 12 fois", "views", 12, "fr"),
    ("Leído 45 veces", "views", 45, "es"),
    ("Source:", "source_label", None, "en"),
    ("Kaynak:", "source_label", None, "tr"),
    ("Quelle: dpa", "source_label", "dpa", "de"),
    ("Fuente:", "source_label", None, "es"),
    ("Источник:", "source_label", None, "ru"),
    ("Share on Facebook", "share", None, "en"),
    ("Paylaş", "share", None, "tr"),
    ("Teilen", "share", None, "de"),
    ("Partager", "share", None, "fr"),
    ("Compartir", "share", None, "es"),
    ("Поделиться", "share", None, "ru"),
    ("Related:", "related", None, "en"),
    ("Read more: Alibaba poised to launch record listing", "related", None, "en"),
    ("İlgili Haberler", "related", None, "tr"),
    ("Lesen Sie auch", "related", None, "de"),
    ("À lire aussi", "related", None, "fr"),
    ("Читайте также", "related", None, "ru"),
    ("Türkçe karakter kullanılmayan ve büyük harflerle yazılmış yorumlar onaylanmamaktadır.", "comment_policy", None,
     "tr"),
    ("Comments are moderated and will appear after approval.", "comment_policy", None, "en"),
    ("We use cookies to improve your browsing experience.", "other", None, "en"),
    ("Sign up for our daily newsletter to get the news in your inbox", "other", None, "en"),
    ("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.", "other", None, "de"),
    ("Sitemizde çerezler kullanılmaktadır.", "other", None, "tr"),
    ("Nous utilisons des cookies pour améliorer votre expérience.", "other", None, "fr"),
    ("Utilizamos cookies para mejorar su experiencia.", "other", None, "es"),
    ("Мы используем cookie для улучшения работы сайта.", "other", None, "ru"),
    ("Bültenimize abone olun", "other", None, "tr"),
    ("Jetzt Newsletter abonnieren", "other", None, "de"),
    ("Abonnez-vous à notre newsletter", "other", None, "fr"),
    ("Suscríbete a nuestro boletín", "other", None, "es"),
    ("Подпишитесь на нашу рассылку", "other", None, "ru"),
    ("12 comments", "other", None, "en"),
])
def test_structure_chrome_lines(line: str, kind: str, value: int | str | None, language: str) -> None:
    m = match_chrome(line)
    assert m is not None, line
    assert (m.kind, m.value, m.language) == (kind, value, language)


@pytest.mark.parametrize("line", [
    "The US and Russia are aiming to reach a deal to halt the war in Ukraine.",
    "Putin said on Thursday that he has nothing against that meeting.",
    "The source said the talks would continue next week.",
    "The newsletter, first published in 1990, reported the sales on Friday.",
    "Sign up for a Hulu account for $11.99 a month, the company said.",
    "Comments by the minister drew criticism from the opposition on Monday.",
])
def test_structure_chrome_not_body(line: str) -> None:
    assert match_chrome(line) is None


def test_structure_chrome_list_header() -> None:
    bare = match_chrome("Related:")
    assert bare is not None and bare.starts_list
    filled = match_chrome("Related: Five things to know")
    assert filled is not None and not filled.starts_list


@pytest.mark.parametrize("line", [
    "Published in 2019, the report found prices were 30% higher.",
    "Reading time is falling among teenagers, the study says.",
    "Copyright infringement lawsuits rose 20% last year.",
    "Websites must ask for consent before setting cookies, the court said.",
    "Stand 2019 waren es 30 Prozent mehr.",
    "Publicado en 2019, el informe mostró una caída.",
])
def test_structure_chrome_prose_with_chrome_words(line: str) -> None:
    assert match_chrome(line) is None


@pytest.mark.parametrize("line", [
    "Updated 3 hours ago", "Reading time: 4 min", "© 2025 Example News. All rights reserved.", "Lesezeit: 3 Minuten",
    "Updated at 1:23 p.m.", "Copyright 2019 Hawaii News Now. All rights reserved.", "Getty/Instagram.",
])
def test_structure_chrome_page_furniture(line: str) -> None:
    m = match_chrome(line)
    assert m is not None and m.kind == "other"
