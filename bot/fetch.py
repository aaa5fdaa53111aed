"""Fetching an article from a url that a moderator gives, without letting the url reach inside.

A url typed into Discord runs on the bot's machine, so it could name a service only that machine
can reach (a metadata endpoint, a database's web port, the router). Every hop is therefore checked:
the host is resolved and refused when any of its addresses is private, loopback, link-local,
multicast, reserved or unspecified (an IPv6 address that carries an IPv4 one, such as 6to4 or
NAT64, is judged by the IPv4 address it carries); redirects are followed by hand (at most five)
under the same rule. Each hop connects to an address that was checked, keeping the name for the
Host header, the TLS server name and the certificate, so a name that answers differently the
second time (DNS rebinding) cannot send the request elsewhere. A url with a user name or password
is refused. The body is read raw and decoded here, layer by layer in a thread, so the 1 MB article
cap holds on the decoded bytes (bot.content_coding). Tests that serve pages on 127.0.0.1 pass the
networks they exempt; the bot exempts everything only when RECEIPTS_ALLOW_PRIVATE_URLS is set.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import socket
import ssl
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import cast

import httpx

from bot.articles import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    refuse_binary_text,
    text_from_html,
    url_without_userinfo,
)
from bot.content_coding import ACCEPT_ENCODING, BoundedDecoder, DecodedTooLarge, DecodingRefused

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
# host, port -> the host's addresses; tests answer with their own, as a rebinding name would.
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]


class FetchError(ArticleError):
    """A url that could not be turned into an article, with what to do about it."""


@dataclass(frozen=True)
class FetchedPage:
    """The article text of a page (an HTML page already reduced to its text) and where it was."""

    url: str
    text: str


# Forms of IPv6 address that carry an IPv4 address inside them, and reach that IPv4 address:
# each is judged by what it embeds, whatever the IPv6 registry says of its prefix. The NAT64
# prefixes are read with the IPv4 address in the last 32 bits, the form DNS64 answers with.
IPV4_EMBEDDING_FORMS = (
    (ipaddress.ip_network("::ffff:0:0/96"), "an IPv4-mapped address"),
    (ipaddress.ip_network("::ffff:0:0:0/96"), "an IPv4-translated address"),
    (ipaddress.ip_network("64:ff9b::/96"), "a NAT64 address"),
    (ipaddress.ip_network("64:ff9b:1::/48"), "a local-use NAT64 address"),
    (ipaddress.ip_network("2002::/16"), "a 6to4 address"),
    (ipaddress.ip_network("2001::/32"), "a Teredo address"),
    (ipaddress.ip_network("::/96"), "an IPv4-compatible address"),
)
NOT_EMBEDDING = (ipaddress.ip_address("::"), ipaddress.ip_address("::1"))


def _embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[str, list[ipaddress.IPv4Address]] | None:
    """The form and the IPv4 addresses an IPv6 address carries, or None for a plain one."""
    if address in NOT_EMBEDDING:
        return None
    for network, form in IPV4_EMBEDDING_FORMS:
        if address in network:
            if address.sixtofour:
                return form, [address.sixtofour]
            if address.teredo:
                return form, list(address.teredo)
            return form, [ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)]
    return None


def _own_refusal_reason(address: Address) -> str | None:
    for kind in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(address, f"is_{kind}"):
            return f"a {kind.replace('_', '-')} address"
    if not address.is_global:
        return "not a public internet address"
    return None


def refusal_reason(address: Address) -> str | None:
    """Why the bot must not connect to this address, or None when it is a public address."""
    embedded = _embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else None
    if embedded is None:
        return _own_refusal_reason(address)
    form, ipv4_addresses = embedded
    for ipv4 in ipv4_addresses:
        reason = _own_refusal_reason(ipv4)
        if reason:
            return f"{form} for {ipv4}, {reason}"
    return None


def _exempt(address: Address, exempt: Sequence[Network]) -> bool:
    return any(address.version == network.version and address in network for network in exempt)


def check_address(address: str, host: str, exempt: Sequence[Network] = ()) -> None:
    """Refuse an address on a private, loopback, link-local or other non-public network."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    reason = None if _exempt(ip, exempt) else refusal_reason(ip)
    if reason:
        where = f"{host} is" if host.strip("[]") == str(ip) else f"{host} resolves to {ip},"
        raise FetchError(
            f"{where} {reason}; Receipts only fetches pages from the public "
            f"internet. Paste the article's text or attach it instead."
        )


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


async def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses from the system's resolver (in a thread: getaddrinfo blocks)."""
    infos = await asyncio.to_thread(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(cast(str, sockaddr[0]) for *_, sockaddr in infos))


async def resolve_and_check(
    host: str, port: int, exempt: Sequence[Network] = (), *, resolve: Resolver = system_resolver
) -> list[str]:
    """Resolve a host and refuse it if any address is not public; the addresses, in order."""
    if _is_address(host):
        check_address(host, host, exempt)
        return [host]
    try:
        addresses = list(await resolve(host, port))
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"the host {host} could not be found; check the url") from None
    if not addresses:
        raise FetchError(f"the host {host} could not be found; check the url")
    for address in addresses:
        check_address(address, host, exempt)
    return addresses


def _checked_url(raw: str | httpx.URL) -> httpx.URL:
    """A url to fetch; one with a user name or password is refused, never sent nor echoed."""
    shown = url_without_userinfo(str(raw))
    try:
        url = httpx.URL(raw)
    except (httpx.InvalidURL, TypeError):
        raise FetchError(f"{shown} is not a url; give one like https://example.com/article") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise FetchError(f"{shown} is not an http(s) url; give one like https://example.com/article")
    if url.userinfo:
        raise FetchError(
            f"{url.copy_with(userinfo=b'')} carries a user name or password (before "
            f"the @); Receipts never sends, stores or shows those. Give the address "
            f"without them"
        )
    return url


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _decode(data: bytes, response: httpx.Response, url: httpx.URL) -> str:
    """The article text of a body: HTML reduced by trafilatura, plain text as it is."""
    media_type = _media_type(response)
    if media_type and media_type not in HTML_TYPES + TEXT_TYPES:
        raise FetchError(
            f"{url} is {media_type}, not a web page or text; attach the article as .txt, .md or .html instead"
        )
    if not data.strip():
        raise FetchError(f"{url} returned an empty page")
    if b"\x00" in data:
        raise FetchError(
            f"{url} looks like binary data, not an article (it has NUL bytes); "
            f"check the url or attach the article as a file"
        )
    try:
        text = data.decode(response.charset_encoding or "utf-8")
    except (UnicodeDecodeError, LookupError):
        if media_type in TEXT_TYPES:
            raise FetchError(f"{url} is not UTF-8 text; save it as UTF-8 and attach it") from None
        text = data.decode("utf-8", errors="replace")
    try:
        refuse_binary_text(text, str(url))
    except ArticleError as error:
        raise FetchError(str(error)) from None
    looks_like_html = text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    if media_type in HTML_TYPES or (not media_type and looks_like_html):
        return text_from_html(text)
    return text


async def _read_capped(response: httpx.Response, url: httpx.URL, max_bytes: int) -> bytes:
    """The decoded body, refused as soon as it passes `max_bytes`: the cap holds on what the
    page decodes to, whatever its Content-Encoding, and the decoding runs in a thread."""
    try:
        decoder = BoundedDecoder(response.headers.get("content-encoding", ""), max_bytes)
    except DecodingRefused as error:
        raise FetchError(f"{url} {error}") from None
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > decoder.raw_limit:
        raise FetchError(f"{url} is {int(declared):,} bytes; an article may be at most {max_bytes:,} bytes")
    body = bytearray()
    raw = 0
    async for chunk in response.aiter_raw():
        try:
            body += await asyncio.to_thread(decoder.feed, chunk)
        except DecodedTooLarge:
            raise FetchError(
                f"{url} is larger than {max_bytes:,} bytes, the most an article "
                f"may be; paste the part that matters instead"
            ) from None
        except DecodingRefused as error:
            raise FetchError(f"{url} {error}") from None
        raw += len(chunk)
        if raw > decoder.raw_limit:
            raise FetchError(
                f"{url} sent a compressed body larger than {decoder.raw_limit:,} "
                f"bytes; an article may be at most {max_bytes:,} bytes"
            )
    return bytes(body)


def _pinned_request(
    client: httpx.AsyncClient, url: httpx.URL, address: str, headers: dict[str, str] | None = None
) -> httpx.Request:
    """A GET sent to the checked address that still names the host (Host, TLS name, certificate),
    so the name is never looked up again: a rebinding name cannot point it elsewhere."""
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    return client.build_request(
        "GET",
        url.copy_with(host=address),
        extensions=extensions,
        headers={**(headers or {}), "Host": url.netloc.decode("ascii")},
    )


async def _open(
    client: httpx.AsyncClient, url: httpx.URL, addresses: list[str], headers: dict[str, str] | None = None
) -> httpx.Response:
    """The response of the first checked address that takes the connection."""
    for address in addresses[:-1]:
        try:
            return await client.send(_pinned_request(client, url, address, headers), stream=True)
        except httpx.ConnectError:
            continue
    return await client.send(_pinned_request(client, url, addresses[-1], headers), stream=True)


async def _fetch(
    client: httpx.AsyncClient, start: httpx.URL, exempt: Sequence[Network], max_bytes: int, resolve: Resolver
) -> FetchedPage:
    url = start
    for _ in range(MAX_REDIRECTS + 1):
        addresses = await resolve_and_check(
            url.raw_host.decode("ascii"),
            url.port or (443 if url.scheme == "https" else 80),
            exempt,
            resolve=resolve,
        )
        response = await _open(client, url, addresses)
        try:
            if response.status_code in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"{url} redirects without saying where to")
                url = _checked_url(url.join(location))
                continue
            if response.status_code >= 400:
                raise FetchError(
                    f"{url} answered {response.status_code} "
                    f"{response.reason_phrase}; check that the page opens in a browser"
                )
            data = await _read_capped(response, url, max_bytes)
            text = await asyncio.to_thread(_decode, data, response, url)
            return FetchedPage(url=str(url), text=text)
        finally:
            await response.aclose()
    raise FetchError(f"{start} redirects more than {MAX_REDIRECTS} times; give the final url")


@functools.cache
def _default_trust() -> ssl.SSLContext:
    """The certificates httpx trusts by default; loading them takes about 0.1 s of CPU, so it is
    done once, in a thread, not on the event loop for every fetch."""
    return httpx.create_ssl_context()


def _certificate_error(error: BaseException | None) -> ssl.SSLCertVerificationError | None:
    """The certificate failure behind a connection error (httpx and httpcore each wrap it)."""
    while error is not None and not isinstance(error, ssl.SSLCertVerificationError):
        error = error.__cause__ or error.__context__
    return error


async def fetch_article_text(
    url: str,
    *,
    exempt: Sequence[Network] = (),
    max_bytes: int = MAX_ARTICLE_BYTES,
    resolve: Resolver = system_resolver,
    ssl_context: ssl.SSLContext | None = None,
) -> FetchedPage:
    """The article text at a url, every hop checked; `exempt` lists networks allowed anyway.

    `resolve` looks names up (the system's resolver unless a test gives its own) and
    `ssl_context` says which certificates to trust (the system's unless a test gives its own).
    """
    start = _checked_url(url.strip())
    trust = ssl_context or cast(ssl.SSLContext, await asyncio.to_thread(_default_trust))
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    # trust_env=False: a proxy from the environment would connect where it likes. No kept-alive
    # connections: they are pooled by address, and one made for a name must not serve another.
    async with httpx.AsyncClient(
        follow_redirects=False,
        timeout=timeout,
        trust_env=False,
        verify=trust,
        limits=httpx.Limits(max_keepalive_connections=0),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
    ) as client:
        try:
            async with asyncio.timeout(TOTAL_TIMEOUT):
                return await _fetch(client, start, exempt, max_bytes, resolve)
        except TimeoutError:
            raise FetchError(
                f"{url} took longer than {TOTAL_TIMEOUT:.0f} s to load; try again "
                f"later or paste the article's text"
            ) from None
        except httpx.TimeoutException:
            raise FetchError(
                f"{url} did not answer in time; try again later or paste the article's text"
            ) from None
        except httpx.ConnectError as error:
            refused = _certificate_error(error)
            if refused:
                raise FetchError(
                    f"{url} has a certificate that could not be verified "
                    f"({refused.verify_message}); check the url or paste "
                    f"the article's text"
                ) from None
            raise FetchError(
                f"{url} could not be reached ({error}); check the url or paste the article's text"
            ) from None
        except httpx.HTTPError as error:
            raise FetchError(
                f"{url} could not be fetched ({type(error).__name__}: {error}); "
                f"check the url or paste the article's text"
            ) from None


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


async def fetch_client(ssl_context: ssl.SSLContext | None = None) -> httpx.AsyncClient:
    """An HTTP client set up as `fetch_article_text`'s (no proxy, no kept-alive connections, the
    same certificates and codings), for a poller that makes many requests."""
    trust = ssl_context or cast(ssl.SSLContext, await asyncio.to_thread(_default_trust))
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    return httpx.AsyncClient(
        follow_redirects=False,
        timeout=timeout,
        trust_env=False,
        verify=trust,
        limits=httpx.Limits(max_keepalive_connections=0),
        headers={"User-Agent": FEED_USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
    )


async def fetch_document(
    url: str,
    *,
    client: httpx.AsyncClient,
    exempt: Sequence[Network] = (),
    max_bytes: int = MAX_ARTICLE_BYTES,
    headers: dict[str, str] | None = None,
    what: str = "the page",
    resolve: Resolver = system_resolver,
) -> FetchedDocument:
    """GET a url with extra request headers, every hop checked and pinned as
    `fetch_article_text` does, the body capped on its decoded bytes.

    Errors of transport, addresses, codings and size raise FetchError; HTTP statuses are
    returned, with a body only for a 200.
    """
    start = _checked_url(url.strip())
    current, permanent = start, True
    try:
        async with asyncio.timeout(TOTAL_TIMEOUT):
            for _ in range(MAX_REDIRECTS + 1):
                addresses = await resolve_and_check(
                    current.raw_host.decode("ascii"),
                    current.port or (443 if current.scheme == "https" else 80),
                    exempt,
                    resolve=resolve,
                )
                response = await _open(client, current, addresses, headers)
                try:
                    if response.status_code in REDIRECT_STATUSES:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"{current} redirects without saying where to")
                        permanent = permanent and response.status_code in (301, 308)
                        current = _checked_url(current.join(location))
                        continue
                    body = b""
                    if response.status_code == 200:
                        body = await _read_capped_as(response, current, max_bytes, what)
                    return FetchedDocument(
                        str(current),
                        response.status_code,
                        response.headers,
                        body,
                        permanent and current != start,
                        response,
                    )
                finally:
                    await response.aclose()
    except TimeoutError:
        raise FetchError(f"{url} took longer than {TOTAL_TIMEOUT:.0f} s to load") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url} did not answer in time") from None
    except httpx.ConnectError as error:
        refused = _certificate_error(error)
        if refused:
            raise FetchError(
                f"{url} has a certificate that could not be verified ({refused.verify_message})"
            ) from None
        raise FetchError(f"{url} could not be reached ({error})") from None
    except httpx.HTTPError as error:
        raise FetchError(f"{url} could not be fetched ({type(error).__name__}: {error})") from None
    raise FetchError(f"{start} redirects more than {MAX_REDIRECTS} times")


async def _read_capped_as(response: httpx.Response, url: httpx.URL, max_bytes: int, what: str) -> bytes:
    """`_read_capped`, its size refusals worded for what is read (a feed is not an article)."""
    try:
        return await _read_capped(response, url, max_bytes)
    except FetchError as error:
        if "at most" in str(error) or "larger than" in str(error):
            raise FetchError(
                f"{what} at {url} is larger than {max_bytes:,} bytes, the most Receipts reads of it"
            ) from None
        raise
