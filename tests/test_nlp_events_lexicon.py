"""The event lexicon is data: valid PLOVER types, and the core triggers of the PLOVER definitions."""

from __future__ import annotations

from storyline.nlp.event_lexicon import lexicon
from storyline.record import PLOVER_TYPES


def test_nlp_events_lexicon_types_valid() -> None:
    lex = lexicon()
    triggers = [*lex.verbs.values(), *lex.phrasal.values(), *lex.nouns.values()]
    rule_sets = [*lex.object_rules.values(), *lex.noun_object_overrides.values()]
    triggers += [t for rules in rule_sets for t in rules.values()]
    assert triggers and all(t[0] in PLOVER_TYPES for t in triggers)
    assert {t[0] for t in triggers} == set(PLOVER_TYPES)  # every category has triggers


def test_nlp_events_lexicon_core_triggers() -> None:
    lex = lexicon()
    expected = {"demand": "REQUEST", "urge": "REQUEST", "meet": "CONSULT", "visit": "CONSULT", "agree": "AGREE",
                "reject": "REJECT", "refuse": "REJECT", "withdraw": "RETREAT", "cede": "CONCEDE", "attack": "ASSAULT",
                "accuse": "ACCUSE", "condemn": "ACCUSE", "threaten": "THREATEN", "sanction": "SANCTION",
                "protest": "PROTEST", "investigate": "INVESTIGATE", "arrest": "COERCE", "mobilize": "MOBILIZE",
                "praise": "SUPPORT", "cooperate": "COOPERATE", "donate": "AID"}
    assert {k: lex.verbs[k][0] for k in expected} == expected
    assert lex.phrasal["call for"][0] == "REQUEST" and lex.phrasal["pull back"][0] == "RETREAT"
    assert lex.nouns["summit"][0] == "CONSULT" and lex.nouns["withdrawal"] == ("RETREAT", "withdraw")


def test_nlp_events_lexicon_object_rules() -> None:
    lex = lexicon()
    assert lex.object_rule("halt", ["offensive"]) == ("RETREAT", "ceasefire")
    assert lex.object_rule("halt", ["aid"]) == ("SANCTION", "discontinue")
    assert lex.object_rule("halt", ["sandwich"]) is None  # no default: "halt" alone is no event
    assert lex.object_rule("lift", ["sanctions"]) == ("RETREAT", "ease")
    assert lex.object_rule("impose", ["curfew"]) == ("COERCE", "curfew")
