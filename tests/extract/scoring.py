"""The scoring harness shared by the score tests: run `python -m bot extract --json` on a folder of
articles and score the claims with the shared score.py against a gold file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHARED = PROJECT_ROOT.parent / "shared"
SCORE = SHARED / "gold" / "score.py"
_SUMMARY = re.compile(r"F1 ([\d.]+) .*status ([\d.]+)\) dates (\d+)/(\d+)")


def score_folder(articles: Path, gold: Path, dates: Path, tmp_path: Path) -> dict:
    """{'f1', 'status', 'dates_right', 'dates_total', 'summary', 'report'} for the *.txt files of `articles`."""
    files = sorted(str(p) for p in articles.glob("*.txt"))
    result = subprocess.run([sys.executable, "-m", "bot", "extract", *files, "--json"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    claims = tmp_path / "claims.jsonl"
    claims.write_text(result.stdout, encoding="utf-8")
    scored = subprocess.run([sys.executable, str(SCORE), str(gold), str(claims), "--dates", str(dates)],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert scored.returncode == 0, scored.stderr
    summary = scored.stdout.strip().splitlines()[-1]
    match = _SUMMARY.search(summary)
    assert match, summary
    return {"f1": float(match[1]), "status": float(match[2]), "dates_right": int(match[3]),
            "dates_total": int(match[4]), "summary": summary, "report": scored.stdout}


def heldout(name: str) -> tuple[Path, Path, Path]:
    folder = PROJECT_ROOT / "tests" / "extract" / name
    return folder / "articles", folder / "gold.jsonl", folder / "dates.jsonl"
