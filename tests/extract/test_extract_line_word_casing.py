"""A numbered catalogue name that writes a series or family word in lower case ("K5 play") is given
with that word capitalised, as articles and makers write it, while the lower-case words the lexicon
lists itself ("nova") keep the catalogue's form. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def subjects(body: str, published: str) -> set[str]:
    return {s for s, _a, _v in own_sentences.facts(body, published)}


def test_a_lower_case_series_word_of_the_catalogue_is_capitalised():
    assert subjects("The Lenovo K5 Play packs a 3,000mAh battery.", "2018-06-01") == {"Lenovo K5 Play"}


def test_a_lower_case_family_word_the_lexicon_lists_stays_lower_case():
    assert subjects("The Huawei nova 8 packs a 3,800mAh battery.", "2021-06-01") == {"Huawei nova 8"}
