"""Settings, read from the environment and from `.env` in the working folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dotenv import find_dotenv, load_dotenv

from bot import DATA_DIR

DEFAULT_DB = DATA_DIR / "claims.db"


@dataclass(frozen=True)
class Settings:
    discord_token: str | None
    db_path: Path
    dev_guild: int | None
    log_level: str

    @classmethod
    def from_env(cls) -> Settings:
        """The settings in force: the environment first, then `.env` for what it leaves unset."""
        load_dotenv(find_dotenv(usecwd=True), override=False)
        guild = os.environ.get("RECEIPTS_DEV_GUILD", "").strip()
        return cls(
            discord_token=os.environ.get("DISCORD_TOKEN", "").strip() or None,
            db_path=Path(os.environ.get("RECEIPTS_DB", "").strip() or DEFAULT_DB),
            dev_guild=int(guild) if guild.isdigit() else None,
            log_level=os.environ.get("LOG_LEVEL", "INFO").strip().upper() or "INFO",
        )
