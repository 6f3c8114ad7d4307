"""The seed article: all gold attributions found, with source, cue, quote, relay and hedges right."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.eval.attributions import check_seed
from storyline.record import Article


@pytest.mark.model
def test_nlp_attributions_seed_all_gold_found(seed_article: Article, gold: dict[str, Any]) -> None:
    result = check_seed(seed_article, gold)
    missing = [r for r in result["attributions"] if not r["found"]]
    assert not missing, missing
    wrong = [r for r in result["attributions"] if not all(v for v in r.values() if isinstance(v, bool))]
    assert not wrong, wrong
    assert result["predicted"] <= result["gold"] + 2


@pytest.mark.model
def test_nlp_attributions_seed_anonymous_origins(seed_article: Article) -> None:
    anonymous = [a for a in seed_article.attributions
                 if a.source.kind == "anonymous" or (a.cites is not None and a.cites.anonymous)]
    assert len(anonymous) == 5
    cited = [a for a in seed_article.attributions if a.cites is not None]
    assert cited and cited[0].source.text == "it" and cited[0].source.name in ("Bloomberg News", "Bloomberg")


@pytest.mark.model
def test_nlp_attributions_seed_hedges(seed_article: Article, gold: dict[str, Any]) -> None:
    result = check_seed(seed_article, gold)
    assert all(h["hedge"] for h in result["hedges"]), result["hedges"]
    assert all(h["attribution_level"] and set(h["attribution_level"]) <= {"hedged", "uncertain"}
               for h in result["hedges"]), result["hedges"]
    assert all(h.level in ("hedged", "uncertain", "denied") for h in seed_article.hedges)


@pytest.mark.model
def test_nlp_attributions_seed_chrome_is_not_attributed(seed_article: Article) -> None:
    chrome = [r for r in seed_article.regions if r.kind == "chrome"]
    for a in seed_article.attributions:
        for s, e in a.content.spans:
            assert not any(r.start <= s and e <= r.end for r in chrome)
