"""The command line as a user meets it: a child process, a real store file."""

import json
import re
import sqlite3

import pytest

from tests.conftest import PROJECT_ROOT, run_cli

ARTICLE = """url: https://phones.example/s23-ultra-review
date: 2023-02-17
title: Galaxy S23 Ultra review
outlet: Phones Example

Samsung launched the Galaxy S23 Ultra this month. The Samsung Galaxy S23 Ultra is powered by the Snapdragon 8 Gen 2 chipset.
"""
CONTRACT = PROJECT_ROOT / "tests" / "fixtures" / "CLAIMS.md"


def claim_fields() -> list[str]:
    """The claim fields, read from the contract's table (a copy of ../shared/CLAIMS.md) so this test
    follows CLAIMS.md."""
    section = CONTRACT.read_text().split("## A claim", 1)[1].split("Statuses:", 1)[0]
    rows = re.findall(r"^\| `(\w+)`(?:, `(\w+)`)?", section, flags=re.M)
    return [name for row in rows for name in row if name]


def articles_in(db_path) -> int:
    if not db_path.exists():
        return 0
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_extract_json_lines_carry_every_contract_field(tmp_path):
    path = tmp_path / "s23.txt"
    path.write_text(ARTICLE)
    done = run_cli("extract", str(path), "--json")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines, "the article names a device and its chipset: at least one claim"
    body = ARTICLE.split("\n\n", 1)[1]
    for claim in lines:
        assert set(claim_fields()) <= set(claim)
        assert claim["article"] == "s23" and claim["published"] == "2023-02-17"
        assert body[claim["start"] : claim["end"]] == claim["quote"]


def test_extract_stores_nothing(tmp_path):
    path = tmp_path / "s23.txt"
    path.write_text(ARTICLE)
    db = tmp_path / "claims.db"
    run_cli("--db", str(db), "extract", str(path), "--json")
    assert not db.exists()


def bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20)
    (tmp_path / "latin1.txt").write_bytes("Le téléphone coûte 999 francs".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"The phone is big. " * (5 * 1024 * 1024 // 18))
    (tmp_path / "no-articles").mkdir()
    (tmp_path / "no-articles" / "notes.csv").write_text("a,b\n")
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "latin1.txt": "UTF-8",
        "huge.txt": "at most",
        "no-articles": "has no articles",
    }


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "latin1.txt", "huge.txt", "no-articles"])
def test_a_bad_input_gets_a_clear_message_and_nothing_is_stored(tmp_path, name):
    expected = bad_inputs(tmp_path)[name]
    db = tmp_path / "claims.db"
    done = run_cli("--no-seeds", "--db", str(db), "ingest", str(tmp_path / name))
    assert done.returncode != 0
    assert expected in done.stderr and name in done.stderr
    assert articles_in(db) == 0
    extracted = run_cli("extract", str(tmp_path / name), "--json")
    assert extracted.returncode != 0 and expected in extracted.stderr and not extracted.stdout


def test_ingest_summarises_stored_duplicates_and_failures(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE.replace("title: Galaxy S23 Ultra review", "title: Same text"))
    (tmp_path / "empty.txt").write_text("")
    db = tmp_path / "claims.db"
    done = run_cli("--no-seeds", "--db", str(db), "ingest", str(tmp_path))
    assert done.returncode == 1
    assert "stored 1 articles" in done.stdout.lower()
    assert "1 duplicates" in done.stdout and "1 failed" in done.stdout
    assert articles_in(db) == 1


def test_a_new_default_store_is_filled_from_the_seeds(tmp_path):
    db = tmp_path / "fresh.db"
    done = run_cli("ask", "/spec anything", env={"RECEIPTS_DB": str(db)})
    seeds = len(list((PROJECT_ROOT / "seeds").glob("*.txt")))
    assert articles_in(db) == seeds > 0, done.stderr
    again = run_cli("ask", "/spec anything", env={"RECEIPTS_DB": str(db)})
    assert articles_in(db) == seeds and "seed" not in again.stderr


def test_run_without_a_token_says_how_to_get_one(tmp_path):
    done = run_cli("run", cwd=tmp_path)
    assert done.returncode != 0
    assert "DISCORD_TOKEN" in done.stderr and "applications" in done.stderr


@pytest.mark.parametrize(
    "args, env, says",
    [
        (["--shard-ids", "0,1"], {}, "need the shard count"),
        (["--shards", "2", "--shard-ids", "1,2"], {}, "2 is not one of them"),
        (["--shards", "0"], {}, "at least 1"),
        (["--shards", "4", "--shard-ids", "0;1"], {}, "separated by commas"),
        ([], {"RECEIPTS_SHARDS": "4", "RECEIPTS_SHARD_IDS": "7"}, "0 to 3"),
        (["--shard-ids", "5"], {"RECEIPTS_SHARDS": "4"}, "5 is not one of them"),
    ],
)
def test_shards_that_cannot_be_run_are_refused_with_what_to_give(tmp_path, args, env, says):
    done = run_cli("run", *args, cwd=tmp_path, env={"DISCORD_TOKEN": "not-used", **env})
    assert done.returncode == 2
    assert says in " ".join(done.stderr.split()) and "Traceback" not in done.stderr


def test_shard_settings_from_the_environment_and_the_command_line():
    from bot.settings import parse_shards

    assert parse_shards("4", "3, 1,1") == (4, (1, 3))
    assert parse_shards(None, None) == (None, None)
    assert parse_shards("2", "") == (2, None)
