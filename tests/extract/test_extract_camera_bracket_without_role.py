"""'Front camera: 8MP (f/2.0)': a bracket after a camera figure that holds no role word (an
aperture, a pixel size) says nothing of the camera's role; the label before the figure still
does. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import facts

SPECS = (
    "The Nokia X40 is official.\n\n"
    "Main camera: 50MP (f/1.8)\n\n"
    "Selfie camera: 16MP (f/2.2)\n\n"
    "Battery: 4,500 mAh"
)


def test_a_figure_with_an_aperture_bracket_keeps_the_labels_role():
    assert ("Nokia X40", "front_camera", "16 MP") in facts(SPECS), facts(SPECS)


def test_the_main_label_with_a_bracket_too():
    assert ("Nokia X40", "main_camera", "50 MP") in facts(SPECS), facts(SPECS)


def test_a_role_word_inside_the_bracket_still_decides():
    found = facts("The Nokia X40 is official. Its rear cameras: 50MP (wide) and 8MP (ultrawide).")
    assert ("Nokia X40", "ultrawide_camera", "8 MP") in found, found
