"""Camera roles that the sentence around a figure decides: a 'wide-angle' lens after the main
camera of the same sentence is the ultrawide (the first camera so named stays the main one); a
clause led by 'For selfies,' speaks of the front camera, as one led by 'On the front,' does; in
such a clause a 'portrait' lens is a selfie camera, and a 'depth-of-field' lens is a depth one,
no camera of a role. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import facts

PHONE = "Motorola Moto G86"


def cameras(body: str) -> set[tuple[str, str]]:
    return {(a, v) for s, a, v in facts(body, "2025-05-02") if s == PHONE and a.endswith("_camera")}


def test_a_wide_angle_lens_after_the_main_camera_is_the_ultrawide():
    found = cameras("The Moto G86 packs a 50MP main sensor, joined by an 8MP wide-angle lens.")
    assert found == {("main_camera", "50 MP"), ("ultrawide_camera", "8 MP")}, found
    found = cameras("The Moto G86 packs a 50MP sensor, joined by an 8MP wide angle camera.")
    assert found == {("main_camera", "50 MP"), ("ultrawide_camera", "8 MP")}, found


def test_the_first_wide_camera_is_still_the_main_one():
    found = cameras("The Moto G86 has a 50MP wide camera and a 13MP ultrawide one.")
    assert found == {("main_camera", "50 MP"), ("ultrawide_camera", "13 MP")}, found


def test_a_clause_led_by_for_selfies_speaks_of_the_front_camera():
    found = cameras("The Moto G86 has a 50MP main camera. For selfies, you get a 20MP shooter.")
    assert found == {("main_camera", "50 MP"), ("front_camera", "20 MP")}, found


def test_a_portrait_lens_on_the_front_is_a_selfie_camera_and_a_depth_of_field_lens_none():
    found = cameras(
        "The Moto G86 is official. On the front, it has twin selfie cameras: a 42MP portrait lens and a 2MP depth-of-field unit."
    )
    assert found == {("front_camera", "42 MP")}, found


def test_other_selfie_and_video_call_leads_speak_of_the_front_camera():
    for lead in ("For video calls, you get", "On the selfie front, there is", "For selfie shots, there is"):
        found = cameras(f"The Moto G86 has a 50MP main camera. {lead} a 20MP shooter.")
        assert found == {("main_camera", "50 MP"), ("front_camera", "20 MP")}, (lead, found)


def test_a_smaller_wide_angle_figure_in_the_next_sentence_is_the_ultrawide():
    found = cameras("The Moto G86 has a 50MP main camera. It is joined by an 8MP wide-angle lens.")
    assert found == {("main_camera", "50 MP"), ("ultrawide_camera", "8 MP")}, found


def test_an_equal_wide_figure_of_the_next_sentence_stays_a_main_camera():
    found = facts(
        "The Moto G86 has a 50MP main camera. The Moto G86 Pro has a 50MP wide camera.", "2025-05-02"
    )
    assert ("Motorola Moto G86 Pro", "main_camera", "50 MP") in found, found


def test_a_camera_named_as_the_sentences_subject_keeps_its_role():
    found = cameras(
        "The Moto G86 is here. The wide-angle camera, which leakers have talked about for months, will be a 50MP sensor."
    )
    assert found == {("main_camera", "50 MP")}, found
