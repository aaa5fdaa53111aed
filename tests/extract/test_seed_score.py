"""The extractor against the gold claims of the seed articles, scored by the shared score.py."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHARED = PROJECT_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

pytestmark = pytest.mark.skipif(
    not (SEEDS.is_dir() and (GOLD / "score.py").is_file()),
    reason=f"the shared seeds and gold files are not beside the repository ({SHARED})")


def test_seed_articles_score_above_thresholds(tmp_path):
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    result = subprocess.run([sys.executable, "-m", "bot", "extract", *seeds, "--json"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    claims = tmp_path / "claims.jsonl"
    claims.write_text(result.stdout, encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(GOLD / "score.py"), str(GOLD / "seeds.jsonl"), str(claims),
         "--dates", str(GOLD / "seeds-dates.jsonl")],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert scored.returncode == 0, scored.stderr
    summary = scored.stdout.strip().splitlines()[-1]
    match = re.search(r"F1 ([\d.]+) .*status ([\d.]+)\) dates (\d+)/(\d+)", summary)
    assert match, summary
    f1, status, right, total = float(match[1]), float(match[2]), int(match[3]), int(match[4])
    assert f1 >= 0.95, scored.stdout
    assert status >= 0.90, scored.stdout
    assert right == total, scored.stdout
