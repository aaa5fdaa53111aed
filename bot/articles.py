"""Reading an article: from a file, pasted text or HTML to an `Article` with a dated body.

Every way an article arrives (the command line, a Discord upload, a pasted modal, a fetched url)
goes through `parse_article`, so the header forms, the size cap and the date rules are the same.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bot.extract.dates import infer_published, parse_header_date
from bot.models import Article

MAX_ARTICLE_BYTES = 1_000_000
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HEADER_KEYS = ("url", "date", "title", "outlet")

# What a lenient decode leaves of bytes that are not UTF-8 text: one stray U+FFFD is a mangled
# character, a run of them is binary data or another encoding.
REPLACEMENT_RUN = "\ufffd" * 4

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30}):[ \t]*(.*)$")
_SEED_FORM = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2}) ")


class ArticleError(ValueError):
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
        return ("it has runs of U+FFFD (\ufffd), the mark left where bytes were not UTF-8 text")
    return None


def refuse_binary_text(text: str, name: str) -> None:
    """Refuse a text that looks binary: extraction would find nothing and the store keep junk."""
    reason = binary_reason(text)
    if reason:
        raise ArticleError(f"{name} looks like binary data, not an article ({reason}); give the "
                           f"article as UTF-8 text")


def url_without_userinfo(url: str) -> str:
    """The url with any user name and password taken out: every member would see them."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def _iso_date(value: str) -> str | None:
    value = value.strip()
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    return parse_header_date(value)


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Header lines (`key: value`) up to the first blank line, when they name a known key."""
    head, sep, rest = text.partition("\n\n")
    if not sep:
        return {}, text
    fields = {}
    for line in head.strip("\n").splitlines():
        match = _HEADER_LINE.match(line.strip())
        if not match:
            return {}, text
        fields[match.group(1).lower()] = match.group(2).strip()
    if not any(key in fields for key in HEADER_KEYS):
        return {}, text
    return fields, rest


def parse_article(text: str, article_id: str, *, url: str | None = None, title: str | None = None,
                  published: str | None = None, published_basis: str | None = None) -> Article:
    """An `Article` from plain text in any accepted form; arguments override the header."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    refuse_binary_text(text, "the text")
    fields, body = _split_header(text)
    header_date = _iso_date(fields["date"]) if fields.get("date") else None
    basis = "header" if header_date else None
    if header_date is None:
        seed = _SEED_FORM.match(body)
        if seed:
            try:
                header_date = date.fromisoformat(seed.group(1)).isoformat()
                basis = "header"
                body = body[seed.end():]
            except ValueError:
                pass
    if not body.strip():
        raise ArticleError("the article has a header but no text")
    if published:
        header_date, basis = published, published_basis or "moderator"
    if header_date is None:
        header_date, basis = infer_published(body, url or fields.get("url"))
    return Article(
        id=article_id, body=body, url=_article_url(url or fields.get("url")),
        title=title or fields.get("title") or None, outlet=fields.get("outlet") or None,
        published=header_date, published_basis=basis, sha256=normalised_body_hash(body),
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
        for key, value in (("title", metadata.title), ("date", metadata.date), ("url", metadata.url),
                           ("outlet", metadata.sitename)):
            if value:
                header.append(f"{key}: {value}")
    return ("\n".join(header) + "\n\n" + text) if header else text


def decode_article_bytes(data: bytes, name: str) -> str:
    """Text from raw bytes, refusing what is empty, too large, binary or not UTF-8."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{name} is {len(data):,} bytes; an article may be at most "
                           f"{MAX_ARTICLE_BYTES:,} bytes")
    if not data.strip():
        raise ArticleError(f"{name} is empty")
    if b"\x00" in data:
        raise ArticleError(f"{name} looks like a binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{name} is not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    refuse_binary_text(text, name)
    if name.lower().endswith((".html", ".htm")):
        text = text_from_html(text)
    return text


def read_article_file(path: Path) -> Article:
    """An article from a file; its id is the file name without its extension."""
    if path.is_dir():
        raise ArticleError(f"{path} is a folder, not an article")
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path.name} is {path.stat().st_size:,} bytes; an article may be at most "
                           f"{MAX_ARTICLE_BYTES:,} bytes")
    text = decode_article_bytes(path.read_bytes(), path.name)
    return parse_article(text, path.stem)


def article_files(paths: list[Path]) -> list[Path]:
    """The article files named, folders expanded to their articles; a folder with none is an error."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise ArticleError(f"{path} has no articles (files ending in {', '.join(ARTICLE_SUFFIXES)})")
            files.extend(found)
        elif not path.exists():
            raise ArticleError(f"{path} does not exist")
        else:
            files.append(path)
    return files
