"""`/timeline`: reports at their article's date, events at their own date and precision."""

from __future__ import annotations

from datetime import date

from bot.answers import run_query, timeline
from tests.answers.conftest import PIXEL, PIXEL_SERIES, Said, Written, put

BEFORE_LAUNCH = date(2030, 7, 1)
AFTER_LAUNCH = date(2030, 9, 1)


def test_items_are_in_date_order_with_receipts(pixel_store):
    answer = timeline(pixel_store, PIXEL, today=BEFORE_LAUNCH)
    dates = [item.date for item in answer.items]
    assert dates == sorted(dates)
    for item in answer.items:
        assert item.quote and item.article and item.published and item.source


def test_reports_are_dated_by_article_and_events_by_when_they_happen(pixel_store):
    items = timeline(pixel_store, PIXEL, today=BEFORE_LAUNCH).items
    launch = next(item for item in items if item.kind == "event" and item.precision == "day")
    assert launch.date == launch.value and launch.published < launch.date
    month = next(item for item in items if item.kind == "event" and item.precision == "month")
    assert month.date == month.value and len(month.date) == 7
    assert items.index(month) < items.index(launch)
    for item in items:
        if item.kind == "report":
            assert item.date == item.published


def test_the_same_report_by_several_outlets_is_one_item(pixel_store):
    items = timeline(pixel_store, PIXEL, today=BEFORE_LAUNCH).items
    camera = [item for item in items if item.attribute == "main_camera" and item.value == "200 MP"]
    assert len(camera) == 1 and camera[0].sources == 2


def test_events_after_today_are_upcoming(pixel_store):
    events = [
        item for item in timeline(pixel_store, PIXEL, today=BEFORE_LAUNCH).items if item.kind == "event"
    ]
    assert events and all(item.upcoming for item in events)
    events = [item for item in timeline(pixel_store, PIXEL, today=AFTER_LAUNCH).items if item.kind == "event"]
    assert not any(item.upcoming for item in events)


def test_a_series_timeline_includes_its_devices(pixel_store):
    answer = run_query(pixel_store, f"/timeline {PIXEL_SERIES}", today=BEFORE_LAUNCH)
    assert answer.subject == PIXEL_SERIES
    assert any(item.via == PIXEL for item in answer.items)


def test_the_whole_store_newest_first_and_limited(pixel_store):
    for number in range(12):
        put(
            pixel_store,
            Written(
                f"filler{number}",
                f"2029-01-{number + 10}",
                said=[Said("Motorola Edge 90", "ram", f"{number} GB", "rumored", f"Edge RAM {number}.")],
            ),
        )
    answer = timeline(pixel_store, today=BEFORE_LAUNCH, limit=5)
    assert len(answer.items) <= 5 and answer.notes
    dates = [item.date for item in answer.items]
    assert dates == sorted(dates, reverse=True)
    assert all(item.via for item in answer.items), "each item names its device"


def test_json_items_follow_the_contract(pixel_store):
    data = run_query(pixel_store, "/timeline 11 Pro", today=BEFORE_LAUNCH).to_json()
    assert data["command"] == "timeline" and data["subject"] == PIXEL
    assert list(data["items"][0])[:10] == [
        "date",
        "precision",
        "kind",
        "attribute",
        "value",
        "status",
        "quote",
        "article",
        "source",
        "published",
    ]
