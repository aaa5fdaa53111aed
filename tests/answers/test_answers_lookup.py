"""Device lookup: forgiving of case, spacing, endings and typos, never of a different model."""

from __future__ import annotations

from bot.answers import autocomplete, resolve_subject, run_query
from bot.answers.lookup import name_index
from tests.answers.conftest import PIXEL, PIXEL_ALIAS, Said, Written, put


def galaxy_lineup(store, names):
    put(
        store,
        Written(
            "lineup",
            "2031-01-05",
            said=[
                Said(name, "chipset", "Snapdragon 9 Gen 1", "rumored", f"The {name} gets a new chip.")
                for name in names
            ],
        ),
    )


def test_case_spacing_and_endings_are_forgiven(pixel_store):
    for typed in (PIXEL, PIXEL.upper(), "  google   pixel 11pro ", "Pixel 11 Pro", "11 Pro"):
        assert resolve_subject(pixel_store, typed).subject.name == PIXEL, typed


def test_an_unfinished_or_misspelt_word_is_forgiven(pixel_store):
    for typed in ("Pixel 11 Pr", "googel pixel 11 pro", "pixl 11 pro"):
        assert resolve_subject(pixel_store, typed).subject.name == PIXEL, typed


def test_an_alias_leads_to_its_device_and_says_so(pixel_store):
    resolution = resolve_subject(pixel_store, "11 XL")
    assert resolution.subject.name == PIXEL
    assert resolution.via == PIXEL_ALIAS
    assert resolution.via_claim is not None
    answer = run_query(pixel_store, "/spec 11 XL")
    assert answer.subject == PIXEL
    assert any(PIXEL_ALIAS in note for note in answer.notes)


def test_a_different_model_number_is_never_taken_silently(store):
    galaxy_lineup(store, ["Samsung Galaxy S22", "Samsung Galaxy S23 Ultra", "Samsung Galaxy S24"])
    resolution = resolve_subject(store, "Galaxy S23")
    assert not resolution.found
    assert "Samsung Galaxy S23 Ultra" in resolution.suggestions
    assert len(resolution.suggestions) <= 5


def test_an_ambiguous_ending_asks_instead_of_guessing(store):
    galaxy_lineup(store, ["Samsung Galaxy Note 10", "Xiaomi Mi Note 10"])
    resolution = resolve_subject(store, "Note 10")
    assert not resolution.found
    assert set(resolution.suggestions) == {"Samsung Galaxy Note 10", "Xiaomi Mi Note 10"}


def test_an_unknown_name_gives_at_most_five_suggestions(store):
    galaxy_lineup(store, [f"Samsung Galaxy A{number}" for number in range(10, 30)])
    answer = run_query(store, "/spec Galaxy A")
    assert not answer.ok
    assert 1 <= len(answer.suggestions) <= 5
    assert answer.to_json()["suggestions"] == answer.suggestions


def test_nothing_like_any_name_is_an_answer_not_an_exception(pixel_store):
    answer = run_query(pixel_store, "/spec zzqx")
    assert not answer.ok and answer.error


def test_autocomplete_offers_prefixes_endings_and_near_names(store):
    names = [f"Samsung Galaxy A{number}" for number in range(10, 50)] + ["Google Pixel 9"]
    galaxy_lineup(store, names)
    assert len(autocomplete(store, "gal")) == 25
    assert autocomplete(store, "galaxy a1")[0] == "Samsung Galaxy A10"
    assert "Google Pixel 9" in autocomplete(store, "pixel")
    assert "Google Pixel 9" in autocomplete(store, "pixle 9")
    assert len(autocomplete(store, "", limit=3)) == 3


def test_autocomplete_gives_the_device_once_for_its_alias(pixel_store):
    names = autocomplete(pixel_store, "pixel 11")
    assert names.count(PIXEL) == 1
    assert PIXEL_ALIAS not in names


def test_names_only_one_guild_has_stay_in_that_guild(store):
    put(
        store,
        Written(
            "private",
            "2031-02-01",
            said=[
                Said(
                    "Nothing Phone 5",
                    "chipset",
                    "Snapdragon 9 Gen 2",
                    "rumored",
                    "The Nothing Phone 5 gets a new chip.",
                )
            ],
        ),
        guild_id=1,
    )
    assert resolve_subject(store, "Nothing Phone 5", guild_id=1).found
    assert not resolve_subject(store, "Nothing Phone 5", guild_id=2).found
    assert "Nothing Phone 5" in autocomplete(store, "nothing", guild_id=1)
    assert autocomplete(store, "nothing", guild_id=2) == []


def test_a_new_article_is_seen_by_the_next_lookup(pixel_store):
    assert not resolve_subject(pixel_store, "Pixel 12").found
    put(
        pixel_store,
        Written(
            "later",
            "2031-05-01",
            said=[
                Said(
                    "Google Pixel 12",
                    "chipset",
                    "Google Tensor G7",
                    "rumored",
                    "The Pixel 12 gets Tensor G7.",
                )
            ],
        ),
    )
    assert resolve_subject(pixel_store, "Pixel 12").subject.name == "Google Pixel 12"


def test_names_containing_a_fragment_are_those_a_plain_scan_finds(store):
    """The substring index finds what looking at every key finds, in the same order, for the
    names read at start and those taken in after (a later commit's new subject)."""
    galaxy_lineup(store, ["Contoso Nova 10 Pro", "Contoso Nova 10", "Fabrikam Edge 7 Ultra"])
    reader = store.reader()
    autocomplete(reader, "nova")  # the index is read
    put(
        store,
        Written(
            "later",
            "2031-02-01",
            said=[
                Said(
                    "Fabrikam Nova Lite", "battery", "4000 mAh", "rumored", "The Nova Lite may get 4000 mAh."
                )
            ],
        ),
    )
    index = name_index(reader)
    for fragment in ("nov", "nova", "ova 1", "10 pro", "ultra", "edge 7", "lite", "zzz", "a 10", "no", "o"):
        assert list(index.containing(fragment)) == [
            number for number, key in enumerate(index.keys) if fragment in key
        ], fragment
    assert "Fabrikam Nova Lite" in autocomplete(reader, "ova lite")
