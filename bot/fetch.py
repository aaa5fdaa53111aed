"""Fetching an article from a url that a moderator gives, without letting the url reach inside.

A url typed into Discord runs on the bot's machine, so it could name a service only that machine
can reach (a metadata endpoint, a database's web port, the router). Every hop is therefore checked:
the host is resolved and refused when any of its addresses is private, loopback, link-local,
multicast, reserved or unspecified; redirects are followed by hand (at most five) under the same
rule; the address actually connected to is checked again before the body is read. The body is
streamed and cut off at the article size cap. Tests that serve pages on 127.0.0.1 pass the
networks they exempt; the bot exempts everything only when RECEIPTS_ALLOW_PRIVATE_URLS is set.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from bot.articles import MAX_ARTICLE_BYTES, ArticleError, text_from_html

MAX_REDIRECTS = 5
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
TOTAL_TIMEOUT = 30.0
USER_AGENT = "ReceiptsBot/0.1 (Discord news bot; fetches one article a moderator asked for)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
EVERY_NETWORK = (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0"))

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(ArticleError):
    """A url that could not be turned into an article, with what to do about it."""


@dataclass(frozen=True)
class FetchedPage:
    """The article text of a page (an HTML page already reduced to its text) and where it was."""

    url: str
    text: str


def refusal_reason(address: Address) -> str | None:
    """Why the bot must not connect to this address, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for kind in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(address, f"is_{kind}"):
            return f"a {kind.replace('_', '-')} address"
    if not address.is_global:
        return "not a public internet address"
    return None


def _exempt(address: Address, exempt: Sequence[Network]) -> bool:
    return any(address.version == network.version and address in network for network in exempt)


def check_address(address: str, host: str, exempt: Sequence[Network] = ()) -> None:
    """Refuse an address on a private, loopback, link-local or other non-public network."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    reason = None if _exempt(ip, exempt) else refusal_reason(ip)
    if reason:
        where = f"{host} is" if host.strip("[]") == str(ip) else f"{host} resolves to {ip},"
        raise FetchError(f"{where} {reason}; Receipts only fetches pages from the public "
                         f"internet. Paste the article's text or attach it instead.")


async def resolve_and_check(host: str, port: int, exempt: Sequence[Network] = ()) -> None:
    """Resolve a host (in a thread: getaddrinfo blocks) and refuse it if any address is not public."""
    try:
        infos = await asyncio.to_thread(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise FetchError(f"the host {host} could not be found; check the url") from None
    for *_, sockaddr in infos:
        check_address(sockaddr[0], host, exempt)


def _checked_url(raw: str | httpx.URL) -> httpx.URL:
    try:
        url = httpx.URL(raw)
    except (httpx.InvalidURL, TypeError):
        raise FetchError(f"{raw} is not a url; give one like https://example.com/article") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise FetchError(f"{raw} is not an http(s) url; give one like https://example.com/article")
    return url


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _decode(data: bytes, response: httpx.Response, url: httpx.URL) -> str:
    """The article text of a body: HTML reduced by trafilatura, plain text as it is."""
    media_type = _media_type(response)
    if media_type and media_type not in HTML_TYPES + TEXT_TYPES:
        raise FetchError(f"{url} is {media_type}, not a web page or text; "
                         f"attach the article as .txt, .md or .html instead")
    if not data.strip():
        raise FetchError(f"{url} returned an empty page")
    try:
        text = data.decode(response.charset_encoding or "utf-8")
    except (UnicodeDecodeError, LookupError):
        if media_type in TEXT_TYPES:
            raise FetchError(f"{url} is not UTF-8 text; save it as UTF-8 and attach it") from None
        text = data.decode("utf-8", errors="replace")
    looks_like_html = text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    if media_type in HTML_TYPES or (not media_type and looks_like_html):
        return text_from_html(text)
    return text


async def _read_capped(response: httpx.Response, url: httpx.URL, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url} is {int(declared):,} bytes; an article may be at most "
                         f"{max_bytes:,} bytes")
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise FetchError(f"{url} is larger than {max_bytes:,} bytes, the most an article "
                             f"may be; paste the part that matters instead")
    return bytes(body)


def _check_peer(response: httpx.Response, url: httpx.URL, exempt: Sequence[Network]) -> None:
    """Check the address actually connected to, in case the name resolved differently this time."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        check_address(peer[0], url.host, exempt)


async def _fetch(client: httpx.AsyncClient, start: httpx.URL, exempt: Sequence[Network],
                 max_bytes: int) -> FetchedPage:
    url = start
    for _ in range(MAX_REDIRECTS + 1):
        await resolve_and_check(url.host, url.port or (443 if url.scheme == "https" else 80), exempt)
        async with client.stream("GET", url) as response:
            _check_peer(response, url, exempt)
            if response.status_code in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"{url} redirects without saying where to")
                url = _checked_url(url.join(location))
                continue
            if response.status_code >= 400:
                raise FetchError(f"{url} answered {response.status_code} "
                                 f"{response.reason_phrase}; check that the page opens in a browser")
            data = await _read_capped(response, url, max_bytes)
            return FetchedPage(url=str(url), text=_decode(data, response, url))
    raise FetchError(f"{start} redirects more than {MAX_REDIRECTS} times; give the final url")


async def fetch_article_text(url: str, *, exempt: Sequence[Network] = (),
                             max_bytes: int = MAX_ARTICLE_BYTES) -> FetchedPage:
    """The article text at a url, every hop checked; `exempt` lists networks allowed anyway."""
    start = _checked_url(url.strip())
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    # trust_env=False: a proxy from the environment would hide the real peer address.
    async with httpx.AsyncClient(follow_redirects=False, timeout=timeout, trust_env=False,
                                 headers={"User-Agent": USER_AGENT}) as client:
        try:
            async with asyncio.timeout(TOTAL_TIMEOUT):
                return await _fetch(client, start, exempt, max_bytes)
        except TimeoutError:
            raise FetchError(f"{url} took longer than {TOTAL_TIMEOUT:.0f} s to load; try again "
                             f"later or paste the article's text") from None
        except httpx.TimeoutException:
            raise FetchError(f"{url} did not answer in time; try again later or paste the "
                             f"article's text") from None
        except httpx.HTTPError as error:
            raise FetchError(f"{url} could not be fetched ({type(error).__name__}: {error}); "
                             f"check the url or paste the article's text") from None


@dataclass(frozen=True)
class FetchedDocument:
    """What a url answered, every hop checked: the final status, headers and (capped) body.

    Unlike `fetch_article_text`, statuses are returned rather than refused, because a feed poller
    acts on them (304 Not Modified, 429 with Retry-After, 404 or 410). `permanent` is true when
    every redirect on the way was permanent (301 or 308), so the caller may store the new url.
    """

    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    permanent: bool
    response: httpx.Response

    def text(self) -> str:
        """The body as article text (HTML reduced by trafilatura), under `fetch_article_text`'s rules."""
        return document_text(self.body, self.url, self.headers.multi_items())


def document_text(body: bytes, url: str, headers: list[tuple[str, str]]) -> str:
    """A fetched body as article text, from plain data (so another process can do it)."""
    kept = [(name, value) for name, value in headers if name.lower() == "content-type"]
    return _decode(body, httpx.Response(200, headers=kept), httpx.URL(url))


FEED_USER_AGENT = "ReceiptsBot/0.1 (Discord news bot; follows the feeds a server subscribed to)"


def fetch_client() -> httpx.AsyncClient:
    """An HTTP client configured as `fetch_article_text`'s, for a poller that reuses connections."""
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    return httpx.AsyncClient(follow_redirects=False, timeout=timeout, trust_env=False,
                             headers={"User-Agent": FEED_USER_AGENT})



async def fetch_document(url: str, *, client: httpx.AsyncClient, exempt: Sequence[Network] = (),
                         max_bytes: int = MAX_ARTICLE_BYTES, headers: dict[str, str] | None = None,
                         what: str = "the page") -> FetchedDocument:
    """GET a url with extra request headers, checking every hop as `fetch_article_text` does.

    Errors of transport, addresses and size raise FetchError; HTTP statuses are returned.
    """
    start = _checked_url(url.strip())
    current, permanent = start, True
    try:
        async with asyncio.timeout(TOTAL_TIMEOUT):
            for _ in range(MAX_REDIRECTS + 1):
                await resolve_and_check(current.host, current.port
                                        or (443 if current.scheme == "https" else 80), exempt)
                async with client.stream("GET", current, headers=headers) as response:
                    _check_peer(response, current, exempt)
                    if response.status_code in REDIRECT_STATUSES:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"{current} redirects without saying where to")
                        permanent = permanent and response.status_code in (301, 308)
                        current = _checked_url(current.join(location))
                        continue
                    body = b""
                    if response.status_code == 200:
                        try:
                            body = await _read_capped(response, current, max_bytes)
                        except FetchError:
                            raise FetchError(f"{what} at {current} is larger than "
                                             f"{max_bytes:,} bytes, the most Receipts reads of "
                                             f"it") from None
                    return FetchedDocument(str(current), response.status_code, response.headers,
                                           body, permanent and current != start, response)
    except TimeoutError:
        raise FetchError(f"{url} took longer than {TOTAL_TIMEOUT:.0f} s to load") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url} did not answer in time") from None
    except httpx.HTTPError as error:
        raise FetchError(f"{url} could not be fetched ({type(error).__name__}: {error})") from None
    raise FetchError(f"{start} redirects more than {MAX_REDIRECTS} times")
