"""When digests are due: times of day, time zones and the windows of a daily or weekly schedule."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

from bot.digests.model import INSTANT, DigestError

CADENCES = ("daily", "weekly", INSTANT)
WEEKLY_ON = 0  # Monday
_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*$")


def parse_time(text: str) -> str:
    """ "9", "09:00" or "21:30" as HH:MM."""
    match = _TIME.match(text)
    hour, minute = (int(match.group(1)), int(match.group(2) or 0)) if match else (99, 99)
    if hour > 23 or minute > 59:
        raise DigestError(f"“{text}” is not a time of day; write it as HH:MM, e.g. 09:00 or 18:30.")
    return f"{hour:02d}:{minute:02d}"


def parse_timezone(text: str) -> str:
    """A time zone name (IANA), its case forgiven: "europe/berlin" -> "Europe/Berlin"."""
    name = text.strip()
    known = {zone.lower(): zone for zone in available_timezones()}
    zone = known.get(name.lower())
    if zone is None:
        raise DigestError(
            f"“{text}” is not a time zone Receipts knows; use a name like UTC, "
            f"Europe/Berlin, America/New_York or Asia/Kolkata."
        )
    return zone


def timezone_names(fragment: str, limit: int = 25) -> list[str]:
    """Time zone names containing what has been typed (for autocomplete)."""
    fragment = fragment.strip().lower().replace(" ", "_")
    names = sorted(zone for zone in available_timezones() if fragment in zone.lower())
    names.sort(key=lambda zone: not zone.lower().startswith(fragment))
    return names[:limit]


def _scheduled_on(day, at: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def latest_window(cadence: str, at: str, zone_name: str, now: datetime) -> datetime:
    """The latest scheduled moment at or before `now`, in UTC (for `instant`, the minute)."""
    if cadence == INSTANT:
        return now.astimezone(UTC).replace(second=0, microsecond=0)
    zone = ZoneInfo(zone_name)
    at_time = time.fromisoformat(at)
    day = now.astimezone(zone).date()
    step = 1
    if cadence == "weekly":
        day -= timedelta(days=(day.weekday() - WEEKLY_ON) % 7)
        step = 7
    moment = _scheduled_on(day, at_time, zone)
    while moment > now:
        day -= timedelta(days=step)
        moment = _scheduled_on(day, at_time, zone)
    return moment


def next_window(cadence: str, at: str, zone_name: str, now: datetime) -> datetime:
    """The first scheduled moment after `now`, in UTC."""
    if cadence == INSTANT:
        return latest_window(cadence, at, zone_name, now) + timedelta(minutes=1)
    zone = ZoneInfo(zone_name)
    latest = latest_window(cadence, at, zone_name, now).astimezone(zone).date()
    step = timedelta(days=7 if cadence == "weekly" else 1)
    return _scheduled_on(latest + step, time.fromisoformat(at), zone)


def window_key(moment: datetime) -> str:
    """A window as it is keyed in the store: its UTC minute."""
    return moment.astimezone(UTC).isoformat(timespec="minutes")
