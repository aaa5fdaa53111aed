"""Checking the traffic between the bot and the fake against Discord's published API description.

``spec/openapi.json`` is the part of Discord's OpenAPI 3.1 description (discord/discord-api-spec,
MIT, see ``spec/README.md``) that covers the routes the fake serves; ``spec/extract.py`` makes it
from the full file. A recorded request is checked against its operation's request body, and the
fake's answer against that operation's response schema for the status it answered with
(``200``, then ``4XX``, ...). The schemas are JSON Schema 2020-12, as OpenAPI 3.1 says; their
``$ref``s are resolved inside the description.

    problems = discord_api().violations(fake.requests)   # [] when everything conforms

To follow a newer description: ``python -m tests.fakediscord.api_spec path/to/full/openapi.json``
writes the part the fake's routes need into ``spec/openapi.json``.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .records import RecordedRequest

SPEC_FILE = Path(__file__).parent / "spec" / "openapi.json"
BASE_URI = "urn:discord-api-spec:openapi.json"
METHODS = ("get", "put", "post", "patch", "delete")
JSON = "application/json"


def pointer_part(name: str) -> str:
    """A name as one step of a JSON pointer."""
    return name.replace("~", "~0").replace("/", "~1")


def path_pattern(template: str) -> re.Pattern[str]:
    """``/channels/{channel_id}/messages`` as a regex over real paths."""
    pieces = re.split(r"(\{[^/{}]+\})", template)
    return re.compile("".join("[^/]+" if piece.startswith("{") else re.escape(piece) for piece in pieces))


@dataclass(frozen=True)
class Violation:
    """A request or an answer that the description does not allow."""

    method: str
    path: str
    status: int | None
    side: str  # "request" or "answer"
    problem: str

    def __str__(self) -> str:
        return f"{self.side} of {self.method} {self.path} ({self.status}): {self.problem}"


class ApiDescription:
    def __init__(self, spec: dict) -> None:
        self.spec = spec
        self.registry = Registry().with_resource(
            BASE_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
        )
        # Literal segments win over parameters: /messages/@original before /messages/{message_id}.
        self._paths = sorted(
            ((path_pattern(path), path) for path in spec["paths"]), key=lambda item: item[1].count("{")
        )
        self._validators: dict[str, Draft202012Validator] = {}

    @classmethod
    def load(cls, path: Path = SPEC_FILE) -> ApiDescription:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    # -- finding what applies ------------------------------------------------------------------

    def operation_pointer(self, method: str, path: str) -> str | None:
        """The JSON pointer of the operation serving ``method path``, or None."""
        for pattern, template in self._paths:
            if pattern.fullmatch(path) and method.lower() in self.spec["paths"][template]:
                return f"/paths/{pointer_part(template)}/{method.lower()}"
        return None

    def _at(self, pointer: str) -> Any:
        node: Any = self.spec
        for part in pointer.lstrip("/").split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[part]
        return node

    def _follow(self, pointer: str) -> tuple[str, Any]:
        """The node at ``pointer``, through any ``$ref`` it is (request bodies, responses)."""
        node = self._at(pointer)
        while isinstance(node, dict) and "$ref" in node:
            pointer = node["$ref"].removeprefix("#")
            node = self._at(pointer)
        return pointer, node

    def request_schema(self, operation: str) -> str | None:
        """The pointer of the JSON schema of an operation's request body, if it takes one."""
        if "requestBody" not in self._at(operation):
            return None
        pointer, body = self._follow(f"{operation}/requestBody")
        return f"{pointer}/content/{pointer_part(JSON)}/schema" if JSON in body["content"] else None

    def response(self, operation: str, status: int) -> tuple[str, dict] | None:
        """The response entry for a status: exact, then ``4XX``-style, then ``default``."""
        responses = self._at(operation)["responses"]
        for key in (str(status), f"{status // 100}XX", "default"):
            if key in responses:
                return self._follow(f"{operation}/responses/{pointer_part(key)}")
        return None

    # -- checking ------------------------------------------------------------------------------

    def _problems(self, schema_pointer: str, value: Any) -> list[str]:
        validator = self._validators.get(schema_pointer)
        if validator is None:
            validator = Draft202012Validator({"$ref": f"{BASE_URI}#{schema_pointer}"}, registry=self.registry)
            self._validators[schema_pointer] = validator
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        return [
            f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {deepest(error)}" for error in errors
        ]

    def check(self, request: RecordedRequest) -> list[Violation]:
        """What of one request and its answer the description does not allow."""

        def violation(side: str, problem: str) -> Violation:
            return Violation(request.method, request.path, request.status, side, problem)

        operation = self.operation_pointer(request.method, request.path)
        if operation is None:
            return [violation("request", "no such operation in Discord's API")]
        found = []
        schema = self.request_schema(operation)
        if schema is not None and request.json is not None:
            found += [violation("request", problem) for problem in self._problems(schema, request.json)]
        elif schema is None and request.json is not None:
            found.append(violation("request", "a body where the operation takes none"))
        if request.status is None or request.status >= 500:
            return found  # not answered, or a server error (injected by a fault): not described
        response = self.response(operation, request.status)
        if response is None:
            return found + [
                violation("answer", f"status {request.status} is not an answer of this operation")
            ]
        pointer, entry = response
        if JSON in entry.get("content", {}):
            found += [
                violation("answer", problem)
                for problem in self._problems(
                    f"{pointer}/content/{pointer_part(JSON)}/schema", request.answer
                )
            ]
        elif request.answer is not None:
            found.append(violation("answer", "a body where the description has none"))
        return found

    def violations(self, requests: Iterable[RecordedRequest]) -> list[Violation]:
        return [
            problem for request in requests if request.route is not None for problem in self.check(request)
        ]


@functools.cache
def discord_api() -> ApiDescription:
    """The description in ``spec/``, read once."""
    return ApiDescription.load()


def fake_routes() -> list[tuple[str, str]]:
    """(method, path template) of every API route the fake serves, relative to the API base."""
    from .http_api import API_PREFIX, HttpApi
    from .server import FakeDiscord

    app = HttpApi(FakeDiscord()).build_app()
    return sorted(
        {
            (route.method, route.resource.canonical.removeprefix(API_PREFIX))
            for route in app.router.routes()
            if route.method != "HEAD" and route.resource.canonical.startswith(API_PREFIX)
        }
    )


def extract(spec: dict, routes: Iterable[tuple[str, str]]) -> dict:
    """The part of a full description that serves ``routes``: their operations (a route with a
    parameter where Discord has a literal, as ``@original``, takes both) and every component
    these reach through ``$ref``, with the description's own header."""
    routes = [(method.lower(), path_pattern(template)) for method, template in routes]
    paths: dict[str, dict] = {}
    for template, item in spec["paths"].items():
        literal = re.sub(r"\{[^/{}]+\}", "x", template)
        methods = {method for method, pattern in routes if pattern.fullmatch(literal)}
        kept = {key: value for key, value in item.items() if key in methods or key not in METHODS}
        if methods & kept.keys():
            paths[template] = kept
    components: dict[str, dict] = {"securitySchemes": spec["components"].get("securitySchemes", {})}
    pending = [paths]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            reference = node.get("$ref")
            if isinstance(reference, str) and reference.startswith("#/components/"):
                kind, name = reference.removeprefix("#/components/").split("/", 1)
                if name not in components.setdefault(kind, {}):
                    components[kind][name] = spec["components"][kind][name]
                    pending.append(components[kind][name])
            pending.extend(value for key, value in node.items() if key != "$ref")
    header = {key: spec[key] for key in ("openapi", "info", "externalDocs", "servers") if key in spec}
    return {
        **header,
        "paths": paths,
        "components": {kind: dict(sorted(found.items())) for kind, found in sorted(components.items())},
    }


def deepest(error) -> str:
    """The most telling message of a validation error: for a failed anyOf/oneOf, that of the
    alternative that came closest, the one that got past the discriminating ``type`` and
    failed deepest inside."""
    while error.context:
        branches: dict = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)

        def closeness(errors: list) -> tuple:
            mismatched = any(
                e.validator in ("enum", "const", "type") and len(e.relative_path) <= 1 for e in errors
            )
            return (not mismatched, max(len(e.absolute_path) for e in errors), -len(errors))

        error = max(max(branches.values(), key=closeness), key=lambda e: len(e.absolute_path))
    return error.message[:300]


if __name__ == "__main__":
    full = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    part = extract(full, fake_routes())
    SPEC_FILE.write_text(json.dumps(part, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{SPEC_FILE}: {len(part['paths'])} paths, {sum(map(len, part['components'].values()))} components")
