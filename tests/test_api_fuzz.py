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

The document is read as tests/fuzzing.py describes it (the stateful run,
tests/test_api_stateful.py, shares it). Examples are derandomized, so a run repeats the
previous one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from platform_api.auth.scopes import OPERATOR
from tests.conftest import Caller, Platform
from tests.fuzzing import Callers, contract, required_scopes


def _schema(mode: str) -> Any:
    return schemathesis.openapi.from_dict(
        contract(), config=schemathesis.Config.from_dict({"generation": {"mode": mode}})
    )


#: Valid and invalid requests; valid ones only, where an invalid path could fail routing.
schema = _schema("all")
positive_schema = _schema("positive")

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]

#: Requests per operation, valid and invalid ones together.
MAX_EXAMPLES = 30


@dataclass
class Seeds(Callers):
    """The callers, and existing objects' ids by the caller kind that will send the
    request: the tenant's own objects for its token, another (sacrificial) tenant's for the
    operator, whose operations may suspend that tenant or revoke its client."""

    for_tenant: dict[str, str] = field(default_factory=dict)
    for_operator: dict[str, str] = field(default_factory=dict)


SEEDS = Seeds()
SEEDED_NAMES = frozenset({"tenant_id", "client_id", "entrepreneur_id"})


def _is_secured(operation: Any) -> bool:
    return bool(operation.definition.raw.get("security"))


def before_generate_path_parameters(
    context: schemathesis.HookContext, strategy: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """Sometimes put real ids into path parameters (each one independently)."""
    operation = context.operation
    assert operation is not None
    names = sorted(SEEDED_NAMES & {p.name for p in operation.path_parameters})
    if not names:
        return strategy
    operator = OPERATOR in required_scopes(operation)

    def plant(drawn: tuple[dict[str, Any] | None, frozenset[str]]) -> dict[str, Any] | None:
        params, chosen = drawn
        if not isinstance(params, dict):
            return params
        seeds = SEEDS.for_operator if operator else SEEDS.for_tenant
        return {**params, **{name: seeds[name] for name in chosen if name in seeds}}

    return st.tuples(strategy, st.frozensets(st.sampled_from(names))).map(plant)


for _schema_ in (schema, positive_schema):
    _schema_.hook(before_generate_path_parameters)


@pytest.fixture(scope="module")
async def fuzz_env(live_server: str, platform: Platform, operator: Caller) -> Seeds:
    """Callers and seeded objects, created through the API."""
    tenant = await platform.tenant_caller()
    spare = await platform.caller(tenant.tenant_id or "", ["entrepreneurs:read"])
    victim = await platform.tenant_caller(["entrepreneurs:read"])
    created = await platform.client.post(
        "/v1/entrepreneurs",
        json={"full_name": "Amina Njeri", "country": "KE", "needs": ["bookkeeping"]},
        headers=tenant.headers,
    )
    assert created.status_code == 201, created.text
    SEEDS.base_url = live_server
    SEEDS.operator = operator
    SEEDS.maker = SEEDS.checker = tenant
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
def http_session(fuzz_env: Seeds) -> Iterator[requests.Session]:
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
    case: schemathesis.Case, fuzz_env: Seeds, http_session: requests.Session
) -> None:
    operation = case.operation
    headers = fuzz_env.for_operation(operation).headers if _is_secured(operation) else {}
    case.call_and_validate(
        base_url=fuzz_env.base_url,
        session=http_session,
        headers=headers,
        checks=CHECKS,
        timeout=30,
    )


@positive_schema.parametrize()
@hypothesis_settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
)
def test_every_secured_operation_refuses_wrong_callers(
    case: schemathesis.Case, fuzz_env: Seeds, http_session: requests.Session
) -> None:
    """No token or a forged one is 401 before anything else is looked at; a real token of
    the wrong kind (operator on tenant data, tenant on operator work) is 403."""
    operation = case.operation
    if not _is_secured(operation):
        return
    assert fuzz_env.operator is not None and fuzz_env.maker is not None
    kwargs = {"base_url": fuzz_env.base_url, "session": http_session, "timeout": 30}
    callers: list[tuple[dict[str, str], int]] = [
        ({"Authorization": ""}, 401),
        ({"Authorization": "Bearer not.a.token"}, 401),
    ]
    required = required_scopes(operation)
    if OPERATOR in required:
        callers.append((fuzz_env.maker.headers, 403))
    elif required:
        callers.append((fuzz_env.operator.headers, 403))
    for headers, expected in callers:
        response = case.call(headers=headers, **kwargs)
        case.validate_response(response, checks=CHECKS)
        if response.status_code == 413:
            # A body over the size limit is refused before any token is read, whoever
            # sends it (cohort assignments' arrays may add up to more than the limit).
            continue
        assert response.status_code == expected, (operation.label, response.text)
        if expected == 401:
            # schemathesis keeps each header as a list of its values, under a lower-case name.
            assert response.headers.get("www-authenticate", [""])[0].startswith("Bearer")
