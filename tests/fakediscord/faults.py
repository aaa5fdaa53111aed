"""Failures on demand: the next N requests matching a route get an error instead of an answer.

Paths are matched relative to the API base (``/channels/123/messages``). Patterns may use
discord.py's own route templates (``/channels/{channel_id}/messages``) or ``*``; either stands for
exactly one path segment.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from functools import cache

from aiohttp import web

from .wire import json_response


@cache
def compile_path_pattern(pattern: str) -> re.Pattern[str]:
    pieces = re.split(r"(\{[^/{}]*\}|\*)", pattern)
    regex = "".join(
        "[^/]+" if piece == "*" or piece.startswith("{") else re.escape(piece) for piece in pieces
    )
    return re.compile(regex)


def matches(method_pattern: str, path_pattern: str, method: str, path: str) -> bool:
    """Whether a request fits a method (``*`` for any) and a path pattern."""
    if method_pattern != "*" and method_pattern.upper() != method.upper():
        return False
    return compile_path_pattern(path_pattern).fullmatch(path) is not None


@dataclass
class Fault:
    """One armed failure; ``remaining`` counts down as requests hit it, ``hits`` counts up."""

    method: str
    path: str
    status: int
    body: dict
    remaining: int
    headers: dict[str, str] = field(default_factory=dict)
    retry_after: float | None = None  # set for 429s, whose reset headers depend on the moment served
    delay: float | None = None  # set for slow answers: the route runs, its answer comes this late
    hits: int = 0

    def response(self) -> web.Response:
        headers = dict(self.headers)
        if self.retry_after is not None:
            headers.update(
                {
                    "X-RateLimit-Reset": f"{time.time() + self.retry_after:.3f}",
                    "X-RateLimit-Reset-After": f"{self.retry_after:.3f}",
                    "Retry-After": str(math.ceil(self.retry_after)),
                }
            )
        return json_response(self.body, status=self.status, headers=headers)


class Faults:
    """The armed failures, first match wins."""

    def __init__(self) -> None:
        self.armed: list[Fault] = []

    def add(
        self,
        method: str,
        path: str,
        *,
        status: int,
        body: dict,
        times: int = 1,
        headers: dict[str, str] | None = None,
    ) -> Fault:
        fault = Fault(method, path, status, body, times, headers or {})
        compile_path_pattern(path)  # a bad pattern fails here, in the test, not inside the server
        self.armed.append(fault)
        return fault

    def rate_limit(
        self,
        method: str,
        path: str,
        *,
        times: int = 1,
        retry_after: float = 0.05,
        is_global: bool = False,
        bucket: str = "fakebucket",
    ) -> Fault:
        """429s shaped like Discord's, with every header discord.py reads.

        ``Via`` matters: discord.py treats a 429 without it as a Cloudflare ban and raises
        instead of retrying.
        """
        headers = {
            "Via": "1.1 google",
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Bucket": bucket,
            "X-RateLimit-Scope": "global" if is_global else "user",
        }
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": is_global,
            "code": 0,
        }
        fault = self.add(method, path, status=429, body=body, times=times, headers=headers)
        fault.retry_after = retry_after
        return fault

    def server_error(self, method: str, path: str, *, times: int = 1, status: int = 500) -> Fault:
        return self.add(
            method,
            path,
            status=status,
            body={"message": "500: Internal Server Error", "code": 0},
            times=times,
        )

    def slow(self, method: str, path: str, *, seconds: float, times: int = 1) -> Fault:
        """The route does its work at once (a message is created) but answers ``seconds`` later,
        as when Discord is overloaded: a client that stops waiting never learns it landed."""
        fault = self.add(method, path, status=200, body={}, times=times)
        fault.delay = seconds
        return fault

    def forbidden(
        self,
        method: str,
        path: str,
        *,
        times: int = 1,
        code: int = 50013,
        message: str = "Missing Permissions",
    ) -> Fault:
        return self.add(method, path, status=403, body={"message": message, "code": code}, times=times)

    def take(self, method: str, path: str) -> Fault | None:
        """The first armed fault for this request, used up by one."""
        for fault in self.armed:
            if fault.remaining > 0 and matches(fault.method, fault.path, method, path):
                fault.remaining -= 1
                fault.hits += 1
                return fault
        return None

    def clear(self) -> None:
        self.armed.clear()
