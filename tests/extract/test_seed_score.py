"""The extractor against the gold claims of the seed articles, scored by the shared score.py."""

from __future__ import annotations

import pytest
from scoring import SCORE, SHARED, score_folder

SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

pytestmark = pytest.mark.skipif(not (SEEDS.is_dir() and SCORE.is_file()),
                                reason=f"the shared seeds and gold files are not beside the repository ({SHARED})")


def test_seed_articles_score_above_thresholds(tmp_path):
    r = score_folder(SEEDS, GOLD / "seeds.jsonl", GOLD / "seeds-dates.jsonl", tmp_path)
    assert r["f1"] >= 0.95, r["report"]
    assert r["status"] >= 0.90, r["report"]
    assert r["dates_right"] == r["dates_total"], r["report"]
