"""Input limits (OWASP API4, unrestricted resource consumption), from the OpenAPI document:
every field a client sends has a bound, oversize bodies are refused before they are read,
and deeply nested JSON is refused as malformed instead of exhausting the stack."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from platform_api.auth.scopes import OPERATOR
from platform_api.settings import Settings
from tests.conftest import Caller

#: Strings whose format fixes their length: the parser accepts only a fixed grammar
#: (`uuid` 36 characters, `date` and `date-time` RFC 3339) and stops at the first
#: character that breaks it, so a long value costs no more than a short one.
SELF_BOUNDED_FORMATS = {"uuid", "date", "date-time"}


def _unbounded(schema: dict[str, Any], where: str, components: dict[str, Any]) -> Iterator[str]:
    """Where `schema` lets a client send something without a limit."""
    seen: set[str] = set()

    def walk(node: dict[str, Any], at: str) -> Iterator[str]:
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                yield from walk(components[name], name)
            return
        for key in ("anyOf", "oneOf", "allOf"):
            for option in node.get(key, []):
                yield from walk(option, at)
        kind = node.get("type")
        if kind == "string" and not (
            "maxLength" in node
            or "enum" in node
            or "const" in node
            or node.get("format") in SELF_BOUNDED_FORMATS
        ):
            yield f"{at}: string without maxLength"
        elif kind == "array":
            if "maxItems" not in node:
                yield f"{at}: array without maxItems"
            yield from walk(node.get("items", {}), f"{at}[]")
        elif kind in ("integer", "number"):
            if not ({"minimum", "exclusiveMinimum"} & node.keys()):
                yield f"{at}: {kind} without minimum"
            if not ({"maximum", "exclusiveMaximum"} & node.keys()):
                yield f"{at}: {kind} without maximum"
        for name, child in node.get("properties", {}).items():
            yield from walk(child, f"{at}.{name}")
        extra = node.get("additionalProperties")
        if extra is True or (kind == "object" and "properties" not in node and extra is None):
            if "maxProperties" not in node:
                yield f"{at}: free-form object without maxProperties"
        elif isinstance(extra, dict):
            if "maxProperties" not in node:
                yield f"{at}: map without maxProperties"
            yield from walk(extra, f"{at}{{}}")

    yield from walk(schema, where)


def _request_schemas(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, schema) of every request body and every parameter of every operation."""
    for items in document["paths"].values():
        for operation in items.values():
            name = operation["operationId"]
            for media, content in operation.get("requestBody", {}).get("content", {}).items():
                yield f"{name} body ({media})", content["schema"]
            for parameter in operation.get("parameters", []):
                yield f"{name} {parameter['in']} {parameter['name']}", parameter["schema"]


def test_every_field_a_client_sends_is_bounded(app: FastAPI):
    document = app.openapi()
    components = document["components"]["schemas"]
    checked = 0
    problems: set[str] = set()
    for where, schema in _request_schemas(document):
        checked += 1
        problems.update(f"{where} -> {p}" for p in _unbounded(schema, where, components))
    assert checked > 250, checked  # bodies and parameters of ~120 operations
    assert not problems, "\n".join(sorted(problems))


@pytest.mark.parametrize(
    ("schema", "problem"),
    [
        ({"type": "string"}, "string without maxLength"),
        ({"type": "array", "items": {"type": "string", "maxLength": 3}}, "without maxItems"),
        ({"type": "integer", "minimum": 0}, "integer without maximum"),
        ({"type": "object", "additionalProperties": True}, "without maxProperties"),
        ({"$ref": "#/components/schemas/Nested"}, "Nested.tags[]: string without maxLength"),
    ],
)
def test_the_bounds_check_finds_what_it_looks_for(schema: dict[str, Any], problem: str):
    components = {
        "Nested": {
            "type": "object",
            "properties": {"tags": {"type": "array", "maxItems": 5, "items": {"type": "string"}}},
        }
    }
    found = list(_unbounded(schema, "probe", components))
    assert any(problem in p for p in found), found


def _json_operations(app: FastAPI) -> list[tuple[str, str, str, bool]]:
    """(operation id, method, path with made-up ids, operator only) taking a JSON body."""
    found = []
    for path, items in app.openapi()["paths"].items():
        for method, operation in items.items():
            if "application/json" not in operation.get("requestBody", {}).get("content", {}):
                continue
            names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]
            scopes = {s for req in operation.get("security", []) for v in req.values() for s in v}
            url = path.format(**{name: uuid.uuid4() for name in names})
            found.append((operation["operationId"], method.upper(), url, OPERATOR in scopes))
    return found


@pytest.fixture(scope="module")
async def member(platform: Any) -> Caller:
    caller: Caller = await platform.tenant_caller()
    return caller


def _deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


async def _send(
    client: httpx.AsyncClient, method: str, url: str, caller: Caller, content: Any
) -> httpx.Response:
    return await client.request(
        method,
        url,
        content=content,
        headers={
            **caller.headers,
            "Content-Type": "application/json",
            "Idempotency-Key": str(uuid.uuid4()),
        },
    )


@pytest.mark.parametrize(
    ("depth", "expected"),
    [(100_000, {400}), (5_000, {400}), (900, {400, 422}), (250, {400, 422})],
)
async def test_deeply_nested_json_is_refused_on_every_operation(
    client: httpx.AsyncClient,
    app: FastAPI,
    member: Caller,
    operator: Caller,
    depth: int,
    expected: set[int],
):
    """As the whole body and as the value of fields (`settings` is free-form JSON), deep
    nesting well within the size limit is a problem, never a 500, on every operation that
    takes JSON. The lean handler parses with pydantic's parser, which stops at 200 levels
    (400); FastAPI's handler (optional bodies, handler-side authorization) parses with
    `json.loads`, which stops at the interpreter's recursion limit (400) and leaves
    shallower nesting to validation (422; free-form JSON is capped at 32 levels)."""
    failures = []
    slowest = 0.0
    operations = _json_operations(app)
    for operation_id, method, url, operator_only in operations:
        caller = operator if operator_only else member
        for shape, body in (
            ("body", _deep(depth)),
            ("field", b'{"name": ' + _deep(depth) + b', "settings": ' + _deep(depth) + b"}"),
        ):
            started = time.perf_counter()
            response = await _send(client, method, url, caller, body)
            slowest = max(slowest, time.perf_counter() - started)
            if response.status_code not in expected or (
                response.headers["content-type"] != "application/problem+json"
            ):
                failures.append(
                    f"{operation_id} ({shape}): {response.status_code} {response.text[:200]}"
                )
    print(
        f"\ndepth {depth}: {len(operations)} operations x 2 shapes, slowest {slowest * 1000:.0f} ms"
    )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("path", "who"),
    [("/v1/entrepreneurs", "member"), ("/v1/tenants", "operator")],
    ids=["lean handler", "FastAPI handler"],
)
async def test_an_oversize_body_is_the_same_413_problem_declared_or_streamed(
    client: httpx.AsyncClient,
    settings: Settings,
    member: Caller,
    operator: Caller,
    path: str,
    who: str,
):
    """A declared length is refused before the app runs; a streamed body when the app
    reads past the limit. Both are one problem type, whichever handler reads the body.
    (tests/core/test_errors.py checks that nothing is written.)"""
    caller = member if who == "member" else operator
    padding = b'{"name": "' + b"x" * settings.max_body_bytes + b'"}'

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(padding), 65_536):
            yield padding[start : start + 65_536]

    for content in (padding, chunks()):
        response = await _send(client, "POST", path, caller, content)
        assert response.status_code == 413, response.text
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["type"] == "/problems/payload-too-large", problem
        assert problem["detail"] == f"The request body exceeds {settings.max_body_bytes} bytes."
