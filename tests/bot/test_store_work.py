"""Store work from the bot runs one call at a time and is never cut off by closing the bot."""

import asyncio
import threading
import time

from bot.settings import Settings
from commands.client import ReceiptsBot


def make_bot(store):
    settings = Settings(discord_token=None, db_path=store.path, dev_guild=None, log_level="INFO")
    return ReceiptsBot(settings, store)


async def test_closing_the_bot_waits_for_store_work_whose_caller_was_cancelled(store):
    bot = make_bot(store)
    started, finished = threading.Event(), []

    def slow_count(opened):
        started.set()
        time.sleep(0.3)
        finished.append(opened.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    caller = asyncio.create_task(bot.run_store(slow_count))
    await asyncio.to_thread(started.wait, 2)
    caller.cancel()
    await bot.close()
    assert finished == [0], "close returned while the store was still in use"


async def test_a_call_after_a_cancelled_one_waits_for_its_thread(store):
    bot = make_bot(store)
    running = threading.Event()
    overlaps = []

    def exclusive(opened, pause):
        overlaps.append(running.is_set())
        running.set()
        time.sleep(pause)
        running.clear()

    first = asyncio.create_task(bot.run_store(exclusive, 0.3))
    await asyncio.sleep(0.05)
    first.cancel()
    await bot.run_store(exclusive, 0)
    await bot.close()
    assert overlaps == [False, False]


async def test_reads_and_autocomplete_run_while_a_write_holds_the_writer(store):
    bot = make_bot(store)
    holding, release = threading.Event(), threading.Event()

    def long_write(opened):
        with opened.write():
            opened.record("test", "test.hold", "store:held")
            holding.set()
            release.wait(20)

    def count_audit(opened):
        return opened.db.execute("SELECT count(*) FROM audit").fetchone()[0]

    writing = asyncio.create_task(bot.run_store(long_write))
    try:
        assert await asyncio.to_thread(holding.wait, 5)
        read = await asyncio.wait_for(bot.read_store(count_audit), 5)
        typed = await asyncio.wait_for(bot.autocomplete_from_store(count_audit), 5)
        assert (read, typed) == (0, 0), "a reader saw a write that was not committed"
        assert not writing.done()
    finally:
        release.set()
    await writing
    assert await bot.read_store(count_audit) == 1
    await bot.close()


async def test_identifies_keep_to_discord_s_buckets_of_one_every_5_seconds(store, monkeypatch):
    """With max_concurrency 2, shards 0 and 1 identify at once, 2 and 3 five seconds later."""
    from commands import client

    receipts = make_bot(store)
    receipts._identify_buckets = 2
    clock = [100.0]
    waits = []

    class Loop:
        def time(self):
            return clock[0]

    class Clock:
        """What the hook uses of asyncio, with time standing still unless moved."""

        @staticmethod
        def get_running_loop():
            return Loop()

        @staticmethod
        async def sleep(seconds):
            waits.append(round(seconds, 3))

    monkeypatch.setattr(client, "asyncio", Clock)
    for shard in range(5):
        await receipts.before_identify_hook(shard, initial=shard == 0)
    assert waits == [0, 0, 5, 5, 10]
    clock[0] += 60  # long after: a reconnect identifies at once
    await receipts.before_identify_hook(1)
    assert waits[-1] == 0
