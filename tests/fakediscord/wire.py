"""JSON answers the way discord.py parses them."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web


def json_response(body: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON response whose Content-Type is exactly ``application/json``.

    discord.py's ``json_or_text`` compares the header for equality, so aiohttp's own
    ``web.json_response`` (which appends ``; charset=utf-8``) would reach the bot as a string.
    """
    headers = {**(headers or {}), "Content-Type": "application/json"}
    return web.Response(body=json.dumps(body).encode(), status=status, headers=headers)
