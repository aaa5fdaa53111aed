"""The rules Discord checks when a bot syncs its commands (PUT .../commands), as 50035 errors.

A fake that accepts a tree Discord refuses lets a bot pass its tests and then fail to sync live,
so the fake refuses the same: names, descriptions, counts, choices, option order and nesting, and
the 8,000 characters a command may carry in all.
"""

from __future__ import annotations

import re

from .messages import form_error

CHAT_INPUT, USER, MESSAGE = 1, 2, 3
SUB_COMMAND, SUB_COMMAND_GROUP, STRING = 1, 2, 3
COMMAND_LIMITS = {CHAT_INPUT: 100, USER: 15, MESSAGE: 15}
NAME = re.compile(r"^[-_'\w]{1,32}$")  # \w is \p{L}\p{N} and "_" in Python's Unicode regexes
MAX_OPTIONS = MAX_CHOICES = 25
COMMAND_CHARACTERS = 8000

Problems = list[tuple[str, str, str]]


def _check_name(problems: Problems, path: str, name: object, *, chat_input: bool) -> None:
    if not isinstance(name, str) or not 1 <= len(name) <= 32 or (chat_input and not NAME.match(name)):
        problems.append(
            (f"{path}.name", "APPLICATION_COMMAND_INVALID_NAME", f"Command name is invalid: {name!r}")
        )
    elif chat_input and name != name.lower():
        problems.append(
            (f"{path}.name", "APPLICATION_COMMAND_INVALID_NAME", f"Command name must be lower case: {name!r}")
        )


def _check_description(problems: Problems, path: str, description: object) -> None:
    if not isinstance(description, str) or not 1 <= len(description) <= 100:
        problems.append(
            (f"{path}.description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
        )


def _characters(node: dict) -> int:
    """What counts towards a command's 8,000: names, descriptions, choice names and values."""
    total = len(node.get("name") or "") + len(node.get("description") or "")
    for choice in node.get("choices") or []:
        total += len(str(choice.get("name") or "")) + len(str(choice.get("value") or ""))
    return total + sum(_characters(option) for option in node.get("options") or [])


def _check_options(problems: Problems, path: str, options: list[dict], depth: int) -> None:
    if len(options) > MAX_OPTIONS:
        problems.append((f"{path}.options", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
    names = [option.get("name") for option in options]
    if len(set(names)) != len(names):
        problems.append(
            (
                f"{path}.options",
                "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                "Option names must be unique",
            )
        )
    nested = [option["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP) for option in options]
    if any(nested) and not all(nested):
        problems.append(
            (
                f"{path}.options",
                "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                "Sub-commands and groups cannot be mixed with other options",
            )
        )
    required = [bool(option.get("required")) for option in options if option["type"] > SUB_COMMAND_GROUP]
    if required != sorted(required, reverse=True):
        problems.append(
            (
                f"{path}.options",
                "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                "Required options must be placed before non-required options",
            )
        )
    for index, option in enumerate(options):
        here = f"{path}.options.{index}"
        _check_name(problems, here, option.get("name"), chat_input=True)
        _check_description(problems, here, option.get("description"))
        kind = option["type"]
        if kind == SUB_COMMAND_GROUP and depth > 1 or kind in (SUB_COMMAND, SUB_COMMAND_GROUP) and depth > 2:
            problems.append((f"{here}.type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Too deeply nested"))
        if kind == SUB_COMMAND_GROUP and any(o["type"] != SUB_COMMAND for o in option.get("options") or []):
            problems.append(
                (
                    f"{here}.options",
                    "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                    "A sub-command group holds sub-commands only",
                )
            )
        choices = option.get("choices") or []
        if len(choices) > MAX_CHOICES:
            problems.append((f"{here}.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
        if choices and option.get("autocomplete"):
            problems.append(
                (
                    f"{here}.autocomplete",
                    "AUTOCOMPLETE_CHOICES_INVALID",
                    "Autocomplete cannot be set with choices",
                )
            )
        for number, choice in enumerate(choices):
            name, value = choice.get("name"), choice.get("value")
            if not isinstance(name, str) or not 1 <= len(name) <= 100:
                problems.append(
                    (
                        f"{here}.choices.{number}.name",
                        "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 100 in length.",
                    )
                )
            if kind == STRING and (not isinstance(value, str) or not 1 <= len(value) <= 100):
                problems.append(
                    (
                        f"{here}.choices.{number}.value",
                        "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 100 in length.",
                    )
                )
        for bound in ("min_length", "max_length"):
            if bound in option and not 0 <= option[bound] <= 6000:
                problems.append((f"{here}.{bound}", "NUMBER_TYPE_MAX", "Must be between 0 and 6000."))
        _check_options(problems, here, option.get("options") or [], depth + 1)


def invalid_commands(commands: list[dict]) -> dict | None:
    """The error body Discord answers a bulk overwrite with, or None when it would accept it."""
    problems: Problems = []
    for kind, limit in COMMAND_LIMITS.items():
        count = sum(1 for command in commands if command.get("type", CHAT_INPUT) == kind)
        if count > limit:
            problems.append(
                (
                    "_",
                    "APPLICATION_COMMANDS_TOO_MANY",
                    f"Maximum number of type {kind} commands reached ({limit})",
                )
            )
    seen: set[tuple[int, str]] = set()
    for index, command in enumerate(commands):
        path, kind = str(index), command.get("type", CHAT_INPUT)
        chat_input = kind == CHAT_INPUT
        _check_name(problems, path, command.get("name"), chat_input=chat_input)
        if (kind, command.get("name")) in seen:
            problems.append(
                (
                    f"{path}.name",
                    "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    "Application command names must be unique",
                )
            )
        seen.add((kind, command.get("name")))
        if chat_input:
            _check_description(problems, path, command.get("description"))
            _check_options(problems, path, command.get("options") or [], 1)
        elif command.get("description") or command.get("options"):
            problems.append(
                (
                    path,
                    "APPLICATION_COMMAND_INVALID",
                    "User and message commands have no description or options",
                )
            )
        permissions = command.get("default_member_permissions")
        # Discord's docs say a string; it takes a number too (discord.py sends one).
        if permissions is not None and not (
            isinstance(permissions, int)
            and permissions >= 0
            or isinstance(permissions, str)
            and permissions.isdigit()
        ):
            problems.append(
                (
                    f"{path}.default_member_permissions",
                    "BASE_TYPE_BAD_INT",
                    "Value is not a valid permission set",
                )
            )
        if _characters(command) > COMMAND_CHARACTERS:
            problems.append(
                (
                    path,
                    "APPLICATION_COMMAND_TOO_LARGE",
                    f"Command exceeds maximum size ({COMMAND_CHARACTERS})",
                )
            )
    return form_error(problems)
