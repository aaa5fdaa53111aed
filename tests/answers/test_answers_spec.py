"""`/spec`: which value is current, what else was reported, and the receipt on every line."""

from __future__ import annotations

from bot.answers import run_query, spec
from bot.store import Store
from tests.answers.conftest import PIXEL, PIXEL_ALIAS, PIXEL_SERIES, Said, Written, put, remove, retract

PHONE = "Apple iPhone 19"


def lines_of(answer, attribute):
    return [line for line in answer.lines if line.attribute == attribute]


def current_value(answer, attribute):
    current = [line for line in lines_of(answer, attribute) if line.current]
    assert len(current) <= 1, "one current value an attribute"
    return current[0].value if current else None


def report(
    store: Store,
    article: str,
    published: str,
    value: str,
    status: str,
    attribute: str = "ram",
    guild_id: int | None = None,
) -> int:
    sentence = f"{article}: the {PHONE} has {value} ({status})."
    return put(
        store,
        Written(
            article,
            published,
            outlet=f"Outlet {article}",
            said=[Said(PHONE, attribute, value, status, sentence)],
        ),
        guild_id=guild_id,
    )[0]


def test_every_line_carries_its_receipt(pixel_store):
    answer = spec(pixel_store, PIXEL)
    assert answer.ok and answer.lines
    article_ids = {row[0] for row in pixel_store.db.execute("SELECT id FROM articles")}
    for line in answer.lines:
        assert line.quote and line.source and line.claim_id
        assert line.article in article_ids
        body = pixel_store.article(line.article)["body"]
        assert line.quote in body
        assert line.published == pixel_store.article(line.article)["published"]


def test_the_newest_unconfirmed_value_is_current_and_the_older_listed(pixel_store):
    answer = spec(pixel_store, PIXEL)
    cameras = lines_of(answer, "main_camera")
    assert [(line.value, line.current) for line in cameras] == [("50 MP", True), ("200 MP", False)]
    assert cameras[1].standing == "earlier report"
    assert cameras[1].published < cameras[0].published


def test_confirmed_beats_a_newer_rumor(store):
    report(store, "official", "2031-01-01", "12 GB", "confirmed")
    report(store, "rumor", "2031-03-01", "16 GB", "rumored")
    assert current_value(spec(store, PHONE), "ram") == "12 GB"


def test_a_denied_value_is_never_current(store):
    report(store, "leak", "2031-01-01", "8 GB", "rumored")
    report(store, "denial", "2031-02-01", "8 GB", "denied")
    report(store, "guess", "2030-12-01", "6 GB", "speculated")
    answer = spec(store, PHONE)
    assert current_value(answer, "ram") == "6 GB"
    assert any(line.status == "denied" and not line.current for line in lines_of(answer, "ram"))


def test_only_denied_values_leave_no_current_value(store):
    report(store, "denial", "2031-02-01", "8 GB", "denied")
    assert current_value(spec(store, PHONE), "ram") is None


def test_corroboration_counts_the_articles_stating_the_current_value(store):
    for number in range(3):
        report(store, f"outlet{number}", f"2031-01-0{number + 1}", "12 GB", "rumored")
    report(store, "lone", "2030-12-01", "8 GB", "rumored")
    current = [line for line in spec(store, PHONE).lines if line.current][0]
    assert (current.value, current.sources) == ("12 GB", 3)


def test_retracted_claims_and_removed_articles_never_count(store):
    report(store, "early", "2031-01-01", "8 GB", "rumored", guild_id=7)
    newer = report(store, "later", "2031-02-01", "12 GB", "rumored", guild_id=7)
    report(store, "latest", "2031-03-01", "16 GB", "rumored", guild_id=7)
    assert current_value(spec(store, PHONE, guild_id=7), "ram") == "16 GB"
    remove(store, "latest", actor="mod")
    assert current_value(spec(store, PHONE, guild_id=7), "ram") == "12 GB"
    retract(store, newer, actor="mod", reason="misread")
    answer = spec(store, PHONE, guild_id=7)
    assert [line.value for line in lines_of(answer, "ram")] == ["8 GB"]


def test_another_guilds_articles_are_not_seen(store):
    report(store, "public", "2031-01-01", "8 GB", "rumored")
    report(store, "theirs", "2031-02-01", "12 GB", "rumored", guild_id=1)
    assert current_value(spec(store, PHONE, guild_id=1), "ram") == "12 GB"
    assert current_value(spec(store, PHONE, guild_id=2), "ram") == "8 GB"
    assert current_value(spec(store, PHONE), "ram") == "8 GB"


def test_series_claims_apply_and_are_marked_series_wide(pixel_store):
    launch = lines_of(spec(pixel_store, PIXEL), "launch_date")
    series_line = next(line for line in launch if line.current)
    assert series_line.scope == "series-wide" and series_line.via == PIXEL_SERIES


def test_claims_made_under_an_alias_are_marked_with_that_name(pixel_store):
    cameras = lines_of(spec(pixel_store, PIXEL), "main_camera")
    earlier = [line for line in cameras if not line.current]
    assert earlier[0].scope == "alias" and earlier[0].via == PIXEL_ALIAS


def test_company_context_is_shown_but_does_not_beat_the_device(pixel_store):
    launch = lines_of(spec(pixel_store, PIXEL), "launch_date")
    company = [line for line in launch if line.scope == "company-wide"]
    assert company and not any(line.current for line in company)


def test_an_attribute_or_a_friendly_word_narrows_the_answer(pixel_store):
    assert {line.attribute for line in run_query(pixel_store, "/spec 11 Pro chipset").lines} == {"chipset"}
    assert {line.attribute for line in run_query(pixel_store, "/spec 11 XL chip").lines} == {"chipset"}
    assert {line.attribute for line in run_query(pixel_store, "/spec Pixel 11 Pro camera").lines} == {
        "main_camera"
    }
    answer = run_query(pixel_store, "/spec 11 Pro main camera")
    assert answer.subject == PIXEL and {line.attribute for line in answer.lines} == {"main_camera"}


def test_an_unknown_attribute_is_an_answer_with_the_vocabulary(pixel_store):
    answer = spec(pixel_store, PIXEL, "smell")
    assert not answer.ok and "chipset" in answer.suggestions


def test_json_follows_the_contract(pixel_store):
    data = run_query(pixel_store, "/spec 11 Pro").to_json()
    assert data["command"] == "spec" and data["subject"] == PIXEL and data["matched"] == "11 Pro"
    first = data["lines"][0]
    assert list(first)[:10] == [
        "attribute",
        "value",
        "status",
        "current",
        "sources",
        "quote",
        "article",
        "source",
        "published",
        "claim_id",
    ]


def test_a_makers_claim_is_context_where_its_article_spoke_of_the_device_even_retracted(tmp_path):
    maker, other = "Apple", "Apple iPad Air 9"
    with Store(tmp_path / "context.db") as store:
        retracted, _ = put(
            store,
            Written(
                "device-retracted",
                "2031-01-05",
                said=[
                    Said(PHONE, "ram", "8 GB", "rumored", f"The {PHONE} may have 8 GB of RAM."),
                    Said(
                        maker,
                        "launch_date",
                        "2031-09",
                        "rumored",
                        "Apple may launch it in September.",
                        "company",
                    ),
                ],
            ),
        )
        retract(store, retracted, "discord:1", "not about this phone")
        report(store, "device-kept", "2031-01-04", "12 GB", "rumored")
        put(
            store,
            Written(
                "other-device",
                "2031-01-06",
                said=[
                    Said(other, "ram", "6 GB", "rumored", f"The {other} may have 6 GB of RAM."),
                    Said(
                        maker,
                        "launch_date",
                        "2031-10",
                        "rumored",
                        "Apple may launch it in October.",
                        "company",
                    ),
                ],
            ),
        )
        for attribute in (None, "launch date"):
            context = [
                line.value
                for line in lines_of(spec(store, PHONE, attribute), "launch_date")
                if line.scope == "company-wide"
            ]
            assert context == ["2031-09"], attribute


def test_a_makers_claim_in_a_guilds_own_article_is_that_guilds_context_for_one_attribute(tmp_path):
    maker = "Apple"
    with Store(tmp_path / "own-context.db") as store:
        report(store, "public", "2031-01-04", "12 GB", "rumored")
        put(
            store,
            Written(
                "private",
                "2031-01-05",
                said=[
                    Said(PHONE, "ram", "8 GB", "rumored", f"The {PHONE} may have 8 GB of RAM."),
                    Said(
                        maker,
                        "launch_date",
                        "2031-11",
                        "rumored",
                        "Apple may launch it in November.",
                        "company",
                    ),
                ],
            ),
            guild_id=7,
        )
        for guild, expected in ((7, ["2031-11"]), (8, []), (None, [])):
            # one attribute first: counted on its own, not taken from the kept counts of all
            for attribute in ("launch date", None):
                context = [
                    line.value
                    for line in lines_of(spec(store, PHONE, attribute, guild_id=guild), "launch_date")
                    if line.scope == "company-wide"
                ]
                assert context == expected, (guild, attribute)
