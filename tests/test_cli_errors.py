"""Issue 10, points 6, 7, 8 and 14: the command line meets bad stores, bad settings and bad files
with one clear sentence and a non-zero exit, never a traceback."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
from contextlib import contextmanager

import pytest

from bot.store import Store
from tests.conftest import run_cli

ARTICLE = (
    "url: https://phones.example/s23-launch\ndate: 2023-02-17\n\n"
    "Samsung will launch the Galaxy S23 Ultra next Monday. The Samsung Galaxy S23 Ultra is "
    "powered by the Snapdragon 8 Gen 2 chipset.\n"
)


def assert_one_clear_sentence(done, *words: str) -> None:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    message = done.stderr.strip()
    assert message.startswith("error:"), message
    assert len(message.splitlines()) == 1, message
    for word in words:
        assert word.lower() in message.lower(), message


@contextmanager
def read_only(path):
    """The file (or folder) cannot be written, even by root (which ignores the mode bits)."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


def seeded_store(tmp_path):
    db = tmp_path / "claims.db"
    assert run_cli("--db", str(db), "ask", "/spec 12S Ultra").returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


# Point 7: stores that cannot be used ------------------------------------------------------


def test_a_read_only_store_file_is_one_clear_sentence(tmp_path):
    db = seeded_store(tmp_path)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"claims.db{suffix}").unlink(missing_ok=True)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    with read_only(db):
        done = run_cli("--db", str(db), "ingest", str(article))
    assert_one_clear_sentence(done, "read-only")


def test_a_store_in_a_read_only_folder_is_one_clear_sentence(tmp_path):
    folder = tmp_path / "mount"
    folder.mkdir()
    with read_only(folder):
        done = run_cli("--db", str(folder / "claims.db"), "ask", "/spec 12S Ultra")
    assert_one_clear_sentence(done, "read-only")


def test_a_file_that_is_not_sqlite_is_one_clear_sentence(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 200)
    assert_one_clear_sentence(run_cli("--db", str(db), "ask", "/spec 12S Ultra"), "not", "SQLite")


def test_a_truncated_store_is_one_clear_sentence(tmp_path):
    db = seeded_store(tmp_path)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    assert_one_clear_sentence(run_cli("--db", str(db), "ask", "/spec 12S Ultra"), "damaged")


def test_a_folder_given_as_the_store_is_one_clear_sentence(tmp_path):
    assert_one_clear_sentence(run_cli("--db", str(tmp_path), "ask", "/spec 12S Ultra"), "folder")


@pytest.mark.parametrize(
    "key, value, words",
    [
        ("LOG_LEVEL", "LOUD", ("LOG_LEVEL", "LOUD")),
        ("RECEIPTS_DIGEST_INTERVAL", "soon", ("RECEIPTS_DIGEST_INTERVAL", "soon")),
        ("RECEIPTS_DEV_GUILD", "12345678901234567x", ("RECEIPTS_DEV_GUILD", "12345678901234567x")),
    ],
)
def test_a_bad_setting_is_one_clear_sentence(tmp_path, key, value, words):
    done = run_cli("--db", str(tmp_path / "claims.db"), "ask", "/spec 12S Ultra", env={key: value})
    assert_one_clear_sentence(done, *words)


def test_a_mistyped_dev_guild_does_not_become_a_global_sync(monkeypatch):
    from bot.settings import Settings, SettingsError

    monkeypatch.setenv("RECEIPTS_DEV_GUILD", "guild-123")
    with pytest.raises(SettingsError, match="RECEIPTS_DEV_GUILD"):
        Settings.from_env()


def test_a_full_disk_ends_the_ingest_with_its_summary(tmp_path, monkeypatch, capsys):
    from bot import cli
    from tests.test_store_writers import write_articles

    folder = write_articles(tmp_path / "in", 80, "disk")

    class SmallDisk(Store):
        def __init__(self, path, **options):
            super().__init__(path, **options)
            pages = self.db.execute("PRAGMA page_count").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count = {pages + 4}")

    monkeypatch.setattr(cli, "Store", SmallDisk)
    code = cli.main(["--db", str(tmp_path / "claims.db"), "--no-seeds", "ingest", str(folder)])
    captured = capsys.readouterr()
    assert code != 0
    assert "Traceback" not in captured.err
    assert "full" in captured.err.lower()
    with Store(tmp_path / "claims.db") as store:
        stored = store.db["articles"].count
    assert 0 < stored < 80
    assert f"stored {stored} articles" in captured.out.lower()


# Point 8: what is not a regular file --------------------------------------------------------


def test_a_device_is_refused_without_reading_it(tmp_path):
    done = run_cli("--db", str(tmp_path / "claims.db"), "--no-seeds", "ingest", "/dev/zero", timeout=30)
    assert done.returncode == 1
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_a_fifo_is_refused_without_waiting_for_it(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    done = run_cli("--db", str(tmp_path / "claims.db"), "--no-seeds", "ingest", str(fifo), timeout=30)
    assert done.returncode == 1
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr


# Point 6: impossible dates, and correcting an article's date afterwards ---------------------


def test_an_impossible_header_date_is_refused_and_nothing_is_stored(tmp_path):
    path = tmp_path / "future.txt"
    path.write_text(ARTICLE.replace("2023-02-17", "9999-12-31"))
    db = tmp_path / "claims.db"
    done = run_cli("--db", str(db), "--no-seeds", "ingest", str(path))
    assert done.returncode == 1
    assert "9999-12-31" in done.stderr and "Traceback" not in done.stderr
    assert "stored 0 articles" in done.stdout.lower()


def test_redate_re_extracts_the_claims_against_the_new_date_and_audits_it(tmp_path):
    path = tmp_path / "s23.txt"
    path.write_text(ARTICLE)
    db = tmp_path / "claims.db"
    assert run_cli("--db", str(db), "--no-seeds", "ingest", str(path)).returncode == 0
    with Store(db) as store:
        before = dict(store.db.execute("SELECT attribute, value FROM claims").fetchall())
    again = run_cli("--db", str(db), "--no-seeds", "ingest", str(path))
    assert "redate s23" in again.stderr, again.stderr

    done = run_cli("--db", str(db), "redate", "s23", "2023-03-01")
    assert done.returncode == 0, done.stderr
    assert "2023-03-01" in done.stdout
    with Store(db) as store:
        article = store.article("s23")
        assert (article["published"], article["published_basis"]) == ("2023-03-01", "moderator")
        after = dict(store.db.execute("SELECT attribute, value FROM claims").fetchall())
        dates = {row[0] for row in store.db.execute("SELECT published FROM claims")}
        audit = store.history("article:s23")
    assert before["launch_date"] != after["launch_date"], "next Monday was not re-read"
    assert after["chipset"] == before["chipset"]
    assert dates == {"2023-03-01"}
    assert audit[-1]["action"] == "article.redate" and "2023-02-17" in audit[-1]["detail"]


@pytest.mark.parametrize(
    "args, words",
    [
        (("no-such-article", "2023-03-01"), ("no-such-article",)),
        (("s23", "2023-02-30"), ("2023-02-30", "not a date")),
        (("s23", "1999-01-01"), ("1999-01-01",)),
    ],
)
def test_redate_refuses_what_it_cannot_do_in_one_sentence(tmp_path, args, words):
    path = tmp_path / "s23.txt"
    path.write_text(ARTICLE)
    db = tmp_path / "claims.db"
    assert run_cli("--db", str(db), "--no-seeds", "ingest", str(path)).returncode == 0
    assert_one_clear_sentence(run_cli("--db", str(db), "redate", *args), *words)


# Point 14: log lines and the progress bar share one console ----------------------------------


def test_log_lines_during_an_ingest_go_through_the_progress_bars_console(tmp_path, monkeypatch):
    from rich.console import Console

    from bot import cli
    from tests.test_store_writers import write_articles

    folder = write_articles(tmp_path / "in", 12, "logs")
    db = tmp_path / "claims.db"
    assert cli.main(["--db", str(db), "--no-seeds", "ingest", str(folder)]) == 0
    screen = io.StringIO()
    monkeypatch.setattr(cli, "stderr_console", lambda: Console(file=screen, force_terminal=True, width=100))
    plain = io.StringIO()
    monkeypatch.setattr("sys.stderr", plain)
    assert cli.main(["--db", str(db), "--no-seeds", "ingest", str(folder)]) == 0
    assert screen.getvalue().count("duplicate") == 12, screen.getvalue()
    assert "duplicate" not in plain.getvalue()


# Issue 11, point 3: one UserError, answered in one place ----------------------------------------


def test_every_error_a_user_is_told_of_is_a_user_error():
    from bot.articles import ArticleError
    from bot.digests import DigestError
    from bot.errors import UsageError, UserError
    from bot.evaluate import GoldError
    from bot.fetch import FetchError
    from bot.moderation import ActionRefused
    from bot.settings import SettingsError
    from bot.store import StoreBusy, StoreError

    for kind in (ArticleError, FetchError, ActionRefused, DigestError, GoldError, StoreError, StoreBusy):
        assert issubclass(kind, UserError) and kind("x").exit_code == 1, kind
    assert issubclass(SettingsError, UsageError) and SettingsError("x").exit_code == 2


def test_a_usage_error_exits_2_and_a_failure_exits_1(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("")
    usage = run_cli("evaluate", str(gold))  # neither articles nor --claims
    assert usage.returncode == 2 and "give one of the two" in usage.stderr, usage.stderr
    assert_one_clear_sentence(usage, "--claims")
    failure = run_cli("evaluate", str(tmp_path / "missing.jsonl"), "--claims", str(gold))
    assert failure.returncode == 1, failure.stderr
    assert_one_clear_sentence(failure, "missing.jsonl")


def test_the_traceback_of_a_user_error_is_shown_only_at_debug_level(tmp_path):
    db = tmp_path / "claims.db"
    args = ("--db", str(db), "--no-seeds", "redate", "no-such-article", "2023-03-01")
    assert_one_clear_sentence(run_cli(*args), "no-such-article")
    debugging = run_cli(*args, env={"LOG_LEVEL": "DEBUG"})
    assert debugging.returncode == 1
    assert "Traceback" in debugging.stderr and "no-such-article" in debugging.stderr


def test_run_and_sync_come_from_the_discord_sides_entry_point():
    from importlib.metadata import entry_points

    from bot.cli import COMMAND_ENTRY_POINTS

    [entry] = [e for e in entry_points(group=COMMAND_ENTRY_POINTS) if e.name == "discord"]
    assert entry.value == "commands.run:add_commands"


def test_an_install_without_the_entry_point_says_how_to_get_run(monkeypatch, capsys):
    import bot.cli

    monkeypatch.setattr(bot.cli, "entry_points", lambda group: [])
    assert bot.cli.main(["run"]) == 2
    assert "pip install -e ." in capsys.readouterr().err
