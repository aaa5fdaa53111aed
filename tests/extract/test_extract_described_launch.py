"""'The X will take on the recently launched Y', 'the X succeeds the Y, which was launched in
May': a launch word that only describes a phone (a participle before its name, a relative clause
after it) launches that phone alone, not the sentence's subject. Own sentences, no text of any
real article."""

from __future__ import annotations

from bot.extract.pipeline import analyse
from bot.models import Article


def _launched(body: str) -> set[str]:
    doc = analyse(Article(id="own", body=body, published="2030-03-10", published_basis="header"))
    return doc.statuses.launched.devices


def test_a_participle_before_a_name_launches_that_phone_only():
    found = _launched("The Nokia X50 is set to take on the recently launched Nokia X40 in Europe.")
    assert "Nokia X50" not in found, found
    assert "Nokia X40" in found, found


def test_a_relative_clause_after_a_name_launches_that_phone_only():
    found = _launched("The Nokia X50 will succeed the Nokia X40, which was launched in Europe last spring.")
    assert "Nokia X50" not in found, found


def test_the_sentences_own_launch_verb_still_launches_its_subject():
    assert "Nokia X50" in _launched("Nokia has launched the Nokia X50 in Europe.")


def test_a_maker_before_a_relative_launch_clause_launches_the_phone_after_it():
    assert "Oppo Find X8" in _launched("Oppo, which launched the Find X8 today, also teased a tablet.")
