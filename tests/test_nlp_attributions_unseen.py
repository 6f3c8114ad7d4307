"""Attribution forms met in unseen news (invented texts, expectations from a careful reading):
a headline where a tagged non-cue phrase must not steal another cue's content, and modified
"source" heads that are anonymous without any anonymity phrase."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.record import Attribution

HEADLINE_TEXT = (
    "Velmoran talks stall as Drasko accuses Karth of stalling\n\n"
    "PORT ELVANE, May 5 (Wire) - Velmora's government on Tuesday denied that it had moved troops "
    "toward the Karth border.\n\n"
    '"The talks will continue," said Drasko, the Karthian foreign minister.\n'
)


def _attributions(nlp: Any, text: str) -> list[Attribution]:
    return list(nlp(text)._.sl_attributions)


@pytest.mark.model
def test_nlp_attributions_unseen_headline_content_has_one_cue(nlp: Any) -> None:
    atts = _attributions(nlp, HEADLINE_TEXT)
    title = [a for a in atts if a.content.spans and a.content.spans[0][1] <= HEADLINE_TEXT.index("\n")]
    # only Drasko accuses; "Velmoran talks stall as" is no cue and "Velmoran" no source
    assert [a.source.text for a in title] == ["Drasko"]
    assert title[0].cue is not None and title[0].cue.text == "accuses"
    assert all(a.cue is None or "stall" not in a.cue.text for a in atts)


@pytest.mark.model
def test_nlp_attributions_unseen_modified_source_is_anonymous(nlp: Any) -> None:
    text = ("The Carvossan army fired artillery at Halden positions overnight, a senior military source said.\n\n"
            "Western security sources said the shelling lasted two hours.\n")
    atts = _attributions(nlp, text)
    by_source = {a.source.text: a for a in atts}
    assert by_source["a senior military source"].source.kind == "anonymous"
    assert by_source["Western security sources"].source.kind == "anonymous"


@pytest.mark.model
def test_nlp_attributions_unseen_named_source_stays_named(nlp: Any) -> None:
    text = "Tomas Ravelli, a spokesman for the Velmoran defence ministry, said the claims were false."
    (a,) = _attributions(nlp, text)
    assert a.source.text == "Tomas Ravelli" and a.source.kind == "person"
    assert a.content.text == "the claims were false"



@pytest.mark.model
def test_nlp_attributions_unseen_acts_are_not_cues(nlp: Any) -> None:
    text = ("Riverton councillors voted on Wednesday to approve a new footbridge over the River Fenn.\n\n"
            "Kardanian Foreign Minister Viktor Orlov and his Solvenian counterpart, Ana Petrescu, signed the deal "
            "in the Solvenian capital, Dorna.\n\n"
            "Tessalian President Moren Adit thanked Norvane for the aid.\n")
    atts = _attributions(nlp, text)
    # voting, signing and thanking are acts: none of them attributes a claim to anyone
    assert [a.cue.text for a in atts if a.cue is not None] == []


@pytest.mark.model
def test_nlp_attributions_unseen_quote_after_cue_sentence(nlp: Any) -> None:
    text = ('Velmora denied the reports on Tuesday.\n\n"We have no forces in that area," Tomas Ravelli, '
            'a spokesman for the Velmoran defence ministry, said. "These claims are fabricated."\n\n'
            "The talks resume on Monday.\n")
    atts = _attributions(nlp, text)
    # the second quoted sentence of the paragraph is Ravelli's too, carried over without a cue
    later = [a for a in atts if "fabricated" in a.content.text]
    assert len(later) == 1
    assert later[0].implicit and later[0].source.name == "Tomas Ravelli" and later[0].quote == "direct"
