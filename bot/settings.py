"""Settings, read from the environment and from `.env` in the working folder.

Every key is listed, with what it does, in `.env.example`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dotenv import find_dotenv, load_dotenv

from bot import DATA_DIR
from bot.errors import UsageError
from bot.leases import DEFAULT_LEASE_SECONDS

DEFAULT_DB = DATA_DIR / "claims.db"
DISCORD_API = "https://discord.com/api/v10"
DISCORD_GATEWAY = "wss://gateway.discord.gg/"
DISCORD_CDN = "https://cdn.discordapp.com"
DEFAULT_DIGEST_INTERVAL = 30.0  # instant digests post within a minute
DEFAULT_FEED_TICK = 30.0
TRUE_WORDS = ("1", "true", "yes", "on")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class SettingsError(UsageError, ValueError):
    """A setting has a value Receipts cannot use; the message names the key."""

    context = "in the environment or .env"


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in TRUE_WORDS


def _seconds(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number of seconds, not {raw!r}") from None
    if value <= 0:
        raise SettingsError(f"{name} must be more than 0 seconds, not {raw!r}")
    return value


def _log_level(name: str) -> str:
    raw = os.environ.get(name, "").strip()
    level = raw.upper() or "INFO"
    if level not in LOG_LEVELS:
        raise SettingsError(f"{name} must be one of {', '.join(LOG_LEVELS)}, not {raw!r}")
    return level


def _server_id(name: str) -> int | None:
    """A Discord server id, or None when unset. A mistyped id is an error: read as unset, it
    would silently sync the commands globally instead of to the one server."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit()) or int(raw) == 0:
        raise SettingsError(
            f"{name} must be a server id (digits only, from Copy Server ID), not "
            f"{raw!r}; leave it empty to sync the commands globally"
        )
    return int(raw)


def parse_shards(count: str | int | None, ids: str | None) -> tuple[int | None, tuple[int, ...] | None]:
    """The shard count and this process's shard ids, from "4" and "0,1" (README, "Running at
    scale"); no count lets Discord say how many, no ids runs every shard in this process."""
    shard_count = None
    if count is not None and str(count).strip():
        text = str(count).strip()
        if not (text.isascii() and text.isdigit()) or int(text) < 1:
            raise SettingsError(
                f"the shard count (--shards, RECEIPTS_SHARDS) is a whole number of at least 1, not {text!r}"
            )
        shard_count = int(text)
    if ids is None or not ids.strip():
        return shard_count, None
    if shard_count is None:
        raise SettingsError(
            "shard ids (--shard-ids, RECEIPTS_SHARD_IDS) need the shard count "
            "too (--shards, RECEIPTS_SHARDS): which shards of how many?"
        )
    pieces = [piece.strip() for piece in ids.split(",")]
    if not all(piece.isascii() and piece.isdigit() for piece in pieces):
        raise SettingsError(f"shard ids are numbers separated by commas, like 0,1; not {ids!r}")
    shard_ids = tuple(sorted({int(piece) for piece in pieces}))
    outside = [shard for shard in shard_ids if shard >= shard_count]
    if outside:
        raise SettingsError(
            f"with {shard_count} shards the shard ids are 0 to {shard_count - 1}; "
            f"{', '.join(map(str, outside))} is not one of them"
        )
    return shard_count, shard_ids


@dataclass(frozen=True)
class Settings:
    discord_token: str | None
    db_path: Path
    dev_guild: int | None
    log_level: str
    discord_api: str = DISCORD_API
    discord_gateway: str = DISCORD_GATEWAY
    discord_cdn: str = DISCORD_CDN
    allow_private_urls: bool = False
    digest_interval: float = DEFAULT_DIGEST_INTERVAL
    feed_tick: float = DEFAULT_FEED_TICK
    shard_count: int | None = None  # None: as many as Discord recommends
    shard_ids: tuple[int, ...] | None = None  # None: every shard, in this process
    lease_seconds: float = DEFAULT_LEASE_SECONDS

    @classmethod
    def from_env(cls) -> Settings:
        """The settings in force: the environment first, then `.env` for what it leaves unset."""
        load_dotenv(find_dotenv(usecwd=True), override=False)
        shard_count, shard_ids = parse_shards(
            os.environ.get("RECEIPTS_SHARDS"), os.environ.get("RECEIPTS_SHARD_IDS")
        )
        return cls(
            discord_token=os.environ.get("DISCORD_TOKEN", "").strip() or None,
            db_path=Path(os.environ.get("RECEIPTS_DB", "").strip() or DEFAULT_DB),
            dev_guild=_server_id("RECEIPTS_DEV_GUILD"),
            log_level=_log_level("LOG_LEVEL"),
            discord_api=(os.environ.get("RECEIPTS_DISCORD_API", "").strip().rstrip("/") or DISCORD_API),
            discord_gateway=os.environ.get("RECEIPTS_DISCORD_GATEWAY", "").strip() or DISCORD_GATEWAY,
            discord_cdn=os.environ.get("RECEIPTS_DISCORD_CDN", "").strip().rstrip("/") or DISCORD_CDN,
            allow_private_urls=_flag("RECEIPTS_ALLOW_PRIVATE_URLS"),
            digest_interval=_seconds("RECEIPTS_DIGEST_INTERVAL", DEFAULT_DIGEST_INTERVAL),
            feed_tick=_seconds("RECEIPTS_FEED_TICK", DEFAULT_FEED_TICK),
            shard_count=shard_count,
            shard_ids=shard_ids,
            lease_seconds=_seconds("RECEIPTS_LEASE_SECONDS", DEFAULT_LEASE_SECONDS),
        )
