"""The extractor against the gold claims of the seed articles (tests/extract/gold), scored by bot.evaluate."""

from __future__ import annotations

from scoring import SEED_GOLD, SEEDS, score_folder


def test_seed_articles_score_above_thresholds():
    r = score_folder(SEEDS, SEED_GOLD / "seeds.jsonl", SEED_GOLD / "seeds-dates.jsonl")
    assert r["f1"] >= 0.95, r["report"]
    assert r["status"] >= 0.90, r["report"]
    assert r["dates_right"] == r["dates_total"], r["report"]
