"""`python -m bot feeds …` and `ingest URL` as a user runs them, against a site on 127.0.0.1.

The command line runs in a child process while the test's event loop serves the site, so the
child is started with asyncio and the site answers it as it would answer anyone.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from pathlib import Path

from site_server import Entry

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ALLOW = {"RECEIPTS_ALLOW_PRIVATE_URLS": "1"}


async def cli(*args: str, env: dict | None = None, timeout: float = 120) -> tuple[int, str, str]:
    child_env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISCORD_TOKEN", "RECEIPTS_DB", "RECEIPTS_ALLOW_PRIVATE_URLS")
    }
    child_env.update(env or {})
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=PROJECT_ROOT,
        env=child_env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout)
    return process.returncode, out.decode(), err.decode()


def entry(site, number: int, device: str) -> Entry:
    return Entry(
        id=f"cli-{number}",
        url=f"{site.base}/news/{number}",
        title=f"{device} leak",
        content=f"<p>The {device} will come with a 5000mAh battery, a tipster says.</p>",
    )


def articles(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT title, guild_id, url FROM articles ORDER BY title").fetchall()


async def test_feeds_add_list_poll_and_remove_from_the_command_line(site, tmp_path):
    db = tmp_path / "claims.db"
    site.put_rss("/feed.xml", "CLI Wire", [entry(site, 1, "Nothing Phone 7")])
    code, out, err = await cli(
        "feeds", "add", site.base + "/feed.xml", "--db", str(db), "--no-seeds", env=ALLOW
    )
    assert code == 0, err
    assert "Following #1 CLI Wire (RSS 2.0, 1 entries)" in out and "1 new articles" in out
    assert articles(db) == [("Nothing Phone 7 leak", None, site.base + "/news/1")]

    site.put_rss("/feed.xml", "CLI Wire", [entry(site, 2, "OnePlus 44"), entry(site, 1, "Nothing Phone 7")])
    code, out, _ = await cli("feeds", "poll", "1", "--db", str(db), env=ALLOW)
    assert code == 0 and "CLI Wire: 1 new articles" in out
    code, out, _ = await cli("feeds", "list", "--db", str(db))
    assert "#1 CLI Wire" in out and "last poll 20" in out and "next poll" in out

    code, out, _ = await cli("feeds", "remove", "#1", "--db", str(db))
    assert code == 0 and "No longer following #1" in out
    code, out, _ = await cli("feeds", "remove", "#1", "--db", str(db))
    assert code == 1 and "No feed “1”" in out
    assert len(articles(db)) == 2


async def test_feeds_add_of_a_private_address_is_refused_without_the_test_setting(site, tmp_path):
    site.put_rss("/feed.xml", "CLI Wire", [entry(site, 1, "Nothing Phone 7")])
    code, out, _ = await cli(
        "feeds", "add", site.base + "/feed.xml", "--db", str(tmp_path / "claims.db"), "--no-seeds"
    )
    assert code == 1 and "loopback" in out


async def test_feeds_poll_watch_keeps_polling_until_stopped(site, tmp_path):
    db = tmp_path / "claims.db"
    site.put_rss("/feed.xml", "Watched", [entry(site, 1, "Nothing Phone 7")])
    code, _, err = await cli(
        "feeds", "add", site.base + "/feed.xml", "--db", str(db), "--no-seeds", "--interval", "5", env=ALLOW
    )
    assert code == 0, err
    with sqlite3.connect(db) as conn:  # due again at once, instead of in five minutes
        conn.execute("UPDATE feeds SET next_poll_at = '2000-01-01T00:00:00+00:00'")
    site.put_rss("/feed.xml", "Watched", [entry(site, 2, "OnePlus 44"), entry(site, 1, "Nothing Phone 7")])
    child_env = {k: v for k, v in os.environ.items() if k != "RECEIPTS_DB"}
    child_env.update(ALLOW, RECEIPTS_FEED_TICK="0.1", PYTHONUNBUFFERED="1")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "feeds",
        "poll",
        "--watch",
        "--db",
        str(db),
        cwd=PROJECT_ROOT,
        env=child_env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        line = await asyncio.wait_for(process.stdout.readline(), 60)
        assert b"Watched: 1 new articles" in line
        assert len(articles(db)) == 2
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.wait(), 30)
    assert process.returncode == 0


async def test_ingest_takes_urls_beside_files(site, tmp_path):
    db = tmp_path / "claims.db"
    site.put_page(
        "/story",
        "Honor Magic 31 leak",
        [
            "The Honor Magic 31 will come with a 5000mAh battery, a tipster says.",
            "It is also said to pack 12GB of RAM, and a bigger camera bump.",
        ],
    )
    article = tmp_path / "local.txt"
    article.write_text(
        "date: 2024-01-02\ntitle: OnePlus 44 leak\n\nThe OnePlus 44 will come "
        "with a 6000mAh battery, a report says.\n"
    )
    code, out, err = await cli(
        "ingest",
        str(article),
        site.base + "/story",
        site.base + "/gone",
        "--db",
        str(db),
        "--no-seeds",
        env=ALLOW,
    )
    assert code == 1  # the missing page failed, and says so
    assert "Stored 2 articles" in out and "1 failed" in out
    assert "404" in err
    stored = articles(db)
    assert ("Honor Magic 31 leak", None, site.base + "/story") in stored
    code, out, _ = await cli("ingest", site.base + "/story", "--db", str(db), env=ALLOW)
    assert code == 0 and "1 duplicates" in out
    code, out, err = await cli("ingest", site.base + "/story", "--db", str(tmp_path / "b.db"), "--no-seeds")
    assert code == 1 and "loopback" in err
