"""Property-based fuzzing of every operation in the app's OpenAPI document (schemathesis).

Each operation gets valid (positive) and invalid (negative) requests generated from its
documented parameters and bodies, sent over HTTP to the app served by uvicorn on the
test database; every answer must be no 5xx, a documented status, a documented media type,
and a body that matches the documented schema for that status.

The schema is read from `create_app().openapi()` at import time, so operations added to
the app are fuzzed without touching this file. Callers are chosen per operation: the
operator's token where the operation needs the operator scope, else a tenant client's
token holding every tenant scope. Path parameters named after seeded objects
(`tenant_id`, `client_id`, `entrepreneur_id`) are sometimes replaced by real ids, so
reads and writes of existing objects are exercised too, not only 404s. A second, short
pass checks that every secured operation refuses a missing or forged token (401) and a
token of the wrong kind (403).

Where schemathesis 3 would send what no HTTP client can (control characters in headers)
or misreads OpenAPI 3.1, the hooks below adjust the generated requests, never the checks;
each says why. Examples are derandomized, so a run repeats the previous one.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import DataGenerationMethod
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from platform_api.app import create_app
from platform_api.auth.scopes import OPERATOR
from platform_api.settings import Settings
from tests.conftest import Caller, Platform

# FastAPI documents OpenAPI 3.1; schemathesis 3.x reads it behind this switch (it then
# validates responses with JSON Schema 2020-12, which is what the document uses).
schemathesis.experimental.OPEN_API_3_1.enable()

# hypothesis-jsonschema has no strategy for `format: uuid` and would send any string, so
# valid (positive) requests would rarely reach past validation to the database.
schemathesis.openapi.format("uuid", st.uuids().map(str))


def _for_schemathesis_3(node: Any) -> Any:
    """A copy of the document where a numeric `exclusiveMaximum` / `exclusiveMinimum`
    (JSON Schema 2020-12, what OpenAPI 3.1 uses) also has the same `maximum` /
    `minimum`. That changes no meaning (`x < 5 and x <= 5` is `x < 5`), but schemathesis
    3's negative mutations assume OpenAPI 3.0, where the exclusive keyword is a flag on
    `maximum`, and crash (KeyError 'maximum') when it stands alone."""
    if isinstance(node, list):
        return [_for_schemathesis_3(item) for item in node]
    if not isinstance(node, dict):
        return node
    copied = {key: _for_schemathesis_3(value) for key, value in node.items()}
    for exclusive, inclusive in (("exclusiveMaximum", "maximum"), ("exclusiveMinimum", "minimum")):
        bound = copied.get(exclusive)
        if isinstance(bound, int | float) and not isinstance(bound, bool):
            copied.setdefault(inclusive, bound)
    return copied


schema = schemathesis.from_dict(
    _for_schemathesis_3(create_app(Settings()).openapi()),
    data_generation_methods=[DataGenerationMethod.positive, DataGenerationMethod.negative],
)

CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
)

#: Requests per operation, valid and invalid ones together (about 40 s for the module).
MAX_EXAMPLES = 30


@dataclass
class Seeds:
    """Identities and existing objects the fuzzer uses, filled by the `fuzz_env` fixture."""

    base_url: str = ""
    operator: Caller | None = field(default=None, repr=False)  # no secrets in reports
    tenant: Caller | None = field(default=None, repr=False)
    # Path-parameter values by the caller kind that will send the request: the tenant's
    # own objects for its token, another (sacrificial) tenant's for the operator, whose
    # operations may suspend that tenant or revoke its client.
    for_tenant: dict[str, str] | None = None
    for_operator: dict[str, str] | None = None


SEEDS = Seeds()
SEEDED_NAMES = frozenset({"tenant_id", "client_id", "entrepreneur_id"})


def _needs_operator(operation: Any) -> bool:
    requirements = operation.definition.raw.get("security", [])
    return any(OPERATOR in scopes for req in requirements for scopes in req.values())


def _is_secured(operation: Any) -> bool:
    return bool(operation.definition.raw.get("security"))


@schema.hook
def before_generate_path_parameters(
    context: schemathesis.HookContext, strategy: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """Sometimes put real ids into path parameters (each one independently)."""
    operation = context.operation
    assert operation is not None
    names = sorted(SEEDED_NAMES & {p.name for p in operation.path_parameters})
    if not names:
        return strategy
    operator = _needs_operator(operation)

    def plant(drawn: tuple[dict[str, Any] | None, frozenset[str]]) -> dict[str, Any] | None:
        params, chosen = drawn
        if not isinstance(params, dict):
            return params
        seeds = (SEEDS.for_operator if operator else SEEDS.for_tenant) or {}
        return {**params, **{name: seeds[name] for name in chosen if name in seeds}}

    return st.tuples(strategy, st.frozensets(st.sampled_from(names))).map(plant)


def _is_field_value(value: object) -> bool:
    """RFC 9110 §5.5: a header value is visible ASCII, obs-text (0x80-0xFF), spaces and
    tabs. schemathesis 3 also generates control characters, which are not HTTP: the
    server's parser refuses them (400 text/plain) before the app sees the request."""
    return all(c == "\t" or " " <= c <= "~" or "\x80" <= c <= "\xff" for c in str(value))


@schema.hook
def filter_headers(context: schemathesis.HookContext, headers: dict[str, Any] | None) -> bool:
    return headers is None or all(_is_field_value(value) for value in headers.values())


@schema.hook
def map_query(context: schemathesis.HookContext, query: dict[str, Any] | None) -> Any:
    """schemathesis 3 sends a nullable query parameter's None as the text `null`; a query
    string has no null, and a client leaves such a parameter out, so do that."""
    if not query:
        return query
    return {name: value for name, value in query.items() if value != "null"}


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


@pytest.fixture(scope="module")
def live_server(settings: Settings, database: object) -> Iterator[str]:
    """The app on the test database, served by uvicorn in a thread on a free port."""
    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings), log_config=None, access_log=False, lifespan="on", workers=1
        )
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the uvicorn test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture(scope="module")
async def fuzz_env(live_server: str, platform: Platform, operator: Caller) -> Seeds:
    """Callers and seeded objects, created through the API on the live server."""
    tenant = await platform.tenant_caller()
    spare = await platform.caller(tenant.tenant_id or "", ["entrepreneurs:read"])
    victim = await platform.tenant_caller(["entrepreneurs:read"])
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as http:
        created = await http.post(
            "/v1/entrepreneurs",
            json={"full_name": "Amina Njeri", "country": "KE", "needs": ["bookkeeping"]},
            headers=tenant.headers,
        )
        assert created.status_code == 201, created.text
        listed = await http.get("/v1/tenants", headers=operator.headers)
        assert listed.status_code == 200, listed.text
    SEEDS.base_url = live_server
    SEEDS.operator = operator
    SEEDS.tenant = tenant
    SEEDS.for_tenant = {
        "tenant_id": tenant.tenant_id or "",
        "client_id": spare.client_id,
        "entrepreneur_id": created.json()["id"],
    }
    SEEDS.for_operator = {
        "tenant_id": victim.tenant_id or "",
        "client_id": victim.client_id,
        "entrepreneur_id": created.json()["id"],
    }
    return SEEDS


@pytest.fixture(scope="module")
def http_session(fuzz_env: Seeds) -> Iterator[Any]:
    import requests

    with requests.Session() as session:
        yield session


@schema.parametrize()
@hypothesis_settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    # Generation is slow for some bodies and many negative cases get filtered; neither
    # is a problem with the API.
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate, Phase.target, Phase.shrink],
)
def test_every_operation_conforms_to_its_contract(
    case: schemathesis.Case, fuzz_env: Seeds, http_session: Any
) -> None:
    operation = case.operation
    headers: dict[str, str] = {}
    if _needs_operator(operation):
        assert fuzz_env.operator is not None
        headers = fuzz_env.operator.headers
    elif _is_secured(operation):
        assert fuzz_env.tenant is not None
        headers = fuzz_env.tenant.headers
    case.call_and_validate(
        base_url=fuzz_env.base_url,
        session=http_session,
        headers=headers,
        checks=CHECKS,
        timeout=30,
    )


# Valid requests only: an invalid path could fail routing (404) before auth is reached.
@schema.parametrize(data_generation_methods=[DataGenerationMethod.positive])
@hypothesis_settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
)
def test_every_secured_operation_refuses_wrong_callers(
    case: schemathesis.Case, fuzz_env: Seeds, http_session: Any
) -> None:
    """No token or a forged one is 401 before anything else is looked at; a real token of
    the wrong kind (operator on tenant data, tenant on operator work) is 403."""
    operation = case.operation
    if not _is_secured(operation):
        return
    assert fuzz_env.operator is not None and fuzz_env.tenant is not None
    kwargs = {"base_url": fuzz_env.base_url, "session": http_session, "timeout": 30}
    callers: list[tuple[dict[str, str], int]] = [
        ({"Authorization": ""}, 401),
        ({"Authorization": "Bearer not.a.token"}, 401),
    ]
    required = {
        scope
        for requirement in operation.definition.raw.get("security", [])
        for scopes in requirement.values()
        for scope in scopes
    }
    if OPERATOR in required:
        callers.append((fuzz_env.tenant.headers, 403))
    elif required:
        callers.append((fuzz_env.operator.headers, 403))
    for headers, expected in callers:
        response = case.call(headers=headers, **kwargs)
        case.validate_response(response, checks=CHECKS)
        assert response.status_code == expected, (operation.verbose_name, response.text)
        if expected == 401:
            assert response.headers.get("WWW-Authenticate", "").startswith("Bearer")
