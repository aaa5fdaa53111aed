"""What the fake saw: every HTTP request, and each interaction with its callback and follow-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .faults import compile_path_pattern


@dataclass
class UploadedFile:
    field: str
    filename: str | None
    content: bytes


@dataclass
class RecordedRequest:
    """One HTTP request. ``path`` is relative to the API base; ``route`` is the template it
    matched (``/channels/{channel_id}/messages``) or None when the fake has no such route."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: list[UploadedFile]
    at: float  # time.monotonic(), comparable with InteractionRecord.sent_at
    route: str | None = None
    status: int | None = None
    fault: bool = False  # answered by an armed fault rather than by the route
    answer: Any = None  # the JSON body the fake answered with (None for an empty answer)


class RequestLog(list[RecordedRequest]):
    def matching(
        self, method: str = "*", path: str | None = None, *, status: int | None = None
    ) -> list[RecordedRequest]:
        """Requests with this method (``*`` for any), a path fitting the pattern (see
        faults.compile_path_pattern; None for any) and, if given, this response status."""
        pattern = None if path is None else compile_path_pattern(path)
        return [
            request
            for request in self
            if (method == "*" or method.upper() == request.method)
            and (pattern is None or pattern.fullmatch(request.path))
            and (status is None or request.status == status)
        ]

    @property
    def unhandled(self) -> list[RecordedRequest]:
        """Requests no route answered: what discord.py needed and the fake lacks."""
        return [request for request in self if request.route is None]


@dataclass
class Callback:
    """The bot's answer to an interaction: POST /interactions/{id}/{token}/callback."""

    type: int
    data: dict | None
    received_at: float
    files: list[UploadedFile] = field(default_factory=list)


@dataclass
class InteractionRecord:
    """An interaction sent to the bot and everything it answered.

    ``original`` and ``followups`` are the very message dicts stored in ``FakeDiscord.messages``,
    so edits show up here too.
    """

    id: int
    token: str
    payload: dict
    sent_at: float
    message: dict | None = None  # the message a component was used on
    session: Any = None  # the GatewaySession it was dispatched to (the shard holding the guild)
    trigger: InteractionRecord | None = None  # for a form's submission: the interaction that opened it
    callback: Callback | None = None
    original: dict | None = None
    followups: list[dict] = field(default_factory=list)

    @property
    def type(self) -> int:
        return self.payload["type"]

    @property
    def latency(self) -> float:
        """Seconds from the INTERACTION_CREATE frame to the callback's arrival."""
        if self.callback is None:
            raise ValueError(f"interaction {self.id} has no callback yet")
        return self.callback.received_at - self.sent_at
