"""`/spec DEVICE [ATTRIBUTE]`: each attribute's current value and the other values reported.

Which value is current, for one attribute:
- a value whose newest denial is at least as new as its newest assertion is denied, and a denied
  value is never current;
- a confirmed value beats unconfirmed ones (rumored, speculated); among equals the newest
  article wins;
- company-wide context counts only when nothing about the device or its series exists.
Retracted claims and removed articles never reach this module (receipts.VISIBLE_CLAIM).

A device's standings are kept with the store's name index, so they are counted once per store
version: asking again about a popular phone costs a lookup, and any change to the store (an
article, a retraction) starts afresh.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.answers.attributes import attribute_sort_key, attributes_named, label
from bot.answers.family import (
    COMPANY_WIDE, OWN, SCOPE_RANK, SERIES_WIDE, Family, Scoped, family_of, scoped_claim)
from bot.answers.lookup import Resolution, name_index, resolve_subject
from bot.answers.model import Answer, Item, failure
from bot.answers.receipts import VISIBLE_CLAIM, ClaimRow, claims_by_id, placeholders
from bot.models import ATTRIBUTES
from bot.store import Store


def not_found(command: str, resolution: Resolution) -> Answer:
    """The answer for a name that fits no subject: suggestions when any are close."""
    if not resolution.query.strip():
        return failure(command, f"Name a device, e.g. /{command} Pixel 7.", matched="")
    if resolution.suggestions:
        message = (f"“{resolution.query}” could be several devices, or none stored: "
                   f"did you mean one of these?")
    else:
        message = f"No device, series or company named “{resolution.query}” is stored."
    return failure(command, message, matched=resolution.query, suggestions=resolution.suggestions)


def resolution_notes(resolution: Resolution) -> list[str]:
    """Say so when a name was taken through an alias, so no device is chosen silently."""
    if not resolution.via:
        return []
    receipt = f" (claim #{resolution.via_claim})" if resolution.via_claim else ""
    return [f"“{resolution.via}” is another name of {resolution.subject.name}{receipt}."]


@dataclass(slots=True)
class ValueGroup:
    """What the visible claims stating (or denying) one value of one attribute add up to.

    `best` is the weightiest claim's sort key, "<confirmed 0|1><published><scope rank><id:012>",
    so that SQLite can pick it with max() while it counts: a device's thousands of claims are
    tallied in the database, and only the claims shown are read whole.
    """

    attribute: str
    value_key: str
    denial: bool
    sources: int
    newest: str
    best: str
    top_scope: int
    best_id: int = 0

    def __post_init__(self) -> None:
        self.best_id = int(self.best[-12:])

    @property
    def rank(self) -> tuple:
        return self.best[0] == "1", self.best[1:-13], int(self.best[-13]), self.best_id

    @property
    def context_only(self) -> bool:
        return self.top_scope == SCOPE_RANK[COMPANY_WIDE]


def spec(store: Store, device: str, attribute: str | None = None,
         guild_id: int | None = None) -> Answer:
    """What is known about a device, attribute by attribute, each value with its receipt."""
    wanted = None
    if attribute:
        wanted = attributes_named(attribute)
        if wanted is None:
            return failure("spec", f"“{attribute}” is not an attribute Receipts knows.",
                           matched=attribute, suggestions=list(ATTRIBUTES))
    resolution = resolve_subject(store, device, guild_id)
    if not resolution.found:
        return not_found("spec", resolution)
    subject = resolution.subject
    family = family_of(store, subject, guild_id)
    answer = Answer("spec", title=subject.name, subject=subject.name, matched=device,
                    notes=resolution_notes(resolution))
    if wanted:
        answer.title += " · " + (label(wanted[0]) if len(wanted) == 1 else attribute.strip())
    memo = name_index(store).memo
    memo_key = ("spec", guild_id, subject.id, wanted)
    if memo_key not in memo:
        memo[memo_key] = standings(store, family, guild_id, wanted)
    ordered, receipts = memo[memo_key]
    answer.items = [_line(group, standing, scoped_claim(receipts[group.best_id], family))
                    for group, standing in ordered if group.best_id in receipts]
    if not answer.items:
        answer.notes.append(f"Nothing about {answer.title} is stored yet.")
    return answer


def standings(store: Store, family: Family, guild_id: int | None,
              attributes: tuple[str, ...] | None
              ) -> tuple[list[tuple[ValueGroup, str]], dict[int, ClaimRow]]:
    """Every value group in the order shown, with its standing, and the claims shown for them."""
    by_attribute: dict[str, list[ValueGroup]] = defaultdict(list)
    for group in tally(store, family, guild_id, attributes):
        by_attribute[group.attribute].append(group)
    ordered = [pair for name in sorted(by_attribute, key=attribute_sort_key)
               for pair in attribute_order(by_attribute[name])]
    receipts = {row.claim_id: row for row in
                claims_by_id(store, (group.best_id for group, _ in ordered), guild_id)}
    return ordered, receipts


def tally(store: Store, family: Family, guild_id: int | None,
          attributes: tuple[str, ...] | None) -> list[ValueGroup]:
    """The value groups of the family's claims and of its company context, counted in SQL."""
    ids = list(family.scopes)
    series = [sid for sid, (scope, _) in family.scopes.items() if scope == SERIES_WIDE]
    wanted = list(attributes or ())
    only = f" AND c.attribute IN ({placeholders(len(wanted))})" if wanted else ""
    rows = (f"SELECT c.id, c.attribute, c.value, c.status, c.article_id, a.published, "
            f"CASE WHEN c.subject_id IN ({placeholders(len(series))}) "
            f"THEN {SCOPE_RANK[SERIES_WIDE]} ELSE {SCOPE_RANK[OWN]} END AS scope "
            f"FROM claims c JOIN articles a ON a.id = c.article_id "
            f"WHERE c.subject_id IN ({placeholders(len(ids))}) AND {VISIBLE_CLAIM}{only}")
    params: list = [*series, *ids, guild_id, *wanted]
    if family.company is not None:
        rows += (f" UNION ALL SELECT c.id, c.attribute, c.value, c.status, c.article_id, "
                 f"a.published, {SCOPE_RANK[COMPANY_WIDE]} FROM claims c "
                 f"JOIN articles a ON a.id = c.article_id WHERE c.subject_id = ? "
                 f"AND c.article_id IN (SELECT article_id FROM claims "
                 f"WHERE subject_id IN ({placeholders(len(ids))})) AND {VISIBLE_CLAIM}{only}")
        params += [family.company.id, *ids, guild_id, *wanted]
    sql = (f"SELECT attribute, lower(trim(value)), status = 'denied', count(DISTINCT article_id), "
           f"max(coalesce(published, '')), max((status = 'confirmed') || coalesce(published, '') "
           f"|| scope || printf('%012d', id)), max(scope) FROM ({rows}) "
           f"GROUP BY attribute, lower(trim(value)), status = 'denied'")
    return [ValueGroup(attribute, key, bool(denial), sources, newest, best, top_scope)
            for attribute, key, denial, sources, newest, best, top_scope
            in store.db.execute(sql, params)]


def attribute_order(groups: list[ValueGroup]) -> list[tuple[ValueGroup, str]]:
    """The current value first, then the other values reported (newest first), then denials;
    each with how it stands against the current one."""
    assertions = [group for group in groups if not group.denial]
    denials = [group for group in groups if group.denial]
    denied_on = {group.value_key: group.newest for group in denials}
    eligible = [group for group in assertions
                if group.value_key not in denied_on or denied_on[group.value_key] < group.newest]
    if any(not group.context_only for group in eligible):
        eligible = [group for group in eligible if not group.context_only]
    current = max(eligible, key=lambda group: group.rank, default=None)
    others = sorted((group for group in assertions if group is not current),
                    key=lambda group: (group.newest, group.best_id), reverse=True)
    ordered = [(current, "current")] if current else []
    ordered += [(group, _standing(group, current)) for group in others]
    return ordered + [(group, "denied") for group in denials]


def _standing(group: ValueGroup, current: ValueGroup | None) -> str:
    """How a value stands against the current one: shown to people beside it."""
    if current is not None and group.newest <= current.newest:
        return "earlier report"
    return "other report"


def _line(group: ValueGroup, standing: str, claim: Scoped) -> Item:
    return claim.item(attribute=group.attribute, value=claim.row.value, status=claim.row.status,
                      current=standing == "current", sources=group.sources, standing=standing)
