"""The HTTP side: the routes of Discord's API v10 that discord.py 2.x calls, under /api/v10.

A middleware records every request, checks the bot token, serves armed faults, and answers
routes the fake lacks with Discord's 404 shape (recorded with ``route=None``) so a test can
see what was missing.
"""

from __future__ import annotations

import asyncio
import json
import time
from contextvars import ContextVar
from typing import TYPE_CHECKING

from aiohttp import web

from .command_rules import invalid_commands
from .messages import (
    EPHEMERAL,
    LOADING,
    apply_edit,
    attachments_for,
    build_message,
    form_error,
    invalid_choices,
    invalid_message,
)
from .records import Callback, InteractionRecord, RecordedRequest, UploadedFile
from .state import Guild, Permission
from .wire import json_response

if TYPE_CHECKING:
    from .server import FakeDiscord

API_PREFIX = "/api/v10"

# Which callback types each interaction type accepts (ping, command, component, autocomplete, modal submit).
ALLOWED_CALLBACKS = {1: {1}, 2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}, 5: {4, 5, 6, 7}}
# How long Discord remembers an enforced nonce ("the past few minutes").
NONCE_MEMORY = 300.0
# Routes that authenticate with the interaction token in the path rather than the bot token.
TOKEN_ROUTES = ("/interactions/", "/webhooks/")

# The request being handled, with its parsed body. aiohttp runs each request in its own task,
# so every handler sees its own.
current: ContextVar[RecordedRequest] = ContextVar("current")


class ApiError(Exception):
    """An error answer in Discord's shape: {"code": ..., "message": ...}."""

    def __init__(self, status: int, code: int, message: str, errors: dict | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"code": code, "message": message}
        if errors is not None:
            self.body["errors"] = errors

    @classmethod
    def invalid(cls, body: dict) -> ApiError:
        return cls(400, body["code"], body["message"], body.get("errors"))

    def response(self) -> web.Response:
        return json_response(self.body, status=self.status)


def request_body() -> tuple[dict, list[UploadedFile]]:
    """The JSON body (an empty dict when there is none) and uploaded files of the current request."""
    record = current.get()
    return record.json or {}, record.files


async def read_body(request: web.Request) -> tuple[object, list[UploadedFile]]:
    """The JSON body, or for multipart uploads the ``payload_json`` part plus the files."""
    if request.content_type.startswith("multipart/"):
        payload, files = None, []
        reader = await request.multipart()
        async for part in reader:
            if part.name == "payload_json":
                payload = json.loads(await part.text())
            else:
                files.append(UploadedFile(part.name, part.filename, bytes(await part.read())))
        return payload, files
    text = await request.text()
    if not text:
        return None, []
    try:
        return json.loads(text), []
    except ValueError:
        return text, []


class HttpApi:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def build_app(self) -> web.Application:
        app = web.Application(middlewares=[self.middleware])
        app.router.add_get("/gateway", self.fake.gateway.handle)
        routes = [
            ("GET", "/gateway", self.get_gateway),
            ("GET", "/gateway/bot", self.get_gateway_bot),
            ("GET", "/users/@me", self.get_current_user),
            ("GET", "/oauth2/applications/@me", self.get_application),
            ("GET", "/applications/{application_id}/commands", self.get_commands),
            ("PUT", "/applications/{application_id}/commands", self.put_commands),
            ("GET", "/applications/{application_id}/guilds/{guild_id}/commands", self.get_commands),
            ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", self.put_commands),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self.post_callback),
            ("POST", "/webhooks/{application_id}/{token}", self.post_followup),
            ("GET", "/webhooks/{application_id}/{token}/messages/{message_id}", self.get_webhook_message),
            ("PATCH", "/webhooks/{application_id}/{token}/messages/{message_id}", self.patch_webhook_message),
            (
                "DELETE",
                "/webhooks/{application_id}/{token}/messages/{message_id}",
                self.delete_webhook_message,
            ),
            ("GET", "/channels/{channel_id}", self.get_channel),
            ("GET", "/channels/{channel_id}/messages", self.get_channel_messages),
            ("POST", "/channels/{channel_id}/messages", self.post_channel_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self.get_channel_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self.patch_channel_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self.delete_channel_message),
            ("POST", "/channels/{channel_id}/typing", self.post_typing),
            ("GET", "/guilds/{guild_id}", self.get_guild),
            ("GET", "/guilds/{guild_id}/channels", self.get_guild_channels),
            ("GET", "/guilds/{guild_id}/roles", self.get_guild_roles),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self.get_guild_member),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, API_PREFIX + path, handler)
        return app

    @web.middleware
    async def middleware(self, request: web.Request, handler) -> web.StreamResponse:
        if request.path == "/gateway":
            return await handler(request)
        fake = self.fake
        path = (
            request.path.removeprefix(API_PREFIX)
            if request.path.startswith(API_PREFIX + "/")
            else request.path
        )
        body, files = await read_body(request)
        route = None if request.match_info.http_exception else request.match_info.route.resource.canonical
        record = RecordedRequest(
            method=request.method,
            path=path,
            query=dict(request.query),
            headers=dict(request.headers),
            json=body,
            files=files,
            at=time.monotonic(),
            route=None if route is None else route.removeprefix(API_PREFIX),
        )
        current.set(record)
        fake.requests.append(record)
        try:
            if record.route is None:
                raise ApiError(404, 0, "404: Not Found")
            authorized = request.headers.get("Authorization") == f"Bot {fake.token}"
            if not authorized and not record.route.startswith(TOKEN_ROUTES):
                raise ApiError(401, 0, "401: Unauthorized")
            fault = fake.faults.take(request.method, path)
            if fault is not None and fault.delay is not None:
                record.fault = True
                response = await handler(request)
                await asyncio.sleep(fault.delay)
            elif fault is not None:
                record.fault = True
                response = fault.response()
            else:
                response = await handler(request)
        except ApiError as error:
            response = error.response()
        except Exception as error:
            # A bug in the fake. 418 is a status discord.py neither retries nor maps, so the bot
            # fails at once instead of retrying a 500 for 25 s; the error waits in fake.errors.
            fake.errors.append(error)
            response = json_response({"code": 0, "message": f"fake discord failed: {error!r}"}, status=418)
        record.status = response.status
        if isinstance(response, web.Response) and response.content_type == "application/json":
            record.answer = json.loads(response.body)
        return response

    # -- gateway, user, application ------------------------------------------------------------

    async def get_gateway(self, request: web.Request) -> web.Response:
        return json_response({"url": self.fake.gateway_url})

    async def get_gateway_bot(self, request: web.Request) -> web.Response:
        limit = {
            "total": 1000,
            "remaining": 999,
            "reset_after": 14_400_000,
            "max_concurrency": self.fake.max_concurrency,
        }
        return json_response(
            {"url": self.fake.gateway_url, "shards": self.fake.shards, "session_start_limit": limit}
        )

    async def get_current_user(self, request: web.Request) -> web.Response:
        return json_response(
            {**self.fake.bot_user.payload(), "verified": True, "mfa_enabled": False, "locale": "en-US"}
        )

    async def get_application(self, request: web.Request) -> web.Response:
        fake = self.fake
        return json_response(
            {
                "id": str(fake.application_id),
                "name": fake.bot_user.name,
                "icon": None,
                "description": "",
                "type": None,
                "summary": "",
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": fake.owner.payload(),
                "team": None,
                "verify_key": "0" * 64,
                "flags": fake.application_flags,
                "flags_new": str(fake.application_flags),
                "bot": fake.bot_user.payload(),
                "interactions_endpoint_url": None,
                "role_connections_verification_url": None,
                "redirect_uris": [],
                "tags": [],
                "approximate_guild_count": len(fake.guilds),
                "approximate_user_install_count": 0,
                "approximate_user_authorization_count": 0,
                "explicit_content_filter": 0,
                "eligible_oauth2_scopes": ["applications.commands", "bot"],
            }
        )

    # -- application commands ------------------------------------------------------------------

    def _command_scope(self, request: web.Request) -> int | None:
        if int(request.match_info["application_id"]) != self.fake.application_id:
            raise ApiError(404, 10002, "Unknown Application")
        if "guild_id" not in request.match_info:
            return None
        guild_id = int(request.match_info["guild_id"])
        if guild_id not in self.fake.guilds:
            raise ApiError(404, 10004, "Unknown Guild")
        return guild_id

    async def get_commands(self, request: web.Request) -> web.Response:
        return json_response(self.fake.commands.get(self._command_scope(request), []))

    async def put_commands(self, request: web.Request) -> web.Response:
        """Bulk overwrite, as ``tree.sync()`` does: a command keeps its id while its name and
        type stay, like on Discord; a tree Discord would refuse is refused (command_rules.py)."""
        fake = self.fake
        scope = self._command_scope(request)
        previous = {(c["name"], c.get("type", 1)): c["id"] for c in fake.commands.get(scope, [])}
        commands = current.get().json or []
        error = invalid_commands(commands)
        if error is not None:
            raise ApiError.invalid(error)
        synced = []
        for command in commands:
            kind = command.get("type", 1)
            permissions = command.get("default_member_permissions")
            stored = {
                "type": kind,
                "options": [],
                "nsfw": False,
                **command,
                # Discord answers permissions as a string (bots may send a number) and the
                # install types as a list, [0] (server installs) when the bot sent none.
                "default_member_permissions": None if permissions is None else str(permissions),
                "integration_types": command.get("integration_types") or [0],
                "id": previous.get((command["name"], kind)) or str(fake.new_id()),
                "application_id": str(fake.application_id),
                "version": str(fake.new_id()),
            }
            if scope is not None:
                stored["guild_id"] = str(scope)
            synced.append(stored)
        fake.commands[scope] = synced
        return json_response(synced)

    # -- interaction callbacks and follow-ups --------------------------------------------------

    async def post_callback(self, request: web.Request) -> web.Response:
        fake = self.fake
        record = fake.interactions.get(int(request.match_info["interaction_id"]))
        if record is None or record.token != request.match_info["token"]:
            raise ApiError(404, 10062, "Unknown interaction")
        if record.callback is not None:
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        received_at = time.monotonic()
        if received_at - record.sent_at > fake.interaction_deadline:
            raise ApiError(404, 10062, "Unknown interaction")

        body, files = request_body()
        kind, data = body.get("type"), body.get("data")
        if kind not in ALLOWED_CALLBACKS[record.type] or (kind in (6, 7) and record.message is None):
            reason = f"Callback type {kind} is not valid for interaction type {record.type}"
            raise ApiError.invalid(form_error([("type", "INTERACTION_CALLBACK_TYPE_INVALID", reason)]))
        if kind in (4, 7):
            error = invalid_message(data or {}, files=len(files), edit=kind == 7)
            if error is not None:
                raise ApiError.invalid(error)
        if kind == 8:
            error = invalid_choices((data or {}).get("choices") or [])
            if error is not None:
                raise ApiError.invalid(error)

        if kind in (4, 5):
            flags = LOADING if kind == 5 else 0
            record.original = self._interaction_message(record, data or {}, files, flags=flags)
        elif kind == 6:
            record.original = record.message
        elif kind == 7:
            apply_edit(record.message, data or {}, attachments_for(files, fake.new_id, fake.url))
            record.original = record.message
        record.callback = Callback(kind, data, received_at, files)

        if kind in (1, 8) or request.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        ephemeral = record.original is not None and bool(record.original["flags"] & EPHEMERAL)
        interaction = {
            "id": str(record.id),
            "type": record.type,
            "response_message_loading": kind == 5,
            "response_message_ephemeral": ephemeral,
        }
        answer: dict = {"interaction": interaction}
        if record.original is not None and kind != 9:
            interaction["response_message_id"] = record.original["id"]
        if kind in (4, 7):
            # Only a message sent or updated is a resource (InteractionCallbackResponse in
            # Discord's API description); a deferral or a form has none.
            answer["resource"] = {"type": kind, "message": record.original}
        return json_response(answer)

    def _interaction_message(
        self, record: InteractionRecord, body: dict, files: list[UploadedFile], *, flags: int = 0
    ) -> dict:
        fake = self.fake
        payload = record.payload
        user = payload["member"]["user"]
        metadata = {
            "id": str(record.id),
            "type": record.type,
            "user": user,
            "authorizing_integration_owners": payload["authorizing_integration_owners"],
        }
        if record.trigger is not None:  # a form's submission names the interaction that opened it
            trigger = record.trigger
            metadata["triggering_interaction_metadata"] = {
                "id": str(trigger.id),
                "type": trigger.type,
                "user": trigger.payload["member"]["user"],
                "authorizing_integration_owners": trigger.payload["authorizing_integration_owners"],
            }
        if record.message is not None:
            metadata["interacted_message_id"] = record.message["id"]
        message = build_message(
            fake.new_id(),
            int(payload["channel_id"]),
            int(payload["guild_id"]),
            fake.bot_user.payload(),
            body,
            attachments_for(files, fake.new_id, fake.url),
            flags=flags,
            webhook_id=fake.application_id,
            interaction=metadata,
        )
        fake.messages[int(message["id"])] = message
        return message

    def _token_record(self, request: web.Request) -> InteractionRecord:
        record = self.fake.interactions_by_token.get(request.match_info["token"])
        if record is None or int(request.match_info["application_id"]) != self.fake.application_id:
            raise ApiError(404, 10015, "Unknown Webhook")
        return record

    async def post_followup(self, request: web.Request) -> web.Response:
        record = self._token_record(request)
        if record.callback is None:
            raise ApiError(404, 10015, "Unknown Webhook")  # follow-ups need the initial response first
        body, files = request_body()
        error = invalid_message(body, files=len(files))
        if error is not None:
            raise ApiError.invalid(error)
        message = self._interaction_message(record, body, files)
        record.followups.append(message)
        return json_response(message)

    def _webhook_message(self, request: web.Request) -> tuple[InteractionRecord, dict]:
        record = self._token_record(request)
        wanted = request.match_info["message_id"]
        if wanted == "@original":
            message = record.original
        else:
            message = next((m for m in [record.original, *record.followups] if m and m["id"] == wanted), None)
        if message is None or int(message["id"]) not in self.fake.messages:
            raise ApiError(404, 10008, "Unknown Message")
        return record, message

    async def get_webhook_message(self, request: web.Request) -> web.Response:
        return json_response(self._webhook_message(request)[1])

    async def patch_webhook_message(self, request: web.Request) -> web.Response:
        _, message = self._webhook_message(request)
        self._edit(message)
        return json_response(message)

    async def delete_webhook_message(self, request: web.Request) -> web.Response:
        record, message = self._webhook_message(request)
        del self.fake.messages[int(message["id"])]
        if message is record.original:
            record.original = None
        else:
            record.followups.remove(message)
        return web.Response(status=204)

    def _edit(self, message: dict) -> None:
        body, files = request_body()
        error = invalid_message(body, files=len(files), edit=True)
        if error is not None:
            raise ApiError.invalid(error)
        apply_edit(message, body, attachments_for(files, self.fake.new_id, self.fake.url))

    # -- channels and messages -----------------------------------------------------------------

    def _channel(self, request: web.Request) -> tuple[Guild, int]:
        channel_id = int(request.match_info["channel_id"])
        guild = self.fake.guild_of_channel(channel_id)
        if guild is None:
            raise ApiError(404, 10003, "Unknown Channel")
        return guild, channel_id

    def _channel_message(self, request: web.Request) -> tuple[Guild, int, dict]:
        guild, channel_id = self._channel(request)
        message = self.fake.messages.get(int(request.match_info["message_id"]))
        if message is None or int(message["channel_id"]) != channel_id:
            raise ApiError(404, 10008, "Unknown Message")
        return guild, channel_id, message

    def _require(self, guild: Guild, channel_id: int, needed: int) -> None:
        granted = guild.permissions_for(self.fake.bot_user.id, channel_id)
        if not granted & Permission.VIEW_CHANNEL:
            raise ApiError(403, 50001, "Missing Access")
        if granted & needed != needed:
            raise ApiError(403, 50013, "Missing Permissions")

    async def get_channel(self, request: web.Request) -> web.Response:
        guild, channel_id = self._channel(request)
        return json_response(guild.channels[channel_id].payload())

    async def get_channel_messages(self, request: web.Request) -> web.Response:
        guild, channel_id = self._channel(request)
        self._require(guild, channel_id, Permission.READ_MESSAGE_HISTORY)
        query = request.query
        before, after = int(query.get("before", 1 << 63)), int(query.get("after", 0))
        found = [
            m
            for m in self.fake.messages.values()
            if int(m["channel_id"]) == channel_id and after < int(m["id"]) < before
        ]
        return json_response(found[::-1][: int(query.get("limit", 50))])  # newest first, like Discord

    async def post_channel_message(self, request: web.Request) -> web.Response:
        fake = self.fake
        guild, channel_id = self._channel(request)
        body, files = request_body()
        self._require(guild, channel_id, Permission.SEND_MESSAGES | (Permission.ATTACH_FILES if files else 0))
        error = invalid_message(body, files=len(files))
        if error is not None:
            raise ApiError.invalid(error)
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            # Discord: the message the same author sent with this nonce in the past few minutes
            # is returned, and no new one is created.
            sent = fake.nonces.get((channel_id, str(nonce)))
            if (
                sent is not None
                and time.monotonic() - sent[0] < NONCE_MEMORY
                and int(sent[1]["id"]) in fake.messages
            ):
                return json_response(sent[1])
        message = build_message(
            fake.new_id(),
            channel_id,
            guild.id,
            fake.bot_user.payload(),
            body,
            attachments_for(files, fake.new_id, fake.url),
        )
        if nonce is not None:
            message["nonce"] = nonce
            fake.nonces[(channel_id, str(nonce))] = (time.monotonic(), message)
        fake.messages[int(message["id"])] = message
        return json_response(message)

    async def get_channel_message(self, request: web.Request) -> web.Response:
        return json_response(self._channel_message(request)[2])

    async def patch_channel_message(self, request: web.Request) -> web.Response:
        _, _, message = self._channel_message(request)
        self._edit(message)
        return json_response(message)

    async def delete_channel_message(self, request: web.Request) -> web.Response:
        _, _, message = self._channel_message(request)
        del self.fake.messages[int(message["id"])]
        return web.Response(status=204)

    async def post_typing(self, request: web.Request) -> web.Response:
        self._channel(request)
        return web.Response(status=204)

    # -- guilds --------------------------------------------------------------------------------

    def _guild(self, request: web.Request) -> Guild:
        guild = self.fake.guilds.get(int(request.match_info["guild_id"]))
        if guild is None:
            raise ApiError(404, 10004, "Unknown Guild")
        return guild

    async def get_guild(self, request: web.Request) -> web.Response:
        return json_response(self._guild(request).payload())

    async def get_guild_channels(self, request: web.Request) -> web.Response:
        return json_response([channel.payload() for channel in self._guild(request).channels.values()])

    async def get_guild_roles(self, request: web.Request) -> web.Response:
        return json_response([role.payload() for role in self._guild(request).roles.values()])

    async def get_guild_member(self, request: web.Request) -> web.Response:
        member = self._guild(request).members.get(int(request.match_info["user_id"]))
        if member is None:
            raise ApiError(404, 10007, "Unknown Member")
        return json_response(member.payload())
