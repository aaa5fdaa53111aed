"""'is officially confirmed to launch', 'that was previously confirmed to debut': an adverb
between a copula and a confirming participle makes a passive verb, which confirms what follows;
the same words after an article ('the officially confirmed phone') stay an adjective. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of


def launch_statuses(body: str) -> set[tuple[str, str, str]]:
    return {
        (c.subject, c.value, c.status) for c in claims_of(body, "2025-03-02") if c.attribute == "launch_date"
    }


def test_an_officially_confirmed_launch_after_a_copula_is_confirmed():
    found = launch_statuses("The Galaxy A57 is officially confirmed to arrive on March 19.")
    assert found == {("Samsung Galaxy A57", "2025-03-19", "confirmed")}, found


def test_a_relative_clause_that_was_previously_confirmed_confirms_its_date():
    found = launch_statuses(
        "The teaser is believed to hint at the Galaxy A57, which was previously confirmed to debut in India in April."
    )
    assert found == {("Samsung Galaxy A57", "2025-04", "confirmed")}, found


def test_the_adjective_after_an_article_is_still_no_confirmation():
    found = launch_statuses("A tipster claims the already confirmed Galaxy A57 will launch on March 19.")
    assert found == {("Samsung Galaxy A57", "2025-03-19", "rumored")}, found


def test_now_or_also_between_the_copula_and_the_adverb_keeps_it_a_verb():
    found = launch_statuses("The Galaxy A57 launch is now officially confirmed for March 19.")
    assert found == {("Samsung Galaxy A57", "2025-03-19", "confirmed")}, found
    found = launch_statuses(
        "A tipster claims the now officially confirmed Galaxy A57 will launch on March 19."
    )
    assert found == {("Samsung Galaxy A57", "2025-03-19", "rumored")}, found
