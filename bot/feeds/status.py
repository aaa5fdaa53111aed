"""How a followed feed is doing, in the words moderators read in `/feed list` and `feeds list`.

The lines and their wording are written once, here: the polls (last, last with a new entry,
next), the pause and how to undo it, the failures in a row or the error it recovered from. What
differs between Discord and the terminal is only how a part is shown, so each side gives a
`StatusStyle`: a moment as a Discord timestamp or as UTC text, a site's or an error's text
escaped for Markdown or kept plain, "paused" stressed or not, and the commands that resume and
remove the feed on that side.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.feeds.subscriptions import Feed


@dataclass(frozen=True)
class StatusStyle:
    """How one side shows the parts of a feed's status lines."""

    moment: Callable[[str], str]  # a stored moment (ISO 8601, UTC), never empty
    text: Callable[[str], str]  # a reason or an error, as written by a site or the poller
    paused: str  # the word that stands where the next poll would
    resume_hint: Callable[[Feed], str]  # the commands that poll (resuming) or remove the feed


def feed_status_lines(feed: Feed, style: StatusStyle) -> list[str]:
    """Last poll, last new entry, next poll (or paused); then the pause, with how to resume it,
    and the failures in a row with the last error, or the error it works again after."""

    def when(moment: str | None) -> str:
        return style.moment(moment) if moment else "never"

    lines = [
        f"last poll {when(feed.last_poll_at)} · last new entry {when(feed.last_new_entry_at)} · "
        + (style.paused if feed.paused_at else f"next poll {when(feed.next_poll_at)}")
    ]
    if feed.paused_at:
        lines.append(
            f"Paused {when(feed.paused_at)}: {style.text(feed.paused_reason or '')}. "
            f"{style.resume_hint(feed)}."
        )
    if feed.failures:
        lines.append(
            f"Failing: {feed.failures} polls in a row; last error: {style.text(feed.last_error or 'unknown')}"
        )
    elif feed.last_error:
        lines.append(f"Working again; the last error was: {style.text(feed.last_error)}")
    return lines
