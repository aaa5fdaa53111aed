"""'Vivo has launched yet another budget smartphone. The new entrant is the Y29': the launch the
opening sentence reports without naming the phone is the article's launched phone's, dated to the
article's day. Own sentences, no text of any real article."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def _launch_dates(body: str, title: str) -> set[tuple[str, str]]:
    article = Article(id="own", body=body, published="2024-12-09", published_basis="header", title=title)
    return {(c.subject, c.value) for c in extract(article) if c.attribute == "launch_date"}


def test_a_launch_of_an_unnamed_phone_is_the_launched_phones():
    found = _launch_dates(
        "Vivo has now launched yet another budget smartphone in India. The new entrant is the vivo Y29, "
        "which has a 6.68-inch display.\n\nThe vivo Y29 is priced at Rs 13,999.",
        "Vivo Y29 launched in India with a 5,500mAh battery",
    )
    assert found == {("vivo Y29", "2024-12-09")}, found


def test_another_makers_unnamed_launch_is_not_the_phones():
    found = _launch_dates(
        "Realme has launched yet another budget smartphone in India. Its rival is the vivo Y29, "
        "which has a 6.68-inch display.\n\nThe vivo Y29 is priced at Rs 13,999.",
        "Vivo Y29 launched in India with a 5,500mAh battery",
    )
    assert ("vivo Y29", "2024-12-09") not in found, found
