"""Fixtures of the feed tests: a news site on 127.0.0.1 and a poller allowed to reach only it."""

from __future__ import annotations

import ipaddress

import pytest
from aiohttp import web
from site_server import Site

from bot.feeds.poll import Poller, serial_runner

LOCALHOST_ONLY = (ipaddress.ip_network("127.0.0.1/32"),)


@pytest.fixture
async def site():
    """A started Site; its base url is `site.base`."""
    served = Site()
    runner = web.AppRunner(served.app())
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    served.base = f"http://127.0.0.1:{tcp._server.sockets[0].getsockname()[1]}"
    yield served
    await runner.cleanup()


@pytest.fixture
async def poller(store):
    polling = Poller(serial_runner(store), exempt=LOCALHOST_ONLY)
    yield polling
    await polling.aclose()
