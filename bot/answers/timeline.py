"""`/timeline [DEVICE|SERIES|COMPANY]`: what was reported and what happens, in date order.

A report is dated by its article. An event (a launch) is dated by when it happens, at the
precision the claim gives ("2022-07" is July 2022). Reports of the same value on the same day,
and announcements of the same event, become one item with their number of sources, shown with
the weightiest receipt (confirmed first, then the newest, then the closest scope); a denial stays
apart from what it denies. Without a
subject, the latest reports of the whole store, newest first.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date

from bot.answers.attributes import attribute_sort_key
from bot.answers.family import MEMBER, SCOPE_RANK, Scoped, family_claims, family_of
from bot.answers.lookup import resolve_subject
from bot.answers.model import Answer, Item
from bot.answers.receipts import latest_claims
from bot.answers.spec import not_found, resolution_notes
from bot.store import Store

EVENT_ATTRIBUTES = ("launch_date",)
TIMELINE_LIMIT = 100
_ISO_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def event_period(value: str) -> tuple[str, str, date] | None:
    """(date, precision, last day) of an ISO date at its precision, or None if it is not one."""
    match = _ISO_PERIOD.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            last = date(int(year), int(month), int(day))
            return last.isoformat(), "day", last
        if month:
            final = calendar.monthrange(int(year), int(month))[1]
            return f"{year}-{month}", "month", date(int(year), int(month), final)
        return year, "year", date(int(year), 12, 31)
    except ValueError:
        return None


def timeline(
    store: Store,
    target: str | None = None,
    guild_id: int | None = None,
    today: date | None = None,
    limit: int = TIMELINE_LIMIT,
) -> Answer:
    """The dated story of a device, a series or a company, or of the whole store."""
    today = today or date.today()
    if not target or not target.strip():
        return _store_timeline(store, guild_id, today, limit)
    resolution = resolve_subject(store, target, guild_id)
    if not resolution.found:
        return not_found("timeline", resolution)
    subject = resolution.subject
    assert subject is not None
    family = family_of(store, subject, guild_id, with_members=True)
    claims = family_claims(store, family, guild_id)
    answer = Answer(
        "timeline",
        title=f"Timeline · {subject.name}",
        subject=subject.name,
        matched=target,
        notes=resolution_notes(resolution),
    )
    claims = _latest(claims, limit, answer)
    answer.items = sorted(timeline_items(claims, today), key=_chronological)
    if not answer.items:
        answer.notes.append(f"Nothing about {subject.name} is stored yet.")
    return answer


def _store_timeline(store: Store, guild_id: int | None, today: date, limit: int) -> Answer:
    rows = latest_claims(store, guild_id, limit)
    claims = [Scoped(row, MEMBER, row.subject) for row in rows]
    items = _newest_first(timeline_items(claims, today))
    answer = Answer("timeline", title="Timeline · latest reports", items=items)
    if len(rows) == limit:
        answer.notes.append(f"The latest {limit} claims; name a device for all of its story.")
    return answer


def _latest(claims: list[Scoped], limit: int, answer: Answer) -> list[Scoped]:
    """A company's story can be long: keep the claims of its latest articles, and say so."""
    if len(claims) <= limit:
        return claims
    answer.notes.append(f"The latest {limit} of {len(claims)} claims.")
    return sorted(claims, key=lambda claim: (claim.row.published or "", claim.row.claim_id), reverse=True)[
        :limit
    ]


def claim_rank(claim: Scoped) -> tuple:
    """Confirmed first, then the newest article, then the closest scope, then the newest claim."""
    return (
        claim.row.status == "confirmed",
        claim.row.published or "",
        SCOPE_RANK[claim.scope],
        claim.row.claim_id,
    )


def value_key(value: str) -> str:
    """A value in the form two reports of it are compared in (case and spaces forgiven)."""
    return " ".join(value.casefold().split())


def timeline_items(claims: Iterable[Scoped], today: date) -> list[Item]:
    """One item per event or per same-day report of a value, with its number of sources."""
    groups: dict[tuple, list[Scoped]] = {}
    periods: dict[tuple, tuple[str, str, date] | None] = {}
    for claim in claims:
        period = event_period(claim.row.value) if claim.row.attribute in EVENT_ATTRIBUTES else None
        when = period[0] if period else claim.row.published
        group_key = (
            "event" if period else "report",
            when,
            claim.row.attribute,
            value_key(claim.row.value),
            claim.row.status == "denied",
        )
        groups.setdefault(group_key, []).append(claim)
        periods[group_key] = period
    return [_item(group_key, members, periods[group_key], today) for group_key, members in groups.items()]


def _item(group_key: tuple, members: list[Scoped], period: tuple[str, str, date] | None, today: date) -> Item:
    kind, when = group_key[0], group_key[1]
    best = max(members, key=claim_rank)
    return best.item(
        date=when,
        precision=period[1] if period else ("day" if when else None),
        kind=kind,
        upcoming=(period[2] > today) if period else None,
        attribute=best.row.attribute,
        value=best.row.value,
        status=best.row.status,
        sources=len({claim.row.article for claim in members}),
    )


def _newest_first(items: list[Item]) -> list[Item]:
    """Dated items newest first; undated reports still last."""
    dated = sorted((item for item in items if item.date), key=_chronological, reverse=True)
    return dated + [item for item in items if not item.date]


def _chronological(item: Item) -> tuple:
    """Undated reports last; a month-precise event before the dated days of its month."""
    return (
        item.date is None,
        item.date or "",
        item.kind == "event",
        attribute_sort_key(item.attribute or ""),
        item.claim_id or 0,
    )
