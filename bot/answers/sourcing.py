"""How a reader names a source: the article's title, else its outlet, else its site; and its link
without the tracking parameters that feeds and shares add.

Every receipt line (Discord, the terminal, digests) names an article with `source_name` and links
it with `clean_url`, so a reader meets "Xiaomi confirms the 12S launch date", "Example News" or
"businesstoday.in" rather than a raw, escaped url; the store's file id is shown only when the
article has nothing better.
"""

from __future__ import annotations

import re
from typing import TypeGuard, overload
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that track a click rather than name a page (Google Analytics' utm_*, the
# click ids of ad networks, newsletter ids).
_TRACKING = re.compile(
    r"^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|"
    r"igshid|_ga|_gl|ref_src|cmpid)$",
    re.IGNORECASE,
)


def is_web_url(url: str | None) -> TypeGuard[str]:
    """Whether the url is an http(s) one, the only kind linked."""
    return bool(url and url.lower().startswith(("http://", "https://")))


@overload
def clean_url(url: str) -> str: ...
@overload
def clean_url(url: None) -> None: ...
def clean_url(url: str | None) -> str | None:
    """The url without tracking parameters (utm_* and the like); others kept in their order."""
    if not is_web_url(url):
        return url
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(name)
    ]
    return urlunsplit(parts._replace(query=urlencode(kept, doseq=True)))


def site_of(url: str | None) -> str | None:
    """The site a url is on, as people write it: `businesstoday.in` for `https://www.businesstoday.in/…`."""
    if not is_web_url(url):
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host or None


def source_name(*, title: str | None, outlet: str | None, url: str | None, article: str) -> str:
    """The title when known, else the outlet, else the site's domain, else the article's id."""
    for name in (title, outlet):
        if name and name.strip():
            return " ".join(name.split())
    return site_of(url) or article  # the url is read only when nothing better is known
