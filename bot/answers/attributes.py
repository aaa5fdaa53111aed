"""Attribute names as people type them: "camera", "chip", "launch date" -> the vocabulary."""

from __future__ import annotations

from bot.models import ATTRIBUTES

CAMERAS = (
    "main_camera",
    "ultrawide_camera",
    "telephoto_camera",
    "front_camera",
    "camera_sensor",
    "camera_count",
    "camera_partner",
)
DISPLAY = ("display_size", "display_resolution", "display_type", "refresh_rate")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "camera": CAMERAS,
    "cameras": CAMERAS,
    "display": DISPLAY,
    "screen": DISPLAY,
    "chip": ("chipset",),
    "soc": ("chipset",),
    "processor": ("chipset",),
    "cpu": ("chipset",),
    "memory": ("ram",),
    "charging": ("wired_charging", "wireless_charging"),
    "launch": ("launch_date",),
    "release": ("launch_date",),
    "date": ("launch_date",),
    "software": ("os", "ui"),
    "android": ("os",),
    "skin": ("ui",),
    "cost": ("price",),
    "name": ("alias",),
    "names": ("alias",),
    "aliases": ("alias",),
    "partner": ("camera_partner",),
    "resolution": ("display_resolution",),
    "size": ("display_size",),
    "hz": ("refresh_rate",),
}
ORDER = {attribute: position for position, attribute in enumerate(ATTRIBUTES)}
ACRONYMS = {"ram": "RAM", "os": "OS", "ui": "UI"}


def attributes_named(text: str) -> tuple[str, ...] | None:
    """The vocabulary attributes a typed name means, or None when it names none."""
    word = "_".join(text.lower().replace("-", " ").split())
    if word in ORDER:
        return (word,)
    return SYNONYMS.get(word) or SYNONYMS.get(word.removesuffix("s"))


def split_attribute(words: list[str]) -> tuple[list[str], tuple[str, ...] | None]:
    """A device name and the attribute its last one or two words name ("12 Ultra chipset")."""
    for width in (2, 1):
        if len(words) > width:
            named = attributes_named(" ".join(words[-width:]))
            if named:
                return words[:-width], named
    return words, None


def attribute_sort_key(attribute: str) -> tuple[int, str]:
    """Where an attribute sorts in a spec: the order of the contract's attributes, then by name."""
    return ORDER.get(attribute, len(ORDER)), attribute


def label(attribute: str) -> str:
    """How an attribute is shown to people: "main_camera" -> "Main camera"."""
    return ACRONYMS.get(attribute) or attribute.replace("_", " ").capitalize()
