"""story_brief over hand-built records: order, copies, actors, new and repeated claims."""

from __future__ import annotations

from storyline.record import (
    Article,
    Attribution,
    Certainty,
    CertaintyLevel,
    Content,
    Cue,
    Dateline,
    Entity,
    InputInfo,
    Mention,
    Metadata,
    QuoteType,
    Source,
    SourceKind,
)
from storyline.story import Story, story_brief


def claim(aid: str, text: str, who: str | None, name: str | None, kind: SourceKind = "person",
          level: CertaintyLevel = "asserted", quote: QuoteType = "indirect") -> Attribution:
    return Attribution(aid, Source(name, 0, 0, who, name, kind), Cue("said", 0, 0), Content(text, [(0, 0)]),
                       quote=quote, certainty=Certainty(level, []))


def art(key: str, published: str | None, title: str, attributions: list[Attribution] | None = None,
        n_mentions: int = 1) -> Article:
    marrow = Entity("person:ilsa-marrow", "Ilsa Marrow", "PERSON", "head of state",
                    [Mention(0, 5, "Marrow")] * n_mentions)
    kestrel = Entity("country:kestrel", "Kestrel", "GPE", "country", [Mention(0, 7, "Kestrel")])
    mpa = Entity("org:mpa", "Meridian Press Agency", "ORG", "news agency", [Mention(0, 3, "MPA")] * 9)
    return Article(key * 64, InputInfo(), f"{title}\nbody",
                   metadata=Metadata(title=title, published=published, outlet="Valdoria Today",
                                     dateline=Dateline("Serav", "Meridian Press Agency", "MPA")),
                   entities=[marrow, kestrel, mpa], attributions=attributions or [])


def test_story_brief_new_and_repeated_claims_and_copies() -> None:
    deny = "her army did not shell the town of Millbridge"
    a = art("a", "2031-03-02", "Kestrel accuses Valdoria", [claim("a1", deny, "person:ilsa-marrow", "Ilsa Marrow")])
    b = art("b", "2031-03-04", "Marrow denies shelling, offers talks",
            [claim("a1", "Her army did not shell the town of Millbridge.", "person:ilsa-marrow", "Ilsa Marrow"),
             claim("a2", "Valdoria is ready for talks in Vell", "person:ilsa-marrow", "Ilsa Marrow",
                   level="hedged"),
             claim("a3", "the army was told to prepare all options", None, "officials", kind="anonymous")],
            n_mentions=3)
    copy = art("c", "2031-03-04", "Marrow denies shelling (portal copy)", list(b.attributions), n_mentions=3)
    story = Story("story:0123456789abcdef", [a.id, b.id, copy.id], "Kestrel accuses Valdoria",
                  duplicates=[[b.id, copy.id]])
    text = story_brief([copy, b, a], story)
    lines = text.splitlines()
    assert len(lines) < 60 and max(len(line) for line in lines) <= 100
    assert lines[0] == "STORY  Kestrel accuses Valdoria"
    assert "3 articles (1 copy), 2031-03-02 to 2031-03-04" in lines[1]
    order = [line for line in lines if line.strip()[:2] in {"1.", "2.", "3."}]
    assert "Kestrel accuses Valdoria" in order[0] and "MPA / Valdoria Today" in order[0]
    assert order[2].endswith("[copy of 2]")
    # actors: Marrow (1 + 3 mentions, the copy not counted), then Kestrel; the agency is not an actor
    actors = lines[lines.index("MAIN ACTORS") + 1:lines.index("MAIN ACTORS") + 3]
    assert actors == ["  Ilsa Marrow (head of state): 4 mentions in 2 articles",
                      "  Kestrel (country): 2 mentions in 2 articles"]
    assert "Meridian Press Agency (news agency)" not in text
    claims = "\n".join(lines[next(i for i, x in enumerate(lines) if x.startswith("CLAIMS")):])
    assert "03-02   repeated x1  her army did not shell" in claims  # said again on 03-04; the copy not counted
    assert "03-04   new          Valdoria is ready for talks in Vell [hedged]" in claims
    assert "anonymous" in claims and "prepare all options" in claims


def test_story_brief_marks_changed_certainty() -> None:
    text = "Valdoria shelled the town of Millbridge"
    a = art("e", "2031-03-02", "Claim", [claim("a1", text, "country:kestrel", "Kestrel", "group")])
    b = art("f", "2031-03-05", "Claim again", [claim("a1", text, "country:kestrel", "Kestrel", "group",
                                                     level="uncertain")])
    brief = story_brief([a, b], Story("story:22", [a.id, b.id], "Claim"))
    assert "03-02   repeated x1  Valdoria shelled the town of Millbridge [changed: asserted → uncertain]" in brief


def test_story_brief_works_with_empty_lists_and_stays_short() -> None:
    articles = [Article(f"{i:064x}", InputInfo(), f"Headline {i}\nbody", metadata=Metadata(published=None))
                for i in range(30)]
    story = Story("story:00", [a.id for a in articles], None)
    text = story_brief(articles, story)
    lines = text.splitlines()
    assert len(lines) < 60
    assert lines[0] == "STORY  Headline 0"
    assert "… and 18 more" in text
    assert text.count("none found") == 2


def test_story_brief_many_sources_is_cut_to_fit() -> None:
    topics = ["artillery", "monitors", "refugees", "bridge", "compensation"]
    attributions = [claim(f"a{i}", f"{topics[i // 8]} {topics[i // 8]} {topics[i // 8]} matter", f"person:p{i % 8}",
                          f"Person {i % 8}") for i in range(40)]
    a = art("d", "2031-03-10", "Talks open", attributions)
    text = story_brief([a], Story("story:11", [a.id], "Talks open"))
    lines = text.splitlines()
    assert len(lines) < 60
    assert "… 3 more sources" in text and "… 2 more" in text


def test_story_brief_skips_headline_claims() -> None:
    from storyline.record import Region

    headline = claim("a1", "Valdoria shelled Millbridge", "country:kestrel", "Kestrel", "group")
    headline.content.spans = [(0, 10)]
    body = claim("a2", "the shells came from the north", "country:kestrel", "Kestrel", "group")
    body.content.spans = [(40, 60)]
    a = art("g", "2031-03-02", "Kestrel says Valdoria shelled Millbridge", [headline, body])
    a.regions = [Region("title", 0, 39), Region("body", 40, 80)]
    brief = story_brief([a], Story("story:33", [a.id], "T"))
    assert "the shells came from the north" in brief
    assert "Valdoria shelled Millbridge" not in brief.split("CLAIMS")[1]
