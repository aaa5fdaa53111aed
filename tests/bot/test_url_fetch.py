"""URL rules: a real HTTP server on 127.0.0.1, every hop checked, the body capped at 1 MB."""

from __future__ import annotations

import ipaddress

import pytest
from aiohttp import web

from bot.articles import MAX_ARTICLE_BYTES
from bot.fetch import MAX_REDIRECTS, FetchError, check_address, fetch_article_text, refusal_reason

LOCALHOST_ONLY = (ipaddress.ip_network("127.0.0.1/32"),)
TITLE = "Galaxy Z Fold6 launch date confirmed"
PAGE = f"""<!doctype html><html><head><title>{TITLE}</title>
<meta property="og:site_name" content="Example News"></head><body><article>
<h1>{TITLE}</h1>
<p>Samsung has announced an Unpacked event on Wednesday, July 10, for the Galaxy Z series.</p>
<p>The Samsung Galaxy Z Fold6 is expected to use the Snapdragon 8 Gen 3 chipset, according to
a reliable tipster, and it may pack a 4,400mAh battery with 25W charging.</p>
<p>The company also teased new hinge hardware for the foldable.</p>
</article></body></html>"""


def app_with_routes(seen: list | None = None) -> web.Application:
    """The test pages; `seen` collects every request's path and Authorization header."""

    @web.middleware
    async def record(request, handler):
        if seen is not None:
            seen.append((request.path, request.headers.get("Authorization")))
        return await handler(request)

    app = web.Application(middlewares=[record])

    async def page(request):
        return web.Response(text=PAGE, content_type="text/html")

    async def plain(request):
        return web.Response(text="date: 2022-06-29\n\nPlain article text.", content_type="text/plain")

    async def redirect(request):
        raise web.HTTPFound(request.query["to"])

    async def chain(request):
        hops = int(request.match_info["hops"])
        raise web.HTTPFound(f"/chain/{hops - 1}" if hops else "/plain")

    async def huge(request):
        response = web.StreamResponse(headers={"Content-Type": "text/plain"})
        await response.prepare(request)
        for _ in range(MAX_ARTICLE_BYTES // 10_000 + 5):
            await response.write(b"x" * 10_000)
        return response

    async def huge_declared(request):
        return web.Response(body=b"y" * (MAX_ARTICLE_BYTES + 1), content_type="text/plain")

    async def pdf(request):
        return web.Response(body=b"%PDF-1.4", content_type="application/pdf")

    async def missing(request):
        raise web.HTTPNotFound()

    async def to_userinfo(request):
        raise web.HTTPFound(f"http://bob:hunter2@{request.host}/plain")

    async def binary(request):
        first = int(request.query.get("from", 0))
        return web.Response(body=bytes(range(first, 256)) * 40, content_type=request.query["type"])

    app.router.add_get("/noise", binary)
    app.router.add_get("/page", page)
    app.router.add_get("/to-userinfo", to_userinfo)
    app.router.add_get("/plain", plain)
    app.router.add_get("/redirect", redirect)
    app.router.add_get("/chain/{hops}", chain)
    app.router.add_get("/huge", huge)
    app.router.add_get("/huge-declared", huge_declared)
    app.router.add_get("/pdf", pdf)
    app.router.add_get("/missing", missing)
    return app


@pytest.fixture
def seen() -> list:
    return []


@pytest.fixture
async def base(http_server, seen):
    return await http_server(app_with_routes(seen))


async def test_an_html_page_becomes_article_text_with_its_header(base):
    page = await fetch_article_text(f"{base}/page", exempt=LOCALHOST_ONLY)
    assert page.url == f"{base}/page"
    assert f"title: {TITLE}" in page.text
    assert "Snapdragon 8 Gen 3" in page.text and "<p>" not in page.text


async def test_a_plain_text_page_is_kept_as_it_is(base):
    page = await fetch_article_text(f"{base}/plain", exempt=LOCALHOST_ONLY)
    assert page.text == "date: 2022-06-29\n\nPlain article text."


async def test_loopback_is_refused_without_an_exemption(base):
    with pytest.raises(FetchError, match="loopback"):
        await fetch_article_text(f"{base}/plain")


async def test_localhost_by_name_is_refused_too(base):
    port = base.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="loopback"):
        await fetch_article_text(f"http://localhost:{port}/plain")


@pytest.mark.parametrize(
    "target, kind",
    [
        ("http://10.20.30.40/secret", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://127.0.0.2/admin", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
    ],
)
async def test_a_redirect_to_a_refused_address_is_refused(base, target, kind):
    with pytest.raises(FetchError, match=kind):
        await fetch_article_text(f"{base}/redirect?to={target}", exempt=LOCALHOST_ONLY)


async def test_relative_redirects_are_followed_up_to_the_limit(base):
    page = await fetch_article_text(f"{base}/chain/{MAX_REDIRECTS - 1}", exempt=LOCALHOST_ONLY)
    assert page.url == f"{base}/plain"
    with pytest.raises(FetchError, match="redirects more than"):
        await fetch_article_text(f"{base}/chain/{MAX_REDIRECTS}", exempt=LOCALHOST_ONLY)


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
async def test_a_body_over_one_megabyte_is_refused(base, path):
    with pytest.raises(FetchError, match="at most|larger than"):
        await fetch_article_text(f"{base}{path}", exempt=LOCALHOST_ONLY)


@pytest.mark.parametrize("path, message", [("/pdf", "application/pdf"), ("/missing", "404")])
async def test_pages_that_are_not_articles_get_a_clear_message(base, path, message):
    with pytest.raises(FetchError, match=message):
        await fetch_article_text(f"{base}{path}", exempt=LOCALHOST_ONLY)


@pytest.mark.parametrize("url", ["ftp://example.com/a", "not a url", "file:///etc/passwd"])
async def test_only_http_urls_are_fetched(url):
    with pytest.raises(FetchError, match="url"):
        await fetch_article_text(url)


@pytest.mark.parametrize(
    "address, refused",
    [
        ("8.8.8.8", False),
        ("2606:4700::1111", False),
        ("192.168.1.1", True),
        ("172.16.0.1", True),
        ("100.64.0.1", True),
        ("224.0.0.1", True),
        ("::ffff:10.0.0.1", True),
        ("fe80::1", True),
        ("240.0.0.1", True),
    ],
)
def test_which_addresses_are_refused(address, refused):
    assert (refusal_reason(ipaddress.ip_address(address)) is not None) is refused


def test_an_exempt_network_is_allowed():
    check_address("127.0.0.1", "localhost", LOCALHOST_ONLY)
    with pytest.raises(FetchError):
        check_address("127.0.0.1", "localhost")


@pytest.mark.parametrize(
    "address, embedded",
    [
        ("::ffff:127.0.0.1", "127.0.0.1"),  # IPv4-mapped
        ("::ffff:0:7f00:1", "127.0.0.1"),  # IPv4-translated (SIIT)
        ("::7f00:1", "127.0.0.1"),  # IPv4-compatible
        ("::a9fe:a9fe", "169.254.169.254"),  # IPv4-compatible, the metadata address
        ("2002:7f00:1::", "127.0.0.1"),  # 6to4
        ("2002:c0a8:101::1", "192.168.1.1"),  # 6to4
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1"),  # Teredo, client 127.0.0.1
        ("2001:0:a00:1::f7f7:f7f7", "10.0.0.1"),  # Teredo, server 10.0.0.1
        ("64:ff9b::7f00:1", "127.0.0.1"),  # NAT64
        ("64:ff9b::a00:1", "10.0.0.1"),  # NAT64
        ("64:ff9b:1::c0a8:101", "192.168.1.1"),  # local-use NAT64
    ],
)
def test_an_address_that_embeds_ipv4_is_judged_by_the_embedded_address(address, embedded):
    with pytest.raises(FetchError, match=embedded.replace(".", r"\.")):
        check_address(address, f"[{address}]")


@pytest.mark.parametrize(
    "address",
    [
        "::ffff:8.8.8.8",
        "2002:808:808::1",
        "2001:0:808:808::f7f7:f7f7",
        "64:ff9b::808:808",
        "64:ff9b:1::808:808",
    ],
)
def test_an_address_that_embeds_a_public_ipv4_address_passes(address):
    assert refusal_reason(ipaddress.ip_address(address)) is None


async def test_a_url_with_a_password_is_refused_before_anything_is_sent(base, seen):
    secret_url = base.replace("http://", "http://alice:s3cret@") + "/plain"
    with pytest.raises(FetchError, match="user name or password") as refused:
        await fetch_article_text(secret_url, exempt=LOCALHOST_ONLY)
    assert "s3cret" not in str(refused.value) and f"{base}/plain" in str(refused.value)
    assert seen == []


async def test_a_redirect_to_a_url_with_a_password_is_refused(base, seen):
    with pytest.raises(FetchError, match="user name or password") as refused:
        await fetch_article_text(f"{base}/to-userinfo", exempt=LOCALHOST_ONLY)
    assert "hunter2" not in str(refused.value)
    assert seen == [("/to-userinfo", None)]


@pytest.mark.parametrize("url", ["ftp://alice:s3cret@example.com/a", "http://alice:s3cret@/a"])
async def test_a_refused_url_is_not_echoed_with_its_password(url):
    with pytest.raises(FetchError, match="url") as refused:
        await fetch_article_text(url)
    assert "s3cret" not in str(refused.value)


# With NULs, or (an HTML page of unknown charset is read leniently) only bytes that are not UTF-8.
@pytest.mark.parametrize("media_type, first_byte", [("text/plain", 0), ("text/html", 0), ("text/html", 0x80)])
async def test_a_page_of_binary_data_is_refused(base, media_type, first_byte):
    with pytest.raises(FetchError, match="looks like binary data"):
        await fetch_article_text(f"{base}/noise?type={media_type}&from={first_byte}", exempt=LOCALHOST_ONLY)
