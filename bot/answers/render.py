"""Rendering answers for people: the terminal (rich)."""

from __future__ import annotations

from rich.console import Console

from bot.answers import Answer


def print_answer(answer: Answer, console: Console) -> None:
    if not answer.ok:
        console.print(f"[red]{answer.error}[/red]")
        return
    console.print(f"[bold]{answer.subject}[/bold]")
    for line in answer.lines:
        console.print(f"{line.attribute}: [bold]{line.value}[/bold] ({line.status})")
        console.print(f"  “{line.quote}” — {line.source}, {line.published or 'date unknown'}",
                      style="dim")
