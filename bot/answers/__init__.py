"""Answers: a query and a store in, an answer model out, for Discord, the terminal and JSON.

A first version: `/spec` lists every stored claim about the subject whose name best contains the
query, newest first, each with its receipt. The full answers (current values, timelines, fuzzy
lookup) replace it.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from bot.store import Store, subject_key


@dataclass
class Line:
    attribute: str
    value: str
    status: str
    quote: str
    article: str
    source: str
    published: str | None
    claim_id: int

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Answer:
    command: str
    subject: str | None = None
    matched: str | None = None
    lines: list[Line] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_json(self) -> dict:
        data = {"command": self.command, "subject": self.subject, "matched": self.matched,
                "lines": [line.to_json() for line in self.lines]}
        if self.error:
            data["error"] = self.error
        return data


def spec(store: Store, name: str) -> Answer:
    key = subject_key(name)
    row = store.db.execute(
        "SELECT id, name FROM subjects WHERE key LIKE ? ORDER BY length(key) LIMIT 1",
        [f"%{key}%"]).fetchone()
    if not key or row is None:
        return Answer("spec", matched=name, error=f"No claims about “{name}” are stored.")
    rows = store.db.execute(
        "SELECT c.id, c.attribute, c.value, c.status, c.quote, a.id, "
        "coalesce(a.outlet, a.title, a.url, a.id), a.published FROM claims c "
        "JOIN articles a ON a.id = c.article_id WHERE c.subject_id = ? AND c.retracted_at IS NULL "
        "AND a.removed_at IS NULL ORDER BY c.attribute, a.published DESC", [row[0]]).fetchall()
    lines = [Line(attribute, value, status, quote, article, source, published, claim_id)
             for claim_id, attribute, value, status, quote, article, source, published in rows]
    return Answer("spec", subject=row[1], matched=name, lines=lines)


def run_query(store: Store, text: str) -> Answer:
    """Answer a slash command typed as text, e.g. "/spec 12S Ultra"."""
    words = shlex.split(text.strip().lstrip("/")) if text.strip() else []
    if not words or words[0] != "spec" or len(words) < 2:
        return Answer(words[0] if words else "", error="Try: /spec DEVICE, e.g. /spec 12S Ultra")
    return spec(store, " ".join(words[1:]))
