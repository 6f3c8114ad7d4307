"""News attribution forms beyond the seed: appositives, inverted cues, split and multi-paragraph
quotes, passive cues, anonymous sources, denial, floating quotes."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.record import Attribution


def _attributions(nlp: Any, text: str) -> list[Attribution]:
    return list(nlp(text)._.sl_attributions)


@pytest.mark.model
def test_nlp_attributions_forms_appositive_and_inverted(nlp: Any) -> None:
    (a,) = _attributions(nlp, "John Smith, a spokesman for the ministry, said the talks had failed.")
    assert a.source.text == "John Smith" and a.cue is not None and a.cue.text == "said"
    assert a.content.text == "the talks had failed"
    (b,) = _attributions(nlp, "Ministers will meet on Monday, said Olaf Scholz, the German chancellor.")
    assert b.source.text == "Olaf Scholz" and b.content.text == "Ministers will meet on Monday"


@pytest.mark.model
def test_nlp_attributions_forms_split_quote(nlp: Any) -> None:
    (a,) = _attributions(nlp, '"The deal is done," Smith said, "and nobody can stop it."')
    assert a.quote == "direct"
    assert len(a.content.spans) == 2
    assert "nobody can stop it" in a.content.text


@pytest.mark.model
def test_nlp_attributions_forms_multi_paragraph_quote(nlp: Any) -> None:
    text = ('Ministers met on Monday.\n\n"We will fight on the beaches.\n\n'
            '"We will never surrender," Churchill said.\n\nThe speech ended.')
    (a,) = _attributions(nlp, text)
    got = [text[s:e].rstrip(".") for s, e in a.content.spans]
    assert got == ["We will fight on the beaches", "We will never surrender"]


@pytest.mark.model
def test_nlp_attributions_forms_floating_quote(nlp: Any) -> None:
    text = ('Ministers met on Monday.\n\n"We will never surrender," Churchill said.\n\n'
            '"It is our finest hour."\n\nThe speech ended.')
    found = _attributions(nlp, text)
    floating = [a for a in found if a.implicit]
    assert len(floating) == 1 and "finest hour" in floating[0].content.text
    assert floating[0].source.name == found[0].source.name and floating[0].cue is None


@pytest.mark.model
def test_nlp_attributions_forms_passive_agent(nlp: Any) -> None:
    (a,) = _attributions(nlp, "It was reported by Reuters that the talks collapsed.")
    assert a.source.text == "Reuters" and a.source.kind == "outlet"
    assert a.content.text == "the talks collapsed"


@pytest.mark.model
def test_nlp_attributions_forms_anonymous_and_hedged(nlp: Any) -> None:
    doc = nlp("Two officials who spoke on condition of anonymity said the plan was allegedly drafted in May.")
    (a,) = doc._.sl_attributions
    assert a.source.kind == "anonymous"
    assert a.certainty.level == "hedged" and a.certainty.cues == ["allegedly"]
    assert [h.attribution for h in doc._.sl_hedges] == [a.id]


@pytest.mark.model
def test_nlp_attributions_forms_denial(nlp: Any) -> None:
    doc = nlp("The ministry denied that troops had crossed the border.")
    (a,) = doc._.sl_attributions
    assert a.certainty.level == "denied" and a.content.text == "troops had crossed the border"
    assert doc._.sl_hedges and doc._.sl_hedges[0].level == "denied"


@pytest.mark.model
def test_nlp_attributions_forms_colon_quote(nlp: Any) -> None:
    (a,) = _attributions(nlp, 'The president warned: "We are ready for war."')
    assert a.quote == "direct" and "ready for war" in a.content.text
    assert a.cue is not None and a.cue.text == "warned"


@pytest.mark.model
def test_nlp_attributions_forms_relay_and_pronoun(nlp: Any) -> None:
    text = ("The ministry will close, Reuters reported. Citing two people briefed on the plan, it said "
            "the decision was final. The closure is far from certain, they said.")
    found = _attributions(nlp, text)
    by_cue = {a.cue.text if a.cue else None: a for a in found}
    said = [a for a in found if a.cue is not None and a.cue.text == "said"]
    assert said[0].source.name == "Reuters" and said[0].cites is not None and said[0].cites.anonymous
    assert said[1].source.kind == "anonymous" and said[1].via == said[0].id
    assert said[1].certainty.level == "uncertain"
    assert by_cue["reported"].source.kind == "outlet"


@pytest.mark.model
def test_nlp_attributions_forms_headline_conventions(nlp: Any) -> None:
    found = _attributions(nlp, "Iran nuclear talks near collapse - report\n\n"
                               "The talks are close to collapse, Reuters reported.")
    head = found[0]
    assert head.cue is None and head.content.text == "Iran nuclear talks near collapse"
    assert head.source.name == "Reuters"  # "report" resolved to the outlet named in the text
    (a, b) = _attributions(nlp, "Russia to withdraw troops, sources say\n\n"
                                "Moscow will pull back troops, a person briefed on the talks said.")
    assert a.source.kind == "anonymous" and a.content.text == "Russia to withdraw troops"
    assert b.source.kind == "anonymous" and b.source.text == "a person briefed on the talks"
