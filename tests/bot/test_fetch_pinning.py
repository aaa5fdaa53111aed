"""DNS rebinding: the fetcher connects to the address it checked, on every hop, keeping the name.

127.0.0.2 (exempt) stands in for a public address, since tests never leave 127.0.0.0/8; the
loopback server on 127.0.0.1, on the same port, is what a rebinding name would point at next.
"""

from __future__ import annotations

import ipaddress
import ssl

import pytest
import trustme
from aiohttp import web

from bot.fetch import FetchError, fetch_article_text

PUBLIC_STAND_IN = "127.0.0.2"
EXEMPT = (ipaddress.ip_network(f"{PUBLIC_STAND_IN}/32"),)
NAME = "localhost"  # a name the system resolver would answer with loopback itself


def pages(label: str, seen: list) -> web.Application:
    async def page(request):
        seen.append((request.path, request.headers.get("Host")))
        if request.path == "/hop":
            raise web.HTTPFound(f"{request.scheme}://{NAME}:{request.url.port}/final")
        return web.Response(text=f"The {label} server answered {request.path}.", content_type="text/plain")

    app = web.Application()
    app.router.add_get("/{name}", page)
    return app


@pytest.fixture
async def servers():
    """A 'public' server on 127.0.0.2 and an internal one on 127.0.0.1 at the same port."""
    runners = []

    async def start(ssl_context: ssl.SSLContext | None = None):
        public_seen, internal_seen = [], []
        public = web.AppRunner(pages("public", public_seen))
        await public.setup()
        runners.append(public)
        public_site = web.TCPSite(public, PUBLIC_STAND_IN, 0, ssl_context=ssl_context)
        await public_site.start()
        port = public_site._server.sockets[0].getsockname()[1]
        internal = web.AppRunner(pages("internal", internal_seen))
        await internal.setup()
        runners.append(internal)
        await web.TCPSite(internal, "127.0.0.1", port, ssl_context=ssl_context).start()
        return port, public_seen, internal_seen

    yield start
    for runner in runners:
        await runner.cleanup()


def rebinding_resolver(calls: list):
    """Answers the public stand-in first, then loopback, then the stand-in again, and so on."""

    async def resolve(host, port):
        calls.append(host)
        return [PUBLIC_STAND_IN if len(calls) % 2 else "127.0.0.1"]

    return resolve


def steady_resolver(calls: list):
    async def resolve(host, port):
        calls.append(host)
        return [PUBLIC_STAND_IN]

    return resolve


async def test_a_name_that_rebinds_to_loopback_is_fetched_from_the_address_checked(servers):
    port, public_seen, internal_seen = await servers()
    calls = []
    page = await fetch_article_text(
        f"http://{NAME}:{port}/article", exempt=EXEMPT, resolve=rebinding_resolver(calls)
    )
    assert page.text == "The public server answered /article."
    assert public_seen == [("/article", f"{NAME}:{port}")]
    assert internal_seen == [] and calls == [NAME]


async def test_every_redirect_hop_connects_to_the_address_checked(servers):
    port, public_seen, internal_seen = await servers()
    calls = []
    page = await fetch_article_text(
        f"http://{NAME}:{port}/hop", exempt=EXEMPT, resolve=steady_resolver(calls)
    )
    assert page.url == f"http://{NAME}:{port}/final"
    assert page.text == "The public server answered /final."
    assert [path for path, _ in public_seen] == ["/hop", "/final"]
    assert internal_seen == [] and calls == [NAME, NAME]


async def test_a_redirect_whose_name_now_answers_loopback_is_refused_before_any_request(servers):
    port, public_seen, internal_seen = await servers()
    with pytest.raises(FetchError, match="loopback"):
        await fetch_article_text(f"http://{NAME}:{port}/hop", exempt=EXEMPT, resolve=rebinding_resolver([]))
    assert [path for path, _ in public_seen] == ["/hop"] and internal_seen == []


@pytest.fixture(scope="module")
def certificate_authority():
    return trustme.CA()


@pytest.mark.parametrize("certified_name, works", [(NAME, True), ("other.example", False)])
async def test_https_to_the_checked_address_verifies_the_certificate_for_the_name(
    servers, certificate_authority, certified_name, works
):
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate_authority.issue_cert(certified_name).configure_cert(server_context)
    client_context = ssl.create_default_context()
    certificate_authority.configure_trust(client_context)
    port, public_seen, internal_seen = await servers(server_context)
    url = f"https://{NAME}:{port}/article"
    if works:
        page = await fetch_article_text(
            url, exempt=EXEMPT, resolve=steady_resolver([]), ssl_context=client_context
        )
        assert page.text == "The public server answered /article."
        assert public_seen == [("/article", f"{NAME}:{port}")]
    else:
        with pytest.raises(FetchError, match="certificate that could not be verified.*localhost"):
            await fetch_article_text(
                url, exempt=EXEMPT, resolve=steady_resolver([]), ssl_context=client_context
            )
        assert public_seen == []
    assert internal_seen == []
