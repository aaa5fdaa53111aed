"""The records every part of Receipts passes around: an article, and a claim it makes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

STATUSES = ("confirmed", "rumored", "speculated", "denied")
SUBJECT_KINDS = ("device", "series", "company")
ATTRIBUTES = (
    "chipset",
    "display_size",
    "display_resolution",
    "display_type",
    "refresh_rate",
    "ram",
    "storage",
    "main_camera",
    "ultrawide_camera",
    "telephoto_camera",
    "front_camera",
    "camera_sensor",
    "camera_count",
    "camera_partner",
    "battery",
    "wired_charging",
    "wireless_charging",
    "os",
    "ui",
    "launch_date",
    "price",
    "alias",
)


@dataclass
class Article:
    """One article as read: its header fields and its body, the text every quote is sliced from."""

    id: str
    body: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_basis: str | None = None
    sha256: str = ""

    def source_label(self) -> str:
        """What a reader is shown as the source: the outlet or title, else the url, else the id."""
        return self.outlet or self.title or self.url or self.id


@dataclass
class Claim:
    """One statement one article makes about one subject, with its receipt (CLAIMS.md)."""

    article: str
    subject: str
    attribute: str
    value: str
    status: str
    quote: str
    start: int
    end: int
    published: str | None
    published_basis: str | None
    subject_kind: str = "device"
    brand: str | None = None
    mention: str | None = field(default=None)

    def to_json(self) -> dict:
        """The fields of CLAIMS.md, in its order, plus what this project adds."""
        return asdict(self)
