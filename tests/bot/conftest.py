"""Helpers for the bot's tests: a real HTTP server on 127.0.0.1, and articles to store."""

from __future__ import annotations

import pytest
from aiohttp import web

from bot.articles import parse_article


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


def article_text(device="Contoso X2", date="2023-01-10", extra=""):
    """A dated article the extractor finds claims in."""
    header = f"date: {date}\ntitle: {device} leak\n\n" if date else ""
    return (f"{header}The {device} will come with a 5000mAh battery, a leak says. "
            f"It is also said to pack 12GB of RAM. {extra}")


def make_article(article_id, device="Contoso X2", date="2023-01-10", extra=""):
    return parse_article(article_text(device, date, extra), article_id)
