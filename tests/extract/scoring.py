"""The scoring harness shared by the score tests: extract a folder of articles and score the claims
with `bot.evaluate`, the code of `python -m bot evaluate`, against a gold file."""

from __future__ import annotations

from pathlib import Path

from bot.evaluate import Evaluation, evaluate, extracted_claims, load_dates, load_gold

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"
SEED_GOLD = PROJECT_ROOT / "tests" / "extract" / "gold"


def reference_report(result: Evaluation) -> list[str]:
    """The lines the team's reference scorer (../shared/gold/score.py) prints for the same scoring:
    wrong dates, misses, false claims, then the summary; the score tests show them on failure, and
    the agreement test compares them with that scorer's output."""
    lines = [
        f"date wrong  {check.article}: expected {check.expected} ({check.basis}), "
        f"got {check.got} {check.bases}"
        for check in result.dates or []
        if not check.right
    ]
    for miss in result.misses:
        line = miss.line
        extra = f" (got {miss.got_status})" if miss.got_status else ""
        lines.append(
            f"{miss.kind:12} {line['article']}: {line['subject_any'][0]} {line['attribute']} "
            f"= {line['value']}{extra}"
        )
    for claim in result.false_claims:
        lines.append(
            f"false claim  {claim.get('article')}: {claim.get('subject')} {claim.get('attribute')} "
            f"= {claim.get('value')}  <- {str(claim.get('quote'))[:90]!r}"
        )
    lines.append(result.summary())
    return lines


def score_folder(articles: Path, gold: Path, dates: Path) -> dict:
    """{'f1', 'status', 'dates_right', 'dates_total', 'summary', 'report'} for the *.txt files of `articles`.

    F1 and status are rounded to the three digits the summary prints, as the floors were set on them."""
    claims, _, failures = extracted_claims(sorted(articles.glob("*.txt")))
    assert not failures, failures
    result = evaluate(load_gold(gold), claims, load_dates(dates))
    return {
        "f1": float(f"{result.overall.f1:.3f}"),
        "status": float(f"{result.overall.status:.3f}"),
        "dates_right": result.dates_right,
        "dates_total": len(result.dates),
        "summary": result.summary(),
        "report": "\n".join(reference_report(result)),
    }


def heldout(name: str) -> tuple[Path, Path, Path]:
    folder = PROJECT_ROOT / "tests" / "extract" / name
    return folder / "articles", folder / "gold.jsonl", folder / "dates.jsonl"
