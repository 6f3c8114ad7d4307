"""The brief of one article, for a person (hand-built records, no model)."""

from __future__ import annotations

from storyline.brief import article_brief
from storyline.record import (
    Article,
    Attribution,
    Certainty,
    Content,
    Cue,
    Dateline,
    Entity,
    InputInfo,
    Mention,
    Metadata,
    Source,
)


def _article() -> Article:
    text = "Headline\nBy Ana Ruiz\nVELL (MPA) - Minister Oro said the border would open."
    return Article(
        id="x", input=InputInfo(), text=text,
        metadata=Metadata(title="Headline", authors=["Ana Ruiz"],
                          dateline=Dateline("Vell", "Meridian Press Agency", "MPA"), language="en"),
        entities=[Entity("person:oro", "Oro", "PERSON", None, [Mention(42, 45, "Oro")])],
        attributions=[Attribution("a1", Source("Minister Oro", 33, 45, "person:oro", "Oro", "person"),
                                  Cue("said", 46, 50), Content("the border would open", [(51, 72)]),
                                  certainty=Certainty("hedged", ["would"]))],
    )


def test_brief_article_shows_metadata_entities_and_claims() -> None:
    brief = article_brief(_article())
    lines = brief.splitlines()
    assert lines[0] == "Headline"
    assert "from:      Vell, Meridian Press Agency (MPA)  (dateline)" in lines
    assert "by:        Ana Ruiz" in lines
    assert "published: unknown" in lines
    assert "  PERSON  Oro (1)" in lines
    assert "  Oro [hedged]: the border would open" in lines
