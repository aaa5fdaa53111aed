"""The extractor's output, byte for byte, on the seeds, the held-out sets and generated articles,
against tests/extract/golden/claims.jsonl.gz: a refactoring of bot/extract must keep it identical.

When behaviour changes on purpose, regenerate the fixture (`python tests/extract/golden.py`, see
golden.py) and commit it together with the change, saying why the claims changed.
"""

from __future__ import annotations

import json

from golden import FIXTURE, GENERATED_COUNT, article_files, current_lines, read_fixture


def test_the_fixture_covers_every_seed_and_held_out_article_and_the_generated_ones():
    labels = [json.loads(x)["article"] for x in read_fixture()]
    files = [p.relative_to(FIXTURE.parents[3]).as_posix() for p in article_files()]
    assert labels[: len(files)] == files
    assert len(labels) == len(files) + GENERATED_COUNT
    assert any(label.startswith("seeds/") for label in labels)


def test_extraction_output_is_byte_identical_to_the_golden_fixture():
    expected = read_fixture()
    actual = current_lines()
    assert len(actual) == len(expected)
    for new, old in zip(actual, expected, strict=True):
        if new != old:
            label = json.loads(old)["article"]
            new_claims = {json.dumps(c, ensure_ascii=False) for c in json.loads(new)["claims"]}
            old_claims = {json.dumps(c, ensure_ascii=False) for c in json.loads(old)["claims"]}
            raise AssertionError(
                f"{label}: claims differ from the golden fixture (regenerate it only for an intended "
                f"change: python tests/extract/golden.py)\n"
                f"  missing now: {sorted(old_claims - new_claims)[:5]}\n"
                f"  new: {sorted(new_claims - old_claims)[:5]}"
                + ("\n  (same claims, another order)" if new_claims == old_claims else "")
            )
