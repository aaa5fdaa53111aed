"""Building what a member's click or command turns into: the ``data`` of INTERACTION_CREATE.

Option values are typed from the command schema the bot synced, as Discord types them, so a
test writes ``{"phone": "Pixel 8", "limit": 3}`` and the bot receives a string and an integer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .state import Guild

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER = 3, 4, 5, 6, 7, 8, 9, 10
TEXT_INPUT, STRING_SELECT, LABEL, ACTION_ROW = 4, 3, 18, 1


def find_command(commands: Mapping[int | None, list[dict]], guild_id: int, name: str) -> dict:
    """The synced chat-input command, guild commands first, as Discord resolves it."""
    for scope in (guild_id, None):
        for command in commands.get(scope, []):
            if command["name"] == name and command.get("type", 1) == 1:
                return command
    synced = sorted({command["name"] for scoped in commands.values() for command in scoped})
    raise LookupError(
        f"no synced command {name!r} for guild {guild_id}; synced: {synced} (did the bot sync its tree?)"
    )


def walk_path(command: dict, path: Sequence[str]) -> list[dict]:
    """The subcommand group and subcommand options named by ``path`` (["group", "sub"])."""
    chain: list[dict] = []
    schema = command.get("options") or []
    for name in path:
        subcommands = [o for o in schema if o["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP)]
        option = next((o for o in subcommands if o["name"] == name), None)
        if option is None:
            raise LookupError(f"/{command['name']} has no subcommand (group) {name!r} along {list(path)}")
        chain.append(option)
        schema = option.get("options") or []
    return chain


def leaf_schema(command: dict, chain: list[dict]) -> list[dict]:
    """The option schema of the command itself, or of the subcommand at the end of ``chain``."""
    return (chain[-1] if chain else command).get("options") or []


def nest(chain: list[dict], leaf: list[dict]) -> list[dict]:
    """Wraps the leaf options in their subcommand and group, outermost first."""
    options = leaf
    for option in reversed(chain):
        options = [{"type": option["type"], "name": option["name"], "options": options}]
    return options


def encode_options(
    schema: list[dict],
    values: Mapping[str, Any],
    guild: Guild,
    user_id: int,
    resolved: dict,
    *,
    focused: str | None = None,
) -> list[dict]:
    """Typed option payloads; users, channels and roles also land in ``resolved``."""
    by_name = {option["name"]: option for option in schema}
    encoded = []
    for name, value in values.items():
        if name not in by_name:
            raise KeyError(f"option {name!r} is not in the synced schema {sorted(by_name)}")
        kind = by_name[name]["type"]
        option = {"name": name, "type": kind}
        if name == focused:
            option["value"] = str(value)  # the text typed so far, whatever the option's type
            option["focused"] = True
        else:
            option["value"] = _encode_value(kind, value, guild, user_id, resolved)
        encoded.append(option)
    return encoded


def _encode_value(kind: int, value: Any, guild: Guild, user_id: int, resolved: dict) -> Any:
    if kind == STRING:
        return str(value)
    if kind == INTEGER:
        return int(value)
    if kind == NUMBER:
        return float(value)
    if kind == BOOLEAN:
        return bool(value)
    target = int(getattr(value, "id", value))
    if kind == MENTIONABLE:
        kind = ROLE if target in guild.roles else USER
    if kind == USER:
        member = guild.members[target]
        resolved.setdefault("users", {})[str(target)] = member.user.payload()
        member_data = {key: val for key, val in member.payload().items() if key != "user"}
        member_data["permissions"] = str(guild.permissions_for(target))
        resolved.setdefault("members", {})[str(target)] = member_data
    elif kind == CHANNEL:
        channel = guild.channels[target]
        resolved.setdefault("channels", {})[str(target)] = {
            **channel.payload(),
            "permissions": str(guild.permissions_for(user_id, target)),
        }
    elif kind == ROLE:
        resolved.setdefault("roles", {})[str(target)] = guild.roles[target].payload()
    else:
        raise ValueError(f"option type {kind} is not supported by the fake")
    return str(target)


def custom_ids(components: list[dict]) -> set[str]:
    """Every custom_id in a message's or modal's component tree."""
    found = set()
    for component in components:
        if "custom_id" in component:
            found.add(component["custom_id"])
        children = list(component.get("components") or [])
        children += [component[key] for key in ("component", "accessory") if key in component]
        found |= custom_ids(children)
    return found


def modal_submission(components: list[dict], fields: Mapping[str, Any]) -> list[dict]:
    """The ``components`` of a MODAL_SUBMIT, mirroring the modal's layout (action rows or
    labels) with ``fields`` as the values typed; inputs left out submit empty."""
    submitted = []
    for component in components:
        kind = component["type"]
        if kind == ACTION_ROW:
            submitted.append({"type": kind, "components": modal_submission(component["components"], fields)})
        elif kind == LABEL:
            submitted.append(
                {"type": kind, "component": modal_submission([component["component"]], fields)[0]}
            )
        elif kind == TEXT_INPUT:
            custom_id = component["custom_id"]
            submitted.append({"type": kind, "custom_id": custom_id, "value": str(fields.get(custom_id, ""))})
        elif kind == STRING_SELECT:
            custom_id = component["custom_id"]
            submitted.append(
                {"type": kind, "custom_id": custom_id, "values": list(fields.get(custom_id, []))}
            )
        else:
            submitted.append({"type": kind})
    return submitted
