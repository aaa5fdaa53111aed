"""'we can also expect', 'we could expect': the writer's expectation with an adverb or another
modal in it is still the writer's guess (speculated), as 'we can expect' is. Own sentences, no
text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of


def statuses(body: str, attribute: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.value, c.status) for c in claims_of(body, "2025-02-10") if c.attribute == attribute}


def test_we_can_also_expect_is_speculated():
    found = statuses(
        "The Galaxy S25 Edge is official. In India, we can also expect a 16GB RAM variant.", "ram"
    )
    assert found == {("Samsung Galaxy S25 Edge", "16 GB", "speculated")}, found


def test_we_could_expect_is_speculated():
    found = statuses("The Galaxy S25 Edge is official. We could expect a 3,900mAh battery inside.", "battery")
    assert found == {("Samsung Galaxy S25 Edge", "3900 mAh", "speculated")}, found
