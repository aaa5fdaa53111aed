"""Decompression bombs against the fetcher, by hand (not part of the test suite):

    python benchmarks/bench_fetch_bombs.py [--stacked-mib 1024] [--single-mib 64]

Serves each bomb from an aiohttp server on 127.0.0.1 (gzip(gzip(zeros)), and gzip, deflate and br
of zeros) and fetches it two ways in one process:
  1. baseline: httpx decoding the body itself (`aiter_bytes`) under the same 1 MB cap, the way the
     fetcher read bodies before;
  2. bot.fetch.fetch_article_text.
For each it prints the bytes on the wire, the peak memory traced (tracemalloc, every thread), the
wall time and the longest stall of the event loop (a task that wakes every 5 ms notes the largest
gap). The baseline of the stacked bomb holds the whole decoded gibibyte: run it on a machine with
a few GB free.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import ipaddress
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "bot")]

import httpx  # noqa: E402
from aiohttp import web  # noqa: E402
from test_fetch_bombs import MiB, brotli_of_zeros, deflate_of_zeros, gzip_of_zeros  # noqa: E402

from bot.articles import MAX_ARTICLE_BYTES  # noqa: E402
from bot.fetch import FetchError, fetch_article_text  # noqa: E402

LOCALHOST_ONLY = (ipaddress.ip_network("127.0.0.1/32"),)
TICK = 0.005


async def httpx_decoding(url: str) -> str:
    async with httpx.AsyncClient() as client, client.stream("GET", url) as response:
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > MAX_ARTICLE_BYTES:
                return f"cut off at {size:,} decoded bytes"
    return f"read {size:,} bytes"


async def receipts_fetch(url: str) -> str:
    try:
        await fetch_article_text(url, exempt=LOCALHOST_ONLY)
    except FetchError as error:
        return f"refused: {str(error).split(' ', 1)[1][:60]}"
    return "fetched"


async def measure(fetch, url: str) -> tuple[str, int, float, float]:
    longest_stall = 0.0
    running = True

    async def watch_loop():
        nonlocal longest_stall
        last = time.perf_counter()
        while running:
            await asyncio.sleep(TICK)
            now = time.perf_counter()
            longest_stall = max(longest_stall, now - last - TICK)
            last = now

    watcher = asyncio.create_task(watch_loop())
    await asyncio.sleep(TICK * 2)
    tracemalloc.start()
    started = time.perf_counter()
    outcome = await fetch(url)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    running = False
    await watcher
    return outcome, peak, elapsed, longest_stall


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stacked-mib", type=int, default=1024)
    parser.add_argument("--single-mib", type=int, default=64)
    args = parser.parse_args()
    stacked, single = args.stacked_mib * MiB, args.single_mib * MiB
    bombs = {
        "/gzip-gzip": ("gzip, gzip", gzip.compress(gzip_of_zeros(stacked), 9), stacked),
        "/gzip": ("gzip", gzip_of_zeros(single), single),
        "/deflate": ("deflate", deflate_of_zeros(single), single),
        "/br": ("br", brotli_of_zeros(single), single),
    }

    async def bomb(request):
        coding, body, _ = bombs[request.path]
        return web.Response(body=body, headers={"Content-Encoding": coding, "Content-Type": "text/plain"})

    app = web.Application()
    for path in bombs:
        app.router.add_get(path, bomb)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
    print(
        f"{'bomb':<12}{'wire bytes':>11}{'decodes to':>15}  {'way':<10}{'peak MB':>9}"
        f"{'time s':>8}{'stall ms':>10}  outcome"
    )
    try:
        for path, (coding, body, size) in bombs.items():
            for way, fetch in (("httpx", httpx_decoding), ("receipts", receipts_fetch)):
                outcome, peak, elapsed, stall = await measure(fetch, base + path)
                print(
                    f"{coding:<12}{len(body):>11,}{size:>15,}  {way:<10}{peak / 1e6:>9.1f}"
                    f"{elapsed:>8.2f}{stall * 1000:>10.0f}  {outcome}"
                )
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
