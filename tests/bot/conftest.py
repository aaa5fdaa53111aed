"""Fixtures for the bot's tests: a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import pytest
from aiohttp import web


@pytest.fixture
async def http_server():
    """Start an aiohttp app on 127.0.0.1 (a free port); yields a function app -> base url."""
    runners = []

    async def start(app: web.Application) -> str:
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        port = site._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    yield start
    for runner in runners:
        await runner.cleanup()
