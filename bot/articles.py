"""Reading an article: from a file, pasted text or HTML to an `Article` with a dated body.

Every way an article arrives (the command line, a Discord upload, a pasted modal, a fetched url)
goes through `parse_article`, so the header forms, the size cap and the date rules are the same.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bot.errors import UserError
from bot.extract.dates import infer_published, parse_header_date
from bot.models import Article

MAX_ARTICLE_BYTES = 1_000_000
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HEADER_KEYS = ("url", "date", "title", "outlet")

# What a lenient decode leaves of bytes that are not UTF-8 text: one stray U+FFFD is a mangled
# character, a run of them is binary data or another encoding.
REPLACEMENT_RUN = "\ufffd" * 4
EARLIEST_DATE = date(2000, 1, 1)
LATEST_AHEAD = timedelta(days=365)

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30}):[ \t]*(.*)$")
_SEED_FORM = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2}) ")
_ISO_SHAPED = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\b")


class ArticleError(UserError, ValueError):
    """An input that is not an article, with a message a person can act on."""


def normalised_body_hash(body: str) -> str:
    """sha256 of the body with Unicode and white space normalised, so re-saved copies match."""
    text = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def binary_reason(text: str) -> str | None:
    """Why a text looks like binary data rather than an article, or None when it looks like text."""
    if "\x00" in text:
        return "it has NUL characters"
    if REPLACEMENT_RUN in text:
        return "it has runs of U+FFFD (\ufffd), the mark left where bytes were not UTF-8 text"
    return None


def refuse_binary_text(text: str, name: str) -> None:
    """Refuse a text that looks binary: extraction would find nothing and the store keep junk."""
    reason = binary_reason(text)
    if reason:
        raise ArticleError(
            f"{name} looks like binary data, not an article ({reason}); give the article as UTF-8 text"
        )


def url_without_userinfo(url: str) -> str:
    """The url with any user name and password taken out: every member would see them."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def read_date(value: str) -> str:
    """An ISO date from a date a person wrote, or an `ArticleError` saying it is not one.

    "2022-02-30" has the form of a date and names no day: it is refused, not read as another day.
    """
    value = value.strip()
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    parsed = None if _ISO_SHAPED.match(value) else parse_header_date(value)
    if parsed is None:
        raise ArticleError(f"“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2022-06-29")
    return parsed


def check_publication_date(published: str, today: date | None = None) -> None:
    """Refuse a date no news article can have: before 2000, or more than a year from today.

    Relative dates in the text ("next Monday") are worked out from it, so an impossible one
    either breaks extraction or dates every claim wrong.
    """
    day = date.fromisoformat(published)
    latest = (today or date.today()) + LATEST_AHEAD
    if day < EARLIEST_DATE or day > latest:
        raise ArticleError(
            f"{published} is not a plausible publication date (it must be between "
            f"{EARLIEST_DATE.isoformat()} and a year from today, "
            f"{latest.isoformat()})"
        )


def _header_date(value: str) -> str | None:
    """The header's date; None for a value with no digits ("unknown"), which counts as missing."""
    if not re.search(r"\d", value):
        return None
    try:
        published = read_date(value)
    except ArticleError as error:
        raise ArticleError(f"the header line “date: {value.strip()}”: {error}") from None
    check_publication_date(published)
    return published


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Header lines (`key: value`) up to the first blank line, when they name a known key;
    without a blank line, the leading lines of the known keys (url, date, title, outlet)."""
    head, sep, rest = text.partition("\n\n")
    fields = {}
    for line in head.strip("\n").splitlines() if sep else ():
        match = _HEADER_LINE.match(line.strip())
        if not match:
            break
        fields[match.group(1).lower()] = match.group(2).strip()
    else:
        if any(key in fields for key in HEADER_KEYS):
            return fields, rest
    return _leading_header(text)


def _leading_header(text: str) -> tuple[dict[str, str], str]:
    """Known header lines at the very start, with the body right after them (no blank line)."""
    lines = text.split("\n")
    fields = {}
    body_from = len(lines)
    for number, line in enumerate(lines):
        match = _HEADER_LINE.match(line.strip())
        if not match or match.group(1).lower() not in HEADER_KEYS:
            body_from = number
            break
        fields[match.group(1).lower()] = match.group(2).strip()
    return (fields, "\n".join(lines[body_from:])) if fields else ({}, text)


def parse_article(
    text: str,
    article_id: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    published_basis: str | None = None,
) -> Article:
    """An `Article` from plain text in any accepted form; arguments override the header."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    refuse_binary_text(text, "the text")
    fields, body = _split_header(text)
    # A date given with the article (a moderator's) wins; the header's is then not checked.
    header_date = _header_date(fields["date"]) if fields.get("date") and not published else None
    basis = "header" if header_date else None
    if header_date is None:
        seed = _SEED_FORM.match(body)
        if seed:
            try:
                header_date = date.fromisoformat(seed.group(1)).isoformat()
                basis = "header"
                body = body[seed.end() :]
            except ValueError:
                pass
            else:
                if not published:
                    check_publication_date(header_date)
    if not body.strip():
        raise ArticleError("the article has a header but no text")
    if published:
        header_date, basis = published, published_basis or "moderator"
    if header_date is None:
        header_date, basis = infer_published(body, url or fields.get("url"))
    return Article(
        id=article_id,
        body=body,
        url=_article_url(url or fields.get("url")),
        title=title or fields.get("title") or None,
        outlet=fields.get("outlet") or None,
        published=header_date,
        published_basis=basis,
        sha256=normalised_body_hash(body),
    )


def _article_url(url: str | None) -> str | None:
    """The url shown as the article's source: trimmed, without any user name or password."""
    url = (url or "").strip()
    return url_without_userinfo(url) if url else None


def text_from_html(html: str) -> str:
    """The readable text of an HTML page (trafilatura), or an error when it has none."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
    if not text or not text.strip():
        raise ArticleError("no article text could be found in this HTML page")
    metadata = trafilatura.extract_metadata(html)
    header = []
    if metadata is not None:
        for key, value in (
            ("title", metadata.title),
            ("date", metadata.date),
            ("url", metadata.url),
            ("outlet", metadata.sitename),
        ):
            if value:
                header.append(f"{key}: {value}")
    return ("\n".join(header) + "\n\n" + text) if header else text


def _decode_text(data: bytes, name: str) -> str:
    """UTF-8 text, or UTF-16 when the file starts with its byte order mark (Windows' "Unicode")."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ArticleError(f"{name} is UTF-32 text; save it as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError(
                f"{name} starts as UTF-16 text but does not decode as it; save it as UTF-8"
            ) from None
        if "\x00" in text:
            raise ArticleError(f"{name} looks like a binary file, not an article")
        return text
    if b"\x00" in data:
        raise ArticleError(f"{name} looks like a binary file, not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{name} is not UTF-8 text (byte {error.start}); save it as UTF-8") from None


def decode_article_bytes(data: bytes, name: str) -> str:
    """Text from raw bytes, refusing what is empty, too large, binary or not UTF-8 (or UTF-16)."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{name} is {len(data):,} bytes; an article may be at most {MAX_ARTICLE_BYTES:,} bytes"
        )
    if not data.strip():
        raise ArticleError(f"{name} is empty")
    text = _decode_text(data, name)
    if not text.strip("\ufeff \t\r\n"):
        raise ArticleError(f"{name} is empty")
    refuse_binary_text(text, name)
    if name.lower().endswith((".html", ".htm")):
        text = text_from_html(text)
    return text


def read_article_file(path: Path) -> Article:
    """An article from a file; its id is the file name without its extension."""
    return parse_article(decode_article_bytes(read_capped(path), path.name), path.stem)


def read_capped(path: Path) -> bytes:
    """A regular file's bytes, at most the cap and one more (so too large is seen, and no more).

    Opened without blocking and checked after opening: a FIFO would wait for a writer, and a
    device (/dev/zero) never ends; both are refused, as is a file swapped for one after a stat.
    """
    if path.is_dir():
        raise ArticleError(f"{path} is a folder, not an article")
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with open(descriptor, "rb", closefd=True) as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(
                f"{path} is not a regular file (a device, pipe or socket); give an article file"
            )
        if info.st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"{path.name} is {info.st_size:,} bytes; an article may be at most "
                f"{MAX_ARTICLE_BYTES:,} bytes"
            )
        return file.read(MAX_ARTICLE_BYTES + 1)
