"""Message objects, and the limits Discord enforces on them.

The limits are checked because a fake that accepts what Discord rejects (a 2001-character
answer, an eleventh embed, a 26th autocomplete choice) lets a bot pass its tests and fail live.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .records import UploadedFile
from .state import utc_now_iso

EPHEMERAL, LOADING = 1 << 6, 1 << 7
# Flags a sender may set; others (LOADING, crossposted, ...) are Discord's to set.
SETTABLE_FLAGS = (
    EPHEMERAL | (1 << 2) | (1 << 12) | (1 << 15)
)  # ephemeral, suppress embeds, silent, components v2


def build_message(
    message_id: int,
    channel_id: int,
    guild_id: int | None,
    author: dict,
    body: dict,
    attachments: list[dict],
    *,
    flags: int = 0,
    webhook_id: int | None = None,
    interaction: dict | None = None,
) -> dict:
    message = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": "",
        "timestamp": utc_now_iso(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "reactions": [],
        "pinned": False,
        "type": 0 if interaction is None or interaction["type"] == 3 else 20,  # 20: chat input command reply
        "flags": flags | (int(body.get("flags") or 0) & SETTABLE_FLAGS),
    }
    if guild_id is not None:
        message["guild_id"] = str(guild_id)
    if webhook_id is not None:
        message["webhook_id"] = str(webhook_id)
        message["application_id"] = str(webhook_id)
    if interaction is not None:
        message["interaction_metadata"] = interaction
    apply_edit(message, body, attachments, edited=False)  # a new message is an empty one, filled in
    return message


def number_components(components: list[dict]) -> None:
    """Give each component without one the next free ``id`` of its message, depth first, as
    Discord does."""

    def walk(items: list[dict]):
        for item in items:
            yield item
            yield from walk(item.get("components") or [])
            if isinstance(item.get("component"), dict):
                yield from walk([item["component"]])

    found = list(walk(components))
    taken = {item["id"] for item in found if isinstance(item.get("id"), int)}
    next_id = 1
    for item in found:
        if not isinstance(item.get("id"), int):
            while next_id in taken:
                next_id += 1
            item["id"] = next_id
            taken.add(next_id)


def apply_edit(message: dict, body: dict, attachments: list[dict], *, edited: bool = True) -> None:
    """Changes what a PATCH (or a type 7 callback) may change; keeps the rest."""
    for key in ("content", "embeds", "components"):
        if key in body:
            # A copy: the request as recorded stays what the bot sent.
            message[key] = (
                copy.deepcopy(body[key]) if body[key] is not None else ("" if key == "content" else [])
            )
    # What Discord fills in: every embed has a type, every component a number in its message.
    message["embeds"] = [{"type": "rich", **embed} for embed in message["embeds"]]
    number_components(message["components"])
    if "attachments" in body or attachments:
        kept = {str(item.get("id")) for item in body.get("attachments") or []}
        message["attachments"] = [item for item in message["attachments"] if item["id"] in kept] + attachments
    if edited:
        message["flags"] &= ~LOADING  # editing a deferred answer is what fills it in
        message["edited_timestamp"] = utc_now_iso()


def attachments_for(files: list[UploadedFile], new_id: Callable[[], int], base_url: str) -> list[dict]:
    """Attachment objects for uploaded files (their urls lead to the fake, which has no such route)."""
    attachments = []
    for upload in files:
        attachment_id = new_id()
        name = upload.filename or "file"
        url = f"{base_url}/attachments/{attachment_id}/{name}"
        attachments.append(
            {
                "id": str(attachment_id),
                "filename": name,
                "size": len(upload.content),
                "url": url,
                "proxy_url": url,
            }
        )
    return attachments


def form_error(problems: list[tuple[str, str, str]]) -> dict | None:
    """Discord's 50035 body, errors nested by path as Discord nests them: {"embeds": {"0": {...}}}."""
    if not problems:
        return None
    errors: dict = {}
    for path, code, message in problems:
        node = errors
        for key in path.split("."):
            node = node.setdefault(key, {})
        node.setdefault("_errors", []).append({"code": code, "message": message})
    return {"code": 50035, "message": "Invalid Form Body", "errors": errors}


def _check_length(problems: list, path: str, value: Any, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        problems.append((path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length."))


def invalid_message(body: dict, *, files: int = 0, edit: bool = False) -> dict | None:
    """The error body Discord answers an invalid message with, or None when it is valid.
    An edit may leave out everything; a new message must carry something."""
    problems: list[tuple[str, str, str]] = []
    _check_length(problems, "content", body.get("content"), 2000)
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        problems.append(("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length."))
    total = 0
    for index, embed in enumerate(embeds):
        texts = [
            ("title", embed.get("title"), 256),
            ("description", embed.get("description"), 4096),
            ("footer.text", (embed.get("footer") or {}).get("text"), 2048),
            ("author.name", (embed.get("author") or {}).get("name"), 256),
        ]
        fields = embed.get("fields") or []
        if len(fields) > 25:
            problems.append(
                (f"embeds.{index}.fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
            )
        for number, item in enumerate(fields):
            texts.append((f"fields.{number}.name", item.get("name"), 256))
            texts.append((f"fields.{number}.value", item.get("value"), 1024))
        for path, text, limit in texts:
            _check_length(problems, f"embeds.{index}.{path}", text, limit)
            total += len(text or "")
    if total > 6000:
        problems.append(("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"))
    if problems:
        return form_error(problems)
    if not edit and not (
        body.get("content") or embeds or body.get("components") or body.get("poll") or files
    ):
        return {"code": 50006, "message": "Cannot send an empty message"}
    return None


def invalid_choices(choices: list[dict]) -> dict | None:
    """The error body for autocomplete choices Discord would refuse, or None."""
    problems: list[tuple[str, str, str]] = []
    if len(choices) > 25:
        problems.append(("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
    for index, choice in enumerate(choices):
        name = choice.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            problems.append(
                (f"data.choices.{index}.name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
            )
        _check_length(problems, f"data.choices.{index}.value", choice.get("value"), 100)
    return form_error(problems)
