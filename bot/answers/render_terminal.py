"""Answers in a terminal (rich): readable at 80 columns, every line followed by its receipt.

Text from articles is added as plain `Text`, never as markup, so a quote with "[brackets]"
prints as written.
"""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from bot.answers.model import Answer, Item
from bot.answers.sourcing import clean_url, is_web_url
from bot.answers.wording import heading, history_lines, receipt, tags


def print_answer(answer: Answer, console: Console) -> None:
    """Print an answer, or its error and suggestions, every item followed by its receipt."""
    if not answer.ok:
        _print_failure(answer, console)
        return
    console.print(Text(answer.title, style="bold underline"))
    for note in answer.notes:
        console.print(Text(note, style="italic"))
    for item in answer.items:
        console.print()
        _print_item(answer.command, item, console)


def _print_failure(answer: Answer, console: Console) -> None:
    console.print(Text(answer.error or "", style="red"))
    for suggestion in answer.suggestions:
        console.print(Text(f"  • {suggestion}"))


def _print_item(command: str, item: Item, console: Console) -> None:
    line = Text(heading(command, item), style="bold")
    words = tags(item)
    if words:
        line.append("  " + " · ".join(words), style="green" if item.current else "yellow")
    console.print(line)
    console.print(Padding(Text(f"“{item.quote}”", style="italic"), (0, 0, 0, 4)))
    console.print(Padding(Text(f"— {receipt(item)}", style="dim"), (0, 0, 0, 4)))
    if is_web_url(item.url):
        console.print(Padding(Text(clean_url(item.url), style="dim"), (0, 0, 0, 4)))
    for entry in history_lines(item):
        console.print(Padding(Text(entry, style="dim"), (0, 0, 0, 4)))
