"""Story linking over hand-built records: copies, links, time gaps, stable ids."""

from __future__ import annotations

import hashlib

from storyline.record import Article, Entity, InputInfo, Mention, Metadata, Region
from storyline.story import link_stories
from storyline.story.link import find_duplicates, name_words, shingles

BODY_TALKS = (
    "The Federation of Lusora will host talks between Kestrel and Valdoria in its capital, Vell, next week, "
    "Lusoran Foreign Minister Adaeze Ferrand said on Thursday, as the deadline for a Valdorian withdrawal passed. "
    "Ferrand said both governments had accepted her invitation in principle and that the first round would open "
    "on Monday. Kestrel still demanded a full withdrawal of Valdorian troops from the Tarn Valley, while Valdoria "
    "said Foreign Minister Piotr Danek would lead its delegation to the talks in Vell."
)
BODY_FLOOD = (
    "Heavy rain flooded the harbour district of Port Meral in Orsinia on Sunday, and the city council of Port "
    "Meral opened three shelters, Mayor Ottilie Brandt said. Orsinian forecasters expect more rain over the "
    "Brask hills this week, and Brandt asked residents near the Meral canal to move their cars."
)


def article(key: str, body: str, published: str | None, chrome: str = "", title: str = "Title",
            entities: list[Entity] | None = None) -> Article:
    text = f"{title}\n{body}\n{chrome}"
    start = len(title) + 1
    return Article(
        id=hashlib.sha256(text.encode() + key.encode()).hexdigest(),
        input=InputInfo(path=f"{key}.txt"), text=text,
        regions=[Region("title", 0, len(title)), Region("body", start, start + len(body)),
                 Region("chrome", start + len(body) + 1, len(text))],
        metadata=Metadata(title=title, published=published), entities=entities or [],
    )


def test_story_link_copies_on_two_portals_are_duplicates() -> None:
    a = article("a", BODY_TALKS, "2031-03-06", "Share on Facebook | This news has been read 42 times in total")
    b = article("b", BODY_TALKS.replace("next week", "next week,"), "2031-03-06",
                "Harbor Post Online. Comments are closed.", title="Another headline")
    c = article("c", BODY_FLOOD, "2031-03-06")
    pairs = find_duplicates([a, b, c], threshold=0.5)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]
    stories = link_stories([c, b, a])
    together = next(s for s in stories if a.id in s.article_ids)
    assert together.duplicates == [sorted([a.id, b.id])] or together.duplicates == [[a.id, b.id], ]
    assert set(together.duplicates[0]) == {a.id, b.id}
    assert c.id not in together.article_ids
    assert together.copy_of()[together.duplicates[0][1]] == together.duplicates[0][0]


def test_story_link_related_articles_join_unrelated_stay_apart() -> None:
    day1 = article("d1", "Kestrel accused Valdoria of shelling the town of Millbridge in the Tarn Valley, and "
                   "Defence Minister Noor Castellan said Kestrel would answer.", "2031-03-02")
    day3 = article("d3", "Valdorian President Ilsa Marrow denied that Valdoria shelled Millbridge and offered "
                   "talks with Kestrel in Vell over the Tarn Valley.", "2031-03-04")
    flood = article("f", BODY_FLOOD, "2031-03-03")
    stories = link_stories([flood, day3, day1])
    assert [s.article_ids for s in stories] == [[day1.id, day3.id], [flood.id]]
    # the id is the hash of the earliest article id, stable when later articles join
    assert stories[0].id == "story:" + hashlib.sha256(day1.id.encode()).hexdigest()[:16]
    assert link_stories([day1])[0].id == stories[0].id
    assert stories[0].first_published == "2031-03-02" and stories[0].last_published == "2031-03-04"


def test_story_link_time_gap_splits_stories() -> None:
    text = "Kestrel and Valdoria argued over the Tarn Valley near Millbridge, Noor Castellan said."
    early, late = article("e", text, "2031-03-02"), article("l", text + " Again.", "2031-09-02")
    assert len(link_stories([early, late], duplicate_threshold=0.99)) == 2
    assert len(link_stories([early, late], duplicate_threshold=0.99, max_gap_days=400,
                            time_scale_days=1000)) == 1


def test_story_link_shared_entities_link() -> None:
    twice = [Mention(0, 1, "x"), Mention(2, 3, "y")]
    marrow = Entity("person:ilsa-marrow", "Ilsa Marrow", "PERSON", mentions=twice)
    agency = Entity("org:meridian-press-agency", "Meridian Press Agency", "ORG", "news agency", twice)
    a = article("x", "the leader spoke about the water deal.", "2031-03-02", entities=[marrow, agency])
    b = article("y", "a leader signed the water deal.", "2031-03-03", entities=[marrow, agency])
    c = article("z", "the harbour flooded.", "2031-03-03", entities=[agency])
    stories = link_stories([a, b, c])
    assert sorted(len(s.article_ids) for s in stories) == [1, 2]  # the agency alone links nothing
    # an entity named once, or with no real name, is no evidence
    once = [Entity("person:ilsa-marrow", "Ilsa Marrow", "PERSON", mentions=twice[:1]), agency]
    x_ids = [Entity("person:x-2", "Ильза", "PERSON", mentions=twice), agency]
    for ents in (once, x_ids):
        a.entities, b.entities = ents, ents
        assert len(link_stories([a, b])) == 2


def test_story_link_name_words_skip_common_capitalised_words() -> None:
    a = article("n", "Satellite images show that Valdoria moved guns. The satellite photos were taken by "
                "Lusora on Monday, and President Marrow said the president of Kestrel lied.", None)
    words = name_words(a)
    assert {"valdoria", "lusora", "marrow", "kestrel"} <= words
    assert not words & {"satellite", "images", "the", "monday", "president"}


def test_story_link_shingles_and_empty_input() -> None:
    assert shingles("a b", 3) == {"a", "b"}
    assert "the guns must" in shingles("The guns must fall silent")
    assert link_stories([]) == []
