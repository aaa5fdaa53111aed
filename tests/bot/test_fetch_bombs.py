"""Compressed bodies: the article cap holds on the decoded bytes, for every coding and stack.

The bombs are real: a server on 127.0.0.1 sends a few kilobytes that would decode to a gibibyte of
zeros. The fetch must refuse them with a clear message without ever holding more than a few
megabytes, while ordinary compressed pages still read as before.
"""

from __future__ import annotations

import gzip
import ipaddress
import struct
import tracemalloc
import zlib

import brotli
import pytest
from aiohttp import web

from bot.fetch import FetchError, fetch_article_text

LOCALHOST_ONLY = (ipaddress.ip_network("127.0.0.1/32"),)
MiB = 1 << 20
GiB = 1 << 30
PEAK_MEMORY_LIMIT = 16 * MiB
ARTICLE = "date: 2024-03-04\n\nThe Contoso Z9 is said to ship with a 6,000mAh battery.\n"


def gzip_of_zeros(size: int) -> bytes:
    """gzip(size zero bytes) without compressing them all: after a full flush, every MiB of
    zeros compresses to the same block, so the block is made once and repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(bytes(MiB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // MiB):
        crc = zlib.crc32(bytes(MiB), crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    final_block = b"\x03\x00"
    return header + block * (size // MiB) + final_block + struct.pack("<II", crc, size & 0xFFFFFFFF)


def deflate_of_zeros(size: int) -> bytes:
    return zlib.compress(bytes(size), 9)


def brotli_of_zeros(size: int) -> bytes:
    compressor = brotli.Compressor(quality=1)
    chunks = [compressor.process(bytes(MiB)) for _ in range(size // MiB)]
    return b"".join(chunks) + compressor.finish()


@pytest.fixture(scope="module")
def bombs() -> dict[str, tuple[str, bytes]]:
    """path -> (Content-Encoding, body)."""
    inner = gzip_of_zeros(GiB)
    twice = gzip.compress(inner, 9)
    return {
        "/gzip-gzip": ("gzip, gzip", twice),
        "/deflate-br-gzip": ("gzip, br, deflate", zlib.compress(brotli.compress(twice), 9)),
        "/gzip": ("gzip", gzip_of_zeros(64 * MiB)),
        "/deflate": ("deflate", deflate_of_zeros(64 * MiB)),
        "/br": ("br", brotli_of_zeros(64 * MiB)),
    }


@pytest.fixture
async def base(http_server, bombs):
    async def bomb(request):
        coding, body = bombs[request.path]
        return web.Response(body=body, headers={"Content-Encoding": coding, "Content-Type": "text/plain"})

    async def article(request):
        codings = [c.strip() for c in request.query["codings"].split(",")]
        body = ARTICLE.encode()
        for coding in codings:
            body = {
                "gzip": gzip.compress,
                "deflate": zlib.compress,
                "br": brotli.compress,
                "identity": bytes,
            }[coding](body)
        return web.Response(
            body=body, headers={"Content-Encoding": request.query["codings"], "Content-Type": "text/plain"}
        )

    async def raw_deflate(request):
        compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        body = compressor.compress(ARTICLE.encode()) + compressor.flush()
        return web.Response(body=body, headers={"Content-Encoding": "deflate", "Content-Type": "text/plain"})

    async def endless(request):
        """Empty stored deflate blocks: bytes keep coming and never decode to anything."""
        response = web.StreamResponse(headers={"Content-Encoding": "deflate", "Content-Type": "text/plain"})
        await response.prepare(request)
        await response.write(b"\x78\x9c")
        for _ in range(400):
            await response.write(b"\x00\x00\x00\xff\xff" * 1000)
        return response

    async def other(request):
        return web.Response(
            body=b"\x00" * 64,
            headers={"Content-Encoding": request.query["coding"], "Content-Type": "text/plain"},
        )

    app = web.Application()
    for path in bombs:
        app.router.add_get(path, bomb)
    app.router.add_get("/article", article)
    app.router.add_get("/raw-deflate", raw_deflate)
    app.router.add_get("/endless", endless)
    app.router.add_get("/other", other)
    return await http_server(app)


@pytest.mark.parametrize("path", ["/gzip-gzip", "/deflate-br-gzip", "/gzip", "/deflate", "/br"])
async def test_a_decompression_bomb_is_refused_in_bounded_memory(base, bombs, path):
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="larger than 1,000,000 bytes"):
            await fetch_article_text(f"{base}{path}", exempt=LOCALHOST_ONLY)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(bombs[path][1]) < 100_000 * (8 if path == "/br" else 1)
    assert peak < PEAK_MEMORY_LIMIT, f"peak {peak:,} bytes"


@pytest.mark.parametrize(
    "codings", ["gzip", "deflate", "br", "identity", "gzip, gzip", "gzip, br", "deflate, gzip, br"]
)
async def test_compressed_pages_read_as_their_text(base, codings):
    page = await fetch_article_text(f"{base}/article?codings={codings}", exempt=LOCALHOST_ONLY)
    assert page.text == ARTICLE


async def test_raw_deflate_without_its_zlib_wrapper_reads_too(base):
    page = await fetch_article_text(f"{base}/raw-deflate", exempt=LOCALHOST_ONLY)
    assert page.text == ARTICLE


async def test_a_compressed_body_that_never_decodes_to_anything_is_cut_off(base):
    with pytest.raises(FetchError, match="larger than"):
        await fetch_article_text(f"{base}/endless", exempt=LOCALHOST_ONLY)


@pytest.mark.parametrize(
    "coding, message",
    [
        ("zstd", "compressed as zstd"),
        ("compress", "compressed as compress"),
        ("gzip, gzip, gzip, gzip", "compressed 4 times over"),
    ],
)
async def test_codings_that_are_not_read_are_refused_with_a_reason(base, coding, message):
    with pytest.raises(FetchError, match=message):
        await fetch_article_text(f"{base}/other?coding={coding}", exempt=LOCALHOST_ONLY)
