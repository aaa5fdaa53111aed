"""The Discord side's commands of `python -m bot`: `run` (connect and serve) and `sync`.

The core's command line (`bot.cli`) knows nothing of Discord: it adds the commands that installed
packages declare under the `receipts.commands` entry point group (pyproject.toml), and this module
is the one declared there. Nothing here imports discord.py until a command runs, so `ask` and
`ingest` do not pay for it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from bot.errors import UsageError
from bot.settings import Settings, SettingsError, parse_shards

TOKEN_HELP = """\
No Discord token: set DISCORD_TOKEN in the environment or in a .env file.

To get one: open https://discord.com/developers/applications, create an application,
open "Bot", press "Reset Token" and copy it into .env as DISCORD_TOKEN=...
Invite the bot with the scopes `bot` and `applications.commands` (see README.md).

Without Discord, `python -m bot ask "/spec 12S Ultra"` and `python -m bot console` answer
from the same store."""


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Connect to Discord and serve the slash commands (some shards of the bot, if told)."""
    if args.shards is not None or args.shard_ids is not None:
        try:
            shard_count, shard_ids = parse_shards(
                args.shards if args.shards is not None else settings.shard_count,
                args.shard_ids
                if args.shard_ids is not None
                else ",".join(map(str, settings.shard_ids or ())),
            )
        except SettingsError as error:  # given as arguments, not in the environment
            raise UsageError(str(error)) from None
        settings = replace(settings, shard_count=shard_count, shard_ids=shard_ids)
    if not settings.discord_token:
        print(TOKEN_HELP, file=sys.stderr)
        return 2
    from commands.client import run_bot

    return run_bot(settings, db_path=Path(args.db) if args.db else None)


def cmd_sync(args: argparse.Namespace, settings: Settings) -> int:
    """Sync the slash commands now, even when the store says they did not change."""
    if not settings.discord_token:
        print(TOKEN_HELP, file=sys.stderr)
        return 2
    from commands.client import sync_now

    return sync_now(settings, args.guild or settings.dev_guild, db_path=Path(args.db) if args.db else None)


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `run` and `sync` to the command line (called by `bot.cli.build_parser` through the
    entry point)."""
    run = commands.add_parser(
        "run",
        parents=[common],
        help="connect to Discord (needs DISCORD_TOKEN)",
        description="Connect to Discord and serve the slash commands. A big bot runs its shards "
        "in several processes on one store: --shards 4 --shard-ids 0,1 in one, "
        '--shards 4 --shard-ids 2,3 in another (README, "Running at scale").',
    )
    run.add_argument(
        "--shards",
        metavar="N",
        help="how many shards the bot has in all (default: $RECEIPTS_SHARDS, else "
        "as many as Discord recommends)",
    )
    run.add_argument(
        "--shard-ids",
        metavar="IDS",
        help="the shards this process runs, e.g. 0,1 (default: $RECEIPTS_SHARD_IDS, else all of them)",
    )
    run.set_defaults(handler=cmd_run)
    sync = commands.add_parser(
        "sync",
        parents=[common],
        help="sync the slash commands with Discord now",
        description="Sync the slash commands now, to a server (--guild, else RECEIPTS_DEV_GUILD) "
        "or globally. `run` syncs by itself only when the commands changed.",
    )
    sync.add_argument("--guild", type=int, metavar="ID", help="the server to sync to")
    sync.set_defaults(handler=cmd_sync)
