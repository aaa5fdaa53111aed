"""'the non-Pro' (no noun after it) is the family's base model, as 'the non-Pro model' is; and a
base-model reference ('the regular model', 'the non-Pro') goes to the article's own family, not
to a same-brand phone of another year named last in passing. Own sentences, no text of any real
article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_non_pro_without_a_noun_is_the_base_model():
    body = (
        "The Vivo X90 and Vivo X90 Pro are here. The Vivo X90 Pro gets a 4,870mAh battery. "
        "As for the non-Pro, it makes do with a 4,810mAh battery."
    )
    assert values_of(body, "battery", "2022-11-22") == {
        ("vivo X90 Pro", "4870 mAh"),
        ("vivo X90", "4810 mAh"),
    }


def test_the_regular_model_after_a_passing_older_phone_is_the_articles_base_model():
    body = (
        "The Vivo X90 and Vivo X90 Pro are here. The Vivo X90 Pro has the same main sensor as the Vivo X80 Ultra. "
        "The regular model has a 4,810mAh battery."
    )
    assert values_of(body, "battery", "2022-11-22") == {("vivo X90", "4810 mAh")}
