"""'The renders make it seem that the X will get ...': the writer's reading of the evidence, a
guess like 'it seems'; the value is speculated. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of


def _statuses(body: str) -> set[str]:
    return {c.status for c in claims_of(body, "2025-06-01") if c.attribute == "display_size"}


def test_make_it_seem_is_a_guess():
    assert _statuses("The leaked renders make it seem that the Nord 5 will get a 6.7-inch screen.") == {
        "speculated"
    }


def test_makes_it_seem_like_is_a_guess_too():
    assert _statuses(
        "The OnePlus Nord 5 is near. Its box makes it seem like the phone has a 6.7-inch screen."
    ) == {"speculated"}
