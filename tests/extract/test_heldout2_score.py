"""The extractor on the held-out articles of tests/extract/heldout2, scored by the shared score.py: floors a
little under the figures reached, so that a regression is caught.

Figures when these floors were set: F1 0.906 (precision 0.952, recall 0.865, status 0.970), dates 8/8.
"""

from __future__ import annotations

import pytest
from scoring import SCORE, heldout, score_folder

ARTICLES, GOLD, DATES = heldout("heldout2")
F1_FLOOR = 0.85
STATUS_FLOOR = 0.92

pytestmark = pytest.mark.skipif(not (ARTICLES.is_dir() and SCORE.is_file()),
                                reason=f"the held-out set or the shared score.py is missing ({ARTICLES}, {SCORE})")


def test_heldout2_articles_score_above_the_floor(tmp_path):
    r = score_folder(ARTICLES, GOLD, DATES, tmp_path)
    assert r["f1"] >= F1_FLOOR, r["summary"]
    assert r["status"] >= STATUS_FLOOR, r["summary"]
    assert r["dates_right"] == r["dates_total"], r["summary"]
