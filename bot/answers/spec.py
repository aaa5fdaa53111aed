"""`/spec DEVICE [ATTRIBUTE]`: each attribute's current value and the other values reported.

Which value is current, for one attribute:
- a value whose newest denial is at least as new as its newest assertion is denied, and a denied
  value is never current;
- a confirmed value beats unconfirmed ones (rumored, speculated); among equals the newest
  article wins;
- company-wide context counts only when nothing about the device or its series exists.
Retracted claims and removed articles never reach this module (bot.store.answers.visible_to).

A device's standings are kept with the store's name index, so asking again about a popular phone
costs a lookup: a commit that only adds claims forgets the standings about their subjects (and
their families), any other change (a retraction, a removed or redated article) all of them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.answers.attributes import attribute_sort_key, attributes_named, label
from bot.answers.family import (
    COMPANY_WIDE,
    OWN,
    SCOPE_RANK,
    SERIES_WIDE,
    Family,
    Scoped,
    family_of,
    scoped_claim,
)
from bot.answers.lookup import Resolution, name_index, resolve_subject
from bot.answers.model import Answer, Item, failure
from bot.answers.receipts import ClaimRow, claims_by_id
from bot.models import ATTRIBUTES
from bot.store import Store
from bot.store.answers import value_group_sums


def not_found(command: str, resolution: Resolution) -> Answer:
    """The answer for a name that fits no subject: suggestions when any are close."""
    if not resolution.query.strip():
        return failure(command, f"Name a device, e.g. /{command} Pixel 7.", matched="")
    if resolution.suggestions:
        message = f"“{resolution.query}” could be several devices, or none stored: did you mean one of these?"
    else:
        message = f"No device, series or company named “{resolution.query}” is stored."
    return failure(command, message, matched=resolution.query, suggestions=resolution.suggestions)


def resolution_notes(resolution: Resolution) -> list[str]:
    """Say so when a name was taken through an alias, so no device is chosen silently."""
    if not resolution.via:
        return []
    assert resolution.subject is not None
    receipt = f" (claim #{resolution.via_claim})" if resolution.via_claim else ""
    return [f"“{resolution.via}” is another name of {resolution.subject.name}{receipt}."]


@dataclass(slots=True)
class ValueGroup:
    """What the visible claims stating (or denying) one value of one attribute add up to.

    `rank` is the weightiest claim's (confirmed, published, scope rank, claim id): that claim is
    the receipt shown, and the group with the highest rank holds the current value.
    """

    attribute: str
    value_key: str
    denial: bool
    sources: int
    newest: str
    rank: tuple[bool, str, int, int]
    top_scope: int

    @property
    def best_id(self) -> int:
        return self.rank[3]

    @property
    def context_only(self) -> bool:
        return self.top_scope == SCOPE_RANK[COMPANY_WIDE]


def spec(store: Store, device: str, attribute: str | None = None, guild_id: int | None = None) -> Answer:
    """What is known about a device, attribute by attribute, each value with its receipt."""
    wanted = None
    if attribute:
        wanted = attributes_named(attribute)
        if wanted is None:
            return failure(
                "spec",
                f"“{attribute}” is not an attribute Receipts knows.",
                matched=attribute,
                suggestions=list(ATTRIBUTES),
            )
    resolution = resolve_subject(store, device, guild_id)
    if not resolution.found:
        return not_found("spec", resolution)
    subject = resolution.subject
    assert subject is not None
    family = family_of(store, subject, guild_id)
    answer = Answer(
        "spec", title=subject.name, subject=subject.name, matched=device, notes=resolution_notes(resolution)
    )
    if wanted:
        assert attribute is not None
        answer.title += " · " + (label(wanted[0]) if len(wanted) == 1 else attribute.strip())
    ordered, receipts = kept_standings(store, family, guild_id, wanted)
    answer.items = [
        _line(group, standing, scoped_claim(receipts[group.best_id], family))
        for group, standing in ordered
        if group.best_id in receipts
    ]
    if not answer.items:
        answer.notes.append(f"Nothing about {answer.title} is stored yet.")
    return answer


def kept_standings(
    store: Store, family: Family, guild_id: int | None, attributes: tuple[str, ...] | None
) -> tuple[list[tuple[ValueGroup, str]], dict[int, ClaimRow]]:
    """`standings`, from the memo when it was counted since the family's claims last changed.

    Some attributes are taken from the standings of all of them when those are kept: each
    attribute is counted on its own, so that is what counting only these would give.
    """
    memo = name_index(store).memo
    # the family is part of the key: a subject added since (a series, a maker) can join it
    members = (tuple(family.scopes.items()), family.company.id if family.company else None)
    key = ("spec", guild_id, members, attributes)
    found = memo.get(key)
    if found is None and attributes:
        every = memo.get(("spec", guild_id, members, None))
        if every is not None:
            ordered, receipts = every
            return [pair for pair in ordered if pair[0].attribute in attributes], receipts
    if found is None:
        found = standings(store, family, guild_id, attributes)
        depends_on = set(family.scopes) | ({family.company.id} if family.company else set())
        memo.put(key, found, depends_on)
    return found


def standings(
    store: Store, family: Family, guild_id: int | None, attributes: tuple[str, ...] | None
) -> tuple[list[tuple[ValueGroup, str]], dict[int, ClaimRow]]:
    """Every value group in the order shown, with its standing, and the claims shown for them."""
    by_attribute: dict[str, list[ValueGroup]] = defaultdict(list)
    for group in tally(store, family, guild_id, attributes):
        by_attribute[group.attribute].append(group)
    ordered = [
        pair
        for name in sorted(by_attribute, key=attribute_sort_key)
        for pair in attribute_order(by_attribute[name])
    ]
    receipts = {
        row.claim_id: row for row in claims_by_id(store, (group.best_id for group, _ in ordered), guild_id)
    }
    return ordered, receipts


def tally(
    store: Store, family: Family, guild_id: int | None, attributes: tuple[str, ...] | None
) -> list[ValueGroup]:
    """The value groups of the family's claims and of its company context, counted in SQL
    (`bot.store.answers.value_group_sums`).

    Only the few rows per value group come back, each with the list of its articles; a value
    said of several subjects (the device and its series) is merged here, and its sources are the
    distinct articles of its lists (counting them in Python costs less than SQLite's
    `count(DISTINCT)`). Groups come in (attribute, value, denial) order, the order denials are
    listed in.
    """
    subjects = [
        (sid, SCOPE_RANK[SERIES_WIDE if scope == SERIES_WIDE else OWN])
        for sid, (scope, _) in family.scopes.items()
    ]
    company = None if family.company is None else (family.company.id, SCOPE_RANK[COMPANY_WIDE])
    # per value: [article lists, newest, rank, top scope], merged as the rows come
    by_value: dict[tuple[str, str, int], list] = {}
    for scope_rank, attribute, key, denial, articles, newest, best in value_group_sums(
        store, subjects, company, guild_id, attributes
    ):
        rank = (best[0] == "1", best[1:-13], scope_rank, int(best[-12:]))
        newest = newest or ""
        found = by_value.get((attribute, key, denial))
        if found is None:
            by_value[attribute, key, denial] = [[articles], newest, rank, scope_rank]
            continue
        found[0].append(articles)
        if newest > found[1]:
            found[1] = newest
        if rank > found[2]:
            found[2] = rank
        if scope_rank > found[3]:
            found[3] = scope_rank
    return [
        ValueGroup(
            attribute,
            key,
            bool(denial),
            len(set(lists[0]) if len(lists) == 1 else set().union(*lists)),
            newest,
            rank,
            top_scope,
        )
        for (attribute, key, denial), (lists, newest, rank, top_scope) in sorted(by_value.items())
    ]


def attribute_order(groups: list[ValueGroup]) -> list[tuple[ValueGroup, str]]:
    """The current value first, then the other values reported (newest first), then denials;
    each with how it stands against the current one."""
    assertions = [group for group in groups if not group.denial]
    denials = [group for group in groups if group.denial]
    denied_on = {group.value_key: group.newest for group in denials}
    eligible = [
        group
        for group in assertions
        if group.value_key not in denied_on or denied_on[group.value_key] < group.newest
    ]
    if any(not group.context_only for group in eligible):
        eligible = [group for group in eligible if not group.context_only]
    current = max(eligible, key=lambda group: group.rank, default=None)
    others = sorted(
        (group for group in assertions if group is not current),
        key=lambda group: (group.newest, group.best_id),
        reverse=True,
    )
    ordered = [(current, "current")] if current else []
    ordered += [(group, _standing(group, current)) for group in others]
    return ordered + [(group, "denied") for group in denials]


def _standing(group: ValueGroup, current: ValueGroup | None) -> str:
    """How a value stands against the current one: shown to people beside it."""
    if current is not None and group.newest <= current.newest:
        return "earlier report"
    return "other report"


def _line(group: ValueGroup, standing: str, claim: Scoped) -> Item:
    row = claim.row
    return row.item(
        subject=row.subject,
        scope=claim.scope,
        via=claim.via,
        attribute=group.attribute,
        value=row.value,
        status=row.status,
        current=standing == "current",
        sources=group.sources,
        standing=standing,
    )
