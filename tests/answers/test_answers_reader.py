"""Answers read through a connection of their own (issue 10, point 3): they see every commit of
the writer, and keep their name index while a commit changes no name, so a running ingest does
not make each answer rebuild it."""

from __future__ import annotations

from bot import moderation
from bot.answers import autocomplete, lookup, spec
from bot.answers.lookup import NameIndex, name_index, names_stamp, store_stamp
from tests.answers.conftest import Said, Written, put

PHONE, OTHER = "Contoso Nova 3", "Fabrikam Edge 9"
HOME = 7


def current(reader, attribute: str, device: str = PHONE, guild_id: int | None = None):
    lines = [line for line in spec(reader, device, attribute, guild_id=guild_id).lines if line.current]
    return lines[0].value if lines else None


def test_a_reader_sees_new_claims_and_keeps_its_names_while_no_name_changes(store):
    put(
        store,
        Written(
            "first",
            "2021-01-05",
            said=[Said(PHONE, "ram", "8 GB", "confirmed", "The Nova 3 has 8 GB of RAM, its maker says.")],
        ),
    )
    reader = store.reader()
    assert current(reader, "ram") == "8 GB"
    names = name_index(reader)

    put(
        store,
        Written(
            "second",
            "2021-02-05",
            said=[Said(PHONE, "ram", "12 GB", "confirmed", "The Nova 3 ships with 12 GB of RAM.")],
        ),
    )
    assert current(reader, "ram") == "12 GB", "the reader did not see the writer's commit"
    assert name_index(reader) is names, "a commit that changed no name rebuilt the name index"

    put(
        store,
        Written(
            "third",
            "2021-03-05",
            said=[Said(OTHER, "battery", "5000 mAh", "rumored", "The Edge 9 is said to pack 5000 mAh.")],
        ),
    )
    assert OTHER in autocomplete(reader, "fabrikam")
    assert OTHER in autocomplete(reader, "edge 9"), "a new device is not found by its ending"
    assert current(reader, "battery", OTHER) == "5000 mAh"
    assert name_index(reader) is names, "a new device rebuilt the name index"


def test_new_devices_taken_into_a_kept_index_are_found_as_after_a_rebuild(store):
    put(
        store,
        Written(
            "base",
            "2021-01-05",
            said=[Said("Contoso Nova 2", "ram", "6 GB", "confirmed", "The Nova 2 has 6 GB of RAM.")],
        ),
    )
    reader = store.reader()
    kept = name_index(reader)
    for number, name in enumerate(
        ("Contoso Nova 3 Pro", "Contoso Nova", "Contoso Nova 3", "Fabrikam Nova 3 Ultra")
    ):
        put(
            store,
            Written(
                f"new{number}",
                "2021-02-05",
                said=[Said(name, "battery", "5000 mAh", "rumored", f"The {name} is said to pack 5000 mAh.")],
            ),
        )
    assert name_index(reader) is kept and len(kept.entries) > kept.sorted_count
    rebuilt = NameIndex(reader, store_stamp(reader), *names_stamp(reader))
    for typed in (
        "contoso nova",
        "nova 3",
        "nova",
        "3 ultra",
        "fabrikam",
        "contoso nova 3 pr",
        "contso nova 3",
    ):
        for ask in (autocomplete, lambda store, text: spec(store, text).to_json()):
            assert using(kept, reader, ask, typed) == using(rebuilt, reader, ask, typed), typed


def using(index, reader, ask, typed: str):
    """What `ask` answers when `index` is the reader's name index."""
    lookup._indexes[reader] = index
    try:
        return ask(reader, typed)
    finally:
        lookup._indexes.pop(reader, None)


def test_a_readers_answers_follow_a_removed_article_and_a_retracted_alias(store):
    put(
        store,
        Written(
            "older",
            "2021-01-05",
            said=[Said(PHONE, "ram", "8 GB", "confirmed", "The Nova 3 has 8 GB of RAM, its maker says.")],
        ),
        guild_id=HOME,
    )
    put(
        store,
        Written(
            "alias",
            "2021-01-06",
            said=[
                Said(
                    PHONE,
                    "alias",
                    "Project Lantern",
                    "rumored",
                    "The Nova 3 is known inside as Project Lantern.",
                )
            ],
        ),
        guild_id=HOME,
    )
    put(
        store,
        Written(
            "newer",
            "2021-02-05",
            said=[Said(PHONE, "ram", "12 GB", "confirmed", "The Nova 3 ships with 12 GB of RAM.")],
        ),
        guild_id=HOME,
    )
    reader = store.reader()
    assert current(reader, "ram", guild_id=HOME) == "12 GB"
    assert PHONE in autocomplete(reader, "Project Lantern", HOME)

    moderation.remove_article(store, "newer", guild_id=HOME, actor="discord:1")
    assert current(reader, "ram", guild_id=HOME) == "8 GB"
    (alias_claim,) = store.db.execute("SELECT id FROM claims WHERE attribute = 'alias'").fetchone()
    moderation.retract_claim(store, alias_claim, guild_id=HOME, actor="discord:1", reason="wrong")
    assert PHONE not in autocomplete(reader, "Project Lantern", HOME)


def test_a_kept_index_stops_offering_a_device_whose_only_article_is_removed(store):
    put(
        store,
        Written(
            "base",
            "2021-01-05",
            said=[Said(PHONE, "ram", "8 GB", "confirmed", "The Nova 3 has 8 GB of RAM, its maker says.")],
        ),
    )
    put(
        store,
        Written(
            "private",
            "2021-01-06",
            said=[Said(OTHER, "battery", "5000 mAh", "rumored", "The Edge 9 is said to pack 5000 mAh.")],
        ),
        guild_id=HOME,
    )
    reader = store.reader()
    assert OTHER in autocomplete(reader, "fabrikam", HOME)
    kept = name_index(reader)
    put(
        store,
        Written(
            "more",
            "2021-02-05",
            said=[Said(PHONE, "ram", "12 GB", "confirmed", "The Nova 3 ships with 12 GB of RAM.")],
        ),
    )
    assert OTHER in autocomplete(reader, "fabrikam", HOME)
    moderation.remove_article(store, "private", guild_id=HOME, actor="discord:1")
    assert OTHER not in autocomplete(reader, "fabrikam", HOME)
    assert name_index(reader) is kept


def test_a_new_device_named_as_an_alias_is_not_taken_into_a_kept_index(store):
    put(
        store,
        Written(
            "alias",
            "2021-01-06",
            said=[
                Said(
                    PHONE, "alias", "Contoso Vega", "rumored", "The Nova 3 is known inside as Contoso Vega."
                ),
                Said(PHONE, "ram", "8 GB", "confirmed", "The Nova 3 has 8 GB of RAM."),
            ],
        ),
    )
    reader = store.reader()
    kept = name_index(reader)
    put(
        store,
        Written(
            "other",
            "2021-02-05",
            said=[Said(OTHER, "battery", "5000 mAh", "rumored", "The Edge 9 is said to pack 5000 mAh.")],
        ),
    )
    assert name_index(reader) is kept
    put(
        store,
        Written(
            "named",
            "2021-03-05",
            said=[Said("Contoso Vega", "ram", "6 GB", "rumored", "The Contoso Vega may have 6 GB of RAM.")],
        ),
    )
    rebuilt = name_index(reader)
    assert rebuilt is not kept
    assert rebuilt.names == names_stamp(reader)[0]
