"""A list of camera figures joined by "+" ("50MP + 8MP + 2MP") names the main camera first: the
first and largest figure is the main camera; the figures after it, with no role word, give none."""

from __future__ import annotations

from tests.extract.own_sentences import facts


def _cameras(body: str) -> set[tuple[str, str, str]]:
    return {f for f in facts(body) if f[1].endswith("_camera")}


def test_the_first_of_a_plus_list_is_the_main_camera():
    body = "The Realme 14 Pro gets a triple camera setup with 50MP + 8MP + 2MP sensors."
    assert _cameras(body) == {("Realme 14 Pro", "main_camera", "50 MP")}


def test_a_plus_list_led_by_a_smaller_figure_names_no_main_camera():
    body = "The Realme 14 Pro gets a dual camera setup with 8MP + 50MP sensors."
    assert _cameras(body) == set()


def test_a_plus_list_at_the_front_is_no_main_camera():
    body = "At the front, the Realme 14 Pro has 32MP + 8MP sensors."
    cameras = _cameras(body)
    assert ("Realme 14 Pro", "front_camera", "32 MP") in cameras
    assert not {c for c in cameras if c[1] == "main_camera"}
