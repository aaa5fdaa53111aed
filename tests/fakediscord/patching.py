"""Pointing discord.py at the fake.

Two base URLs matter, and only one is obvious:

* ``discord.http.Route.BASE``: every REST call, including interaction callbacks and webhook
  follow-ups (``discord/webhook/async_.py`` builds its URLs with the same ``Route`` class).
  It is read when a ``Route`` is built, so patch before the bot starts.
* ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``: a plain ``Client``/``commands.Bot``
  never calls ``GET /gateway/bot`` (only ``AutoShardedClient`` does); it connects straight to
  ``wss://gateway.discord.gg/``, and falls back to it after an INVALID_SESSION.

``discord.asset.Asset.BASE`` (the CDN) is pointed at the fake as well, so an avatar fetch
becomes a recorded 404 instead of a trip to the internet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import yarl
from discord.asset import Asset
from discord.gateway import DiscordWebSocket
from discord.http import Route

if TYPE_CHECKING:
    from .server import FakeDiscord


def point_discord_py_at(fake: FakeDiscord) -> Callable[[], None]:
    """Patches discord.py's base URLs to the (started) fake; returns the function that undoes it."""
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY, Asset.BASE
    Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    Asset.BASE = fake.url + "/cdn"

    def undo() -> None:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY, Asset.BASE = saved

    return undo
