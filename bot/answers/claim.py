"""`/claim ID`: one claim in full, with its history (retracted, restored, by whom).

Unlike the other answers this one shows a retracted claim, marked as retracted, so a moderator
can see what was withdrawn and why; it still shows only claims of articles the guild can see.
"""

from __future__ import annotations

from bot.answers.model import Answer, failure
from bot.answers.receipts import claim_with_retraction
from bot.store import Store

SQLITE_MAX_INTEGER = 2**63 - 1
SHOWN_TYPED = 24  # characters of a refused claim number echoed back; a paste can be thousands


def parse_claim_id(text: str | int) -> int | None:
    """A claim id as typed: "12", "#12" or "claim:12"; None for anything else, including digits
    `int` cannot read ("²"), numbers SQLite cannot hold, and digits too many for `int` to read
    at all (Python refuses more than 4,300)."""
    digits = str(text).strip().removeprefix("claim:").removeprefix("#").strip()
    if not digits.isdecimal() or len(digits.lstrip("0")) > len(str(SQLITE_MAX_INTEGER)):
        return None
    number = int(digits)
    return number if number <= SQLITE_MAX_INTEGER else None


def claim(store: Store, claim_id: str | int, guild_id: int | None = None) -> Answer:
    """`/claim id`: one claim the guild can see, with its receipt and its audit trail."""
    number = parse_claim_id(claim_id)
    if number is None:
        typed = str(claim_id)
        if len(typed) > SHOWN_TYPED:
            typed = typed[:SHOWN_TYPED] + "…"
        return failure("claim", f"“{typed}” is not a claim number; try /claim 12.", matched=typed)
    found = claim_with_retraction(store, number, guild_id)
    if found is None:
        return failure("claim", f"No claim #{number} is visible here.", matched=str(claim_id))
    row, (retracted_at, retracted_by, reason) = found
    answer = Answer(
        "claim", title=f"Claim #{number} · {row.subject}", subject=row.subject, matched=str(claim_id)
    )
    history = [
        {key: entry[key] for key in ("at", "actor", "action", "detail")}
        for entry in store.history(f"claim:{number}")
    ]
    answer.items.append(
        row.item(
            subject=row.subject,
            attribute=row.attribute,
            value=row.value,
            status=row.status,
            title=row.title,
            retracted=retracted_at is not None,
            history=history,
        )
    )
    if retracted_at:
        because = f": {reason}" if reason else ""
        answer.notes.append(
            f"Retracted {retracted_at} by {retracted_by or 'a moderator'}{because}."
            " It counts in no other answer."
        )
    return answer
