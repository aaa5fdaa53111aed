"""A phone named in passing (in an appositive, a relative clause or a comparison after the
sentence's own phone) does not become what the following sentences are about: their values, "it"
and "the phone" stay with the sentence's subject phone. Own sentences, no text of any real article."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def facts(body: str, published: str = "2024-05-01") -> set[tuple[str, str, str]]:
    claims = extract(Article(id="passing", body=body, published=published, published_basis="header"))
    return {(c.subject, c.attribute, c.value) for c in claims}


def subjects_of(found: set[tuple[str, str, str]], attribute: str) -> set[str]:
    return {s for s, a, _v in found if a == attribute}


def test_a_phone_in_an_appositive_after_the_chip_leaves_the_next_sentences_to_the_subject():
    found = facts(
        "The Vivo X100 is tipped to run on the Dimensity 9300, the same processor as the one "
        "inside our long-term Oppo Find X7 unit. Buyers can also expect a 4,730 mAh cell and "
        "three rear cameras. The handset gets a 6.58-inch panel."
    )
    assert subjects_of(found, "battery") == {"vivo X100"}, found
    assert subjects_of(found, "camera_count") == {"vivo X100"}, found
    assert subjects_of(found, "display_size") == {"vivo X100"}, found


def test_a_phone_in_a_relative_clause_leaves_it_to_the_subject():
    found = facts(
        "The Galaxy A55 will use the Exynos 1480, which also sits in the Galaxy A35 sold in Europe. "
        "It packs a 4,930 mAh battery and charges at 27W."
    )
    assert subjects_of(found, "battery") == {"Samsung Galaxy A55"}, found
    assert subjects_of(found, "wired_charging") == {"Samsung Galaxy A55"}, found


def test_a_phone_named_after_a_relative_that_leaves_the_phone_to_the_subject():
    found = facts(
        "The Redmi Note 13 Pro gets a 200MP camera that also graces the Honor 90 this year. "
        "The phone has a 5,120 mAh battery."
    )
    assert subjects_of(found, "battery") == {"Xiaomi Redmi Note 13 Pro"}, found


def test_a_part_shared_with_another_phone_leaves_the_next_sentence_to_the_subject():
    found = facts(
        "The OnePlus Nord 4 will ship with a 6.74-inch screen, a panel shared with the Realme GT 6. "
        "A 5,510 mAh battery is also on the cards."
    )
    assert subjects_of(found, "battery") == {"OnePlus Nord 4"}, found


def test_the_same_part_another_phone_uses_leaves_the_next_sentence_to_the_subject():
    found = facts(
        "The Pixel 9 is said to keep the 50MP sensor, the same one the Pixel 8 Pro uses today. "
        "Leakers also mention 45W charging."
    )
    assert subjects_of(found, "wired_charging") == {"Google Pixel 9"}, found


def test_a_phone_in_passing_after_a_reference_leaves_the_next_sentence_to_the_phone_referred_to():
    found = facts(
        "Honor has teased the Honor 200 Pro. Going by a new leak, the handset will run on the "
        "Snapdragon 8s Gen 3, which also drives the Xiaomi Civi 4 Pro. It could pack a 5,240 mAh battery."
    )
    assert subjects_of(found, "battery") == {"Honor 200 Pro"}, found


def test_a_phone_opening_a_clause_of_its_own_takes_the_next_sentence():
    # guard: "while the Y gets ..." is a clause about the Y (the "same" before it is the X's); "it"
    # after it is the Y
    found = facts(
        "The Galaxy A55 keeps the same Exynos 1480 chip while the Galaxy A35 moves to the Exynos 1380. "
        "It has a 4,930 mAh battery."
    )
    assert subjects_of(found, "battery") == {"Samsung Galaxy A35"}, found


def test_a_phone_a_report_speaks_of_takes_the_next_sentence():
    # guard: "that" reporting a clause is no relative clause; the clause is the Y's
    found = facts(
        "The Vivo X100 leak came first, and a tipster now claims that the Oppo Find X7 will launch "
        "soon. It is said to pack a 5,010 mAh battery."
    )
    assert subjects_of(found, "battery") == {"Oppo Find X7"}, found


def test_the_compared_phone_named_again_keeps_its_own_values():
    found = facts(
        "The Vivo X100 runs on the Dimensity 9300, the same chip as the one in the Oppo Find X7. "
        "The Oppo Find X7 has a 5,010 mAh battery. The Vivo X100 has a 4,730 mAh one."
    )
    assert ("Oppo Find X7", "battery", "5010 mAh") in found, found
    assert ("vivo X100", "battery", "4730 mAh") in found, found
