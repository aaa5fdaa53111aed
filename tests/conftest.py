"""Shared test helpers: a real store file per test, and the command line run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.store import Store

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "claims.db") as opened:
        yield opened


def run_cli(
    *args: str, env: dict | None = None, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """`python -m bot ARGS` in a child process, with no Discord token and no stray .env."""
    child_env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "RECEIPTS_DB")}
    child_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=child_env,
        cwd=cwd or PROJECT_ROOT,
        timeout=timeout,
    )
