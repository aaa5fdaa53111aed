"""`/sources DEVICE`: the articles that speak of a device, newest first, with their claim counts."""

from __future__ import annotations

from collections import defaultdict

from bot.answers.family import Scoped, family_claims, family_of
from bot.answers.lookup import resolve_subject
from bot.answers.model import Answer
from bot.answers.spec import not_found, resolution_notes
from bot.store import Store


def sources(store: Store, device: str, guild_id: int | None = None) -> Answer:
    """Each article once, with its first claim about the device as the quote that shows why."""
    resolution = resolve_subject(store, device, guild_id)
    if not resolution.found:
        return not_found("sources", resolution)
    subject = resolution.subject
    assert subject is not None
    family = family_of(store, subject, guild_id)
    by_article: dict[str, list[Scoped]] = defaultdict(list)
    for claim in family_claims(store, family, guild_id, with_company=False):
        by_article[claim.row.article].append(claim)
    answer = Answer(
        "sources",
        title=f"Sources · {subject.name}",
        subject=subject.name,
        matched=device,
        notes=resolution_notes(resolution),
    )
    for claims in by_article.values():
        first = min(claims, key=lambda claim: claim.row.claim_id)
        answer.items.append(first.item(title=first.row.title, claims=len(claims)))
    answer.items.sort(key=lambda item: (item.published or "", item.article), reverse=True)
    if not answer.items:
        answer.notes.append(f"No article about {subject.name} is stored yet.")
    return answer
