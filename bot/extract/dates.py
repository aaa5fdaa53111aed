"""Dates in articles: the header date, and the publication date inferred from the text."""

from __future__ import annotations

import re
from datetime import datetime

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
# An embedded social post ends with its author and date: "— Xiaomi (@Xiaomi) May 23, 2022".
_POST_SIGNATURE = re.compile(
    r"[—–-]\s*[^\n()]{1,60}\(@\w{1,30}\)\s+(" + _MONTH + r"\.? \d{1,2}, \d{4})")


def parse_header_date(value: str) -> str | None:
    """An ISO date from a header value in any common form; None for "unknown" and the like."""
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def _post_date(text: str) -> str | None:
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def infer_published(body: str) -> tuple[str | None, str]:
    """The publication date of an undated article, and the reason (`published_basis`)."""
    posts = [(match.group(1), _post_date(match.group(1))) for match in _POST_SIGNATURE.finditer(body)]
    posts = [(text, iso) for text, iso in posts if iso]
    if posts:
        text, iso = max(posts, key=lambda post: post[1])
        return iso, f"inferred: the latest quoted post is dated {text}"
    return None, "unknown: no header date and no dated post or date in the text"
