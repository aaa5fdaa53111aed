"""The Discord side's commands of `python -m bot`: `run` (connect and serve) and `sync`.

The core's command line (`bot.cli`) knows nothing of Discord: it adds the commands that installed
packages declare under the `receipts.commands` entry point group (pyproject.toml), and this module
is the one declared there. Nothing here imports discord.py until a command runs, so `ask` and
`ingest` do not pay for it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import Settings

TOKEN_HELP = """\
No Discord token: set DISCORD_TOKEN in the environment or in a .env file.

To get one: open https://discord.com/developers/applications, create an application,
open "Bot", press "Reset Token" and copy it into .env as DISCORD_TOKEN=...
Invite the bot with the scopes `bot` and `applications.commands` (see README.md).

Without Discord, `python -m bot ask "/spec 12S Ultra"` and `python -m bot console` answer
from the same store."""


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Connect to Discord and serve the slash commands."""
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

    return sync_now(settings, args.guild or settings.dev_guild,
                    db_path=Path(args.db) if args.db else None)


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `run` and `sync` to the command line (called by `bot.cli.build_parser` through the
    entry point)."""
    run = commands.add_parser("run", parents=[common], help="connect to Discord (needs DISCORD_TOKEN)")
    run.set_defaults(handler=cmd_run)
    sync = commands.add_parser(
        "sync", parents=[common], help="sync the slash commands with Discord now",
        description="Sync the slash commands now, to a server (--guild, else RECEIPTS_DEV_GUILD) "
                    "or globally. `run` syncs by itself only when the commands changed.")
    sync.add_argument("--guild", type=int, metavar="ID", help="the server to sync to")
    sync.set_defaults(handler=cmd_sync)
