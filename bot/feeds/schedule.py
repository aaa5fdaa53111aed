"""When a feed is polled next: its interval with jitter, exponential backoff after errors,
the wait a 429 or 503 asks for (Retry-After), and when a failing feed is paused instead.

Jitter spreads feeds added together over their interval, so a server's feeds do not all hit
their sites in the same second; backoff doubles the wait after each failure in a row, up to six
hours; a feed gone (404, 410) for a day, or failing 20 polls in a row, is paused until a
moderator resumes it, because polling it further only costs its site.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

JITTER = 0.1  # ± this share of the interval
MAX_BACKOFF = timedelta(hours=6)
MAX_RETRY_AFTER = timedelta(hours=24)
GONE_STATUSES = (404, 410)
RETRY_AFTER_STATUSES = (429, 503)
PAUSE_WHEN_GONE_FOR = timedelta(days=1)
PAUSE_AFTER_FAILURES = 20


def with_jitter(wait: timedelta, rng: random.Random | None = None) -> timedelta:
    return wait * (1 + (rng or random).uniform(-JITTER, JITTER))


def backoff(interval: timedelta, failures: int) -> timedelta:
    """The wait after `failures` failed polls in a row: the interval doubled each time, capped."""
    if failures <= 0:
        return interval
    return min(interval * 2 ** min(failures, 20), MAX_BACKOFF)


def retry_after(value: str | None, now: datetime) -> timedelta | None:
    """A Retry-After header (seconds, or an HTTP date) as a wait from now; None when absent or
    unreadable. A wait longer than a day is taken as a day."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        wait = timedelta(seconds=int(value))
    else:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        wait = max(moment - now, timedelta(0))
    return min(wait, MAX_RETRY_AFTER)


def pause_reason(
    status: int | None, failures: int, gone_since: datetime | None, now: datetime, error: str
) -> str | None:
    """Why a failing feed is paused now, or None to keep polling it."""
    if status in GONE_STATUSES and gone_since and now - gone_since >= PAUSE_WHEN_GONE_FOR:
        return (
            f"the feed has answered {status} ({'gone' if status == 410 else 'not found'}) for more than a day"
        )
    if failures >= PAUSE_AFTER_FAILURES:
        return f"{failures} polls in a row failed; the last: {error}"
    return None
