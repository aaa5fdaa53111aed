"""The world the fake serves: users, guilds, channels, roles, members and their permissions.

Entities are plain dataclasses that tests build and change directly. Each renders itself as the
JSON object Discord's API v10 sends, so discord.py parses them with its own code and computes
the same permissions the fake enforces.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

DISCORD_EPOCH_MS = 1420070400000


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat()


class Snowflakes:
    """Makes unique ids that embed the current time, as Discord's do.

    discord.py reads creation times out of ids (``Interaction.created_at``, ``is_expired()``,
    message timestamps), so ids counted from 1 would make every interaction look years old.
    """

    def __init__(self) -> None:
        self._last = 0

    def __call__(self) -> int:
        now = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(now, self._last + 1)
        return self._last

    def on_shard(self, shard: int, shard_count: int) -> int:
        """A new id whose guild the shard holds: ``(id >> 22) % shard_count == shard``. Its
        timestamp is the first millisecond from now that fits (a few ms ahead at most)."""
        moment = max(self() >> 22, 0) + 1
        moment += (shard - moment) % shard_count
        self._last = moment << 22
        return self._last


class Permission(enum.IntFlag):
    """The permission bits tests usually need; any other bit can be passed as a plain int."""

    CREATE_INSTANT_INVITE = 1 << 0
    KICK_MEMBERS = 1 << 1
    BAN_MEMBERS = 1 << 2
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    CONNECT = 1 << 20
    SPEAK = 1 << 21
    CHANGE_NICKNAME = 1 << 26
    MANAGE_ROLES = 1 << 28
    USE_APPLICATION_COMMANDS = 1 << 31
    CREATE_PUBLIC_THREADS = 1 << 35
    SEND_MESSAGES_IN_THREADS = 1 << 38


# The value discord.py's Permissions.all() uses: what owners and administrators get.
ALL_PERMISSIONS = 0x1F7FFFFFFFFFFF

# What @everyone may do in a fresh guild, close to Discord's defaults.
DEFAULT_EVERYONE_PERMISSIONS = (
    Permission.CREATE_INSTANT_INVITE
    | Permission.ADD_REACTIONS
    | Permission.VIEW_CHANNEL
    | Permission.SEND_MESSAGES
    | Permission.EMBED_LINKS
    | Permission.ATTACH_FILES
    | Permission.READ_MESSAGE_HISTORY
    | Permission.MENTION_EVERYONE
    | Permission.USE_EXTERNAL_EMOJIS
    | Permission.CONNECT
    | Permission.SPEAK
    | Permission.CHANGE_NICKNAME
    | Permission.USE_APPLICATION_COMMANDS
    | Permission.CREATE_PUBLIC_THREADS
    | Permission.SEND_MESSAGES_IN_THREADS
)


class ChannelType(enum.IntEnum):
    TEXT = 0
    VOICE = 2
    CATEGORY = 4
    NEWS = 5
    FORUM = 15


@dataclass
class User:
    id: int
    name: str
    bot: bool = False

    def payload(self) -> dict:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": None if self.bot else self.name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
            "flags": 0,
            "primary_guild": None,
        }


@dataclass
class Role:
    id: int
    name: str
    permissions: int = 0
    position: int = 0

    def payload(self) -> dict:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(int(self.permissions)),
            "position": self.position,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }


@dataclass
class Member:
    user: User
    roles: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = field(default_factory=utc_now_iso)

    @property
    def id(self) -> int:
        return self.user.id

    def payload(self) -> dict:
        return {
            "user": self.user.payload(),
            "roles": [str(role_id) for role_id in self.roles],
            "nick": self.nick,
            "avatar": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "communication_disabled_until": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
        }


@dataclass
class Overwrite:
    """A channel permission overwrite: ``type`` 0 targets a role, 1 a member."""

    id: int
    type: int
    allow: int = 0
    deny: int = 0

    def payload(self) -> dict:
        return {
            "id": str(self.id),
            "type": self.type,
            "allow": str(int(self.allow)),
            "deny": str(int(self.deny)),
        }


@dataclass
class Channel:
    id: int
    guild_id: int
    name: str
    type: int = ChannelType.TEXT
    position: int = 0
    topic: str | None = None
    parent_id: int | None = None
    overwrites: dict[int, Overwrite] = field(default_factory=dict)

    def set_overwrite(self, target: Role | Member | User, *, allow: int = 0, deny: int = 0) -> None:
        """Allow or deny bits for a role or a member here, like a channel's permission settings."""
        kind = 0 if isinstance(target, Role) else 1
        self.overwrites[target.id] = Overwrite(target.id, kind, int(allow), int(deny))

    def payload(self) -> dict:
        return {
            "id": str(self.id),
            "type": int(self.type),
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": self.position,
            "topic": self.topic,
            "nsfw": False,
            "parent_id": None if self.parent_id is None else str(self.parent_id),
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
            "permission_overwrites": [overwrite.payload() for overwrite in self.overwrites.values()],
        }


@dataclass
class Guild:
    """A guild with its @everyone role (whose id is the guild's, as on Discord)."""

    id: int
    name: str
    owner_id: int
    new_id: Callable[[], int] = field(repr=False)
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    locale: str = "en-US"
    joined_at: str = field(default_factory=utc_now_iso)  # when the bot joined
    # Commands this server's settings (Integrations) show to everyone, whatever their
    # default_member_permissions say.
    shown_commands: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.roles.setdefault(self.id, Role(self.id, "@everyone", int(DEFAULT_EVERYONE_PERMISSIONS)))

    @property
    def everyone(self) -> Role:
        return self.roles[self.id]

    def add_role(self, name: str, permissions: int = 0) -> Role:
        role = Role(self.new_id(), name, int(permissions), position=len(self.roles))
        self.roles[role.id] = role
        return role

    def add_channel(
        self,
        name: str,
        *,
        type: int = ChannelType.TEXT,
        topic: str | None = None,
        parent: Channel | None = None,
    ) -> Channel:
        channel = Channel(
            self.new_id(),
            self.id,
            name,
            type,
            position=len(self.channels),
            topic=topic,
            parent_id=None if parent is None else parent.id,
        )
        self.channels[channel.id] = channel
        return channel

    def add_member(self, user: User, roles: Iterable[Role] = ()) -> Member:
        member = Member(user, [role.id for role in roles])
        self.members[user.id] = member
        return member

    def show_command(self, name: str) -> None:
        """A server admin's override: the top-level command ``name`` is visible to every member."""
        self.shown_commands.add(name)

    def sees_command(self, user_id: int, command: dict) -> bool:
        """Whether Discord offers the member this synced command: those with every permission
        of its ``default_member_permissions`` (administrators always; "0" nobody else) see it,
        unless the server shows it to everyone."""
        required = command.get("default_member_permissions")
        if required is None or command["name"] in self.shown_commands:
            return True
        granted = self.permissions_for(user_id)
        if granted == ALL_PERMISSIONS:
            return True
        required = int(required)
        return required != 0 and granted & required == required

    def permissions_for(self, user_id: int, channel_id: int | None = None) -> int:
        """Discord's permission algorithm: roles, then channel overwrites (@everyone, roles, member)."""
        member = self.members[user_id]
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        permissions = self.everyone.permissions
        for role_id in member.roles:
            permissions |= self.roles[role_id].permissions
        if permissions & Permission.ADMINISTRATOR:
            return ALL_PERMISSIONS
        if channel_id is None:
            return permissions

        overwrites = self.channels[channel_id].overwrites
        everyone = overwrites.get(self.id)
        if everyone is not None:
            permissions = (permissions & ~everyone.deny) | everyone.allow
        allow = deny = 0
        for role_id in member.roles:
            overwrite = overwrites.get(role_id)
            if overwrite is not None:
                allow |= overwrite.allow
                deny |= overwrite.deny
        permissions = (permissions & ~deny) | allow
        own = overwrites.get(user_id)
        if own is not None:
            permissions = (permissions & ~own.deny) | own.allow
        if not permissions & Permission.VIEW_CHANNEL:
            return 0  # what cannot be seen cannot be used either
        return permissions

    def payload(self) -> dict:
        """The guild object as GET /guilds/{id} returns it."""
        return {
            "id": str(self.id),
            "name": self.name,
            "owner_id": str(self.owner_id),
            "icon": None,
            "splash": None,
            "banner": None,
            "description": None,
            "features": [],
            "preferred_locale": self.locale,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "system_channel_id": None,
            "rules_channel_id": None,
            "roles": [role.payload() for role in self.roles.values()],
            "emojis": [],
            "stickers": [],
        }

    def create_payload(self) -> dict:
        """The GUILD_CREATE the gateway sends: the guild with its channels and every member."""
        return {
            **self.payload(),
            "unavailable": False,
            "large": False,
            "joined_at": self.joined_at,
            "member_count": len(self.members),
            "members": [member.payload() for member in self.members.values()],
            "channels": [channel.payload() for channel in self.channels.values()],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }
