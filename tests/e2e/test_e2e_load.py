"""The load run of benchmarks/bench_load.py, in CI: 500 interactions over 10 s from 20 members
against a store of 10,000 articles, every one answered within Discord's 3 s."""

from __future__ import annotations

import pytest

from benchmarks.bench_load import make_store, run_load


@pytest.mark.slow
async def test_500_interactions_from_20_members_are_all_answered_within_3_seconds(tmp_path):
    db_path = tmp_path / "load.db"
    make_store(db_path)
    result = await run_load(db_path, interactions=500, seconds=10.0, members=20)
    print(result.summary())
    assert result.sent == 500 and result.unanswered == 0 and result.failures == 0, result.summary()
    assert result.within_deadline == result.sent, result.summary()
    assert result.no_answer < result.sent // 10, "the questions should find claims: " + result.summary()
