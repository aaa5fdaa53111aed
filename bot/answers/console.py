"""`python -m bot console`: the slash commands at a prompt, for people without a Discord server.

Device names complete with Tab through the same `autocomplete` the Discord bot uses; the whole
line is completed, so names with spaces ("Xiaomi 12S Ultra") complete as one.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from bot.answers.lookup import autocomplete
from bot.answers.query import COMMANDS, run_query, usage
from bot.answers.render_terminal import print_answer
from bot.store import Store

PROMPT = "receipts> "
QUIT = {"quit", "exit", "/quit", "/exit", "q"}
NAMED_COMMANDS = ("spec", "timeline", "sources")


def line_completions(store: Store, line: str, guild_id: int | None = None) -> list[str]:
    """Whole-line completions: command names first, then device names after a command."""
    command, space, fragment = line.lstrip("/").partition(" ")
    if not space:
        return [f"/{name} " for name in COMMANDS if name.startswith(command.lower())]
    if command.lower() not in NAMED_COMMANDS:
        return []
    return [f"/{command} {name}" for name in autocomplete(store, fragment, guild_id)]


def _readline_completer(store: Store) -> Callable[[str, int], str | None] | None:
    """Set up Tab completion when the platform has readline; None when it has not."""
    try:
        import readline
    except ImportError:
        return None
    readline.set_completer_delims("")
    readline.parse_and_bind("tab: complete")
    found: list[str] = []

    def complete(text: str, state: int) -> str | None:
        if state == 0:
            found[:] = line_completions(store, readline.get_line_buffer())
        return found[state] if state < len(found) else None

    readline.set_completer(complete)
    return complete


def run_console(store: Store, console: Console, read: Callable[[str], str] = input) -> int:
    """Read commands until quit or end of input, answering each as `ask` would."""
    _readline_completer(store)
    console.print(
        Text(f"Receipts console. {usage()}. Tab completes device names; quit to leave.", style="dim")
    )
    while True:
        try:
            line = read(PROMPT).strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            return 0
        if line.lower() in QUIT:
            return 0
        if line:
            print_answer(run_query(store, line if line.startswith("/") else "/" + line), console)
