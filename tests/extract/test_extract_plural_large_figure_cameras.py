"""'Two 50MP cameras and a 10MP telephoto camera': a large figure said of plural cameras with no
role word is the main camera's, as a large figure of one camera is. Own sentences, no text of any
real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

SENTENCE = "The Vivo X300 Ultra should pack two 200MP cameras and a 12MP telephoto camera on its back."


def test_a_large_figure_of_plural_cameras_is_the_main_one():
    assert ("vivo X300 Ultra", "200 MP") in values_of(SENTENCE, "main_camera", "2030-01-10")


def test_the_role_named_after_a_figure_still_decides():
    assert values_of(SENTENCE, "telephoto_camera", "2030-01-10") == {("vivo X300 Ultra", "12 MP")}
