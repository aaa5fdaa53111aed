"""The replies of `/moderate-claim retract|restore`."""

from __future__ import annotations


def claim_retracted(claim_id: int, reason: str) -> str:
    """The reply to `/moderate-claim retract`: what changed, and how to undo it."""
    return (
        f"Claim #{claim_id} is retracted ({reason}); it no longer counts in this "
        f"server's answers. `/moderate-claim restore id:{claim_id}` undoes it."
    )


def claim_restored(claim_id: int) -> str:
    """The reply to `/moderate-claim restore`."""
    return f"Claim #{claim_id} counts again."
