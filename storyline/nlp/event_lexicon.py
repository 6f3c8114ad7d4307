"""The PLOVER event lexicon (``storyline/data/events.json``) as a typed, cached object.

Input: the JSON data file. Output: :class:`EventLexicon`, with look-ups for verb,
phrasal, light-verb + noun and nominal triggers, object classes and the status
cue lists used by :mod:`storyline.nlp.event_status`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import KnowledgeBaseError
from ..lexicon import data_path, load_json
from ..record import PLOVER_TYPES

Trigger = tuple[str, str | None]  # (PLOVER type, mode)


def _pair(value: Any, where: str) -> Trigger:
    if not (isinstance(value, list) and len(value) == 2 and value[0] in PLOVER_TYPES):
        raise KnowledgeBaseError(f"{where}: expected [PLOVER type, mode], got {value!r}", str(data_path("events.json")))
    return str(value[0]), (str(value[1]) if value[1] else None)


@dataclass(frozen=True)
class EventLexicon:
    verbs: dict[str, Trigger]
    object_rules: dict[str, dict[str, Trigger]]
    object_classes: dict[str, frozenset[str]]
    phrasal: dict[str, Trigger]
    nouns: dict[str, Trigger]
    noun_object_overrides: dict[str, dict[str, Trigger]]
    light_verbs: frozenset[str]
    lists: dict[str, frozenset[str]]
    conditional_preps: dict[str, frozenset[str]]
    recipient_preps: dict[str, frozenset[str]]
    subject_rules: dict[str, dict[str, Trigger]]
    subject_classes: dict[str, frozenset[str]]

    def words(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())

    def object_class(self, word: str) -> list[str]:
        """The object classes (``military``, ``aid``…) that ``word`` belongs to."""
        return [name for name, members in self.object_classes.items() if word in members]

    def subject_rule(self, verb: str, subject: str) -> Trigger | None:
        """The trigger for ``verb`` given its subject's head ("workers strike" → PROTEST)."""
        for cls, trig in self.subject_rules.get(verb, {}).items():
            if subject in self.subject_classes.get(cls, frozenset()):
                return trig
        return None

    def object_rule(self, verb: str, objects: list[str]) -> Trigger | None:
        """The trigger for ``verb`` given its object words, or None when the verb has no rule
        for them (``halt`` + ``offensive`` → RETREAT; ``halt`` + ``aid`` → SANCTION)."""
        rules = self.object_rules.get(verb)
        if not rules:
            return None
        if not objects and verb in self.words("needs_object"):
            return None  # "struggles to return to normal" is no RETREAT; "returned the weapons" is
        for word in objects:
            if word in rules:
                return rules[word]
            for cls in self.object_class(word):
                if cls in rules:
                    return rules[cls]
        return rules.get("default")


@lru_cache(maxsize=1)
def lexicon() -> EventLexicon:
    """The bundled event lexicon (cached)."""
    raw = load_json("events.json")
    verbs = {k: _pair(v, f"verbs.{k}") for k, v in raw["verbs"].items()}
    object_rules = {verb: {obj: _pair(v, f"object_rules.{verb}.{obj}") for obj, v in rules.items()}
                    for verb, rules in raw["object_rules"].items()}
    noun_over = {verb: {obj: _pair(v, f"noun_object_overrides.{verb}.{obj}") for obj, v in rules.items()}
                 for verb, rules in raw["noun_object_overrides"].items()}
    list_names = ("participation", "reporting_verbs", "transparent_verbs", "intent_verbs", "intent_adjectives",
                  "effort_verbs", "planned_modifiers", "uncertain_modifiers", "uncertain_predicates", "uncertain_verbs",
                  "uncertain_modals", "conditional_modals", "planned_modals", "negations", "deny_verbs",
                  "conditional_marks", "ongoing_adverbs", "state_action_types", "collective_heads", "symmetric_types",
                  "place_nouns", "locative_preps", "partitive_heads", "generic_event_heads", "object_control",
                  "speech_nouns", "verbal_attack_verbs", "state_verbs", "nominal_stoplist", "needs_object",
                  "state_collectives", "future_time_words", "object_pcomp_preps")
    lists = {name: frozenset(str(w) if str(w).isupper() else str(w).lower() for w in raw.get(name, []))
             for name in list_names}
    return EventLexicon(
        verbs=verbs,
        object_rules=object_rules,
        object_classes={k: frozenset(v) for k, v in raw["object_classes"].items()},
        phrasal={k: _pair(v, f"phrasal.{k}") for k, v in raw["phrasal"].items()},
        nouns={k: _pair(v, f"nouns.{k}") for k, v in raw["nouns"].items()},
        noun_object_overrides=noun_over,
        light_verbs=frozenset(raw["light_verbs"]),
        lists=lists,
        conditional_preps={k: frozenset(v) for k, v in raw["conditional_preps"].items()},
        recipient_preps={k: frozenset(v) for k, v in raw["recipient_preps"].items()},
        subject_rules={verb: {cls: _pair(v, f"subject_rules.{verb}.{cls}") for cls, v in rules.items()}
                       for verb, rules in raw.get("subject_rules", {}).items()},
        subject_classes={k: frozenset(v) for k, v in raw.get("subject_classes", {}).items()},
    )
