"""Unknown states read from what only a state has ("the government of X") and their demonyms."""

from __future__ import annotations

import pytest

from storyline.read import read_text
from storyline.settings import Config

pytestmark = pytest.mark.model


def test_nlp_entities_states_government_of_and_demonym(config: Config) -> None:
    text = ("Marovia and Carvossa resume talks\n\n"
            "PORTO ALVO, May 4 (MPA) - Marovian officials met Carvossan negotiators on Monday. "
            "The government of Carvossa said the talks were useful.\n")
    article = read_text(text, config=config)
    holders = [e for e in article.entities if any(m.text == "Carvossa" for m in e.mentions)]
    assert len(holders) == 1
    carvossa = holders[0]
    assert carvossa.type == "GPE"
    assert "Carvossan" in [m.text for m in carvossa.mentions]
    assert not any(e.type == "PERSON" for e in article.entities)
