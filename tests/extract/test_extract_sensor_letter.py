"""A Sony sensor's name may end in a capital letter ("IMX882V"): it is still the camera sensor, and
the maker inside it ("Sony") is no subject that the other cameras of the sentence go to. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def test_a_sensor_name_with_a_last_letter_is_the_phones_sensor():
    body = "The Honor 200 Lite is said to use a 108MP Sony IMX882V main sensor and an 8MP ultrawide camera."
    found = own_sentences.facts(body, "2024-05-01")
    assert ("Honor 200 Lite", "camera_sensor", "Sony IMX882V") in found, found
    assert ("Honor 200 Lite", "ultrawide_camera", "8 MP") in found, found
    assert not any(s == "Sony" for s, _a, _v in found), found


def test_a_lower_case_letter_after_the_number_is_no_part_of_the_name():
    body = "The Honor 200 Lite is said to use an IMX882 sensor."
    found = own_sentences.facts(body, "2024-05-01")
    assert ("Honor 200 Lite", "camera_sensor", "Sony IMX882") in found, found
