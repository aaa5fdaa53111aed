"""Stores for the answer tests: real SQLite files filled with articles written here.

Claims are made the way the extractor makes them: each quote is a sentence of its article's
body, with its offsets, so every receipt an answer shows can be checked against the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bot.models import Article, Claim
from bot.store import Store


@dataclass
class Said:
    """One sentence of an article and the claim it makes."""

    subject: str
    attribute: str
    value: str
    status: str
    sentence: str
    kind: str = "device"
    mention: str | None = None


@dataclass
class Written:
    """An article to store: its header fields and the sentences its claims come from."""

    id: str
    published: str | None
    said: list[Said] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    filler: str = "Other news of the week followed."

    def article_and_claims(self) -> tuple[Article, list[Claim]]:
        body = ""
        claims = []
        for said in self.said:
            start = len(body)
            body += said.sentence
            claims.append(
                Claim(
                    article=self.id,
                    subject=said.subject,
                    attribute=said.attribute,
                    value=said.value,
                    status=said.status,
                    quote=said.sentence,
                    start=start,
                    end=len(body),
                    published=self.published,
                    published_basis="header",
                    subject_kind=said.kind,
                    brand=said.subject.split()[0],
                    mention=said.mention,
                )
            )
            body += " "
        body += self.filler
        article = Article(
            id=self.id,
            body=body,
            url=self.url,
            title=self.title,
            outlet=self.outlet,
            published=self.published,
            published_basis="header",
            sha256=f"sha-{self.id}",
        )
        return article, claims


def put(store: Store, written: Written, guild_id: int | None = None) -> list[int]:
    """Store an article with its claims; the ids of the claims, in sentence order."""
    article, claims = written.article_and_claims()
    store.add_article(article, claims, guild_id=guild_id)
    return [
        row[0]
        for row in store.db.execute("SELECT id FROM claims WHERE article_id = ? ORDER BY id", [written.id])
    ]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "answers.db") as opened:
        yield opened


PIXEL = "Google Pixel 11 Pro"
PIXEL_SERIES = "Google Pixel 11 series"
PIXEL_ALIAS = "Google Pixel 11 XL"


def tell_pixel_story(store: Store) -> Store:
    """The story of an imagined phone, told by four outlets over two months.

    An early leak names it the "Pixel 11 XL" and gives a 200 MP camera; later reports say 50 MP;
    the series launch is confirmed for a day, after a company post gave only the month.
    """
    put(
        store,
        Written(
            "leak",
            "2030-05-10",
            outlet="Leaky",
            url="https://leaky.example/p11xl",
            said=[
                Said(
                    PIXEL_ALIAS,
                    "main_camera",
                    "200 MP",
                    "rumored",
                    "The Pixel 11 XL is said to carry a 200MP main camera.",
                ),
                Said(
                    PIXEL_ALIAS,
                    "chipset",
                    "Google Tensor G6",
                    "rumored",
                    "A Tensor G6 chip is expected inside the Pixel 11 XL.",
                ),
                Said(
                    "Google",
                    "launch_date",
                    "2030-08",
                    "confirmed",
                    "Google said its next flagship arrives in August.",
                    kind="company",
                ),
            ],
        ),
    )
    put(
        store,
        Written(
            "echo",
            "2030-05-10",
            outlet="Echo News",
            said=[
                Said(
                    PIXEL_ALIAS,
                    "main_camera",
                    "200 MP",
                    "rumored",
                    "Echoing the leak, a 200MP sensor is reported for the Pixel 11 XL.",
                ),
            ],
        ),
    )
    put(
        store,
        Written(
            "report",
            "2030-06-20",
            outlet="Phone Report",
            title="Pixel 11 Pro: what we know",
            said=[
                Said(
                    PIXEL,
                    "alias",
                    PIXEL_ALIAS,
                    "rumored",
                    "The Pixel 11 Pro, formerly rumored as the Pixel 11 XL, is near.",
                ),
                Said(
                    PIXEL,
                    "main_camera",
                    "50 MP",
                    "rumored",
                    "The Pixel 11 Pro will likely use a 50-megapixel main camera.",
                ),
                Said(PIXEL, "battery", "5000 mAh", "speculated", "We suspect a 5000 mAh battery."),
                Said(PIXEL, "battery", "4500 mAh", "denied", "It is not the 4500 mAh cell some expected."),
            ],
        ),
    )
    put(
        store,
        Written(
            "official",
            "2030-06-25",
            outlet="Google Blog",
            said=[
                Said(
                    PIXEL_SERIES,
                    "launch_date",
                    "2030-08-12",
                    "confirmed",
                    "Google will unveil the Pixel 11 series on August 12.",
                    kind="series",
                ),
                Said(
                    PIXEL_SERIES,
                    "chipset",
                    "Google Tensor G6",
                    "confirmed",
                    "Every Pixel 11 runs on Tensor G6.",
                    kind="series",
                ),
            ],
        ),
    )
    return store


@pytest.fixture
def pixel_store(store):
    return tell_pixel_story(store)


def retract(store: Store, claim_id: int, actor: str, reason: str) -> None:
    """What a moderator's retraction leaves in the store: the claim marked, the act audited."""
    store.db["claims"].update(
        claim_id, {"retracted_at": "2031-06-01T00:00:00+00:00", "retracted_by": actor, "reason": reason}
    )
    store.record(actor, "claim.retract", f"claim:{claim_id}", detail=reason)


def restore(store: Store, claim_id: int, actor: str) -> None:
    store.db["claims"].update(claim_id, {"retracted_at": None, "retracted_by": None, "reason": None})
    store.record(actor, "claim.restore", f"claim:{claim_id}")


def remove(store: Store, article_id: str, actor: str) -> None:
    store.db["articles"].update(article_id, {"removed_at": "2031-06-01T00:00:00+00:00", "removed_by": actor})
    store.record(actor, "article.remove", f"article:{article_id}")
