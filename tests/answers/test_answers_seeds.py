"""The seed acceptance, with every expectation read from the seed gold (tests/extract/gold) at run time.

The device is the one the gold alias claim names; its claims are the gold lines whose subjects
include it. What must hold: each such value is in `/spec` and in `/timeline` at the right date,
the current value of each attribute follows the rule (confirmed first, then the newest article),
the alias answers for the device, and the timeline runs in date order.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.answers import run_query
from bot.ingest import seed_store
from tests.conftest import PROJECT_ROOT

GOLD = PROJECT_ROOT / "tests" / "extract" / "gold" / "seeds.jsonl"


def gold_lines() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]


@pytest.fixture
def seeded(store):
    seed_store(store)
    if not store.db.execute("SELECT count(*) FROM claims").fetchone()[0]:
        pytest.skip("the extractor finds no claims in the seeds yet")
    return store


@pytest.fixture
def device(seeded) -> tuple[str, str, list[dict]]:
    """(device, its alias, the gold lines about it) from the gold alias claim.

    A gold line whose first subject is a company is company-wide context: an answer shows it
    for the device only when the article also speaks of the device, so it is not required here.
    """
    lines = gold_lines()
    alias_line = next(line for line in lines if line["attribute"] == "alias")
    name = alias_line["subject_any"][0]
    companies = {row[0] for row in seeded.db.execute("SELECT name FROM subjects WHERE kind = 'company'")}
    about = [
        line
        for line in lines
        if name in line["subject_any"]
        and line["subject_any"][0] not in companies
        and line["attribute"] != "alias"
        and not line.get("optional")
    ]
    return name, alias_line["value"], about


def values_of(line: dict) -> set[str]:
    return set(line.get("value_any") or [line["value"]])


def published(store, article: str) -> str:
    return store.article(article)["published"]


def without_brand(name: str) -> str:
    return name.split(" ", 1)[1]


def expected_current(store, lines: list[dict]) -> set[str]:
    """The values the rule makes current: confirmed ones first, then the newest article's."""
    confirmed = [line for line in lines if line["status_any"] == ["confirmed"]]
    pool = confirmed or [line for line in lines if "denied" not in line["status_any"]]
    newest = max(published(store, line["article"]) for line in pool)
    return set().union(*(values_of(line) for line in pool if published(store, line["article"]) == newest))


def test_spec_lists_every_gold_value_and_the_current_one_by_the_rule(seeded, device):
    name, _, about = device
    answer = run_query(seeded, f"/spec {without_brand(name)}")
    assert answer.ok and answer.subject == name
    for attribute in {line["attribute"] for line in about}:
        lines = [line for line in about if line["attribute"] == attribute]
        shown = {item.value for item in answer.lines if item.attribute == attribute}
        for line in lines:
            assert values_of(line) & shown, (attribute, line["value"], shown)
        current = {item.value for item in answer.lines if item.attribute == attribute and item.current}
        assert current & expected_current(seeded, lines), (attribute, current)
    for item in answer.lines:
        assert item.quote and item.article and item.published


def test_the_alias_answers_for_the_device(seeded, device):
    name, alias, _ = device
    answer = run_query(seeded, f"/spec {without_brand(alias)}")
    assert answer.ok and answer.subject == name


def test_the_timeline_dates_each_gold_claim(seeded, device):
    name, _, about = device
    answer = run_query(seeded, f"/timeline {without_brand(name)}", today=date(2022, 6, 30))
    dates = [item.date for item in answer.items]
    assert dates == sorted(dates)
    for line in about:
        event = line["attribute"] == "launch_date"
        when = values_of(line) if event else {published(seeded, line["article"])}
        assert any(
            item.attribute == line["attribute"] and item.value in values_of(line) and item.date in when
            for item in answer.items
        ), line
    assert all(item.quote and item.article and item.published for item in answer.items)
