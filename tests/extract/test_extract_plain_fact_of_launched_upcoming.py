"""A phone launched in one market and coming to another: a plain present-tense spec sentence
('The phone has a triple camera setup') is not hedged by the cue of the sentence before ('Posts
... suggest a focus on the camera'); a sentence of what is to come still is. Own sentences, no
text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of

LEAD = (
    "Oppo has launched the Reno 20 in China. The Reno 20 will launch in India on July 10.\n\n"
    "Posts on the Oppo India page suggest a focus on the camera. "
)


def _statuses(sentence: str, attribute: str) -> set[str]:
    return {c.status for c in claims_of(LEAD + sentence, "2030-07-01") if c.attribute == attribute}


def test_a_plain_fact_of_the_launched_phone_is_confirmed():
    assert _statuses("The phone has a triple camera setup on the back.", "camera_count") == {"confirmed"}


def test_what_it_will_have_in_the_new_market_keeps_the_hedge():
    assert _statuses("The phone will have a triple camera setup in India.", "camera_count") == {"rumored"}
