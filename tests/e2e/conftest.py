"""Fixtures of the end-to-end tests: a copy of the seeded store per test, two servers, the bot.

The seeds are ingested once per session (extractor included) so answers quote real claims; tests
derive device names and claim ids from the store rather than hard-coding them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.ingest import seed_store
from bot.settings import Settings
from bot.store import Store
from commands.client import ReceiptsBot
from tests.e2e.helpers import Server, add_server, bot_settings, copy_store, fake_discord, running_bot
from tests.fakediscord import FakeDiscord


@pytest.fixture(scope="session")
def seeded_store_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "claims.db"
    with Store(path) as store:
        report = seed_store(store)
        assert not report.failed and report.count("stored"), report.summary()
    return path


@pytest.fixture
def db_path(seeded_store_file, tmp_path) -> Path:
    return copy_store(seeded_store_file, tmp_path / "claims.db")


@pytest.fixture
def reader(db_path) -> Store:
    """A connection of the test's own, to look at what the bot stored."""
    with Store(db_path) as store:
        yield store


@dataclass
class World:
    fake: FakeDiscord
    settings: Settings
    bot: ReceiptsBot
    a: Server
    b: Server


@pytest.fixture
async def world(db_path) -> AsyncIterator[World]:
    """Two servers, A and B, with the bot in both, serving a copy of the seeded store."""
    async with fake_discord() as fake:
        a, b = add_server(fake, "A"), add_server(fake, "B")
        settings = bot_settings(fake, db_path)
        async with running_bot(settings) as bot:
            yield World(fake, settings, bot, a, b)
