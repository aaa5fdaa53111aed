"""`python -m bot evaluate` and bot.evaluate: the same figures as the team's reference scorer.

Each folder of tests/extract/evaluate_cases holds a gold file, claims and dates written for these
tests (every matching rule and its edge: normalised subjects and values, value_any, quote_any,
statuses, optional lines, claims without an attribute, articles outside the gold, dates that differ
between claims, bases that must be inferred, a null date) and `score_py.txt`, what
../shared/gold/score.py printed on them. Where that scorer is beside the checkout, it is run again,
so the recording cannot drift from it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from scoring import PROJECT_ROOT, reference_report

from bot.evaluate import Tally, evaluate, load_claims, load_dates, load_gold
from tests.conftest import run_cli

CASES = Path(__file__).parent / "evaluate_cases"
REFERENCE_SCORER = PROJECT_ROOT.parent / "shared" / "gold" / "score.py"
SUMMARY = re.compile(
    r"F1 ([\d.]+) \(precision ([\d.]+) of (\d+), recall ([\d.]+) of (\d+), status ([\d.]+)\) dates (\d+)/(\d+)"
)

ARTICLE = """url: https://phones.example/galaxy-s30-ultra-hands-on
date: 2025-03-14
title: Galaxy S30 Ultra hands-on
outlet: Phones Example

Samsung showed the Galaxy S30 Ultra to the press this week. The Samsung Galaxy S30 Ultra is powered by the Snapdragon 8 Gen 2 chipset.
"""


def case_files(name: str) -> tuple[Path, Path, Path]:
    folder = CASES / name
    return folder / "gold.jsonl", folder / "claims.jsonl", folder / "dates.jsonl"


def scored(name: str):
    gold, claims, dates = case_files(name)
    return evaluate(load_gold(gold), load_claims(claims), load_dates(dates))


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_every_figure_miss_and_false_claim_is_the_reference_scorers(name):
    gold, claims, dates = case_files(name)
    recorded = (CASES / name / "score_py.txt").read_text(encoding="utf-8").splitlines()
    if REFERENCE_SCORER.is_file():
        live = subprocess.run(
            [sys.executable, str(REFERENCE_SCORER), str(gold), str(claims), "--dates", str(dates)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert live.stdout.splitlines() == recorded, "score.py changed: record its output again"
    assert reference_report(scored(name)) == recorded


def test_the_tables_by_attribute_and_by_article_add_up_to_the_whole():
    result = scored("rules")
    for parts in (result.by_attribute, result.by_article):
        total = Tally()
        for tally in parts.values():
            for name in ("claims", "right", "required", "found", "status_right"):
                setattr(total, name, getattr(total, name) + getattr(tally, name))
        assert total == result.overall
    assert "unlabelled" not in result.by_article, "an article outside the gold is not scored"
    assert result.by_attribute["display_size"].found == 1, "quote_any is read without case"


def test_json_gives_the_figures_the_reference_scorer_prints():
    gold, claims, dates = case_files("rules")
    done = run_cli("evaluate", str(gold), "--claims", str(claims), "--dates", str(dates), "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    f1, precision, claim_count, recall, required, status, dates_right, dates_total = SUMMARY.search(
        (CASES / "rules" / "score_py.txt").read_text()
    ).groups()
    assert (
        f"{figures['f1']:.3f}",
        f"{figures['precision']:.3f}",
        f"{figures['recall']:.3f}",
        f"{figures['status']:.3f}",
    ) == (f1, precision, recall, status)
    assert (figures["claims"], figures["required"]) == (int(claim_count), int(required))
    assert (figures["dates"]["right"], figures["dates"]["total"]) == (int(dates_right), int(dates_total))
    assert figures["articles"]["nova_leak"]["date"]["right"] is True
    assert figures["attributes"]["chipset"]["false_claims"] == 1
    assert "misses" not in figures


def test_misses_lists_every_miss_false_claim_and_wrong_date():
    gold, claims, dates = case_files("rules")
    result = scored("rules")
    done = run_cli("evaluate", str(gold), "--claims", str(claims), "--dates", str(dates), "--misses")
    assert done.returncode == 0, done.stderr
    shown = done.stdout
    assert "By attribute" in shown and "By article" in shown

    def listed(kind: str) -> int:
        return sum(line.strip().startswith(kind) for line in shown.splitlines())

    assert listed("missed") == sum(m.kind == "missed" for m in result.misses)
    assert listed("wrong status") == sum(m.kind == "wrong status" for m in result.misses)
    assert listed("false claim") == len(result.false_claims)
    assert listed("date wrong") == sum(not check.right for check in result.dates)
    assert shown.strip().splitlines()[-1] == result.summary()
    as_json = json.loads(run_cli("evaluate", str(gold), "--claims", str(claims), "--misses", "--json").stdout)
    assert len(as_json["misses"]) == len(result.misses)
    assert [c["subject"] for c in as_json["false_claims"]] == [c["subject"] for c in result.false_claims]


def test_articles_are_scored_as_their_extract_json_output_is(tmp_path):
    article = tmp_path / "s30.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    device = ["Samsung Galaxy S30 Ultra"]
    lines = [
        {
            "article": "s30",
            "subject_any": device,
            "attribute": "chipset",
            "value": "Snapdragon 8 Gen 2",
            "status_any": ["confirmed"],
            "quote_contains": "powered by",
        },
        {
            "article": "s30",
            "subject_any": device,
            "attribute": "battery",
            "value": "5000 mAh",
            "status_any": ["confirmed"],
            "quote_contains": "battery",
        },
    ]
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    extracted = run_cli("extract", str(article), "--json")
    assert extracted.returncode == 0, extracted.stderr
    claims = tmp_path / "claims.jsonl"
    claims.write_text(extracted.stdout, encoding="utf-8")

    direct = run_cli("evaluate", str(gold), str(article), "--json", "--misses")
    from_file = run_cli("evaluate", str(gold), "--claims", str(claims), "--json", "--misses")
    assert direct.returncode == from_file.returncode == 0, direct.stderr + from_file.stderr
    figures = json.loads(direct.stdout)
    assert figures == json.loads(from_file.stdout)
    assert figures["claims"] == len(extracted.stdout.splitlines()) > 0
    assert figures["required"] == 2 and figures["recall"] <= 0.5, "the article says nothing of a battery"
    assert {"kind": "missed", "attribute": "battery"}.items() <= next(
        miss for miss in figures["misses"] if miss["attribute"] == "battery"
    ).items()
    if REFERENCE_SCORER.is_file():
        reference = subprocess.run(
            [sys.executable, str(REFERENCE_SCORER), str(gold), str(claims)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        plain = run_cli("evaluate", str(gold), str(article))
        assert plain.stdout.strip().splitlines()[-1] == reference.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"article": "a", "subject_any": ["Orbit 9"], "attribute": "ram", "value": "8 GB"',
            "line 2: not JSON",
        ),
        (
            '{"article": "a", "subject_any": ["Orbit 9"], "attribute": "ram", "value": "8 GB", "status_any": ["rumored"]}',
            "line 2: missing quote_contains",
        ),
        (
            '{"article": "a", "subject_any": "Orbit 9", "attribute": "ram", "value": "8 GB", "optional": true}',
            "line 2: subject_any must be a non-empty list",
        ),
        ('["a list"]', "line 2: a JSON object is expected"),
    ],
)
def test_a_bad_gold_line_is_named_with_its_file_and_line(tmp_path, line, message):
    good = (
        '{"article": "a", "subject_any": ["Orbit 9"], "attribute": "os", "value": "Android 20", '
        '"status_any": ["rumored"], "quote_contains": "Android"}'
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(f"{good}\n{line}\n", encoding="utf-8")
    claims = tmp_path / "claims.jsonl"
    claims.write_text("", encoding="utf-8")
    done = run_cli("evaluate", str(gold), "--claims", str(claims))
    assert done.returncode == 1
    assert str(gold) in done.stderr and message in done.stderr
    assert "Traceback" not in done.stderr


def test_evaluate_needs_articles_or_claims_and_says_which_files_it_could_not_read(tmp_path):
    gold, claims, _ = case_files("rules")
    neither = run_cli("evaluate", str(gold))
    assert neither.returncode == 2 and "--claims" in neither.stderr and "Traceback" not in neither.stderr
    both = run_cli("evaluate", str(gold), str(tmp_path), "--claims", str(claims))
    assert both.returncode == 2
    missing = tmp_path / "nowhere.txt"
    done = run_cli("evaluate", str(gold), str(missing), "--json")
    assert done.returncode == 1 and str(missing) in done.stderr
    assert "nova_leak" in done.stderr, "gold articles not given are named: every line of theirs is a miss"
    assert json.loads(done.stdout)["found"] == 0
