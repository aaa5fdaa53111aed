"""`/spec DEVICE [ATTRIBUTE]`: each attribute's current value and the other values reported.

Which value is current, for one attribute:
- a value whose newest denial is at least as new as its newest assertion is denied, and a denied
  value is never current;
- a confirmed value beats unconfirmed ones (rumored, speculated); among equals the newest
  article wins;
- company-wide context counts only when nothing about the device or its series exists.
Retracted claims and removed articles never reach this module (receipts.VISIBLE_CLAIM).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.answers.attributes import attribute_sort_key, attributes_named, label
from bot.answers.family import COMPANY_WIDE, SCOPE_RANK, Scoped, family_claims, family_of
from bot.answers.lookup import Resolution, resolve_subject
from bot.answers.model import Answer, Item, failure
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
    """The claims that state (or deny) one value of one attribute."""

    value: str
    denial: bool
    claims: list[Scoped]

    @property
    def best(self) -> Scoped:
        return max(self.claims, key=claim_rank)

    @property
    def newest(self) -> str:
        return max(claim.row.published or "" for claim in self.claims)

    @property
    def articles(self) -> int:
        return len({claim.row.article for claim in self.claims})

    @property
    def context_only(self) -> bool:
        return all(claim.scope == COMPANY_WIDE for claim in self.claims)


def claim_rank(claim: Scoped) -> tuple:
    """Confirmed first, then the newest article, then the closest scope, then the newest claim."""
    return (claim.row.status == "confirmed", claim.row.published or "",
            SCOPE_RANK[claim.scope], claim.row.claim_id)


def value_key(value: str) -> str:
    return " ".join(value.casefold().split())


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
    claims = family_claims(store, family, guild_id, wanted)
    answer = Answer("spec", title=subject.name, subject=subject.name, matched=device,
                    notes=resolution_notes(resolution))
    if wanted:
        answer.title += " · " + (label(wanted[0]) if len(wanted) == 1 else attribute.strip())
    by_attribute: dict[str, list[Scoped]] = defaultdict(list)
    for claim in claims:
        by_attribute[claim.row.attribute].append(claim)
    for name in sorted(by_attribute, key=attribute_sort_key):
        answer.items += attribute_lines(name, by_attribute[name])
    if not answer.items:
        answer.notes.append(f"Nothing about {answer.title} is stored yet.")
    return answer


def attribute_lines(attribute: str, claims: list[Scoped]) -> list[Item]:
    """The current value first, then the other values reported (newest first), then denials."""
    groups = _value_groups(claims)
    assertions = [group for group in groups if not group.denial]
    denials = {value_key(group.value): group for group in groups if group.denial}
    eligible = [group for group in assertions
                if value_key(group.value) not in denials
                or denials[value_key(group.value)].newest < group.newest]
    if any(not group.context_only for group in eligible):
        eligible = [group for group in eligible if not group.context_only]
    current = max(eligible, key=lambda group: claim_rank(group.best), default=None)
    others = sorted((group for group in assertions if group is not current),
                    key=lambda group: (group.newest, group.best.row.claim_id), reverse=True)
    ordered = ([current] if current else []) + others + list(denials.values())
    return [_line(attribute, group, group is current, current) for group in ordered]


def _value_groups(claims: list[Scoped]) -> list[ValueGroup]:
    groups: dict[tuple[str, bool], ValueGroup] = {}
    for claim in claims:
        denial = claim.row.status == "denied"
        group_key = (value_key(claim.row.value), denial)
        if group_key not in groups:
            groups[group_key] = ValueGroup(claim.row.value, denial, [])
        groups[group_key].claims.append(claim)
    return list(groups.values())


def _line(attribute: str, group: ValueGroup, is_current: bool,
          current: ValueGroup | None) -> Item:
    best = group.best
    return best.item(attribute=attribute, value=group.value, status=best.row.status,
                     current=is_current, sources=group.articles,
                     standing=_standing(group, is_current, current))


def _standing(group: ValueGroup, is_current: bool, current: ValueGroup | None) -> str:
    """How a value stands against the current one: shown to people beside it."""
    if is_current:
        return "current"
    if group.denial:
        return "denied"
    if current is not None and group.newest <= current.newest:
        return "earlier report"
    return "other report"
