"""The answer model: what every command returns, before any renderer decides how it looks.

Discord, the terminal and `ask --json` all read the same `Answer`, so a line a user sees in one
place carries the same value, status and receipt everywhere. Errors are answers too (a message
and suggestions), so callers never need a try/except to show "did you mean".
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

RECEIPT_KEYS = ("quote", "article", "source", "published")
# For the renderers only (the receipt line); not part of the JSON of CLAIMS.md.
NOT_IN_JSON = ("source_name",)


@dataclass
class Item:
    """One line of an answer, with its receipt: the quote, the article, its source and date.

    Which optional fields are set depends on the command: a spec line has `current` and
    `sources`, a timeline item has `date`, `precision`, `kind`, a source has `claims`.
    """

    quote: str
    article: str
    source: str
    published: str | None
    claim_id: int | None = None
    url: str | None = None
    date: str | None = None
    precision: str | None = None
    kind: str | None = None
    upcoming: bool | None = None
    attribute: str | None = None
    value: str | None = None
    status: str | None = None
    current: bool | None = None
    standing: str | None = None
    sources: int | None = None
    claims: int | None = None
    title: str | None = None
    subject: str | None = None
    scope: str | None = None
    via: str | None = None
    retracted: bool | None = None
    history: list[dict] | None = None
    source_name: str | None = None  # how a reader names the source (wording.source_name)

    def to_json(self, order: tuple[str, ...]) -> dict:
        """The contract's fields in its order, then the rest; unset optional fields left out."""
        names = order + tuple(
            f.name for f in fields(self) if f.name not in order and f.name not in NOT_IN_JSON
        )
        return {
            name: getattr(self, name)
            for name in names
            if name in RECEIPT_KEYS or getattr(self, name) is not None
        }


SPEC_ORDER = (
    "attribute",
    "value",
    "status",
    "current",
    "sources",
    "quote",
    "article",
    "source",
    "published",
    "claim_id",
)
TIMELINE_ORDER = (
    "date",
    "precision",
    "kind",
    "attribute",
    "value",
    "status",
    "quote",
    "article",
    "source",
    "published",
    "claim_id",
)
ITEM_ORDER = ("quote", "article", "source", "published", "claim_id")
ORDERS = {"spec": SPEC_ORDER, "timeline": TIMELINE_ORDER}


@dataclass
class Answer:
    """What one command answers: a title, its items, and notes on how the answer was reached."""

    command: str
    title: str = ""
    subject: str | None = None
    matched: str | None = None
    items: list[Item] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    suggestions: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether this is an answer rather than an error."""
        return self.error is None

    @property
    def lines(self) -> list[Item]:
        """The items under the name CLAIMS.md gives them for `/spec`."""
        return self.items

    def to_json(self) -> dict:
        """The CLAIMS.md form: spec answers have `lines`, every other command `items`."""
        data: dict = {"command": self.command, "subject": self.subject}
        if self.matched is not None:
            data["matched"] = self.matched
        key = "lines" if self.command == "spec" else "items"
        order = ORDERS.get(self.command, ITEM_ORDER)
        data[key] = [item.to_json(order) for item in self.items]
        if self.notes:
            data["notes"] = self.notes
        if self.error:
            data["error"] = self.error
            data["suggestions"] = self.suggestions
        return data


def failure(
    command: str, message: str, matched: str | None = None, suggestions: list[str] | None = None
) -> Answer:
    """An answer that explains why there is nothing to show, and what might be meant instead."""
    return Answer(command, title=message, matched=matched, error=message, suggestions=suggestions or [])
