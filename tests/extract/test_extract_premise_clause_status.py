"""'Given that the X sells for $899, it is fair to guess the Y will cost ...': a value in the
opening premise clause of a sentence is stated as known; the guess after the clause's comma does
not reach back into it, while the guessed value keeps its hedge. Own sentences, no text of any
real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of


def _status(body: str, subject: str, value: str) -> str | None:
    return next((c.status for c in claims_of(body) if c.subject == subject and c.value == value), None)


BODY = (
    "Honor launched the Honor 200 Pro in China last month. Given that the Honor 200 Pro sells for $699, "
    "it is safe to assume the Honor 200 will cost $549."
)


def test_the_premise_value_is_not_hedged():
    assert _status(BODY, "Honor 200 Pro", "USD 699") == "confirmed"


def test_the_guessed_value_keeps_its_hedge():
    assert _status(BODY, "Honor 200", "USD 549") == "speculated"


def test_without_a_premise_lead_the_hedge_after_still_governs():
    body = "The Honor 200 Pro sells for $699, it is safe to assume, and the Honor 200 less."
    assert _status(body, "Honor 200 Pro", "USD 699") == "speculated"
