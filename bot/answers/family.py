"""Which claims speak about a subject: its own, its aliases', its series' and its maker's.

A claim about "Xiaomi 12S series" applies to the Xiaomi 12S Ultra (series-wide); a claim about
the subject "Xiaomi 12 Ultra", an alias of it, applies too (made under that name). A claim
about the company applies only as context, and only when it was made in an article that speaks of
the device: "Xiaomi will launch in July" in an article about the 12S Ultra says something about
it; the same sentence in an article about a tablet does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.lookup import GuildView, NameIndex, Subject, name_index
from bot.answers.receipts import ClaimRow, claims_about, company_context
from bot.names import name_key
from bot.store import Store

OWN, ALIAS, MEMBER = "own", "alias", "member"
SERIES_WIDE, COMPANY_WIDE = "series-wide", "company-wide"
SCOPE_RANK = {OWN: 4, ALIAS: 4, MEMBER: 3, SERIES_WIDE: 2, COMPANY_WIDE: 1}


@dataclass(slots=True)
class Scoped:
    """A claim and how it relates to the subject asked about."""

    row: ClaimRow
    scope: str
    via: str | None

    def item(self, **extra):
        return self.row.item(subject=self.row.subject, scope=self.scope, via=self.via, **extra)


@dataclass
class Family:
    """The subjects whose claims count for one subject, each with its scope."""

    subject: Subject
    scopes: dict[int, tuple[str, str | None]]
    company: Subject | None
    alias_keys: frozenset[str]
    alias_names: list[str]


def family_of(store: Store, subject: Subject, guild_id: int | None, with_members: bool = False) -> Family:
    """The subject, its alias subjects, its series and its company; series and companies can
    take their members too (for timelines)."""
    index = name_index(store)
    view = index.view(guild_id)
    scopes: dict[int, tuple[str, str | None]] = {subject.id: (OWN, None)}
    for sid in view.members.get(subject.id, ()):
        scopes[sid] = (ALIAS, index.subjects[sid].name)
    for series in index.series_of(subject):
        scopes.setdefault(series.id, (SERIES_WIDE, series.name))
    if with_members:
        _add_members(index, view, subject, scopes)
    company = index.company_of(subject) if subject.kind != "company" else None
    names = [use.name for use in view.aliases_of.get(subject.id, ())]
    keys = {name_key(name) for name in names}
    keys |= {name_key(index.subjects[sid].name) for sid in view.members.get(subject.id, ())}
    return Family(subject, scopes, company, frozenset(keys), list(dict.fromkeys(names)))


def _add_members(
    index: NameIndex, view: GuildView, subject: Subject, scopes: dict[int, tuple[str, str | None]]
) -> None:
    if subject.kind == "series":
        members = index.members_of_series(subject)
    elif subject.kind == "company":
        members = index.brand_members(subject)
    else:
        return
    for member in members:
        scopes.setdefault(member.id, (MEMBER, index.subjects[view.canonical(member.id)].name))


def family_claims(
    store: Store,
    family: Family,
    guild_id: int | None,
    attributes: tuple[str, ...] | None = None,
    with_company: bool = True,
) -> list[Scoped]:
    """The visible claims of the family, marked with their scope and the name they were made
    under; company claims only from articles that speak of the family."""
    rows = claims_about(store, family.scopes, guild_id, attributes)
    scoped = [scoped_claim(row, family) for row in rows]
    if with_company and family.company is not None:
        context = company_context(store, family.company.id, family.scopes, guild_id, attributes)
        scoped += [Scoped(row, COMPANY_WIDE, family.company.name) for row in context]
    return scoped


def scoped_claim(row: ClaimRow, family: Family) -> Scoped:
    """A claim of the family (or of its company) with its scope and the name it was made under."""
    if family.company is not None and row.subject_id == family.company.id:
        return Scoped(row, COMPANY_WIDE, family.company.name)
    scope, via = family.scopes[row.subject_id]
    if scope == OWN and family.alias_keys and row.mention and name_key(row.mention) in family.alias_keys:
        return Scoped(row, ALIAS, row.mention)
    return Scoped(row, scope, via)
