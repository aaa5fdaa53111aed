"""The bot as separate processes, `python -m bot run --shards N --shard-ids ...`, against the fake
Discord of the test's own process: what several processes on one store are, with nothing shared
but the store file.

Each process logs to a file of its own (shown when a test fails) and is configured through the
environment only, as production is; its working folder has no `.env`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.fakediscord import FakeDiscord

START_TIMEOUT = 30.0  # import, login, IDENTIFY every shard, guild_ready_timeout (2 s)
READY_LINE = "connected as"  # ReceiptsBot.on_ready


def bot_environment(fake: FakeDiscord, db_path: Path, **settings: str) -> dict[str, str]:
    """The environment of a bot process pointed at the fake, with none of the developer's own
    settings; `settings` are more keys."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "RECEIPTS_"))}
    env.update(
        {
            "DISCORD_TOKEN": fake.token,
            "RECEIPTS_DB": str(db_path),
            "RECEIPTS_DISCORD_API": fake.api_base,
            "RECEIPTS_DISCORD_GATEWAY": fake.gateway_url,
            "RECEIPTS_DISCORD_CDN": fake.url + "/cdn",
            "RECEIPTS_ALLOW_PRIVATE_URLS": "1",
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(settings)
    return env


@dataclass
class BotProcess:
    """One `python -m bot run` of some shards; `start` launches it and waits until it is ready."""

    name: str
    command: list[str]
    env: dict[str, str]
    log_path: Path
    shard_ids: tuple[int, ...] = ()
    process: asyncio.subprocess.Process | None = field(default=None, repr=False)
    _log_offset: int = 0

    async def start(self, fake: FakeDiscord | None = None, timeout: float = START_TIMEOUT) -> BotProcess:
        self._log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                *self.command,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
                env=self.env,
                cwd=self.log_path.parent,
            )
        await self.wait_ready(fake, timeout)
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_of_this_run(self) -> str:
        return self.log()[self._log_offset :] if self.log_path.exists() else ""

    async def wait_ready(self, fake: FakeDiscord | None, timeout: float) -> None:
        """Until it logged that it is ready and (with `fake`) its shards have sessions."""
        deadline = time.monotonic() + timeout
        while READY_LINE not in self.log_of_this_run():
            if self.process.returncode is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name} not ready within {timeout} s:\n{self.log()}")
            await asyncio.sleep(0.05)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def kill(self) -> None:
        """SIGKILL: no cleanup at all, as when a machine or the OOM killer stops it."""
        if self.running:
            self.process.send_signal(signal.SIGKILL)
        if self.process is not None:
            await self.process.wait()

    async def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM and wait (a clean stop); SIGKILL if it does not stop in time."""
        if self.running:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), timeout)
            except TimeoutError:
                await self.kill()


def bot_process(
    fake: FakeDiscord,
    db_path: Path,
    folder: Path,
    shard_ids: tuple[int, ...],
    shard_count: int,
    name: str | None = None,
    **settings: str,
) -> BotProcess:
    """A bot process (not started) running `shard_ids` of `shard_count` shards."""
    name = name or "shards-" + "-".join(map(str, shard_ids))
    command = [
        sys.executable,
        "-m",
        "bot",
        "run",
        "--shards",
        str(shard_count),
        "--shard-ids",
        ",".join(map(str, shard_ids)),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    return BotProcess(
        name, command, bot_environment(fake, db_path, **settings), folder / f"{name}.log", tuple(shard_ids)
    )
