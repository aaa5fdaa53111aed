"""'two camera sensors', 'three camera lenses': a spelled count before 'camera' and a plural part
counts the cameras, as 'two cameras' does; 'a two camera design' is still no count. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def counts(body: str) -> set[tuple[str, str]]:
    return values_of(body, "camera_count", "2025-06-20")


def test_a_spelled_count_of_camera_sensors_counts_the_cameras():
    assert counts("The Pixel 10a may come with two camera sensors on the back.") == {
        ("Google Pixel 10a", "2")
    }
    assert counts("The Pixel 10a may come with three camera lenses.") == {("Google Pixel 10a", "3")}


def test_a_spelled_count_before_a_singular_camera_is_no_count():
    assert counts("The Pixel 10a has a two camera design.") == set()


def mains(body: str) -> set[tuple[str, str]]:
    return values_of(body, "main_camera", "2025-06-20")


def test_a_sensor_name_between_a_big_figure_and_its_noun_keeps_it_the_main_camera():
    found = mains("The Redmi Note 15 Pro+ is rumoured to pack a 200MP Samsung ISOCELL HP3 sensor.")
    assert found == {("Xiaomi Redmi Note 15 Pro+", "200 MP")}, found
    found = mains("The Redmi Note 15 Pro+ gets a 50MP Sony IMX906 camera.")
    assert found == {("Xiaomi Redmi Note 15 Pro+", "50 MP")}, found
