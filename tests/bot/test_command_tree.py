"""The command tree as Discord receives it, and the rules every command group shares."""

from __future__ import annotations

import re
from dataclasses import replace
from types import SimpleNamespace
from unittest.mock import AsyncMock

import discord
import pytest
from discord import app_commands
from discord.ui.view import ViewStore

from bot.digests import DigestError, NoSuchDigest
from bot.fetch import FetchError
from bot.moderation import NOT_MODERATOR, ActionRefused
from bot.settings import Settings
from commands._shared import NotModerator, PageView, failure_message, require_moderator, send_pages
from commands.client import ReceiptsBot, extension_names

NAME = re.compile(r"^[-_'\w]{1,32}$")  # \w is \p{L}\p{N} and "_" in Python's Unicode regexes
MODERATOR_GROUPS = {"article", "moderate-claim", "digest", "feed"}
PUBLIC = {"spec", "timeline", "sources", "search", "claim"}


@pytest.fixture
async def bot(store, tmp_path):
    settings = Settings(discord_token=None, db_path=tmp_path / "claims.db", dev_guild=None, log_level="INFO")
    async with ReceiptsBot(settings, store) as opened:
        await opened.load_command_groups()
        yield opened


def payloads(bot):
    return [command.to_dict(bot.tree) for command in bot.tree.get_commands()]


def walk_options(options, depth=1):
    for option in options:
        yield option, depth
        yield from walk_options(option.get("options", []), depth + 1)


def check_name(name):
    assert NAME.match(name) and name == name.lower() and "\\" not in name, name


def test_every_module_of_commands_is_an_extension():
    assert extension_names() == [
        "commands.article",
        "commands.claim",
        "commands.digest",
        "commands.feed",
        "commands.search",
        "commands.sources",
        "commands.spec",
        "commands.timeline",
    ]


async def test_the_tree_payload_follows_discords_rules(bot):
    commands = payloads(bot)
    assert {c["name"] for c in commands} == PUBLIC | MODERATOR_GROUPS
    assert len(commands) <= 100
    for command in commands:
        check_name(command["name"])
        assert 1 <= len(command["description"]) <= 100
        assert len(command.get("options", [])) <= 25
        for option, depth in walk_options(command.get("options", [])):
            check_name(option["name"])
            assert 1 <= len(option["description"]) <= 100, option["name"]
            assert len(option.get("options", [])) <= 25
            assert len(option.get("choices", [])) <= 25
            assert not (option.get("choices") and option.get("autocomplete"))
            for choice in option.get("choices", []):
                assert 1 <= len(choice["name"]) <= 100 and len(str(choice["value"])) <= 100
            assert depth <= 3
            required = [o.get("required", False) for o in option.get("options", []) if o["type"] > 2]
            assert required == sorted(required, reverse=True), "required options come first"


async def test_moderator_groups_are_hidden_by_default_and_server_only(bot):
    for command in payloads(bot):
        if command["name"] in MODERATOR_GROUPS:
            permissions = discord.Permissions(int(command["default_member_permissions"]))
            assert permissions == discord.Permissions(manage_messages=True)
            assert command["dm_permission"] is False
        else:
            assert command["default_member_permissions"] is None


def interaction(
    manage_messages=False,
    manage_guild=False,
    administrator=False,
    guild_id=1,
    *,
    in_channel: discord.Permissions | None = None,
    roles_known=True,
):
    """A member's interaction: the flags are their server-wide permissions (from roles); the
    channel's permissions are the same unless `in_channel` says otherwise."""
    permissions = discord.Permissions(
        manage_messages=manage_messages, manage_guild=manage_guild, administrator=administrator
    )
    guild = SimpleNamespace(default_role=SimpleNamespace(id=guild_id) if roles_known else None)
    member = SimpleNamespace(id=7, guild=guild, guild_permissions=permissions)
    return SimpleNamespace(guild_id=guild_id, permissions=in_channel or permissions, user=member, extras={})


@pytest.mark.parametrize(
    "flags", [{"manage_messages": True}, {"manage_guild": True}, {"administrator": True}]
)
def test_the_runtime_check_lets_moderators_in(flags):
    assert require_moderator(interaction(**flags)) is True


def test_the_runtime_check_keeps_members_out_whatever_the_overrides_say():
    with pytest.raises(NotModerator):
        require_moderator(interaction())
    with pytest.raises(app_commands.NoPrivateMessage):
        require_moderator(interaction(manage_messages=True, guild_id=None))


def test_the_runtime_check_reads_server_wide_permissions_not_the_channels():
    granted_here = discord.Permissions(manage_messages=True, manage_guild=True)
    with pytest.raises(NotModerator, match="Only moderators"):
        require_moderator(interaction(in_channel=granted_here))
    assert require_moderator(interaction(manage_messages=True, in_channel=discord.Permissions.none())) is True
    with pytest.raises(NotModerator, match="roles"):
        require_moderator(interaction(manage_messages=True, roles_known=False))


async def test_every_moderator_command_runs_the_runtime_check(bot):
    for group in (c for c in bot.tree.get_commands() if c.name in MODERATOR_GROUPS):
        for command in group.walk_commands():
            with pytest.raises(NotModerator):
                await command._check_can_run(interaction())
            assert await command._check_can_run(interaction(manage_guild=True))


@pytest.mark.parametrize(
    "error, expected",
    [
        (NotModerator(NOT_MODERATOR), "Only moderators"),
        (app_commands.NoPrivateMessage(), "in a server"),
        (ActionRefused("No article `x` was added in this server"), "No article `x`"),
        (FetchError("example.com is a private address"), "private address"),
        (DigestError("“25:00” is not a time of day"), "not a time of day"),
        (
            NoSuchDigest(777, "Contoso Y7", ["all devices"]),
            "<#777> has no digest for Contoso Y7; it has: all devices.",
        ),
    ],
)
def test_expected_failures_tell_the_user_what_to_do_without_a_traceback(error, expected):
    message, unexpected = failure_message(error)
    assert expected in message and not unexpected


def test_an_unexpected_failure_is_logged_and_the_user_is_told_so():
    wrapped = app_commands.CommandInvokeError(SimpleNamespace(name="spec"), KeyError("boom"))
    message, unexpected = failure_message(wrapped)
    assert unexpected and "went wrong on my side" in message and "boom" not in message
    assert (
        failure_message(app_commands.CommandInvokeError(SimpleNamespace(name="x"), ActionRefused("nope")))[1]
        is False
    )


def clicker(user_id):
    response = SimpleNamespace(send_message=AsyncMock(), edit_message=AsyncMock())
    return SimpleNamespace(user=SimpleNamespace(id=user_id), response=response)


async def test_pages_turn_only_for_the_person_who_asked_and_stay_in_range():
    pages = [[{"title": f"page {n}"}] for n in range(3)]
    view = PageView(owner_id=7, pages=pages)
    assert view.previous.disabled and not view.next.disabled and view.position.label == "1/3"
    stranger = clicker(8)
    assert await view.interaction_check(stranger) is False
    assert stranger.response.send_message.await_args.kwargs["ephemeral"] is True
    owner = clicker(7)
    assert await view.interaction_check(owner) is True
    for _ in range(5):
        await view._show(owner, view.index + 1)
    assert view.index == 2 and view.next.disabled and view.position.label == "3/3"
    shown = owner.response.edit_message.await_args.kwargs
    assert shown["embeds"][0].title == "page 2"
    assert shown["allowed_mentions"].to_dict() == {"parse": []}


async def test_pages_survive_discord_py_refreshing_them_from_their_edited_message():
    """discord.py tracks a sent view by its message and, when that message is edited, hands the
    view the message's components through `View._refresh(components)`: the pager's own update of
    its buttons must not take that name, or the edit raises inside the gateway's event loop."""
    view = PageView(owner_id=7, pages=[[{"title": f"page {n}"}] for n in range(3)])
    await view._show(clicker(7), 1)
    tracked = ViewStore(state=None)
    tracked.add_view(view, message_id=99)
    tracked.update_from_message(99, view.to_components())
    assert view.position.label == "2/3" and not view.previous.disabled and not view.next.disabled


async def test_one_page_is_sent_without_buttons_and_never_with_mentions():
    response = SimpleNamespace(
        is_done=lambda: False, send_message=AsyncMock(return_value=SimpleNamespace(resource=None))
    )
    asked = SimpleNamespace(user=SimpleNamespace(id=7), response=response, extras={})
    await send_pages(asked, [[{"title": "only"}]])
    sent = response.send_message.await_args.kwargs
    assert "view" not in sent and sent["allowed_mentions"].to_dict() == {"parse": []}


def test_settings_point_discord_py_at_another_server(store, tmp_path, monkeypatch):
    from discord.gateway import DiscordWebSocket
    from discord.http import Route

    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    monkeypatch.setenv("RECEIPTS_DISCORD_API", "http://127.0.0.1:9/api/v10/")
    monkeypatch.setenv("RECEIPTS_DISCORD_GATEWAY", "ws://127.0.0.1:9/gateway")
    monkeypatch.setenv("RECEIPTS_ALLOW_PRIVATE_URLS", "1")
    settings = replace(Settings.from_env(), db_path=tmp_path / "claims.db")
    try:
        ReceiptsBot(settings, store)
        assert Route("GET", "/users/@me").url == "http://127.0.0.1:9/api/v10/users/@me"
        assert str(DiscordWebSocket.DEFAULT_GATEWAY) == "ws://127.0.0.1:9/gateway"
        assert settings.allow_private_urls
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved
