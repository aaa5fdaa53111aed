"""The extractor on the held-out articles of tests/extract/heldout, scored by the shared score.py: floors a
little under the figures reached, so that a regression is caught.

Figures when these floors were set: F1 0.923 (precision 0.969, recall 0.882, status 0.997), dates 14/14 (0.926 / 0.997 at the helper's introduction).
"""

from __future__ import annotations

import pytest
from scoring import SCORE, heldout, score_folder

ARTICLES, GOLD, DATES = heldout("heldout")
F1_FLOOR = 0.87
STATUS_FLOOR = 0.94

pytestmark = pytest.mark.skipif(not (ARTICLES.is_dir() and SCORE.is_file()),
                                reason=f"the held-out set or the shared score.py is missing ({ARTICLES}, {SCORE})")


def test_heldout_articles_score_above_the_floor(tmp_path):
    r = score_folder(ARTICLES, GOLD, DATES, tmp_path)
    assert r["f1"] >= F1_FLOOR, r["summary"]
    assert r["status"] >= STATUS_FLOOR, r["summary"]
    assert r["dates_right"] == r["dates_total"], r["summary"]
