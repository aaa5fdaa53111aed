"""Issue 10, points 2, 6 and 7: writers that meet, extraction that fails, a disk that fills up.

Every store here is a real SQLite file; the second writer is a second connection or a second
process, as it is when the command line ingests next to the running bot.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from bot import ingest as ingest_module
from bot.ingest import ingest_paths
from bot.store import Store, StoreError
from tests.conftest import PROJECT_ROOT

DEVICES = ("Galaxy S23 Ultra", "Pixel 8 Pro", "Xiaomi 13 Pro", "OnePlus 11", "Galaxy Z Fold 5")


def write_articles(folder, count: int, tag: str):
    """`count` distinct article files of our own words, each naming a device and its battery."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        device = DEVICES[number % len(DEVICES)]
        (folder / f"{tag}-{number:04d}.txt").write_text(
            f"url: https://news.example/{tag}/{number}\ndate: 2023-04-{number % 28 + 1:02d}\n\n"
            f"The {device} packs a {4000 + number}mAh battery, according to report {tag}-{number}.\n"
        )
    return folder


def test_two_processes_ingesting_into_one_store_at_once_both_finish(tmp_path):
    db = tmp_path / "claims.db"
    Store(db).close()
    folders = [write_articles(tmp_path / tag, 150, tag) for tag in ("left", "right")]
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "--db", str(db), "ingest", str(folder)],
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    results = [(child.wait(timeout=300), *child.communicate()) for child in children]
    for code, out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
        assert "stored 150 articles" in out.lower(), out
    with Store(db) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.db["articles"].count == 300


def test_a_write_lock_held_too_long_is_a_clear_store_error(tmp_path):
    db = tmp_path / "claims.db"
    with Store(db, busy_timeout=0.2) as store:
        other = sqlite3.connect(db)
        other.execute("BEGIN IMMEDIATE")
        try:
            folder = write_articles(tmp_path / "in", 1, "busy")
            article = ingest_module.read_article_file(next(folder.iterdir()))
            with pytest.raises(StoreError, match="another program"):
                store.add_article(article, [])
        finally:
            other.rollback()
            other.close()
        assert store.db["articles"].count == 0


def test_a_deferred_reader_that_turns_writer_waits_instead_of_failing(tmp_path):
    """The duplicate check reads before the insert writes: the transaction must hold the write
    lock from its start, or a commit by another writer in between fails it at once."""
    db = tmp_path / "claims.db"
    folder = write_articles(tmp_path / "in", 2, "race")
    first, second = (ingest_module.read_article_file(path) for path in sorted(folder.iterdir()))
    with Store(db) as store, Store(db) as rival:
        original = store.find_duplicate

        def rival_commits_meanwhile(article, guild_id=None):
            found = original(article, guild_id)
            if article is first:
                # the rival waits for our transaction when it holds the lock; a deferred one lets
                # it commit here, and our insert then fails with "database is locked"
                import threading

                thread = threading.Thread(target=rival.add_article, args=(second, []))
                thread.start()
                thread.join(0.5)
                rival_commits_meanwhile.thread = thread
            return found

        store.find_duplicate = rival_commits_meanwhile
        store.add_article(first, [])
        rival_commits_meanwhile.thread.join(10)
        assert store.db["articles"].count == 2


def test_ingest_goes_on_to_the_next_file_when_the_store_stays_busy(tmp_path):
    db = tmp_path / "claims.db"
    folder = write_articles(tmp_path / "in", 3, "next")
    with Store(db, busy_timeout=0.2) as store:
        other = sqlite3.connect(db)
        other.execute("BEGIN IMMEDIATE")
        released = []

        def release_after_the_first(outcome):
            if not released:
                other.rollback()
                released.append(outcome)

        report = ingest_paths(store, [folder], on_file=release_after_the_first)
        other.close()
    assert [outcome.status for outcome in report.outcomes] == ["failed", "stored", "stored"]
    assert "another program" in report.outcomes[0].reason


def test_an_extraction_error_fails_that_article_with_its_reason(tmp_path, monkeypatch):
    folder = write_articles(tmp_path / "in", 2, "broken")

    def extraction_that_breaks(article):
        raise OverflowError("date value out of range")

    import bot.extract as extract_module

    monkeypatch.setattr(extract_module, "run_pipeline", extraction_that_breaks)
    with Store(tmp_path / "claims.db") as store:
        report = ingest_paths(store, [folder])
        assert store.db["articles"].count == 0
    assert [outcome.status for outcome in report.outcomes] == ["failed", "failed"]
    assert "date value out of range" in report.outcomes[0].reason
    assert report.summary().startswith("stored 0 articles")


def test_a_full_disk_stops_the_ingest_with_the_summary_of_what_was_stored(tmp_path):
    db = tmp_path / "claims.db"
    folder = write_articles(tmp_path / "in", 60, "full")
    with Store(db) as store:
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 12}")
        report = ingest_paths(store, [folder])
        stored = store.db["articles"].count
    assert 0 < stored < 60
    assert report.count("stored") == stored
    assert report.stopped and "full" in report.stopped
    assert len(report.outcomes) < 60, "the ingest went on after the disk was full"
    assert f"stored {stored} articles" in report.summary() and "full" in report.summary()
