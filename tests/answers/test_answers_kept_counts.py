"""A reader keeps the `/spec` counts of the devices a commit did not touch (issue 10's latency
under an ingest): a commit that only adds claims forgets the counts about their subjects, any other
change all of them, and every answer stays what a reader that kept nothing would give. The store's
kept tallies of the claims everyone sees, a subject's own (`value_groups`) and its maker's in the
subject's articles (`context_groups`), stay what counting afresh gives."""

from __future__ import annotations

import importlib
import json
from dataclasses import replace

from bot import moderation
from bot.answers import spec
from bot.store.answers import count_context_groups, count_value_groups
from tests.answers.conftest import Said, Written, put, remove, restore, retract

PHONE, SERIES, MAKER, OTHER = "Contoso Nova 3 Pro", "Contoso Nova 3 series", "Contoso", "Fabrikam Edge 9"
HOME = 7
spec_module = importlib.import_module("bot.answers.spec")  # `bot.answers.spec` is also the function


def answers(reader) -> list:
    """Every `/spec` answer the test looks at, as data."""
    return [
        spec(reader, device, attribute, guild_id=guild).to_json()
        for device in (PHONE, OTHER)
        for attribute in (None, "ram", "battery")
        for guild in (None, HOME)
    ]


def as_fresh_reader_answers(store, reader) -> bool:
    fresh = store.reader()
    try:
        return answers(reader) == answers(fresh)
    finally:
        fresh.close()


def test_counts_of_untouched_devices_are_kept_and_every_change_is_followed(store, monkeypatch):
    base = Written(
        "base",
        "2021-01-05",
        said=[
            Said(PHONE, "ram", "8 GB", "rumored", "The Nova 3 Pro is said to have 8 GB of RAM."),
            Said(MAKER, "launch_date", "2021-03", "confirmed", "Contoso will launch it in March.", "company"),
        ],
    )
    put(store, base)
    put(
        store,
        Written(
            "other",
            "2021-01-06",
            said=[Said(OTHER, "battery", "4000 mAh", "rumored", "The Edge 9 may pack 4000 mAh.")],
        ),
    )
    put(
        store,
        Written(
            "series",
            "2021-01-07",
            said=[
                Said(SERIES, "battery", "5000 mAh", "rumored", "The Nova 3 phones get 5000 mAh.", "series")
            ],
        ),
    )
    reader = store.reader()
    assert as_fresh_reader_answers(store, reader)
    counted = []
    counting = spec_module.standings
    monkeypatch.setattr(spec_module, "standings", lambda *args: counted.append(args) or counting(*args))

    for number, name in enumerate((OTHER, "Fabrikam Edge 10")):  # the second is a new subject
        put(
            store,
            Written(
                f"other-more-{number}",
                "2021-02-01",
                said=[Said(name, "ram", "6 GB", "confirmed", f"The {name} has 6 GB of RAM, its maker says.")],
            ),
        )
        spec(reader, PHONE)
        spec(reader, PHONE, "ram")
        assert counted == [], "a commit about another device made the phone's counts be counted again"
    assert as_fresh_reader_answers(store, reader)

    changes = [
        lambda: put(
            store,
            Written(
                "phone-more",
                "2021-02-02",
                said=[Said(PHONE, "ram", "12 GB", "confirmed", "The Nova 3 Pro ships with 12 GB of RAM.")],
            ),
        ),
        lambda: put(
            store,
            Written(
                "series-more",
                "2021-02-03",
                said=[
                    Said(
                        SERIES, "ram", "16 GB", "confirmed", "Every Nova 3 phone has 16 GB of RAM.", "series"
                    )
                ],
            ),
        ),
        lambda: put(  # a new series the phone belongs to
            store,
            Written(
                "wider-series",
                "2021-02-03",
                said=[
                    Said(
                        "Contoso Nova series",
                        "battery",
                        "6000 mAh",
                        "rumored",
                        "Nova phones may get 6000 mAh.",
                        "series",
                    )
                ],
            ),
        ),
        lambda: put(
            store,
            Written(
                "private",
                "2021-02-04",
                said=[Said(PHONE, "battery", "5500 mAh", "confirmed", "The Nova 3 Pro packs 5500 mAh.")],
            ),
            guild_id=HOME,
        ),
        lambda: moderation.remove_article(store, "private", guild_id=HOME, actor="discord:1"),
        lambda: moderation.restore_article(store, "private", guild_id=HOME, actor="discord:1"),
        lambda: moderation.retract_claim(
            store, claim_of(store, "private"), guild_id=HOME, actor="discord:1", reason="wrong"
        ),
        lambda: moderation.restore_claim(store, claim_of(store, "private"), guild_id=HOME, actor="discord:1"),
        lambda: retract(store, claim_of(store, "phone-more"), "discord:1", "wrong"),
        lambda: restore(store, claim_of(store, "phone-more"), "discord:1"),
        lambda: remove(store, "series-more", "discord:1"),
        lambda: store.db["articles"].update("series-more", {"removed_at": None, "removed_by": None}),
        lambda: store.db["claims"].update(claim_of(store, "phone-more"), {"value": "10 GB"}),  # another group
        lambda: store.redate_article(*redated(base, "2021-02-10"), actor="cli"),
        lambda: store.redate_article(*redated(base, "2021-02-11", said=base.said[1:]), actor="cli"),
        lambda: put(  # the maker again, named before the phone in an article that speaks of it
            store,
            Written(
                "maker-more",
                "2021-02-12",
                said=[
                    Said(MAKER, "os", "Android 12", "confirmed", "Contoso ships Android 12.", "company"),
                    Said(PHONE, "battery", "5200 mAh", "rumored", "The Nova 3 Pro may get 5200 mAh."),
                ],
            ),
        ),
        lambda: retract(store, maker_claim(store, "maker-more"), "discord:1", "wrong"),
        lambda: restore(store, maker_claim(store, "maker-more"), "discord:1"),
        lambda: store.db["claims"].update(maker_claim(store, "maker-more"), {"value": "Android 13"}),
        lambda: put(  # the maker in a guild's article about the phone, named before it
            store,
            Written(
                "maker-private",
                "2021-02-13",
                said=[
                    Said(MAKER, "os", "Android 14", "confirmed", "Contoso will ship Android 14.", "company"),
                    Said(PHONE, "ram", "8 GB", "rumored", "The Nova 3 Pro keeps 8 GB of RAM."),
                ],
            ),
            guild_id=HOME,
        ),
        lambda: moderation.remove_article(store, "maker-private", guild_id=HOME, actor="discord:1"),
        lambda: store.db["claims"].update(  # the phone's claim there goes to another device
            phone_claim(store, "maker-more"), {"subject_id": subject_id(store, OTHER)}
        ),
        lambda: store.db["claims"].update(
            phone_claim(store, "maker-more", OTHER), {"subject_id": subject_id(store, PHONE)}
        ),
        lambda: store.db.execute("DELETE FROM claims WHERE id = ?", [maker_claim(store, "maker-more")]),
    ]
    for number, change in enumerate(changes):
        before = answers(reader)
        change()
        assert as_fresh_reader_answers(store, reader), f"change {number} was not followed"
        assert kept_groups(store) == counted_afresh(store), f"change {number}: the kept tally drifted"
        assert kept_context(store) == context_counted_afresh(store), (
            f"change {number}: the kept context drifted"
        )
        assert answers(reader) != before, f"change {number} changed no answer: it tests nothing"


def kept_groups(store) -> list[tuple]:
    """The store's kept tally (`value_groups`), each group's articles in order."""
    return sorted(
        (*row[:4], sorted(json.loads(row[4])), *row[5:])
        for row in store.db.execute(
            "SELECT subject_id, attribute, value_key, denial, articles, newest, weightiest FROM value_groups"
        )
    )


def counted_afresh(store) -> list[tuple]:
    """The kept tally counted again from every claim, as the migration fills it."""
    with store.write():
        store.db.execute("DELETE FROM value_groups")
        count_value_groups(store.db)
    return kept_groups(store)


def kept_context(store) -> list[tuple]:
    """The store's kept tally of makers' claims in their subjects' articles (`context_groups`)."""
    return sorted(
        (*row[:5], sorted(json.loads(row[5])), *row[6:])
        for row in store.db.execute(
            "SELECT subject_id, company_id, attribute, value_key, denial, articles, newest, weightiest "
            "FROM context_groups"
        )
    )


def context_counted_afresh(store) -> list[tuple]:
    """The kept context counted again from every claim, as the migration fills it."""
    with store.write():
        store.db.execute("DELETE FROM context_groups")
        count_context_groups(store.db)
    return kept_context(store)


def subject_id(store, name: str) -> int:
    return store.db.execute("SELECT id FROM subjects WHERE name = ?", [name]).fetchone()[0]


def maker_claim(store, article_id: str) -> int:
    return phone_claim(store, article_id, MAKER)


def phone_claim(store, article_id: str, name: str = PHONE) -> int:
    return store.db.execute(
        "SELECT c.id FROM claims c JOIN subjects s ON s.id = c.subject_id WHERE c.article_id = ? AND s.name = ?",
        [article_id, name],
    ).fetchone()[0]


def claim_of(store, article_id: str) -> int:
    return store.db.execute("SELECT min(id) FROM claims WHERE article_id = ?", [article_id]).fetchone()[0]


def redated(written: Written, published: str, said: list[Said] | None = None):
    """The article with another date (and, given `said`, fewer claims), as a redate reads it."""
    article, claims = replace(written, published=published).article_and_claims()
    if said is not None:
        kept = {one.sentence for one in said}
        claims = [claim for claim in claims if claim.quote in kept]
    return article, claims
