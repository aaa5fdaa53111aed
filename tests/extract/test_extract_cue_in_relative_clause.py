"""'It runs the X chip, which is claimed to be the fastest': a cue inside a relative clause after
the value hedges what the clause says of the value, not the value; the value keeps the status it
has without that cue. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of

LAUNCH = "Nokia has launched the Nokia X40 in Finland. "


def _chip_status(sentence: str) -> set[str]:
    return {c.status for c in claims_of(LAUNCH + sentence, "2030-05-14") if c.attribute == "chipset"}


def test_a_cue_in_a_relative_clause_after_the_value_does_not_hedge_it():
    assert _chip_status(
        "It is powered by the Dimensity 8300 chip, which is said to be the coolest-running one."
    ) == {"confirmed"}


def test_a_cue_after_the_value_in_its_own_clause_still_does():
    assert _chip_status("A Dimensity 8300 chip is said to power its Pro sibling next year.") == {"rumored"}
