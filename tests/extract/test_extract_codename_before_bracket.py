"""In a sentence about code names, a capitalised word right before a bracketed device name is that
device's code name: "Bison (Nova 14)" gives the Nova 14 the alias "Bison". Without code names in
the sentence, or when the word is a brand, no alias. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def aliases(body: str) -> set[tuple[str, str]]:
    return own_sentences.values_of(body, "alias", "2025-05-01")


def test_each_code_name_goes_to_the_phone_in_its_bracket():
    body = (
        "The internal code names of the line have surfaced too: Bison (Huawei Nova 14), "
        "Heron (Huawei Nova 14 Pro) and Marten (Huawei Nova 14 Ultra)."
    )
    assert aliases(body) == {
        ("Huawei Nova 14", "Bison"),
        ("Huawei Nova 14 Pro", "Heron"),
        ("Huawei Nova 14 Ultra", "Marten"),
    }


def test_a_bracket_in_a_sentence_without_code_names_gives_no_alias():
    body = "Buyers in Europe (Huawei Nova 14 owners included) will get the update first."
    assert aliases(body) == set()


def test_a_brand_before_the_bracket_is_no_code_name():
    body = "The code for the update ships to Huawei (Huawei Nova 14) phones first."
    assert aliases(body) == set()
